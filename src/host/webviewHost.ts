// One connection per webview (sidebar or dashboard): strict CSP HTML, the ready handshake,
// validated inbound messages, and pushes of the current state once the webview is ready.
import * as vscode from 'vscode';
import type { FirstScreenRenderer, HostToWebview, ViewKind, WebviewSettings, NotificationMap } from '../shared/protocol';
import type { ReferencesView, Snapshot, WatchView } from '../shared/types';
import { dispatchWebviewMessage, type RequestHandlers } from '../core/bridge/dispatch';
import { sidebarFirstSnapshot } from '../core/bridge/payload';
import { readLanguage, readWebviewL10n, type WebviewL10n } from '../shared/l10n';
import { evaluateChunk } from './platform/webChunk';

/** If the page never reports first content (say, no rankings to show), the full catalog follows after this. */
export const FULL_SNAPSHOT_FALLBACK_MS = 1500;

export interface WebviewState {
  snapshot(): Snapshot;
  onDidChangeSnapshot: vscode.Event<Snapshot>;
  references(): ReferencesView;
  onDidChangeReferences: vscode.Event<ReferencesView>;
  settings(): WebviewSettings;
  onDidChangeSettings: vscode.Event<WebviewSettings>;
  /** The catalog watch's Changes list, when there is a watch. */
  watch?(): WatchView;
  onDidChangeWatch?: vscode.Event<WatchView>;
  /** The user's real token mixes changed: every comparison the view shows must be asked again. */
  onDidChangeWorkload?: vscode.Event<void>;
}

/** What every Model Radar webview is built from. */
export interface WebviewDeps {
  extensionUri: vscode.Uri;
  state: WebviewState;
  handlers: RequestHandlers;
  log: vscode.LogOutputChannel;
  /** `htmlMs`: from the view shown to its HTML handed to VS Code (the host's own share of `ms`). */
  onFirstContent: (view: ViewKind, ms: number, documentMs: number, htmlMs: number) => void;
  /** Reads one of the extension's files: `workspace.fs.readFile` (both hosts; the tests pass their own). */
  readResource?: (uri: vscode.Uri) => PromiseLike<Uint8Array>;
}

/**
 * Wires one webview: the connection first, so no message from the page is missed, then the HTML. A webview view
 * gets its `options` here too, right before its HTML and after the HTML is built: VS Code makes a new frame for
 * each change of either, so options set before building the page cost a frame made for nothing (measured: ~60 ms
 * later first content). The sidebar's page carries its first screen, rendered here from three built files read
 * once per session through `workspace.fs` (the browser's host has no other file access): until the first read is
 * done the page waits for them, after that (preloadFirstScreen at start) it is written at once.
 */
export function connectWebview(webview: vscode.Webview, view: ViewKind, deps: WebviewDeps, options?: vscode.WebviewOptions): WebviewConnection {
  const connection = new WebviewConnection(webview, view, deps.state, deps.handlers, deps.log, deps.onFirstContent);
  const write = (first: FirstScreen | null): void => {
    if (connection.disposed) return;
    const html = renderWebviewHtml(webview, deps.extensionUri, view, first);
    if (options) webview.options = options;
    webview.html = html;
    connection.htmlSet();
  };
  if (view !== 'sidebar') write(null);
  else {
    const assets = firstScreenAssets(deps.extensionUri, deps.readResource);
    if (assets instanceof Promise) void assets.then((a) => write(firstScreenOf(deps, a)));
    else write(firstScreenOf(deps, assets));
  }
  return connection;
}

/** What the sidebar's first screen is made with; null where a file could not be read or used. */
interface FirstScreenAssets {
  /** dist/webview/first.js, inlined: folds what the user folded, reports the paint, loads the app. */
  script: string | null;
  /** dist/webview/app.css, inlined: the first paint needs no fetch. */
  css: string | null;
  /** dist/first-screen.js, run here: the screen's HTML. */
  renderer: FirstScreenRenderer | null;
}

type Read = (uri: vscode.Uri) => PromiseLike<Uint8Array>;

/** The assets, at once when they were read before (preloadFirstScreen), else once they are. */
function firstScreenAssets(extensionUri: vscode.Uri, readResource?: Read): FirstScreenAssets | Promise<FirstScreenAssets> {
  const read = readResource ?? ((uri: vscode.Uri) => vscode.workspace.fs.readFile(uri));
  const dir = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
  const script = inlineAsset(vscode.Uri.joinPath(dir, 'first.js'), 'script', read);
  const css = inlineAsset(vscode.Uri.joinPath(dir, 'app.css'), 'style', read);
  const renderer = firstScreenRenderer(vscode.Uri.joinPath(extensionUri, 'dist', 'first-screen.js'), read);
  if (script instanceof Promise || css instanceof Promise || renderer instanceof Promise) {
    return Promise.all([script, css, renderer]).then(([s, c, r]) => ({ script: s, css: c, renderer: r }));
  }
  return { script, css, renderer };
}

