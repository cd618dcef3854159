// The layering rules are only worth something if they fire: lint a deliberate violation of each rule, per folder.
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

const LAYERING_RULES = new Set(['no-restricted-imports', 'no-restricted-globals', 'no-restricted-syntax', 'no-undef']);

/**
 * What ships (core, shared, host, CLI, webview) is linted type-aware, which needs a file the TypeScript project
 * knows: a probe there stands in for a real file of the same folder (same relative imports, same rules).
 */
const STAND_INS: Record<string, string> = {
  'src/core/probe.ts': 'src/core/account/money.ts',
  'src/core/refs/probe.ts': 'src/core/refs/swap.ts',
  'src/shared/probe.ts': 'src/shared/types.ts',
  'src/host/probe.ts': 'src/host/statusItem.ts',
  'src/host/modelRefs/probe.ts': 'src/host/modelRefs/register.ts',
  'src/host/platform/node.ts': 'src/host/platform/node.ts',
  'src/cli/probe.ts': 'src/cli/paths.ts',
  'webview/src/probe.ts': 'webview/src/l10n.ts',
  'webview/src/sections/probe.tsx': 'webview/src/sections/SpendChart.tsx',
};

/** Messages of the layering rules for `code` linted as if it were `filePath`. */
async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: STAND_INS[filePath] ?? filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId !== null && LAYERING_RULES.has(m.ruleId)).map((m) => `${m.ruleId}: ${m.message}`);
}

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  return (await layeringErrors(filePath, code)).filter((m) => m.startsWith('no-restricted-imports'));
}

const importOf = (spec: string): string => `import * as probe from '${spec}';\nexport const x = probe;\n`;

