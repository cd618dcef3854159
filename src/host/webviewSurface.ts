// What the sidebar's view and the dashboard's panel have in common: a webview VS Code shows and later disposes,
// connected to the host while it lives, whose visibility the composition root follows (polling slows when no
// view is visible). Each surface (a subclass) only says how VS Code creates or hands it its webview.
import * as vscode from 'vscode';
import type { ViewKind } from '../shared/protocol';
import { connectWebview, type WebviewConnection, type WebviewDeps } from './webviewHost';

/** The part of a `WebviewView` or a `WebviewPanel` a surface needs. */
export interface ShownWebview {
  readonly webview: vscode.Webview;
  readonly visible: boolean;
  readonly onDidDispose: vscode.Event<void>;
}

export class WebviewSurface implements vscode.Disposable {
  private current: { shown: ShownWebview; connection: WebviewConnection } | undefined;
  private readonly visibility = new vscode.EventEmitter<boolean>();
  readonly onDidChangeVisibility = this.visibility.event;

  constructor(
    private readonly view: ViewKind,
    protected readonly deps: WebviewDeps,
  ) {}

  get visible(): boolean {
    return this.current?.shown.visible ?? false;
  }

  /**
   * The webview VS Code shows now (in place of any earlier one), connected until VS Code disposes it; `options`
   * for a webview VS Code created without them (a view), set together with its HTML.
   */
  attach(shown: ShownWebview, onDidChangeShown: vscode.Event<unknown>, options?: vscode.WebviewOptions): void {
    this.current?.connection.dispose();
    const entry = { shown, connection: connectWebview(shown.webview, this.view, this.deps, options) };
    this.current = entry;
    const subs = [
      onDidChangeShown(() => {
        if (shown.visible) entry.connection.markShown();
        this.visibility.fire(shown.visible);
      }),
      shown.onDidDispose(() => {
        entry.connection.dispose();
        // A later attach has replaced this one: its state is not this webview's to clear.
        if (this.current === entry) this.current = undefined;
        for (const s of subs) s.dispose();
        this.visibility.fire(false);
      }),
    ];
    this.visibility.fire(shown.visible);
  }

  /** The dashboard's Providers section at this model (see WebviewConnection.focusProviders). */
  focusProviders(modelId: string): void {
    this.current?.connection.focusProviders(modelId);
  }

  dispose(): void {
    this.current?.connection.dispose();
    this.current = undefined;
    this.visibility.dispose();
  }
}
