// @ts-nocheck
// The compact, always-there panel: a webview view in Model Radar's activity-bar container.
import * as vscode from 'vscode';
import { connectWebview, webviewOptions, type WebviewConnection, type WebviewDeps } from './webviewHost';

export const SIDEBAR_VIEW_ID = 'modelRadar.sidebar';

export class SidebarViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private connection: WebviewConnection | undefined;
  private view: vscode.WebviewView | undefined;
  private readonly visibility = new vscode.EventEmitter<boolean>();
  readonly onDidChangeVisibility = this.visibility.event;
  private readonly disposables: vscode.Disposable[] = [this.visibility];

  constructor(private readonly deps: WebviewDeps) {}

  get visible(): boolean {
    return this.view?.visible ?? false;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.connection?.dispose();
    this.view = view;
    view.webview.options = webviewOptions(this.deps.extensionUri);
    this.connection = connectWebview(view.webview, 'sidebar', this.deps);
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
