// The sidebar page written by the host: the first screen rendered here by the webview's own renderer
// (dist/first-screen.js, built from webview/src/first/firstScreenRender.ts), its small script (dist/webview/first.js)
// and the stylesheet inlined, everything nonce'd under the same strict CSP; for the dashboard, without the built
// files, or when the renderer draws nothing or fails, the page is the app alone as before. A first screen that
// reported its paint before `ready` gets the full snapshot at init.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { EventEmitter, Uri } from '../support/fakeVscode';
import { connectWebview, preloadFirstScreen, renderWebviewHtml } from '../../src/host/webviewHost';
import type { FirstScreenRenderer, HostToWebview } from '../../src/shared/protocol';
import type { ReferencesView, Snapshot } from '../../src/shared/types';
import { catalogView, largeCatalog, liveSnapshot, modelRef, noKeySnapshot, referencesView, settings } from '../support/snapshotBuilders';

let dir: string;
/** dist/first-screen.js as the build makes it. */
let renderer = '';
beforeAll(async () => {
  const mod = (await import('../../esbuild.mjs' as string)) as { firstScreenRendererBuild(dev?: boolean): Parameters<typeof build>[0] };
  const built = await build({ ...mod.firstScreenRendererBuild(false), write: false, logLevel: 'silent' });
  renderer = built.outputFiles?.find((f) => f.path.endsWith('first-screen.js'))?.text ?? '';
  dir = mkdtempSync(join(tmpdir(), 'model-radar-page-'));
  mkdirSync(join(dir, 'dist', 'webview'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'webview', 'app.css'), '.mr-app{color:var(--vscode-foreground)}');
  writeFileSync(join(dir, 'dist', 'webview', 'first.js'), '(()=>{paint()})();');
  writeFileSync(join(dir, 'dist', 'first-screen.js'), renderer);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

class FakeWebview {
  html = '';
  options = {};
  cspSource = 'https://file+.vscode-resource.vscode-cdn.net';
  sent: HostToWebview[] = [];
  private readonly inbound = new EventEmitter<unknown>();
  onDidReceiveMessage = this.inbound.event;
  asWebviewUri(u: Uri): Uri {
    return u;
  }
  postMessage(m: HostToWebview): Promise<boolean> {
    this.sent.push(m);
    return Promise.resolve(true);
  }
  async receive(m: unknown): Promise<void> {
    this.inbound.fire(m);
    for (let i = 0; i < 10; i++) await Promise.resolve();
  }
}

/** The extension's files as the host reads them (workspace.fs in VS Code): here, from the temporary folder. */
const fromDisk = (uri: Uri): Promise<Uint8Array> => readFile(uri.fsPath);

async function open(view: 'sidebar' | 'dashboard', snapshot: Snapshot, references: ReferencesView | undefined = referencesView(), root = dir, readResource: (uri: Uri) => Promise<Uint8Array> = fromDisk) {
  const webview = new FakeWebview();
  const never = new EventEmitter<never>();
  const log = { warn: vi.fn(), debug: vi.fn(), info: vi.fn() };
  const firstContent = vi.fn();
  const connection = connectWebview(webview as never, view, {
    extensionUri: Uri.file(root) as never,
    state: { snapshot: () => snapshot, onDidChangeSnapshot: never.event, references: () => references as ReferencesView, onDidChangeReferences: never.event, settings: () => settings(), onDidChangeSettings: never.event },
    handlers: {} as never,
    log: log as never,
    onFirstContent: firstContent,
    readResource: readResource as never,
  });
  // The page is written once the files it inlines are read (at once when they were read before).
  await vi.waitFor(() => expect(webview.html).not.toBe(''));
  return { webview, connection, firstContent, log };
}

function nonceOf(html: string): string {
  return /'nonce-([^']+)'/.exec(html)?.[1] ?? '';
}

/** What the built renderer draws for this state in English, run here on its own, as the page must carry it. */
function expected(snapshot: Snapshot, references: ReferencesView | undefined = referencesView()): string {
  const module = { exports: {} as FirstScreenRenderer };
  new Function('module', 'exports', renderer)(module, module.exports);
  return module.exports.renderFirstScreen({ snapshot, references, settings: settings(), nowMs: Date.now(), l10n: { language: 'en', bundle: {} } }) ?? '';
}

