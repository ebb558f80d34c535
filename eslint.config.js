// ESLint flat config: typed TypeScript rules, React hooks, and the layering the design asks for.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dev-dist',
      'build',
      '.tmp',
      'node_modules',
      'test-results',
      'playwright-report',
      'tests/fixtures',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  importX.flatConfigs.typescript,
  {
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Catches `total += await …` losing what another task added while awaiting (tests and
    // benches reassign their fixtures after awaits on purpose).
    files: ['src/**/*.{ts,tsx}', 'sw/**/*.ts', 'server/**/*.ts'],
    rules: { 'require-atomic-updates': ['error', { allowProperties: false }] },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'tests/unit/app/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/shared/**/*.ts', 'src/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', '**/features/**', '**/app/**'],
              message: 'shared/ and db/ run in the service worker too.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['sw/**/*.ts'],
    languageOptions: { globals: globals.serviceworker },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/src/features/**',
                '**/src/app/**',
                '**/src/downloads/**',
                // The download engine's DOM-free parts, for automatic downloads in the background
                // (tsconfig.sw.json compiles them without the DOM).
                '!**/src/downloads/auto-download.ts',
                '!**/src/downloads/background-fetch-strategy.ts',
                '!**/src/downloads/concurrency-limit.ts',
                // The feed reader runs in the service worker; these parts need a page.
                '**/src/feeds/sanitize-html.ts',
                '**/src/feeds/export-opml.ts',
                '**/src/feeds/feed-worker-client.ts',
                '**/src/feeds/fetch-feed.ts',
                'react',
                'react-dom',
              ],
              message:
                'The service worker may import only src/shared, src/db and the DOM-free src/feeds and src/downloads parts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'server/**/*.ts',
      'tests/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.ts',
      '*.config.{ts,js}',
    ],
    languageOptions: { globals: globals.node },
  },
);
