// Layering is a rule that runs: core and shared stay pure, the webview talks only through src/shared.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const vscodeAndNode = [
  { name: 'vscode', message: 'src/core and src/shared must not import vscode: put the call in src/host.' },
];
const nodePatterns = [
  { group: ['node:*'], message: 'src/core and src/shared use web-standard globals only (fetch, URL, timers).' },
  { group: ['**/host/**', '**/webview/**', '*/host', '*/webview'], message: 'core/shared must not import host or webview code.' },
];

export default tseslint.config(
  {
    ignores: ['.demo/**', 'dist/**', 'dist-test/**', 'bench/.out/**', 'test/e2e/.results/**', 'test/fixtures/refs/corpus/**', 'out/**', 'node_modules/**', 'test/e2e/node_modules/**', 'test/e2e/.work/**', 'bench/**/*.json', '**/*.vsix', '.stryker-tmp*/**', 'reports/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'No default exports.' }],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: vscodeAndNode, patterns: nodePatterns }],
    },
  },
  {
    files: ['webview/**/*.ts', 'webview/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The webview talks to the host only through src/shared/protocol.ts.' }],
          patterns: [
            { group: ['node:*'], message: 'The webview runs in a browser.' },
            { group: ['**/src/core/**', '**/src/host/**', '**/core/*', '**/host/*'], message: 'The webview imports only src/shared.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.mts', 'scripts/**', 'test/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
