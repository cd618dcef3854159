// @ts-nocheck
// One connection per webview (sidebar or dashboard): strict CSP HTML, the ready handshake,
// validated inbound messages, and pushes of the current state once the webview is ready.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import type { HostToWebview, ViewKind, WebviewSettings, NotificationMap } from '../shared/protocol';
import type { ReferencesView, Snapshot } from '../shared/types';
import { dispatchWebviewMessage, type RequestHandlers } from '../core/webviewDispatch';

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
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.css'));
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
  ].join('; ');
  const title = view === 'dashboard' ? 'Model Radar dashboard' : 'Model Radar';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta property="csp-nonce" content="${nonce}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}" nonce="${nonce}">
<title>${title}</title>
</head>
<body>
<div id="root" data-view="${view}"></div>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}

export class WebviewConnection implements vscode.Disposable {
  private ready = false;
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
          onFirstContent: (documentMs) => onFirstContent(this.view, performance.now() - this.shownAt, documentMs),
          warn: (line) => this.log.warn(`[${this.view}] ${line}`),
        });
        if (reply) this.post(reply);
      }),
      state.onDidChangeSnapshot((s) => this.notify('snapshot/didChange', s)),
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
    this.notify('init', {
      view: this.view,
      snapshot: this.state.snapshot(),
      references: this.state.references(),
      settings: this.state.settings(),
    });
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
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
