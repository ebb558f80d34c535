// Unit-test environment for page code: IndexedDB in memory, DOM matchers.
import { Blob as NodeBlob } from 'node:buffer';
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';

// Node's Blob, which its structuredClone (fake-indexeddb stores with it) and its Response know, as
// a browser's IndexedDB and fetch know the browser's; jsdom's own Blob would come back as an
// empty object.
globalThis.Blob = NodeBlob as typeof Blob;
