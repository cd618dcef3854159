// Start-up shared by the per-view entries (views/sidebarEntry.tsx, views/dashboardEntry.tsx): one React root per page.
import { useLayoutEffect, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { ViewKind } from '../../src/shared/protocol';
import { HostBridge, type VsCodeApi } from './host';
import { viewKind } from './model/intake';
import { Shell, type ViewBody } from './Shell';
import { createUiStateStore } from './uiState';
import { registerToolkit } from './ui/toolkit';
import type { FirstScreenPage } from './first/sidebarFirst';
// The stylesheet (./styles.css) is built once for both views, dist/webview/app.css (esbuild.mjs), and the host's
// page links or inlines it.

declare function acquireVsCodeApi(): VsCodeApi;

/**
 * Replaces the first screen (#mr-first, webview/src/first/sidebarFirst.ts) with the app in one frame: runs in the layout phase of the
 * app's first render with data, so no paint ever shows neither or both.
 */
function SwapFirstScreen({ root }: { root: HTMLElement }): null {
  useLayoutEffect(() => {
    document.getElementById('mr-first')?.remove();
    root.hidden = false;
  }, [root]);
  return null;
}

export function start(defaultView: ViewKind, body: ViewBody): void {
  const rootEl = document.getElementById('root');
  if (!rootEl) return;
  const view = viewKind(rootEl.dataset.view) ?? defaultView;
  // acquireVsCodeApi may be called once per page; a first screen's script already did, and left the handle.
  const page: FirstScreenPage = window.__modelRadar ?? { api: acquireVsCodeApi(), firstContent: false };
  const api = page.api;
  const bridge = new HostBridge(api, window, { defaultView: view });
  // Ask for the init snapshot before registering the toolkit and rendering: the host's answer travels while
  // this document does that work, and the bridge holds it until the app subscribes.
  bridge.ready();
  const store = createUiStateStore(api);
  registerToolkit();
  const withSwap: ViewBody = (v, props): ReactElement => (
    <>
      <SwapFirstScreen root={rootEl} />
      {body(v, props)}
    </>
  );
  createRoot(rootEl).render(
    <Shell
      services={{ bridge, store, now: () => Date.now() }}
      initialView={view}
      body={withSwap}
      // performance.now() counts from the webview document's time origin, i.e. includes loading this script.
      // Once per document: a first screen painted by the host has already reported it.
      onFirstContent={() => {
        if (page.firstContent) return;
        page.firstContent = true;
        bridge.firstContent(performance.now());
      }}
    />,
  );
}