describe('layering lint rules', () => {

  it('refuses vscode in src/core', async () => {
    const errors = await restrictedImportErrors('src/core/probe.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n");
    expect(errors.join('\n')).toMatch(/must not import vscode/);
  });

  it('refuses node: modules in src/core and src/shared', async () => {
    expect(await restrictedImportErrors('src/core/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toHaveLength(1);
    expect(await restrictedImportErrors('src/shared/probe.ts', "import { join } from 'node:path';\nexport const x = join;\n")).toHaveLength(1);
  });

  it('refuses every Node built-in by its bare name in src/core, src/shared and the webview', async () => {
    for (const file of ['src/core/probe.ts', 'src/shared/probe.ts', 'webview/src/probe.ts']) {
      for (const spec of ['fs', 'fs/promises', 'module', 'path', 'child_process', 'crypto', 'os', 'url', 'worker_threads']) {
        expect(await restrictedImportErrors(file, importOf(spec)), `${spec} in ${file}`).toHaveLength(1);
      }
    }
  });

  it('lists the bare built-ins in full, not a hand-picked few', async () => {
    const bare = builtinModules.filter((m) => !m.startsWith('_') && !m.startsWith('node:'));
    const missed: string[] = [];
    for (const spec of bare) {
      if ((await restrictedImportErrors('src/core/probe.ts', importOf(spec))).length !== 1) missed.push(spec);
    }
    expect(missed).toEqual([]);
    // Some seventy type-aware lints: give them the time the other type-aware probes get on a loaded machine.
  }, 60_000);

  it('allows a relative module that merely shares a built-in name', async () => {
    expect(await restrictedImportErrors('src/core/probe.ts', importOf('./events'))).toEqual([]);
    expect(await restrictedImportErrors('src/core/refs/probe.ts', importOf('../url'))).toEqual([]);
  });

  it('refuses Node built-ins and vscode through a dynamic import() in pure code', async () => {
    for (const spec of ['node:fs', 'fs', 'fs/promises', 'module']) {
      const errors = await layeringErrors('src/core/probe.ts', `export const load = () => import('${spec}');\n`);
      expect(errors.join('\n'), spec).toMatch(/no-restricted-syntax: No Node built-in/);
    }
    expect((await layeringErrors('src/shared/probe.ts', "export const load = () => import('vscode');\n")).join('\n')).toMatch(/No vscode/);
    expect((await layeringErrors('webview/src/probe.ts', "export const load = () => import('node:path');\n")).join('\n')).toMatch(/No Node built-in/);
    expect((await layeringErrors('src/cli/probe.ts', "export const load = () => import('vscode');\n")).join('\n')).toMatch(/No vscode/);
    // A dynamic import of our own code stays allowed.
    expect(await layeringErrors('src/core/probe.ts', "export const load = () => import('./catalog');\n")).toEqual([]);
  });

  it('refuses the Node-only globals process, Buffer and require in src/core, src/shared and the webview', async () => {
    for (const file of ['src/core/probe.ts', 'src/shared/probe.ts', 'webview/src/probe.ts']) {
      expect((await layeringErrors(file, 'export const x = process.env.HOME;\n')).join('\n'), file).toMatch(/process is Node-only/);
      expect((await layeringErrors(file, "export const x = Buffer.from('a');\n")).join('\n'), file).toMatch(/Buffer is Node-only/);
      expect((await layeringErrors(file, "export const x = require('./a');\n")).join('\n'), file).toMatch(/require is Node-only/);
      expect((await layeringErrors(file, 'export const x = __dirname;\n')).join('\n'), file).toMatch(/__dirname is Node-only/);
    }
  });

  it('gives each folder its own globals: browser globals only in the webview', async () => {
    expect((await layeringErrors('src/core/probe.ts', 'export const x = document.title;\n')).join('\n')).toMatch(/no-undef: 'document' is not defined/);
    expect((await layeringErrors('src/shared/probe.ts', 'export const x = window.location;\n')).join('\n')).toMatch(/no-undef: 'window' is not defined/);
    expect((await layeringErrors('src/core/probe.ts', "export const x = localStorage.getItem('k');\n")).join('\n')).toMatch(/no-undef: 'localStorage'/);
    expect(await layeringErrors('webview/src/probe.ts', 'export const x = document.title;\n')).toEqual([]);
    // The web-standard globals core is built on stay available.
    expect(
      await layeringErrors('src/core/probe.ts', "export const x = [fetch, URL, AbortController, setTimeout, clearTimeout, TextEncoder, console, structuredClone];\n"),
    ).toEqual([]);
    // Node adapters keep Node's globals.
    // Node's globals only where the Node host's platform is (issue #16: the rest of the host also runs in a browser).
    expect(await layeringErrors('src/host/platform/node.ts', 'export const x = process.platform;\n')).toEqual([]);
    expect(await layeringErrors('src/cli/probe.ts', 'export const x = process.argv;\n')).toEqual([]);
  });

  it('refuses host code in src/core', async () => {
    expect(await restrictedImportErrors('src/core/probe.ts', "import { KeyStore } from '../host/secrets';\nexport const x = KeyStore;\n")).toHaveLength(1);
  });

  it('refuses cli and webview code in src/core', async () => {
    expect(await restrictedImportErrors('src/core/probe.ts', importOf('../cli/terminal'))).toHaveLength(1);
    expect(await restrictedImportErrors('src/core/refs/probe.ts', importOf('../../../webview/src/format'))).toHaveLength(1);
  });

  it('refuses core, host, cli and webview code in src/shared', async () => {
    expect(await restrictedImportErrors('src/shared/probe.ts', importOf('../core/money'))).toHaveLength(1);
    expect(await restrictedImportErrors('src/shared/probe.ts', importOf('../host/secrets'))).toHaveLength(1);
    expect(await restrictedImportErrors('src/shared/probe.ts', importOf('../cli/terminal'))).toHaveLength(1);
    expect(await restrictedImportErrors('src/shared/probe.ts', importOf('../../webview/src/format'))).toHaveLength(1);
    expect(await restrictedImportErrors('src/shared/probe.ts', importOf('./types'))).toEqual([]);
  });

  it('refuses core, host, cli and vscode in the webview', async () => {
    expect(await restrictedImportErrors('webview/src/probe.ts', "import { guardWebviewMessage } from '../../src/core/bridge/protocolGuard';\nexport const x = guardWebviewMessage;\n")).toHaveLength(1);
    expect(await restrictedImportErrors('webview/src/probe.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n")).toHaveLength(1);
    expect(await restrictedImportErrors('webview/src/probe.ts', importOf('../../src/cli/terminal'))).toHaveLength(1);
    expect(await restrictedImportErrors('webview/src/sections/probe.tsx', importOf('../../../src/cli/report'))).toHaveLength(1);
  });

  it('refuses vscode, host and webview code in the CLI', async () => {
    for (const file of ['src/cli/probe.ts', 'src/cli.ts']) {
      expect(await restrictedImportErrors(file, importOf('vscode')), file).toHaveLength(1);
    }
    expect(await restrictedImportErrors('src/cli/probe.ts', importOf('../host/secrets'))).toHaveLength(1);
    expect(await restrictedImportErrors('src/cli/probe.ts', importOf('../../webview/src/format'))).toHaveLength(1);
    expect(await restrictedImportErrors('src/cli/probe.ts', importOf('node:fs'))).toEqual([]);
    expect(await restrictedImportErrors('src/cli/probe.ts', importOf('../core/money'))).toEqual([]);
  });

  it('refuses webview and cli code in the host', async () => {
    expect(await restrictedImportErrors('src/host/probe.ts', importOf('../../webview/src/format'))).toHaveLength(1);
    expect(await restrictedImportErrors('src/host/modelRefs/probe.ts', importOf('../../../webview/src/sections/Spend'))).toHaveLength(1);
    expect(await restrictedImportErrors('src/host/probe.ts', importOf('../cli/terminal'))).toHaveLength(1);
  });

  it('refuses Node (imports, process, Buffer, require) in the host code the browser loads, and allows it in the Node platform', async () => {
    for (const file of ['src/host/probe.ts', 'src/host/modelRefs/probe.ts']) {
      for (const spec of ['node:fs', 'fs', 'crypto']) expect(await restrictedImportErrors(file, importOf(spec)), `${spec} in ${file}`).toHaveLength(1);
      const globals = await layeringErrors(file, "export const a = process.platform;\nexport const b = Buffer.from('x');\nexport const c = require('vscode') as unknown;\n");
      expect(globals.filter((m) => m.startsWith('no-restricted-globals')), file).toHaveLength(3);
      expect(await layeringErrors(file, "export const x = await import('node:fs');\n"), file).not.toEqual([]);
    }
    expect(await layeringErrors('src/host/platform/node.ts', "import { readFile } from 'node:fs/promises';\nexport const a = [readFile, process.platform];\n")).toEqual([]);
  }, 60_000);

  it('allows the webview to import src/shared, the host vscode and core, and the Node platform Node', async () => {
    expect(await restrictedImportErrors('webview/src/probe.ts', "import type { Snapshot } from '../../src/shared/types';\nexport type X = Snapshot;\n")).toEqual([]);
    expect(await restrictedImportErrors('src/host/probe.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n")).toEqual([]);
    expect(await restrictedImportErrors('src/host/platform/node.ts', importOf('node:fs'))).toEqual([]);
    expect(await restrictedImportErrors('src/host/probe.ts', importOf('../core/money'))).toEqual([]);
  });
});

describe('core typechecks without Node or the DOM (src/core/tsconfig.json)', async () => {
  const ts = await import('typescript');
  const configPath = 'src/core/tsconfig.json';
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!parsed) throw new Error(`${configPath} does not parse`);
  const options = parsed.options;

  /** Type errors of `code` compiled as a core file under core's options. */
  function typeErrors(code: string): string[] {
    const probe = ts.sys.resolvePath('src/core/__probe__.ts');
    const host = ts.createCompilerHost(options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, lang, ...rest) =>
      ts.sys.resolvePath(name) === probe ? ts.createSourceFile(name, code, lang) : getSourceFile(name, lang, ...rest);
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (name) => ts.sys.resolvePath(name) === probe || fileExists(name);
    const program = ts.createProgram([probe], options, host);
    return ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file !== undefined && ts.sys.resolvePath(d.file.fileName) === probe)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }

  it('has no Node types and no DOM', () => {
    expect(options.types).toEqual([]);
    expect(options.lib?.some((l) => /dom/i.test(l))).toBe(false);
  });

  it('refuses process, Buffer, require and node: modules, and the DOM', () => {
    expect(typeErrors('export const x = process.env;\n').join('\n')).toMatch(/process/);
    expect(typeErrors("export const x = Buffer.from('a');\n").join('\n')).toMatch(/Buffer/);
    expect(typeErrors("export const x = require('a');\n").join('\n')).toMatch(/require/);
    expect(typeErrors("import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n").join('\n')).toMatch(/node:fs/);
    expect(typeErrors('export const x = document.title;\n').join('\n')).toMatch(/document/);
  });

  it('accepts the web-standard globals core is built on', () => {
    expect(typeErrors("export const x = [fetch, new URL('https://a.b'), new AbortController(), setTimeout, new TextEncoder(), console];\n")).toEqual([]);
  });
});

describe('type-aware lint (strictTypeChecked) in everything that ships', () => {
  // Type-aware rules need the file in a TypeScript project, so the probe stands in for a real core file's text.
  async function ruleIds(filePath: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
  }

  it('refuses a floating promise and an async function without await in core, shared, host, CLI and the webview', async () => {
    const code = 'export async function f(): Promise<number> {\n  return 1;\n}\nexport function g(): void {\n  f();\n}\n';
    for (const file of ['src/core/account/money.ts', 'src/shared/sanitize.ts', 'src/host/statusItem.ts', 'src/cli/paths.ts', 'src/cli.ts', 'webview/src/l10n.ts']) {
      const ids = await ruleIds(file, code);
      expect(ids, file).toContain('@typescript-eslint/no-floating-promises');
      expect(ids, file).toContain('@typescript-eslint/require-await');
    }
  }, 60_000);

  it('refuses an object stringified as "[object Object]" and an unnecessary assertion', async () => {
    const ids = await ruleIds('src/core/account/money.ts', "export const s = (o: { a: number }): string => String(o);\nexport const n = (x: number): number => x as number;\n");
    expect(ids).toContain('@typescript-eslint/no-base-to-string');
    expect(ids).toContain('@typescript-eslint/no-unnecessary-type-assertion');
  }, 60_000);

  it('refuses a method passed unbound in the webview (useSyncExternalStore(store.subscribe, ...))', async () => {
    const code = 'interface S {\n  get(): number;\n}\nexport const f = (s: S): (() => number) => s.get;\n';
    expect(await ruleIds('webview/src/l10n.ts', code)).toContain('@typescript-eslint/unbound-method');
  }, 60_000);

  it('lets numbers stand in templates (figures are formatted before they get there)', async () => {
    expect(await ruleIds('src/core/account/money.ts', 'export const s = (n: number): string => `${n} ms`;\n')).toEqual([]);
  }, 60_000);
});