describe('the sidebar page with a first screen', () => {
  it('carries the first screen rendered by the host, the small script and the stylesheet, every script and style nonce’d, no data, no inline handlers', async () => {
    const base = liveSnapshot();
    const snapshot = { ...base, catalog: catalogView([...(base.catalog?.models ?? []), ...largeCatalog(300).models]) };
    const { webview, connection } = await open('sidebar', snapshot);
    const html = webview.html;
    const nonce = nonceOf(html);
    const csp = /content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(html).toContain(`<style nonce="${nonce}">.mr-app{color:var(--vscode-foreground)}</style>`);
    expect(html).toContain(`<script nonce="${nonce}">(()=>{paint()})();</script>`);
    expect(html).not.toContain('<link rel="stylesheet"');
    for (const tag of html.match(/<(script|style)\b[^>]*>/g) ?? []) expect(tag).toContain(`nonce="${nonce}"`);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    // The screen is in the page as the renderer draws it: spend, your models and the leaders, with names only the
    // state could give; no data block for a script to parse, and never the catalog.
    const screen = expected(snapshot);
    expect(screen).toMatch(/^<main class="mr-app mr-sidebar">/);
    expect(html).toContain(`<div id="mr-first" inert data-app="file://${dir}/dist/webview/sidebar.js" data-shared="file://${dir}/dist/webview/shared.js">${screen}</div>`);
    expect(html).toContain(snapshot.rankings?.models[0]?.name ?? '(no name)');
    expect(html).not.toContain('application/json');
    expect(html).not.toContain(largeCatalog(300).models[299]?.id ?? '(none)');
    // In order: the screen (naming the app's modules, which its script loads once it has painted), the app's root,
    // hidden until the app swaps in, and the script; no module is fetched by the page itself before that paint.
    expect(html).toContain('<div id="root" data-view="sidebar" hidden></div>');
    expect(html).not.toContain('type="module"');
    expect(html).not.toContain('modulepreload');
    const at = (s: string): number => html.indexOf(s);
    expect(at('id="mr-first"')).toBeLessThan(at('id="root"'));
    expect(at('id="root"')).toBeLessThan(at('paint()'));
    connection.dispose();
  });

  it('draws the screen in the UI language, as the app will', async () => {
    const vscode = await import('../support/fakeVscode');
    const env = vscode.env as { language: string };
    const l10n = vscode.l10n as { bundle: Record<string, string> | undefined };
    const was = { language: env.language, bundle: l10n.bundle };
    env.language = 'zh-cn';
    l10n.bundle = { 'Your models': '你的模型', Spend: '花费' };
    try {
      const { webview, connection } = await open('sidebar', liveSnapshot());
      expect(webview.html).toContain('你的模型');
      expect(webview.html).toContain('花费');
      expect(webview.html).toContain('<html lang="zh-cn">');
      connection.dispose();
    } finally {
      env.language = was.language;
      l10n.bundle = was.bundle;
    }
    // And back in English for the next page: the renderer keeps no language of its own.
    const { webview, connection } = await open('sidebar', liveSnapshot());
    expect(webview.html).toContain('Your models');
    expect(webview.html).not.toContain('你的模型');
    connection.dispose();
  });

  it('leaves the page to the app for the dashboard, or when the built files are missing', async () => {
    const dashboard = await open('dashboard', liveSnapshot());
    expect(dashboard.webview.html).not.toContain('mr-first');
    expect(dashboard.webview.html).toContain('<link rel="stylesheet"');
    const missing = await open('sidebar', liveSnapshot(), referencesView(), join(dir, 'missing'));
    expect(missing.webview.html).not.toContain('mr-first');
    expect(missing.webview.html).toContain('<div id="root" data-view="sidebar"></div>');
    for (const o of [dashboard, missing]) o.connection.dispose();
  });

  it('leaves the page to the app when the renderer draws nothing (no leaders yet), is not a renderer, or throws', async () => {
    const loading = await open('sidebar', noKeySnapshot({ rankings: null }));
    expect(loading.webview.html).not.toContain('mr-first');
    expect(loading.webview.html).toContain('<script type="module"');
    loading.connection.dispose();
    for (const [name, source] of [
      ['throws', 'exports.renderFirstScreen = () => { throw new Error("broken renderer"); };'],
      ['not a renderer', 'exports.somethingElse = 1;'],
      ['not JavaScript', 'this is ) not ( code'],
      ['not HTML', 'exports.renderFirstScreen = () => 42;'],
    ] as const) {
      const root = mkdtempSync(join(tmpdir(), 'model-radar-renderer-'));
      try {
        mkdirSync(join(root, 'dist', 'webview'), { recursive: true });
        writeFileSync(join(root, 'dist', 'webview', 'app.css'), '.x{}');
        writeFileSync(join(root, 'dist', 'webview', 'first.js'), 'first()');
        writeFileSync(join(root, 'dist', 'first-screen.js'), source);
        const o = await open('sidebar', liveSnapshot(), referencesView(), root);
        expect(o.webview.html, name).not.toContain('mr-first');
        expect(o.webview.html, name).toContain('<div id="root" data-view="sidebar"></div>');
        if (name === 'throws') expect(o.log.warn).toHaveBeenCalledWith(expect.stringContaining('broken renderer'));
        o.connection.dispose();
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }
  });

  it('writes hostile names into the page as text that cannot close an element or start markup', async () => {
    const hostile = ['</script><img src=x onerror=alert(1)>', '<!--', ']]>', '\u2028', '&amp;'];
    const base = liveSnapshot();
    const snapshot = liveSnapshot({ rankings: { ...base.rankings!, models: base.rankings!.models.map((m, i) => (i < hostile.length ? { ...m, name: hostile[i] as string } : m)) } });
    const { webview, connection } = await open('sidebar', snapshot, referencesView([modelRef(hostile[0] as string, { known: false, modelId: null, file: '</style><script>alert(2)</script>' })]));
    const html = webview.html;
    expect(html).toContain('mr-first');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<!--');
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html).toContain('&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    connection.dispose();
  });

  it('sends the full catalog at init when the first screen already reported its paint', async () => {
    const base = liveSnapshot();
    const snapshot = { ...base, catalog: catalogView([...(base.catalog?.models ?? []), ...largeCatalog(300).models]) };
    const { webview, connection, firstContent } = await open('sidebar', snapshot);
    await webview.receive({ type: 'telemetry', event: 'firstContent', ms: 40 });
    expect(firstContent).toHaveBeenCalledOnce();
    expect(webview.sent).toEqual([]);
    await webview.receive({ type: 'ready' });
    expect(webview.sent).toHaveLength(1);
    const init = webview.sent[0] as Extract<HostToWebview, { type: 'notification' }>;
    expect(init.method).toBe('init');
    expect((init.params as { snapshot: Snapshot }).snapshot.catalog?.models).toHaveLength(snapshot.catalog.models.length);
    connection.dispose();
  });
});

describe('the sidebar page in a host without a file system of its own (the browser)', () => {
  it('reads the files it inlines through the reader it is given (workspace.fs), once per file, never from disk', async () => {
    const files = new Map([
      ['/virtual/ext/dist/webview/first.js', '(()=>{paintVirtual()})();'],
      ['/virtual/ext/dist/webview/app.css', '.mr-virtual{}'],
      ['/virtual/ext/dist/first-screen.js', renderer],
    ]);
    const reads: string[] = [];
    const fromMemory = async (uri: Uri): Promise<Uint8Array> => {
      reads.push(uri.path);
      const text = files.get(uri.path);
      if (text === undefined) throw new Error('no such file');
      return new TextEncoder().encode(text);
    };
    const first = await open('sidebar', liveSnapshot(), referencesView(), '/virtual/ext', fromMemory);
    expect(first.webview.html).toContain('paintVirtual()');
    expect(first.webview.html).toContain('.mr-virtual{}');
    // A second page is written at once from what was read: no read, no wait.
    const again = new FakeWebview();
    const never = new EventEmitter<never>();
    const connection = connectWebview(again as never, 'sidebar', {
      extensionUri: Uri.file('/virtual/ext') as never,
      state: { snapshot: () => liveSnapshot(), onDidChangeSnapshot: never.event, references: () => referencesView(), onDidChangeReferences: never.event, settings: () => settings(), onDidChangeSettings: never.event },
      handlers: {} as never,
      log: { warn: vi.fn(), debug: vi.fn(), info: vi.fn() } as never,
      onFirstContent: vi.fn(),
      readResource: fromMemory as never,
    });
    expect(again.html).toContain('paintVirtual()');
    expect(again.html).toContain('<main class="mr-app mr-sidebar">');
    expect(reads.sort()).toEqual(['/virtual/ext/dist/first-screen.js', '/virtual/ext/dist/webview/app.css', '/virtual/ext/dist/webview/first.js']);
    for (const c of [first.connection, connection]) c.dispose();
  });

  it('writes the page at once when the files were read and the screen rendered ahead at start, and renders again after a change', async () => {
    const fromMemory = async (uri: Uri): Promise<Uint8Array> => new TextEncoder().encode(uri.path.endsWith('.css') ? '.pre{}' : uri.path.endsWith('first-screen.js') ? renderer : 'preloaded()');
    const changed = new EventEmitter<Snapshot>();
    const never = new EventEmitter<never>();
    let snapshot = liveSnapshot();
    const reads = vi.fn(() => snapshot);
    const state = { snapshot: reads, onDidChangeSnapshot: changed.event, references: () => referencesView(), onDidChangeReferences: never.event, settings: () => settings(), onDidChangeSettings: never.event };
    const log = { warn: vi.fn(), debug: vi.fn(), info: vi.fn() };
    const preload = preloadFirstScreen({ extensionUri: Uri.file('/preloaded/ext') as never, state, readResource: fromMemory as never, log: log as never });
    await vi.waitFor(() => expect(reads).toHaveBeenCalledOnce());
    const resolve = (): FakeWebview => {
      const webview = new FakeWebview();
      connectWebview(webview as never, 'sidebar', {
        extensionUri: Uri.file('/preloaded/ext') as never,
        state,
        handlers: {} as never,
        log: log as never,
        onFirstContent: vi.fn(),
        readResource: () => Promise.reject(new Error('read again')),
      }).dispose();
      return webview;
    };
    // Written in the same call, from the screen rendered ahead: the state is not read again.
    const first = resolve();
    expect(first.html).toContain('preloaded()');
    expect(first.html).toContain(expected(snapshot));
    expect(reads).toHaveBeenCalledOnce();
    // A change: the screen rendered ahead is dropped, so a view resolved now draws the new state itself...
    const name = snapshot.rankings?.models[0]?.name ?? '';
    snapshot = liveSnapshot({ rankings: { ...snapshot.rankings!, models: snapshot.rankings!.models.map((m, i) => (i === 0 ? { ...m, name: 'Renamed Leader' } : m)) } });
    changed.fire(snapshot);
    const second = resolve();
    expect(second.html).toContain('Renamed Leader');
    expect(second.html).not.toContain(`>${name}<`);
    // ...and once the state is quiet, it is rendered ahead again.
    const calls = reads.mock.calls.length;
    await vi.waitFor(() => expect(reads.mock.calls.length).toBe(calls + 1));
    expect(resolve().html).toContain('Renamed Leader');
    expect(reads.mock.calls.length).toBe(calls + 1);
    // Disposed: no more renders ahead, and a view resolved now draws for itself.
    preload.dispose();
    changed.fire(snapshot);
    await new Promise((r) => setTimeout(r, 400));
    expect(reads.mock.calls.length).toBe(calls + 1);
    expect(resolve().html).toContain('Renamed Leader');
    expect(reads.mock.calls.length).toBe(calls + 2);
  });

  it('writes nothing into a webview that was disposed while its files were being read', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const slow = async (uri: Uri): Promise<Uint8Array> => {
      await gate;
      return new TextEncoder().encode(uri.path.endsWith('.css') ? '.slow{}' : uri.path.endsWith('first-screen.js') ? renderer : 'slow()');
    };
    const webview = new FakeWebview();
    const never = new EventEmitter<never>();
    const connection = connectWebview(webview as never, 'sidebar', {
      extensionUri: Uri.file('/slow/ext') as never,
      state: { snapshot: () => liveSnapshot(), onDidChangeSnapshot: never.event, references: () => referencesView(), onDidChangeReferences: never.event, settings: () => settings(), onDidChangeSettings: never.event },
      handlers: {} as never,
      log: { warn: vi.fn(), debug: vi.fn(), info: vi.fn() } as never,
      onFirstContent: vi.fn(),
      readResource: slow as never,
    });
    connection.dispose();
    release();
    await new Promise((r) => setTimeout(r, 10));
    expect(webview.html).toBe('');
  });

  it('takes its nonce from crypto.getRandomValues: 16 bytes, base64', () => {
    const spy = vi.spyOn(globalThis.crypto, 'getRandomValues');
    try {
      const html = renderWebviewHtml(new FakeWebview() as never, Uri.file('/ext') as never, 'dashboard');
      expect(spy).toHaveBeenCalledOnce();
      const bytes = spy.mock.results[0]?.value as Uint8Array;
      expect(nonceOf(html)).toBe(Buffer.from(bytes).toString('base64'));
      expect(nonceOf(html)).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('renderWebviewHtml without a first screen', () => {
  it('is the app page as before', () => {
    const html = renderWebviewHtml(new FakeWebview() as never, Uri.file('/ext') as never, 'sidebar');
    expect(html).toContain('<div id="root" data-view="sidebar"></div>');
    expect(html).not.toContain('<style');
  });
});
