// The compact, always-there panel: a webview view in Model Radar's activity-bar container.
import type * as vscode from 'vscode';
import { webviewOptions, type WebviewDeps } from './webviewHost';
import { WebviewSurface } from './webviewSurface';

export const SIDEBAR_VIEW_ID = 'modelRadar.sidebar';

export class SidebarViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private readonly surface: WebviewSurface;
  readonly onDidChangeVisibility: vscode.Event<boolean>;

  constructor(private readonly deps: WebviewDeps) {
    this.surface = new WebviewSurface('sidebar', deps);
    this.onDidChangeVisibility = this.surface.onDidChangeVisibility;
  }

  get visible(): boolean {
    return this.surface.visible;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    view.webview.options = webviewOptions(this.deps.extensionUri);
    this.surface.attach(view, view.onDidChangeVisibility);
  }

  dispose(): void {
    this.surface.dispose();
  }
}
