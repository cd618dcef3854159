// Layering is a rule that runs: each folder may import and use only what ARCHITECTURE.md says it may.
// test/unit/layering.test.ts lints a deliberate violation of every rule below, so a rule that stops firing fails a test.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { l10nPlugin } from './eslint-rules/noRawUiText.mjs';

/** Every Node built-in by its bare name (`fs`, `fs/promises`, `module`, …), listed in full: exact names, so `./events` stays allowed. */
const BARE_BUILTINS = builtinModules.filter((m) => !m.startsWith('_') && !m.startsWith('node:'));
const NODE_BUILTIN_PATTERN = `^(node:.*|${BARE_BUILTINS.map((m) => m.replace(/[/.]/g, '\\$&')).join('|')})$`;

const noVscode = (where) => ({ name: 'vscode', message: `${where} must not import vscode: put the call in src/host.` });
const nodeMessage = (where) => `${where} uses web-standard globals only (fetch, URL, timers), no Node built-in.`;
const noBareBuiltins = (where) => BARE_BUILTINS.map((name) => ({ name, message: nodeMessage(where) }));
const noNode = (where) => ({ group: ['node:*'], message: nodeMessage(where) });

/** Folders, as import patterns (relative specifiers reach them through any number of "../"). */
const HOST = ['**/host', '**/host/**', '**/src/host', '**/src/host/**'];
const CORE = ['**/core', '**/core/**', '**/src/core', '**/src/core/**'];
const CLI = ['**/cli', '**/cli/**', '**/src/cli', '**/src/cli/**', '**/cli.js', '**/src/cli.ts'];
const WEBVIEW = ['**/webview', '**/webview/**'];

/** `import('fs')`, `import('node:fs')`: no-restricted-imports does not see dynamic imports. */
const NO_DEFAULT_EXPORT = { selector: 'ExportDefaultDeclaration', message: 'No default exports.' };
const NO_DYNAMIC_BUILTIN = {
  selector: `ImportExpression[source.value=/${NODE_BUILTIN_PATTERN}/]`,
  message: 'No Node built-in here, not even through import().',
};
const NO_DYNAMIC_VSCODE = { selector: "ImportExpression[source.value='vscode']", message: 'No vscode here, not even through import().' };

// Issue #14: every word the webview shows goes through `l10n.t('…', arg)` (webview/src/l10n.ts, backed by
// @vscode/l10n). These catch the ways an English string reaches the screen without it: text between tags, a
// string or template literal rendered as a child (also as a branch of `?:`/`&&`), and the attributes people read
// or hear (title, aria-label, placeholder, label, summary, alt; an ErrorBoundary's name). The product name is the
// one literal allowed. Messages must be literals and `l10n` a namespace import, or the extractor cannot see them.
const LETTERS = '/[A-Za-z]/';
const SHOWN_ATTRS = "JSXAttribute[name.name=/^(title|aria-label|aria-description|aria-roledescription|placeholder|label|summary|alt)$/]";
const L10N_MESSAGE = 'User-visible text goes through l10n.t() from webview/src/l10n.ts (issue #14): l10n.t(\'Spent {0} today\', amount).';
export const WEBVIEW_L10N_RULES = [
  { selector: `JSXText[value=${LETTERS}]:not([value=/^\\s*Model Radar\\s*$/])`, message: L10N_MESSAGE },
  { selector: `JSXElement > JSXExpressionContainer > Literal[value=${LETTERS}]`, message: L10N_MESSAGE },
  { selector: `JSXElement > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.cooked=${LETTERS}]`, message: L10N_MESSAGE },
  { selector: `JSXElement > JSXExpressionContainer > :matches(ConditionalExpression, LogicalExpression) > Literal[value=${LETTERS}]`, message: L10N_MESSAGE },
  { selector: `JSXElement > JSXExpressionContainer > ConditionalExpression > ConditionalExpression > Literal[value=${LETTERS}]`, message: L10N_MESSAGE },
  { selector: `JSXElement > JSXExpressionContainer > :matches(ConditionalExpression, LogicalExpression) > TemplateLiteral > TemplateElement[value.cooked=${LETTERS}]`, message: L10N_MESSAGE },
  { selector: `${SHOWN_ATTRS} > Literal[value=${LETTERS}]`, message: L10N_MESSAGE },
  { selector: `${SHOWN_ATTRS} > JSXExpressionContainer Literal[value=${LETTERS}]:not(CallExpression[callee.property.name='t'] > Literal)`, message: L10N_MESSAGE },
  { selector: `${SHOWN_ATTRS} > JSXExpressionContainer TemplateElement[value.cooked=${LETTERS}]`, message: L10N_MESSAGE },
  { selector: `JSXOpeningElement[name.name='ErrorBoundary'] > JSXAttribute[name.name='name'] > Literal`, message: L10N_MESSAGE },
  {
    selector: "CallExpression[callee.object.name='l10n'][callee.property.name='t'] > :not(Literal).arguments:first-child",
    message: 'l10n.t() takes its message as a string literal ({0} placeholders for the rest), so the extractor can put it in the bundle.',
  },
  {
    selector: "ImportDeclaration[source.value=/(^|\\/)l10n$/] > ImportSpecifier[imported.name='t']",
    message: "Import the module as a namespace (import * as l10n from './l10n') and call l10n.t(): @vscode/l10n-dev only finds l10n.t(…) calls.",
  },
];

