// Unit-test environment for service-worker code: IndexedDB in memory, Cache Storage in memory.
import 'fake-indexeddb/auto';
import { memoryCaches } from '../app/storage/memory-caches.ts';

(globalThis as { caches?: unknown }).caches = memoryCaches();

// What a service worker's global scope has that Node 20 lacks.
Object.assign(globalThis, { self: globalThis });
(globalThis as { navigator?: unknown }).navigator ??= { onLine: true };
