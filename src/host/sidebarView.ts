// The compact, always-there panel: a webview view in Model Radar's activity-bar container.
import type * as vscode from 'vscode';
import { webviewOptions, type WebviewDeps } from './webviewHost';
import { WebviewSurface } from './webviewSurface';

export const SIDEBAR_VIEW_ID = 'modelRadar.sidebar';

export class SidebarViewProvider extends WebviewSurface implements vscode.WebviewViewProvider {
  constructor(deps: WebviewDeps) {
    super('sidebar', deps);
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    // The options go with the HTML (connectWebview): set apart, each makes VS Code build a frame.
    this.attach(view, view.onDidChangeVisibility, webviewOptions(this.deps.extensionUri));
  }
}
