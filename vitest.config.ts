// Vitest: page-side units run in jsdom with fake-indexeddb; server units run in Node.
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