/** A first screen rendered ahead of its showing, for the state it was rendered from (per state: one per window). */
const prerendered = new WeakMap<WebviewState, { html: string | null; at: number }>();
/** A prerendered screen older than this is drawn again at resolve: its "as of" labels read the clock. */
const PRERENDER_MAX_AGE_MS = 60_000;
/** After a change of state, the screen is rendered again once the state has been quiet this long. */
const PRERENDER_QUIET_MS = 300;

/**
 * Reads the files the sidebar's first screen is made with and renders that screen ahead of its showing, again after
 * each change of state (once it is quiet), so when the view resolves its page is written at once: no file to wait
 * for, no rendering between VS Code showing the view and the page's HTML. The composition root calls it at start;
 * disposing it stops the renders.
 */
export function preloadFirstScreen(deps: Pick<WebviewDeps, 'extensionUri' | 'state' | 'readResource' | 'log'>): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  const render = (): void => {
    timer = undefined;
    const assets = firstScreenAssets(deps.extensionUri, deps.readResource);
    const draw = (a: FirstScreenAssets): void => {
      if (disposed) return;
      const started = performance.now();
      const first = firstScreenOf(deps, a, false);
      prerendered.set(deps.state, { html: first?.html ?? null, at: Date.now() });
      deps.log.debug(`[sidebar] first screen rendered ahead in ${(performance.now() - started).toFixed(1)} ms`);
    };
    if (assets instanceof Promise) void assets.then(draw);
    else draw(assets);
  };
  const changed = (): void => {
    prerendered.delete(deps.state);
    clearTimeout(timer);
    if (!disposed) timer = setTimeout(render, PRERENDER_QUIET_MS);
  };
  const subs = [deps.state.onDidChangeSnapshot(changed), deps.state.onDidChangeReferences(changed), deps.state.onDidChangeSettings(changed)];
  render();
  return new vscode.Disposable(() => {
    disposed = true;
    clearTimeout(timer);
    prerendered.delete(deps.state);
    for (const sub of subs) sub.dispose();
  });
}

/**
 * The sidebar's first screen: its HTML rendered from the state now (or ahead of time, for the same state), in the UI
 * language, with the script and the stylesheet the page inlines. Null when a file is missing, or when there is
 * nothing the screen draws exactly (the app then draws the page, as it always can). A renderer that throws is logged
 * and treated the same way.
 */
