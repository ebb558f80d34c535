// Vitest: page-side units run in jsdom with fake-indexeddb, service-worker units in Node with
// fake-indexeddb; server units run in Node.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'app',
          environment: 'jsdom',
          include: ['tests/unit/app/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/unit/app/setup.ts'],
        },
      },
      {
        test: {
          // The service worker's modules, in Node with IndexedDB in memory (no DOM, as in a worker).
          name: 'sw',
          environment: 'node',
          include: ['tests/unit/sw/**/*.test.ts'],
          setupFiles: ['tests/unit/sw/setup.ts'],
        },
      },
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/unit/server/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'build',
          environment: 'node',
          include: ['tests/unit/build/**/*.test.ts'],
        },
      },
    ],
  },
});
