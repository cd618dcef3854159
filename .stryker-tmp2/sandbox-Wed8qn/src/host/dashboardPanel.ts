// @ts-nocheck
// The wide dashboard: the same webview app in an editor panel, one instance at a time.
import * as vscode from 'vscode';
import { connectWebview, webviewOptions, type WebviewConnection, type WebviewDeps } from './webviewHost';

export const DASHBOARD_VIEW_TYPE = 'modelRadar.dashboard';

export class DashboardPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private connection: WebviewConnection | undefined;
  private readonly visibility = new vscode.EventEmitter<boolean>();
  readonly onDidChangeVisibility = this.visibility.event;

  constructor(private readonly deps: WebviewDeps) {}

  get visible(): boolean {
    return this.panel?.visible ?? false;
  }

  show(): void {
    if (this.panel) {
      this.panel.reveal(undefined, false);
      return;
    }
    const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, 'Model Radar', vscode.ViewColumn.Active, {
      ...webviewOptions(this.deps.extensionUri),
      retainContextWhenHidden: false,
    });
    panel.iconPath = vscode.Uri.joinPath(this.deps.extensionUri, 'media', 'radar.svg');
    this.panel = panel;
    this.connection = connectWebview(panel.webview, 'dashboard', this.deps);
    const subs = [
      panel.onDidChangeViewState(() => {
        if (panel.visible) this.connection?.markShown();
        this.visibility.fire(panel.visible);
      }),
      panel.onDidDispose(() => {
        this.connection?.dispose();
        this.connection = undefined;
        this.panel = undefined;
        for (const s of subs) s.dispose();
        this.visibility.fire(false);
      }),
    ];
    this.visibility.fire(true);
  }

  dispose(): void {
    this.panel?.dispose();
    this.visibility.dispose();
  }
}
