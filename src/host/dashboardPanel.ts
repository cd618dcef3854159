// The wide dashboard: the same webview app in an editor panel, one instance at a time.
import * as vscode from 'vscode';
import { webviewOptions, type WebviewDeps } from './webviewHost';
import { WebviewSurface } from './webviewSurface';

export const DASHBOARD_VIEW_TYPE = 'modelRadar.dashboard';

export class DashboardPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly surface: WebviewSurface;
  readonly onDidChangeVisibility: vscode.Event<boolean>;

  constructor(private readonly deps: WebviewDeps) {
    this.surface = new WebviewSurface('dashboard', deps);
    this.onDidChangeVisibility = this.surface.onDidChangeVisibility;
  }

  get visible(): boolean {
    return this.surface.visible;
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
    panel.onDidDispose(() => {
      this.panel = undefined;
    });
    this.surface.attach(panel, panel.onDidChangeViewState);
  }

  dispose(): void {
    this.panel?.dispose();
    this.surface.dispose();
  }
}
