// What the browser's web worker extension host loads (dist/web/extension.js, the manifest's `browser`): the same
// entry and composition root as the desktop, with the web platform (src/host/platform/web.ts). The workspace
// references load a second after start from dist/web/model-refs.js (src/host/platform/webChunk.ts), which uses
// this bundle's modules through the table the build writes ('model-radar:web-chunk-modules', esbuild.mjs).
import type * as vscode from 'vscode';
import { modules } from 'model-radar:web-chunk-modules';
import { activateLazily } from './activation';
import type { RegisterModule } from './modelRefs/deferred';
import { webPlatform } from './platform/web';
import { loadWebChunk } from './platform/webChunk';

/** The deferred file's name in dist/web/ (esbuild.mjs builds it as WEB_REFS_CHUNK). */
export const MODEL_REFS_CHUNK = 'model-refs.js';

export function activate(context: vscode.ExtensionContext): void {
  const loadModelReferences = async (): Promise<RegisterModule> => {
    const loaded = await loadWebChunk(context.extensionUri, MODEL_REFS_CHUNK, modules);
    if (typeof loaded.registerModelReferences !== 'function') throw new Error(`${MODEL_REFS_CHUNK} does not export registerModelReferences`);
    return loaded as unknown as RegisterModule;
  };
  activateLazily(context, () => import('./extension'), { ...webPlatform, loadModelReferences });
}

export function deactivate(): void {
  // Every disposable is owned by context.subscriptions.
}