function firstScreenOf(deps: Pick<WebviewDeps, 'state' | 'log'>, assets: FirstScreenAssets, usePrerendered = true): FirstScreen | null {
  const { script, css, renderer } = assets;
  if (script === null || css === null || renderer === null) return null;
  const ahead = usePrerendered ? prerendered.get(deps.state) : undefined;
  if (ahead !== undefined && Date.now() - ahead.at >= 0 && Date.now() - ahead.at < PRERENDER_MAX_AGE_MS) return ahead.html === null ? null : { script, css, html: ahead.html };
  let html: string | null;
  try {
    html = renderer.renderFirstScreen({ snapshot: deps.state.snapshot(), references: deps.state.references(), settings: deps.state.settings(), nowMs: Date.now(), l10n: hostL10n() });
  } catch (err) {
    deps.log.warn(`[sidebar] first screen not drawn: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
  return typeof html === 'string' && html !== '' ? { script, css, html } : null;
}

/** Per file: its text once read (null: unreadable), or the read in flight. */
const assetCache = new Map<string, string | null | Promise<string | null>>();

/** A built file read once per session; null when it cannot be read. A promise only while the first read is in flight. */
function readOnce(uri: vscode.Uri, read: Read): string | null | Promise<string | null> {
  const key = uri.toString();
  let text = assetCache.get(key);
  if (text === undefined) {
    const reading = Promise.resolve()
      .then(() => read(uri))
      .then(
        (bytes) => new TextDecoder('utf-8').decode(bytes),
        () => null,
      )
      .then((t) => {
        assetCache.set(key, t);
        return t;
      });
    assetCache.set(key, reading);
    text = reading;
  }
  return text;
}

/** A built file to inline in the page; null when it cannot be read or could close its element. */
function inlineAsset(uri: vscode.Uri, element: 'script' | 'style', read: Read): string | null | Promise<string | null> {
  const text = readOnce(uri, read);
  const usable = (t: string | null): string | null => (t !== null && !new RegExp(`</${element}`, 'i').test(t) ? t : null);
  return text instanceof Promise ? text.then(usable) : usable(text);
}

/** Per file: the renderer it defines once run (null: unreadable or not a renderer). */
const rendererCache = new Map<string, FirstScreenRenderer | null>();

/**
 * The first screen's renderer: dist/first-screen.js, the webview's own code built with no imports (esbuild.mjs),
 * run once per session in the wrapper VS Code runs a web extension's file in (src/host/platform/webChunk.ts).
 */
function firstScreenRenderer(uri: vscode.Uri, read: Read): FirstScreenRenderer | null | Promise<FirstScreenRenderer | null> {
  const key = uri.toString();
  const known = rendererCache.get(key);
  if (known !== undefined) return known;
  const text = readOnce(uri, read);
  const load = (source: string | null): FirstScreenRenderer | null => {
    let made: FirstScreenRenderer | null = null;
    if (source !== null) {
      try {
        const exported = evaluateChunk(source, uri.toString(true), 'first-screen.js', vscode, {});
        if (typeof exported.renderFirstScreen === 'function') made = { renderFirstScreen: exported.renderFirstScreen as FirstScreenRenderer['renderFirstScreen'] };
      } catch (_err) {
        made = null;
      }
    }
    rendererCache.set(key, made);
    return made;
  };
  return text instanceof Promise ? text.then(load) : load(text);
}

/** A CSP nonce: 16 random bytes as base64, from `crypto.getRandomValues` (Node 20 and the browser's worker both have it). */
export function makeNonce(): string {
  let binary = '';
  for (const byte of globalThis.crypto.getRandomValues(new Uint8Array(16))) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The sidebar's first screen, written into its page. */
export interface FirstScreen {
  script: string;
  css: string;
  /** The screen's HTML, rendered by the host (every server or workspace string in it escaped by the renderer). */
  html: string;
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export function renderWebviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, view: ViewKind, first: FirstScreen | null = null): string {
  const nonce = makeNonce();
  // One ES module per view (esbuild.mjs): the view's own code, and the chunk both views share, preloaded so it
  // downloads alongside the entry instead of after it. Module imports inherit the entry's nonce.
  const asset = (file: string): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', file)).toString();
  const script = asset(`${view}.js`);
  const shared = asset('shared.js');
  // One stylesheet for both views (esbuild.mjs).
  const style = asset('app.css');
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
  ].join('; ');
  const title = view === 'dashboard' ? vscode.l10n.t('Model Radar dashboard') : 'Model Radar';
  return `<!DOCTYPE html>
<html lang="${readLanguage(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta property="csp-nonce" content="${nonce}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${first ? `<style nonce="${nonce}">${first.css}</style>` : `<link rel="stylesheet" href="${style}" nonce="${nonce}">\n<link rel="modulepreload" href="${shared}" nonce="${nonce}">`}
<title>${title}</title>
</head>
<body>
${
  first
    ? // The first screen is in the page, painted, not yet interactive (inert: its buttons take no clicks or focus
      // until the app swaps in). Its script loads the app's modules once that screen is painted: fetching them
      // through the webview's service worker would compete with that first paint.
      `<div id="mr-first" inert data-app="${script}" data-shared="${shared}">${first.html}</div>\n<div id="root" data-view="${view}" hidden></div>\n<script nonce="${nonce}">${first.script}</script>`
    : `<div id="root" data-view="${view}"></div>\n<script type="module" nonce="${nonce}" src="${script}"></script>`
}
</body>
</html>`;
}

/**
 * The UI language and the extension's bundle for it (l10n/bundle.l10n.<language>.json, which VS Code has already
 * loaded for `vscode.l10n.t`; it holds the webview's messages too), bounded as the webview will read it.
 */
export function hostL10n(): WebviewL10n {
  // `l10n.bundle` is undefined for English and when no bundle matches the language.
  return readWebviewL10n({ language: vscode.env.language, bundle: vscode.l10n.bundle ?? {} });
}

export class WebviewConnection implements vscode.Disposable {
  private ready = false;
  /** Disposed: its webview is gone, so nothing is written to it any more. */
  disposed = false;
  /** The init carried a cut-down catalog: the full snapshot follows after the first paint. */
  private fullPending = false;
  private fullTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** When the view was resolved or last became visible: the start of "time to first content". */
  private shownAt = performance.now();
  /** The page reported its first content: a host-rendered first screen may do so before it says ready. */
  private painted = false;
  /** A model whose providers to show, asked for before the page said ready: sent after its init. */
  private pendingFocus: string | null = null;

  constructor(
    private readonly webview: vscode.Webview,
    private readonly view: ViewKind,
    private readonly state: WebviewState,
    handlers: RequestHandlers,
    private readonly log: vscode.LogOutputChannel,
    onFirstContent: (view: ViewKind, ms: number, documentMs: number, htmlMs: number) => void,
  ) {
    this.disposables.push(
      webview.onDidReceiveMessage(async (raw: unknown) => {
        const reply = await dispatchWebviewMessage(raw, {
          handlers,
          onReady: () => this.onReady(),
          onFirstContent: (documentMs) => {
            // Reported once per document: by the host-rendered first screen, or by the app when there was none.
            onFirstContent(this.view, performance.now() - this.shownAt, documentMs, this.htmlMs);
            this.painted = true;
            this.sendFullSnapshot();
          },
          warn: (line) => this.log.warn(`[${this.view}] ${line}`),
        });
        if (reply) this.post(reply);
      }),
      state.onDidChangeSnapshot((s) => {
        this.fullPending = false;
        this.notify('snapshot/didChange', s);
      }),
      state.onDidChangeReferences((r) => this.notify('references/didChange', r)),
      state.onDidChangeSettings((s) => this.notify('settings/didChange', s)),
    );
    if (state.onDidChangeWatch) this.disposables.push(state.onDidChangeWatch((w) => this.notify('watch/didChange', w)));
    if (state.onDidChangeWorkload) this.disposables.push(state.onDidChangeWorkload(() => this.notify('workload/didChange', null)));
  }

  /** From shown to the HTML handed to VS Code (0 for a document shown again: its HTML was set before). */
  private htmlMs = 0;

  /** The page's HTML has just been handed to VS Code. */
  htmlSet(): void {
    this.htmlMs = performance.now() - this.shownAt;
  }

  /** The view became visible again; its document reloads (no retained context) and says ready once more. */
  markShown(): void {
    this.shownAt = performance.now();
    this.htmlMs = 0;
  }

  /** The webview (re)loaded: everything it needs goes out in one message, so the first paint needs no round trip. */
  private onReady(): void {
    this.ready = true;
    const references = this.state.references();
    // The sidebar paints spend, your models and the leaders first: it gets the catalog entries those name, and the
    // whole catalog once that is on screen. The dashboard's first paint is the catalog, so it gets it all at once.
    // Once the first content is on screen (a host-rendered first screen), the app no longer races it: all at once.
    const first = this.view === 'sidebar' && !this.painted ? sidebarFirstSnapshot(this.state.snapshot(), references) : { snapshot: this.state.snapshot(), partial: false };
    const watch = this.state.watch?.();
    this.notify('init', { view: this.view, snapshot: first.snapshot, references, settings: this.state.settings(), l10n: hostL10n(), ...(watch === undefined ? {} : { watch }) });
    if (this.pendingFocus !== null) this.notify('providers/focus', { modelId: this.pendingFocus });
    this.pendingFocus = null;
    this.fullPending = first.partial;
    clearTimeout(this.fullTimer);
    if (first.partial) this.fullTimer = setTimeout(() => this.sendFullSnapshot(), FULL_SNAPSHOT_FALLBACK_MS);
  }

  /** Shows the providers of a model in the dashboard: now when the page is ready, else right after its init. */
  focusProviders(modelId: string): void {
    if (this.ready) this.notify('providers/focus', { modelId });
    else this.pendingFocus = modelId;
  }

  private sendFullSnapshot(): void {
    clearTimeout(this.fullTimer);
    if (!this.fullPending) return;
    this.fullPending = false;
    this.notify('snapshot/didChange', this.state.snapshot());
  }

  private notify<N extends keyof NotificationMap>(method: N, params: NotificationMap[N]): void {
    // Nothing is posted before the webview said it is ready: it would be lost or race the first render.
    if (!this.ready) return;
    this.post({ type: 'notification', method, params } as HostToWebview);
  }

  private post(message: HostToWebview): void {
    void this.webview.postMessage(message).then(undefined, (err: unknown) => {
      this.log.debug(`[${this.view}] postMessage failed: ${err instanceof Error ? err.message : String(err)}`);
    });
  }

  dispose(): void {
    this.disposed = true;
    this.ready = false;
    clearTimeout(this.fullTimer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
