// What VS Code loads at activation (dist/extension.js): a few KB, so its "Activation" figure (code loading + the
// activate call, Developer: Show Running Extensions) stays small. activate() registers a proxy for every command
// of the COMMANDS table (what the manifest contributes: the contract test holds the two together), then loads the composition root (src/host/extension.ts, built as the ES module dist/main.mjs) on the
// next tick and starts it. Until then a proxy loads it at once and runs the real command with the same arguments.
// At hand-over the proxies are disposed and the composition root registers the real commands, so nothing is
// registered twice and a command runs exactly as when it was registered directly.
import type * as vscode from 'vscode';
import { activateLazily } from './activation';
import { nodePlatform } from './platform/node';

export { activateLazily, type MainModule } from './activation';

export function activate(context: vscode.ExtensionContext): void {
  // esbuild keeps this as import('./main.mjs'), the second host output (see esbuild.mjs).
  activateLazily(context, () => import('./extension'), nodePlatform);
}

export function deactivate(): void {
  // Every disposable is owned by context.subscriptions.
}