/** Globals only Node has; web-standard code must not reach for them. */
const NODE_ONLY_GLOBALS = ['process', 'Buffer', 'require', 'module', 'exports', '__dirname', '__filename', 'global', 'setImmediate', 'clearImmediate'].map((name) => ({
  name,
  message: `${name} is Node-only: pass what you need in from src/host (or src/cli).`,
}));

/** Web-standard globals shared by Node and browsers, without the browser-only storage. */
const { localStorage: _l, sessionStorage: _s, ...WEB_STANDARD } = globals['shared-node-browser'];

/** The folders linted with type information. */
const TYPE_AWARE = ['src/core/**/*.ts', 'src/shared/**/*.ts', 'src/host/**/*.ts', 'src/cli/**/*.ts', 'src/cli.ts', 'webview/src/**/*.ts', 'webview/src/**/*.tsx'];

export default tseslint.config(
  {
    ignores: ['.demo/**', 'dist/**', 'dist-test/**', 'bench/.out/**', 'test/e2e/.results/**', 'test/fixtures/refs/corpus/**', 'out/**', 'node_modules/**', 'test/e2e/node_modules/**', 'test/e2e/.work/**', 'bench/**/*.json', '**/*.vsix', '.stryker-tmp*/**', 'reports/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Node's globals for the Node adapters, scripts and tests; pure code and the webview get their own below.
    ignores: ['src/core/**', 'src/shared/**', 'webview/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', NO_DEFAULT_EXPORT],
    },
  },
  {
    // Pure code: web-standard globals only, no Node, no vscode, nothing from an outer layer.
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022, ...WEB_STANDARD } },
    rules: {
      // typescript-eslint turns no-undef off for TypeScript; here it is what makes the per-folder globals bite.
      'no-undef': 'error',
      'no-restricted-globals': ['error', ...NODE_ONLY_GLOBALS],
      'no-restricted-syntax': ['error', NO_DEFAULT_EXPORT, NO_DYNAMIC_BUILTIN, NO_DYNAMIC_VSCODE],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noVscode('src/core'), ...noBareBuiltins('src/core')],
          patterns: [noNode('src/core'), { group: [...HOST, ...WEBVIEW, ...CLI], message: 'src/core must not import host, cli or webview code.' }],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noVscode('src/shared'), ...noBareBuiltins('src/shared')],
          patterns: [noNode('src/shared'), { group: [...CORE, ...HOST, ...WEBVIEW, ...CLI], message: 'src/shared imports nothing of ours: it is the contract both sides read.' }],
        },
      ],
    },
  },
  {
    // Node adapter for the terminal: Node, core and shared; never vscode, host or the webview.
    files: ['src/cli/**/*.ts', 'src/cli.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The CLI runs without VS Code: put shared logic in src/core.' }],
          patterns: [{ group: [...HOST, ...WEBVIEW], message: 'The CLI imports core and shared only.' }],
        },
      ],
      'no-restricted-syntax': ['error', NO_DEFAULT_EXPORT, NO_DYNAMIC_VSCODE],
    },
  },
  {
    // VS Code adapters: anything but the webview's code (it reaches the host only through src/shared/protocol.ts).
    files: ['src/host/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...WEBVIEW, ...CLI], message: 'src/host talks to the webview only through src/shared/protocol.ts, and does not import the CLI.' }] }],
    },
  },
  {
    // Issue #16: the host code both extension hosts load (the browser's web worker host has no Node). Node stays in
    // the Node platform (src/host/platform/node.ts), the ripgrep it runs and the desktop entry that chooses it.
    files: ['src/host/**/*.ts'],
    ignores: ['src/host/platform/node.ts', 'src/host/modelRefs/ripgrep.ts', 'src/host/entry.ts'],
    languageOptions: { globals: { ...globals.es2022, ...WEB_STANDARD } },
    rules: {
      'no-undef': 'error',
      'no-restricted-globals': ['error', ...NODE_ONLY_GLOBALS.map((g) => ({ ...g, message: `${g.name} is Node-only and the browser's extension host has none: put it behind src/host/platform/.` }))],
      'no-restricted-syntax': ['error', NO_DYNAMIC_BUILTIN],
      'no-restricted-imports': [
        'error',
        {
          paths: noBareBuiltins('Host code the browser loads'),
          patterns: [noNode('Host code the browser loads'), { group: [...WEBVIEW, ...CLI], message: 'src/host talks to the webview only through src/shared/protocol.ts, and does not import the CLI.' }],
        },
      ],
    },
  },
  {
    files: ['webview/**/*.ts', 'webview/**/*.tsx'],
    ignores: ['webview/*.config.*'],
    // EventListener is a DOM type the browser globals list does not carry.
    languageOptions: { globals: { ...globals.browser, EventListener: 'readonly' } },
    rules: {
      'no-undef': 'error',
      'no-restricted-globals': ['error', ...NODE_ONLY_GLOBALS],
      'no-restricted-syntax': ['error', NO_DEFAULT_EXPORT, NO_DYNAMIC_BUILTIN, NO_DYNAMIC_VSCODE, ...WEBVIEW_L10N_RULES],
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The webview talks to the host only through src/shared/protocol.ts.' }, ...noBareBuiltins('The webview (a browser)')],
          patterns: [
            noNode('The webview (a browser)'),
            { group: ['**/src/core/**', '**/src/host/**', '**/src/cli/**', '**/src/cli', '**/core/*', '**/host/*', '**/cli/*'], message: 'The webview imports only src/shared.' },
          ],
        },
      ],
    },
  },
  // Type-aware lint (strictTypeChecked) for everything that ships: core, shared, host, CLI and the webview.
  // Relaxed where it fights the codebase's own rules: numbers and booleans in templates are fine (every figure a
  // user sees goes through a formatter anyway), and no-unnecessary-condition is off because boundary code
  // deliberately re-checks values whose static type says "cannot happen" (a settings file, a webview message, a
  // persisted snapshot). Tests and scripts are not type-aware linted (see ARCHITECTURE.md).
  ...tseslint.configs.strictTypeChecked.map((config) => ({ ...config, files: TYPE_AWARE })),
  {
    files: TYPE_AWARE,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true, ignoreVoidOperator: true }],
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // strictTypeChecked turns no-undef off for TypeScript; the per-folder globals above rely on it.
      'no-undef': 'error',
    },
  },
  {
    files: ['**/*.mjs', '**/*.mts', 'scripts/**', 'test/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Localisation: what a user reads in the editor or the terminal goes through l10n.t (see eslint-rules/noRawUiText.mjs).
    files: ['src/host/**/*.ts', 'src/cli/**/*.ts', 'src/cli.ts'],
    plugins: { 'model-radar': l10nPlugin },
    rules: { 'model-radar/no-raw-ui-text': 'error' },
  },
);
