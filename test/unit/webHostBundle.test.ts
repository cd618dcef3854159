// The browser's extension host (issue #16) loads dist/web/extension.js, the manifest's `browser` entry: built from
// the same host code as the desktop's, it must carry no Node built-in, no Node global and no polyfill, and it must
// start where only web globals exist. The .vsix carries both entries.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as fake from '../support/fakeVscode';

interface BuildScript {
  webHostBuild(dev?: boolean): BuildOptions;
  WEB_HOST_FILE: string;
}

let script: BuildScript;
let code = '';
let metafile: Metafile;

beforeAll(async () => {
  script = (await import(pathToFileURL(resolve('esbuild.mjs')).href)) as BuildScript;
  const result = await build({ ...script.webHostBuild(), write: false, outdir: 'dist/web-test', logLevel: 'error' });
  code = result.outputFiles.find((f) => f.path.endsWith('extension.js'))?.text ?? '';
  metafile = result.metafile as Metafile;
}, 120_000);

describe('the web host bundle', () => {
  it('requires vscode and nothing else: no node: module, no fs, no polyfill', () => {
    expect(code.length).toBeGreaterThan(50_000);
    const required = new Set([...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]));
    expect([...required]).toEqual(['vscode']);
    expect(code).not.toMatch(/["'`]node:[a-z_/]+["'`]/);
    for (const input of Object.keys(metafile.inputs)) expect(input, input).not.toMatch(/node_modules\/(buffer|process|path-browserify|crypto-browserify|events|util)\//);
  });

  it('is built without the Node platform, the ripgrep runner or the desktop entry', () => {
    const inputs = Object.keys(metafile.inputs);
    expect(inputs).toContain('src/host/platform/web.ts');
    expect(inputs).toContain('src/host/extension.ts');
    for (const nodeOnly of ['src/host/platform/node.ts', 'src/host/modelRefs/ripgrep.ts', 'src/host/entry.ts']) expect(inputs).not.toContain(nodeOnly);
  });

  it('uses no Node global (process, Buffer, __dirname, setImmediate)', () => {
    expect(code).not.toMatch(/\bprocess\.(env|platform|versions|nextTick|cwd)\b/);
    expect(code).not.toMatch(/\bBuffer\.(from|concat|alloc)\b/);
    expect(code).not.toMatch(/\b(__dirname|__filename|setImmediate)\b/);
  });

  it('activates and starts where only web globals exist, naming the web host in its log', async () => {
    const exportsObject: Record<string, unknown> = {};
    const module = { exports: exportsObject };
    const sandbox = createContext({
      module,
      exports: exportsObject,
      require: (id: string) => {
        if (id === 'vscode') return fake;
        throw new Error(`the web bundle required ${id}`);
      },
      // What a web worker has (and the bundle may use); no process, no Buffer.
      console,
      setTimeout,
      clearTimeout,
      setInterval,
      clearInterval,
      queueMicrotask,
      performance,
      TextEncoder,
      TextDecoder,
      URL,
      URLSearchParams,
      AbortController,
      AbortSignal,
      structuredClone,
      crypto: globalThis.crypto,
      btoa,
      atob,
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      Headers,
      Request,
      Response,
      navigator: { onLine: true, language: 'en' },
    });
    runInContext(code, sandbox, { filename: 'dist/web/extension.js' });
    const activate = (module.exports as { activate?: (context: unknown) => void }).activate;
    expect(typeof activate).toBe('function');
    const before = fake.recorded.logLines.length;
    const context = fake.fakeExtensionContext();
    await (context.secrets as { store(k: string, v: string): Promise<void> }).store('modelRadar.inferenceKey', 'sk-or-v1-web-test');
    activate?.(context);
    await new Promise((r) => setTimeout(r, 200));
    const log = fake.recorded.logLines.slice(before).join('\n');
    expect(log).toMatch(/Model Radar activated in \d+\.\d+ ms on the web host/);
    expect(log).toMatch(/Model Radar start\(\) \d+\.\d+ ms on the web host/);
    expect(log).not.toMatch(/could not start/);
    // Every fetch is refused here as a browser refuses a cross-origin request: the status bar says so.
    await vi.waitFor(() => expect(fake.recorded.statusBarItems.find((i) => i.id === 'modelRadar.status')?.text).toBe('$(circle-slash) Model Radar: blocked by the browser'), { timeout: 5_000 });
    expect(fake.recorded.logLines.join('\n')).not.toContain('sk-or-v1-web-test');
    for (const d of context.subscriptions) d.dispose();
  });
});

describe('the package', () => {
  it('names the web entry as `browser` beside the desktop `main`, builds it there, and ships it', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string; browser?: string };
    expect(manifest.main).toBe('./dist/extension.js');
    expect(manifest.browser).toBe(`./dist/${script.WEB_HOST_FILE}`);
    expect(script.webHostBuild().outdir).toBe('dist/web');
    // .vscodeignore is a whitelist: everything is left out unless a `!` line keeps it.
    const kept = readFileSync('.vscodeignore', 'utf8').split('\n').filter((l) => l.startsWith('!')).map((l) => l.slice(1).trim());
    expect(kept).toContain('dist/extension.js');
    expect(kept).toContain(`dist/${script.WEB_HOST_FILE}`);
    // npm run package refuses a .vsix without it (it checks vsce's own file list).
    expect(readFileSync('scripts/package.mjs', 'utf8')).toMatch(/hostMissing = \[[^\]]*'dist\/web\/extension\.js'/);
  });
});
