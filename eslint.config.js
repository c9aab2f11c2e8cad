// Lint rules, including the import boundaries of DESIGN §1. A forbidden import fails `npm run lint`;
// test/boundaries.test.ts proves each rule fires.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'http', 'https', 'net', 'crypto', 'child_process', 'url', 'stream', 'worker_threads', 'events', 'util', 'zlib', 'buffer'];

/** Patterns for `@typescript-eslint/no-restricted-imports`. */
function restrict(groups) {
  return ['error', { patterns: groups }];
}

const coreBoundary = restrict([
  { group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*'], message: 'core is pure domain code: no UI libraries (DESIGN §1).' },
  { group: ['electron', 'electron/*'], message: 'core must not import electron (DESIGN §1).' },
  { group: NODE_BUILTINS, message: 'core must not import Node built-ins: inject the capability instead (DESIGN §1).' },
  { group: ['**/renderer/**', '**/electron/**', '**/sync-server/**'], message: 'core imports only core (DESIGN §1).' },
]);

const rendererBoundary = restrict([
  { group: ['electron', 'electron/*'], allowTypeImports: true, message: 'The renderer reaches the main process only through window.comptoir; import electron types with `import type` (DESIGN §1).' },
  { group: ['**/electron/**'], allowTypeImports: true, message: 'The renderer may only import types from electron/ (the bridge contract).' },
  { group: NODE_BUILTINS, message: 'The renderer runs in a sandboxed page: no Node built-ins.' },
  { group: ['**/sync-server/**'], message: 'The renderer talks to the server over HTTP only.' },
]);

const electronBoundary = restrict([
  { group: ['**/renderer/**', 'react', 'react-dom', 'react-dom/*'], message: 'The main process never imports the renderer (DESIGN §1).' },
  { group: ['**/sync-server/**'], message: 'The main process talks to the server over HTTP only.' },
]);

const serverBoundary = restrict([
  { group: ['**/renderer/**', 'react', 'react-dom', 'react-dom/*'], message: 'sync-server never imports the renderer (DESIGN §1).' },
  { group: ['electron', 'electron/*', '**/electron/**'], message: 'sync-server never imports electron (DESIGN §1).' },
]);

export default tseslint.config(
  { ignores: ['node_modules/', '.tsbuild/', 'dist/', 'release/', 'data/', 'coverage/', 'test/fixtures/lint/**', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use a union of string literals: enums are not erasable syntax.' }],
    },
  },
  { files: ['core/**/*.ts'], ignores: ['core/**/*.test.ts'], rules: { '@typescript-eslint/no-restricted-imports': coreBoundary } },
  { files: ['renderer/**/*.{ts,tsx}'], ignores: ['renderer/**/*.test.{ts,tsx}'], rules: { '@typescript-eslint/no-restricted-imports': rendererBoundary } },
  { files: ['electron/**/*.ts'], ignores: ['electron/**/*.test.ts'], rules: { '@typescript-eslint/no-restricted-imports': electronBoundary } },
  { files: ['sync-server/**/*.ts'], ignores: ['sync-server/**/*.test.ts'], rules: { '@typescript-eslint/no-restricted-imports': serverBoundary } },
  {
    files: ['scripts/**/*.{js,mjs}', '*.config.{js,ts}', '.ci/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
  },
);
