// The sidebar page written by the host: the first screen's script (dist/webview/first.js) and the stylesheet
// inlined, the slim init as JSON in the page, everything nonce'd under the same strict CSP; for the dashboard, or
// without the built files, the page is the app alone as before. A first screen that reported its paint before
// `ready` gets the full snapshot at init.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter, Uri } from '../support/fakeVscode';
import { connectWebview, jsonForScript, preloadFirstScreen, renderWebviewHtml } from '../../src/host/webviewHost';
import { firstScreenSnapshot, sidebarFirstSnapshot } from '../../src/core/bridge/payload';
import type { HostToWebview, InitPayload } from '../../src/shared/protocol';
import type { ReferencesView, Snapshot } from '../../src/shared/types';
import { catalogView, largeCatalog, liveSnapshot, modelRef, referencesView, settings } from '../support/snapshotBuilders';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'model-radar-page-'));
  mkdirSync(join(dir, 'dist', 'webview'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'webview', 'app.css'), '.mr-app{color:var(--vscode-foreground)}');
  writeFileSync(join(dir, 'dist', 'webview', 'first.js'), '(()=>{paint()})();');
});
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

describe('the sidebar page with a first screen', () => {
  it('inlines the first script, the stylesheet and the slim init, every script and style nonce’d, no inline handlers', async () => {
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
    // The data: the init with only the catalog entries the first screen reads (the leaders it lists, the models
    // referenced), fewer than the app's slim init (every ranked model's), never the whole catalog.
    const data = JSON.parse(/<script type="application\/json" id="mr-first-data" nonce="[^"]+">([^<]*)<\/script>/.exec(html)?.[1] ?? 'null') as InitPayload;
    expect(data.view).toBe('sidebar');
    expect(data.snapshot.catalog?.models).toEqual(firstScreenSnapshot(snapshot, referencesView(), settings().leadersTop).catalog?.models);
    expect(data.snapshot.catalog?.models.length).toBeLessThan(sidebarFirstSnapshot(snapshot, referencesView()).snapshot.catalog?.models.length ?? 0);
    expect(data.snapshot.rankings).toEqual(snapshot.rankings);
    expect(data.references).toEqual(referencesView());
    expect(data.settings).toEqual(settings());
    // In order: the slot (naming the app's modules, which the first script loads once it has painted), the app's
    // root, the data, the first script; no module is fetched by the page itself before that paint.
    expect(html).toContain(`<div id="mr-first" data-app="file://${dir}/dist/webview/sidebar.js" data-shared="file://${dir}/dist/webview/shared.js"></div>`);
    expect(html).not.toContain('type="module"');
    expect(html).not.toContain('modulepreload');
    const at = (s: string): number => html.indexOf(s);
    expect(at('id="mr-first"')).toBeLessThan(at('id="root"'));
    expect(at('id="root"')).toBeLessThan(at('id="mr-first-data"'));
    expect(at('id="mr-first-data"')).toBeLessThan(at('paint()'));
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

  it('writes hostile names into the page as data that cannot close its element or start markup', async () => {
    const hostile = ['</script><img src=x onerror=alert(1)>', '<!--', ']]>', '\u2028', '&amp;'];
    const base = liveSnapshot();
    const snapshot = liveSnapshot({ rankings: { ...base.rankings!, models: base.rankings!.models.map((m, i) => (i < hostile.length ? { ...m, name: hostile[i] as string } : m)) } });
    const { webview, connection } = await open('sidebar', snapshot, referencesView([modelRef(hostile[0] as string, { known: false, modelId: null, file: '</style><script>alert(2)</script>' })]));
    const html = webview.html;
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<!--');
    expect(html.match(/<script\b/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    const data = JSON.parse(/id="mr-first-data" nonce="[^"]+">([^<]*)<\/script>/.exec(html)?.[1] ?? 'null') as InitPayload;
    expect(data.snapshot.rankings?.models.slice(0, hostile.length).map((m) => m.name)).toEqual(hostile);
    expect(data.references.refs[0]?.file).toBe('</style><script>alert(2)</script>');
    connection.dispose();
  });

  it('escapes every character that could end a script element or a line in JSON', () => {
    expect(jsonForScript({ a: '</script>&\u2028\u2029' })).toBe('{"a":"\\u003c/script\\u003e\\u0026\\u2028\\u2029"}');
    expect(JSON.parse(jsonForScript({ a: '</script>&\u2028' }))).toEqual({ a: '</script>&\u2028' });
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
    expect(reads.sort()).toEqual(['/virtual/ext/dist/webview/app.css', '/virtual/ext/dist/webview/first.js']);
    for (const c of [first.connection, connection]) c.dispose();
  });

  it('writes the page at once when the files were preloaded at start', async () => {
    const fromMemory = async (uri: Uri): Promise<Uint8Array> => new TextEncoder().encode(uri.path.endsWith('.css') ? '.pre{}' : 'preloaded()');
    preloadFirstScreen(Uri.file('/preloaded/ext') as never, fromMemory as never);
    await new Promise((r) => setTimeout(r, 0));
    const webview = new FakeWebview();
    const never = new EventEmitter<never>();
    const connection = connectWebview(webview as never, 'sidebar', {
      extensionUri: Uri.file('/preloaded/ext') as never,
      state: { snapshot: () => liveSnapshot(), onDidChangeSnapshot: never.event, references: () => referencesView(), onDidChangeReferences: never.event, settings: () => settings(), onDidChangeSettings: never.event },
      handlers: {} as never,
      log: { warn: vi.fn(), debug: vi.fn(), info: vi.fn() } as never,
      onFirstContent: vi.fn(),
      readResource: () => Promise.reject(new Error('read again')),
    });
    expect(webview.html).toContain('preloaded()');
    connection.dispose();
  });

  it('writes nothing into a webview that was disposed while its files were being read', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const slow = async (uri: Uri): Promise<Uint8Array> => {
      await gate;
      return new TextEncoder().encode(uri.path.endsWith('.css') ? '.slow{}' : 'slow()');
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
