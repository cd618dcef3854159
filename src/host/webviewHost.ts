// One connection per webview (sidebar or dashboard): strict CSP HTML, the ready handshake,
// validated inbound messages, and pushes of the current state once the webview is ready.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { HostToWebview, InitPayload, ViewKind, WebviewSettings, NotificationMap } from '../shared/protocol';
import type { ReferencesView, Snapshot, WatchView } from '../shared/types';
import { dispatchWebviewMessage, type RequestHandlers } from '../core/bridge/dispatch';
import { sidebarFirstSnapshot } from '../core/bridge/payload';
import { readLanguage, readWebviewL10n, type WebviewL10n } from '../shared/l10n';

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
}

/** What every Model Radar webview is built from. */
export interface WebviewDeps {
  extensionUri: vscode.Uri;
  state: WebviewState;
  handlers: RequestHandlers;
  log: vscode.LogOutputChannel;
  onFirstContent: (view: ViewKind, ms: number, documentMs: number) => void;
}

/** Wires one webview: the connection first, so no message from the page is missed, then the HTML. */
export function connectWebview(webview: vscode.Webview, view: ViewKind, deps: WebviewDeps): WebviewConnection {
  const connection = new WebviewConnection(webview, view, deps.state, deps.handlers, deps.log, deps.onFirstContent);
  webview.html = renderWebviewHtml(webview, deps.extensionUri, view, view === 'sidebar' ? sidebarFirstScreen(deps) : null);
  return connection;
}

/**
 * What the sidebar's page needs to paint its first screen before its modules load: the script that draws it
 * (dist/webview/first.js, webview/src/first/) and the stylesheet, both inlined, and the data it draws, the same
 * slim init the app gets. Null when a file cannot be read (the page is then the app alone, as before).
 */
function sidebarFirstScreen(deps: WebviewDeps): FirstScreen | null {
  const dir = vscode.Uri.joinPath(deps.extensionUri, 'dist', 'webview');
  const script = inlineAsset(vscode.Uri.joinPath(dir, 'first.js').fsPath, 'script');
  const css = inlineAsset(vscode.Uri.joinPath(dir, 'sidebar.css').fsPath, 'style');
  if (script === null || css === null) return null;
  const references = deps.state.references();
  const init: InitPayload = { view: 'sidebar', snapshot: sidebarFirstSnapshot(deps.state.snapshot(), references).snapshot, references, settings: deps.state.settings() };
  return { script, css, data: jsonForScript(init) };
}

/**
 * JSON that can sit inside a <script type="application/json"> element: `<`, `>`, `&` and the two JavaScript line
 * separators escaped, so no string in it (a model name written by anyone) can close the element or start markup.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const assetCache = new Map<string, string | null>();

/** A built file read once per session to inline it; null when it cannot be read or could close its element. */
function inlineAsset(path: string, element: 'script' | 'style'): string | null {
  let text = assetCache.get(path);
  if (text === undefined) {
    try {
      text = readFileSync(path, 'utf8');
    } catch (_err) {
      text = null;
    }
    assetCache.set(path, text);
  }
  return text !== null && !new RegExp(`</${element}`, 'i').test(text) ? text : null;
}

/** The sidebar's first screen, inlined into its page. */
export interface FirstScreen {
  script: string;
  css: string;
  /** The init payload as JSON safe inside a script element. */
  data: string;
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export function renderWebviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, view: ViewKind, first: FirstScreen | null = null): string {
  const nonce = randomBytes(16).toString('base64');
  // One ES module per view (esbuild.mjs): the view's own code, and the chunk both views share, preloaded so it
  // downloads alongside the entry instead of after it. Module imports inherit the entry's nonce.
  const asset = (file: string): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', file)).toString();
  const script = asset(`${view}.js`);
  const shared = asset('shared.js');
  const style = asset(`${view}.css`);
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
    ? // The first screen's script loads the app's modules itself, once that screen is painted (or at once when it
      // draws nothing): fetching them through the webview's service worker would compete with that first paint.
      `<div id="mr-first" data-app="${script}" data-shared="${shared}"></div>\n<div id="root" data-view="${view}"></div>\n<script type="application/json" id="mr-first-data" nonce="${nonce}">${first.data}</script>\n<script nonce="${nonce}">${first.script}</script>`
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
    onFirstContent: (view: ViewKind, ms: number, documentMs: number) => void,
  ) {
    this.disposables.push(
      webview.onDidReceiveMessage(async (raw: unknown) => {
        const reply = await dispatchWebviewMessage(raw, {
          handlers,
          onReady: () => this.onReady(),
          onFirstContent: (documentMs) => {
            // Reported once per document: by the host-rendered first screen, or by the app when there was none.
            onFirstContent(this.view, performance.now() - this.shownAt, documentMs);
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
  }

  /** The view became visible again; its document reloads (no retained context) and says ready once more. */
  markShown(): void {
    this.shownAt = performance.now();
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
    this.ready = false;
    clearTimeout(this.fullTimer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
