// The browser's extension host (issue #16) loads dist/web/extension.js, the manifest's `browser` entry: built from
// the same host code as the desktop's, it must carry no Node built-in, no Node global and no polyfill, and it must
// start where only web globals exist. The .vsix carries both entries.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import type { BuildOptions, Metafile } from 'esbuild';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as fake from '../support/fakeVscode';

interface Built {
  code: string;
  metafile: Metafile;
}
interface BuildScript {
  webHostBuild(dev?: boolean): BuildOptions;
  buildWebHost(dev?: boolean, options?: { write?: boolean }): Promise<{ entry: Built; chunk: Built; table: Map<string, { path: string; used: Set<string> | '*' }> }>;
  chunkImports(code: string): Map<string, Set<string> | '*'>;
  WEB_HOST_FILE: string;
  WEB_REFS_CHUNK: string;
}

let script: BuildScript;
let code = '';
let metafile: Metafile;
let chunk: Built;
let table: Map<string, { path: string; used: Set<string> | '*' }>;

beforeAll(async () => {
  script = (await import(pathToFileURL(resolve('esbuild.mjs')).href)) as BuildScript;
  const built = await script.buildWebHost(false, { write: false });
  code = built.entry.code;
  metafile = built.entry.metafile;
  chunk = built.chunk;
  table = built.table;
}, 120_000);

const inputsOf = (m: Metafile): string[] => Object.keys(m.inputs);
const requiredBy = (source: string): string[] => [...new Set([...source.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1] ?? ''))];

describe('the web host bundle', () => {
  it('requires vscode and nothing else: no node: module, no fs, no polyfill', () => {
    expect(code.length).toBeGreaterThan(50_000);
    expect(requiredBy(code)).toEqual(['vscode']);
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
    // The workspace references load a second after start from dist/web/model-refs.js, read through workspace.fs.
    const fs = fake.workspace.fs as unknown as { readFile(uri: { path: string }): Promise<Uint8Array> };
    const readFile = fs.readFile;
    const paths: string[] = [];
    fs.readFile = (uri) => {
      paths.push(uri.path);
      return uri.path === '/ext/dist/web/model-refs.js' ? Promise.resolve(new TextEncoder().encode(chunk.code)) : Promise.reject(new Error(`no file ${uri.path}`));
    };
    const hovers = fake.recorded.hoverProviders.length;
    activate?.(context);
    await new Promise((r) => setTimeout(r, 200));
    const log = fake.recorded.logLines.slice(before).join('\n');
    expect(log).toMatch(/Model Radar activated in \d+\.\d+ ms on the web host/);
    expect(log).toMatch(/Model Radar start\(\) \d+\.\d+ ms on the web host/);
    expect(log).not.toMatch(/could not start/);
    // Every fetch is refused here as a browser refuses a cross-origin request: the status bar says so.
    await vi.waitFor(() => expect(fake.recorded.statusBarItems.find((i) => i.id === 'modelRadar.status')?.text).toBe('$(circle-slash) Model Radar: blocked by the browser'), { timeout: 5_000 });
    expect(fake.recorded.logLines.join('\n')).not.toContain('sk-or-v1-web-test');
    // The chunk ran with the entry's module instances: its hover provider is registered and nothing failed.
    await vi.waitFor(() => expect(fake.recorded.hoverProviders.length).toBeGreaterThan(hovers), { timeout: 5_000 });
    expect(paths).toContain('/ext/dist/web/model-refs.js');
    expect(fake.recorded.logLines.slice(before).join('\n')).not.toMatch(/could not load their code/);
    fs.readFile = readFile;
    for (const d of context.subscriptions) d.dispose();
  });
});

describe("the web host's deferred chunk (dist/web/model-refs.js)", () => {
  it('carries the workspace references, and the entry does not', () => {
    const own = (f: string): boolean => f.startsWith('src/host/modelRefs/') || f.startsWith('src/core/refs/');
    expect(inputsOf(chunk.metafile)).toEqual(expect.arrayContaining(['src/host/modelRefs/register.ts', 'src/core/refs/swap.ts', 'src/core/refs/recognize.ts']));
    // The entry keeps the stand-in that loads the chunk, and the types it shares with it; no references code.
    expect(inputsOf(metafile).filter(own)).toEqual(['src/host/modelRefs/deferred.ts']);
    expect(code).not.toContain('src/host/modelRefs/register');
    expect(code.length).toBeLessThanOrEqual(200 * 1024);
  });

  it("loads no module twice: every source module the entry has is required from the entry's table", () => {
    const entrySources = new Set(inputsOf(metafile).filter((f) => f.startsWith('src/')));
    const chunkSources = inputsOf(chunk.metafile).filter((f) => f.startsWith('src/'));
    expect(chunkSources.filter((f) => entrySources.has(f))).toEqual([]);
    const required = requiredBy(chunk.code).filter((id) => id !== 'vscode');
    expect(required.length).toBeGreaterThan(5);
    for (const id of required) {
      expect(id).toMatch(/^model-radar:src\//);
      expect(table.has(id), id).toBe(true);
      expect([...entrySources].some((f) => f.replace(/\.tsx?$/, '') === id.slice('model-radar:'.length)), id).toBe(true);
    }
    // and nothing the entry does not have: no Node built-in, no polyfill.
    expect(chunk.code).not.toMatch(/["'`]node:[a-z_/]+["'`]/);
    expect(chunk.code).not.toMatch(/\bprocess\.(env|platform|versions|nextTick|cwd)\b/);
  });

  it('reads what the chunk imports from its ES module form: names, a whole module, a default', () => {
    const used = script.chunkImports('import{a as b,c}from"model-radar:src/x";import*as d from"model-radar:src/y";import e from"model-radar:src/z";import{f}from"model-radar:src/x";import"vscode";');
    expect([...used.keys()].sort()).toEqual(['model-radar:src/x', 'model-radar:src/y', 'model-radar:src/z']);
    expect([...(used.get('model-radar:src/x') as Set<string>)].sort()).toEqual(['a', 'c', 'f']);
    expect(used.get('model-radar:src/y')).toBe('*');
    expect(used.get('model-radar:src/z')).toBe('*');
  });
});

describe('the package', () => {
  it('names the web entry as `browser` beside the desktop `main`, builds it there, and ships it', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string; browser?: string };
    expect(manifest.main).toBe('./dist/extension.js');
    expect(manifest.browser).toBe(`./dist/${script.WEB_HOST_FILE}`);
    expect(script.webHostBuild().outdir).toBe('dist/web');
    expect(script.WEB_REFS_CHUNK).toBe('web/model-refs.js');
    // .vscodeignore is a whitelist: everything is left out unless a `!` line keeps it.
    const kept = readFileSync('.vscodeignore', 'utf8').split('\n').filter((l) => l.startsWith('!')).map((l) => l.slice(1).trim());
    expect(kept).toContain('dist/extension.js');
    expect(kept).toContain(`dist/${script.WEB_HOST_FILE}`);
    expect(kept).toContain(`dist/${script.WEB_REFS_CHUNK}`);
    // npm run package refuses a .vsix without it (it checks vsce's own file list).
    expect(readFileSync('scripts/package.mjs', 'utf8')).toMatch(/hostMissing = \[[^\]]*'dist\/web\/extension\.js', 'dist\/web\/model-refs\.js'/);
  });
});
