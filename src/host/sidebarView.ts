// The compact, always-there panel: a webview view in Model Radar's activity-bar container.
import * as vscode from 'vscode';
import type { ViewKind } from '../shared/protocol';
import type { RequestHandlers } from '../core/webviewDispatch';
import { WebviewConnection, renderWebviewHtml, webviewOptions, type WebviewState } from './webviewHost';

export const SIDEBAR_VIEW_ID = 'modelRadar.sidebar';

export class SidebarViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private connection: WebviewConnection | undefined;
  private view: vscode.WebviewView | undefined;
  private readonly visibility = new vscode.EventEmitter<boolean>();
  readonly onDidChangeVisibility = this.visibility.event;
  private readonly disposables: vscode.Disposable[] = [this.visibility];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly state: WebviewState,
    private readonly handlers: RequestHandlers,
    private readonly log: vscode.LogOutputChannel,
    private readonly onFirstContent: (view: ViewKind, ms: number, documentMs: number) => void,
  ) {}

  get visible(): boolean {
    return this.view?.visible ?? false;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.connection?.dispose();
    this.view = view;
    view.webview.options = webviewOptions(this.extensionUri);
    this.connection = new WebviewConnection(view.webview, 'sidebar', this.state, this.handlers, this.log, this.onFirstContent);
    view.webview.html = renderWebviewHtml(view.webview, this.extensionUri, 'sidebar');
    const subs = [
      view.onDidChangeVisibility(() => {
        if (view.visible) this.connection?.markShown();
        this.visibility.fire(view.visible);
      }),
      view.onDidDispose(() => {
        this.connection?.dispose();
        this.connection = undefined;
        this.view = undefined;
        for (const s of subs) s.dispose();
        this.visibility.fire(false);
      }),
    ];
    this.visibility.fire(view.visible);
  }

  dispose(): void {
    this.connection?.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
