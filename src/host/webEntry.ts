// What the browser's web worker extension host loads (dist/web/extension.js, the manifest's `browser`): the same
// entry and composition root as the desktop, with the web platform (src/host/platform/web.ts). One file: the
// composition root is bundled in, as a worker has no second file to require.
import type * as vscode from 'vscode';
import { activateLazily } from './activation';
import { webPlatform } from './platform/web';

export function activate(context: vscode.ExtensionContext): void {
  activateLazily(context, () => import('./extension'), webPlatform);
}

export function deactivate(): void {
  // Every disposable is owned by context.subscriptions.
}
