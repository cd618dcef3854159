// The host's composition root is built as ES modules with code splitting (esbuild.mjs, hostMainBuild): what
// VS Code loads to start the extension, and the workspace references' chunk loaded after the first paint. Built
// here for real: the split is where the design says, the bench and the packager read it from the metafile, and
// the modules reach VS Code's API through require (the only way the extension host hands it out), never through
// an ES import VS Code does not answer.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface HostChunks {
  splitHostOutputs(m: Metafile): { start: { file: string; bytes: number }[]; deferred: { file: string; bytes: number }[]; startBytes: number; deferredBytes: number };
}

let dir: string;
let metafile: Metafile;
let split: ReturnType<HostChunks['splitHostOutputs']>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mr-host-'));
  const { hostMainBuild } = (await import(pathToFileURL(resolve('esbuild.mjs')).href)) as { hostMainBuild: (dev?: boolean) => BuildOptions };
  const result = await build({ ...hostMainBuild(), outdir: join(dir, 'dist'), logLevel: 'error' });
  metafile = result.metafile!;
  const { splitHostOutputs } = (await import(pathToFileURL(resolve('scripts/hostChunks.mjs')).href)) as HostChunks;
  split = splitHostOutputs(metafile);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const inputsOf = (files: { file: string }[]): string[] => files.flatMap((f) => Object.keys(metafile.outputs[f.file]!.inputs));

describe('the host build', () => {
  it('starts with the composition root and its static chunks, and defers the workspace references', () => {
    expect(split.start.map((f) => f.file.replace(/.*\/dist\//, 'dist/'))[0]).toBe('dist/main.mjs');
    const started = inputsOf(split.start);
    const deferred = inputsOf(split.deferred);
    // The scanner, the parsers and Swap Model… are not what activation pays for.
    // Nor are the commands that load their code when first run (Compare Model…, Export Usage…).
    for (const f of ['src/host/modelRefs/register.ts', 'src/host/modelRefs/workspaceIndex.ts', 'src/host/modelRefs/swapFlow.ts', 'src/core/refs/scanner.ts', 'src/core/refs/dupKeys.ts', 'src/host/commands/compare.ts', 'src/core/refs/present.ts', 'src/host/commands/exportUsage.ts']) {
      expect(deferred, f).toContain(f);
      expect(started, f).not.toContain(f);
    }
    // What the first status and the sidebar need starts with the host.
    for (const f of ['src/host/extension.ts', 'src/core/service/radar.ts', 'src/host/statusBar.ts', 'src/host/modelRefs/deferred.ts']) expect(started, f).toContain(f);
    // No module is built twice.
    expect(new Set([...started, ...deferred]).size).toBe(started.length + deferred.length);
    expect(split.startBytes).toBe(split.start.reduce((n, f) => n + f.bytes, 0));
    expect(split.deferredBytes).toBeGreaterThan(30_000);
  });

  it('loads in Node with VS Code\'s API given to require only, and nothing runs at import', async () => {
    // A "vscode" that require can load and an ES import cannot (no "import" or "default" export condition).
    const pkg = join(dir, 'node_modules', 'vscode');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'vscode', exports: { require: './index.js' } }));
    // Every name of the API the host code uses, as an inert class (classes and namespaces alike): importing must not
    // call any of them.
    const names = ['CodeAction', 'CodeActionKind', 'CodeLens', 'ConfigurationTarget', 'Diagnostic', 'DiagnosticSeverity', 'Disposable', 'EventEmitter', 'FileSystemError', 'Hover', 'MarkdownString', 'Position', 'ProgressLocation', 'QuickPickItemKind', 'Range', 'Selection', 'StatusBarAlignment', 'TextEditorRevealType', 'ThemeColor', 'Uri', 'ViewColumn', 'WorkspaceEdit', 'commands', 'env', 'l10n', 'languages', 'window', 'workspace'];
    writeFileSync(join(pkg, 'index.js'), `globalThis.__mrVscodeRequired = (globalThis.__mrVscodeRequired ?? 0) + 1; for (const n of ${JSON.stringify(names)}) exports[n] = class {};`);
    const main = (await import(pathToFileURL(join(dir, 'dist', 'main.mjs')).href)) as { start?: unknown };
    expect(typeof main.start).toBe('function');
    expect((globalThis as { __mrVscodeRequired?: number }).__mrVscodeRequired).toBeGreaterThan(0);
    const deferred = split.deferred[0];
    expect(deferred).toBeDefined();
    const chunk = (await import(pathToFileURL(deferred!.file.startsWith('/') ? deferred!.file : resolve(deferred!.file)).href)) as Record<string, unknown>;
    expect(Object.values(chunk).some((v) => typeof v === 'function')).toBe(true);
  }, 60_000);
});
