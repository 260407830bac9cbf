// Lint, and the house rules of ARCHITECTURE.md: which folder may import which.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (names) => names.flatMap((n) => [`**/${n}`, `**/${n}/**`]);
const noEnv = {
  selector: "MemberExpression[object.name='process'][property.name='env']",
  message: 'Only app/ reads process.env: take settings from the parsed config.',
};
const only = (message, group) => ({ group, message });
/** Outside its own folder, the embedded Graph is reached only through its package's public entry. */
const viaPublicEntry = only(
  "Use the embedded Graph's public entry, '@outreach/graph-emulator', not its files.",
  ['**/packages/graph-emulator', '**/packages/graph-emulator/**', '@outreach/graph-emulator/*'],
);

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', '.data/', 'tab/client/dist/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', noEnv],
    },
  },
  {
    files: ['workflow/**/*.ts'],
    ignores: ['workflow/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(?!(zod|luxon)(/|$)|\\.\\.?/)', message: 'workflow/ is pure: it may import only zod and luxon.' },
          only('workflow/ may not import graph/, bot/, tab/, app/ or tests/.', layer(['graph', 'bot', 'tab', 'app', 'tests'])),
          only('workflow/ does no I/O.', ['node:*', 'fs', 'http', 'https', 'net', 'child_process']),
          viaPublicEntry,
        ],
      }],
    },
  },
  {
    files: ['graph/**/*.ts'],
    ignores: ['graph/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [only('graph/ may import workflow/ only (no bot/, tab/, app/, tests/).', layer(['bot', 'tab', 'app', 'tests'])), viaPublicEntry],
      }],
    },
  },
  {
    files: ['documents/**/*.ts'],
    ignores: ['documents/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          {
            regex: '^(?!(docxtemplater|pizzip)(/|$)|node:(fs|fs/promises|path)$|\\.\\.?/)',
            message: 'documents/ may import workflow/, docxtemplater, pizzip, node:fs and node:path only.',
          },
          only('documents/ may not import graph/, bot/, tab/, app/ or tests/.', layer(['graph', 'bot', 'tab', 'app', 'tests'])),
          viaPublicEntry,
        ],
      }],
    },
  },
  {
    files: ['bot/**/*.ts'],
    ignores: ['bot/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          only('bot/ may import workflow/ only (no graph/, tab/, app/, tests/).', layer(['graph', 'tab', 'app', 'tests'])),
          only('bot/ uses workflow/ through its index (workflow/index.ts): export what it needs there rather than reaching into workflow internals.', ['**/workflow/*', '**/workflow/**']),
          viaPublicEntry,
        ],
      }],
    },
  },
  {
    files: ['tab/server/**/*.ts'],
    ignores: ['tab/server/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          only('tab/server may import workflow/ and bot/cards only.', layer(['graph', 'app', 'tests', 'client'])),
          // A regex: gitignore-style '**/bot' would also match everything under bot/, bot/cards included.
          { regex: '(^|/)bot(/(?!cards(/|$)).*)?$', message: 'tab/server may import workflow/ and bot/cards only.' },
          viaPublicEntry,
        ],
      }],
    },
  },
  {
    files: ['tab/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '^(?!zod(/|$)|\\./)', message: 'tab/contract is read by the browser and the server: it may import zod and itself only.' }],
      }],
    },
  },
  {
    files: ['tab/client/**/*.ts', 'tab/client/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [only('tab/client runs in the browser: nothing server-side.', [...layer(['workflow', 'graph', 'bot', 'app', 'tests', 'server']), 'node:*', 'fs'])],
      }],
    },
  },
  {
    files: ['packages/graph-emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [only('The embedded Graph is its own package: it imports only its own dependencies, nothing of the product.', [...layer(['workflow', 'graph', 'bot', 'tab', 'app', 'tests', 'manifest', 'scripts']), '../../../*'])],
      }],
    },
  },
  {
    files: ['app/**/*.ts', 'tests/**/*.ts', 'scripts/**/*.ts', 'manifest/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [viaPublicEntry] }] },
  },
  {
    files: ['app/**/*.ts', 'tests/**/*.ts', 'scripts/**/*.ts', '**/*.test.ts', 'packages/graph-emulator/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
