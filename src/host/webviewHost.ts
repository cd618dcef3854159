// One connection per webview (sidebar or dashboard): strict CSP HTML, the ready handshake,
// validated inbound messages, and pushes of the current state once the webview is ready.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import type { HostToWebview, ViewKind, WebviewSettings, NotificationMap } from '../shared/protocol';
import type { ReferencesView, Snapshot } from '../shared/types';
import { dispatchWebviewMessage, type RequestHandlers } from '../core/bridge/dispatch';
import { sidebarFirstSnapshot } from '../core/bridge/payload';

/** If the page never reports first content (say, no rankings to show), the full catalog follows after this. */
export const FULL_SNAPSHOT_FALLBACK_MS = 1500;

export interface WebviewState {
  snapshot(): Snapshot;
  onDidChangeSnapshot: vscode.Event<Snapshot>;
  references(): ReferencesView;
  onDidChangeReferences: vscode.Event<ReferencesView>;
  settings(): WebviewSettings;
  onDidChangeSettings: vscode.Event<WebviewSettings>;
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
  webview.html = renderWebviewHtml(webview, deps.extensionUri, view);
  return connection;
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export function renderWebviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, view: ViewKind): string {
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
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta property="csp-nonce" content="${nonce}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}" nonce="${nonce}">
<link rel="modulepreload" href="${shared}" nonce="${nonce}">
<title>${title}</title>
</head>
<body>
<div id="root" data-view="${view}"></div>
<script type="module" nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}

export class WebviewConnection implements vscode.Disposable {
  private ready = false;
  /** The init carried a cut-down catalog: the full snapshot follows after the first paint. */
  private fullPending = false;
  private fullTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** When the view was resolved or last became visible: the start of "time to first content". */
  private shownAt = performance.now();

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
            onFirstContent(this.view, performance.now() - this.shownAt, documentMs);
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
    const first = this.view === 'sidebar' ? sidebarFirstSnapshot(this.state.snapshot(), references) : { snapshot: this.state.snapshot(), partial: false };
    this.notify('init', { view: this.view, snapshot: first.snapshot, references, settings: this.state.settings() });
    this.fullPending = first.partial;
    clearTimeout(this.fullTimer);
    if (first.partial) this.fullTimer = setTimeout(() => this.sendFullSnapshot(), FULL_SNAPSHOT_FALLBACK_MS);
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
