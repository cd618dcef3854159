// The wide dashboard: the same webview app in an editor panel, one instance at a time.
import * as vscode from 'vscode';
import { webviewOptions, type WebviewDeps } from './webviewHost';
import { WebviewSurface } from './webviewSurface';

export const DASHBOARD_VIEW_TYPE = 'modelRadar.dashboard';

export class DashboardPanel extends WebviewSurface {
  private panel: vscode.WebviewPanel | undefined;

  constructor(deps: WebviewDeps) {
    super('dashboard', deps);
  }

  /** Opens (or reveals) the dashboard; with `providersOf`, at that model's providers. */
  show(providersOf?: string | null): void {
    if (this.panel) {
      this.panel.reveal(undefined, false);
      if (providersOf) this.focusProviders(providersOf);
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
    this.attach(panel, panel.onDidChangeViewState);
    if (providersOf) this.focusProviders(providersOf);
  }

  override dispose(): void {
    this.panel?.dispose();
    super.dispose();
  }
}
