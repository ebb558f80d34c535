// Unit-test environment for page code: IndexedDB in memory, DOM matchers.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
