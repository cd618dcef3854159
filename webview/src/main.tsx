// Start-up shared by the per-view entries (views/sidebarEntry.tsx, views/dashboardEntry.tsx): one React root per page.
import { createRoot } from 'react-dom/client';
import type { ViewKind } from '../../src/shared/protocol';
import { HostBridge, type VsCodeApi } from './host';
import { viewKind } from './model/intake';
import { Shell, type ViewBody } from './Shell';
import { createUiStateStore } from './uiState';
import { registerToolkit } from './ui/toolkit';
import './styles.css';

declare function acquireVsCodeApi(): VsCodeApi;

export function start(defaultView: ViewKind, body: ViewBody): void {
  const rootEl = document.getElementById('root');
  if (!rootEl) return;
  const view = viewKind(rootEl.dataset.view) ?? defaultView;
  // acquireVsCodeApi may be called once per page; everything shares this handle.
  const api = acquireVsCodeApi();
  const bridge = new HostBridge(api, window, { defaultView: view });
  // Ask for the init snapshot before registering the toolkit and rendering: the host's answer travels while
  // this document does that work, and the bridge holds it until the app subscribes.
  bridge.ready();
  const store = createUiStateStore(api);
  registerToolkit();
  createRoot(rootEl).render(
    <Shell
      services={{ bridge, store, now: () => Date.now() }}
      initialView={view}
      body={body}
      // performance.now() counts from the webview document's time origin, i.e. includes loading this script.
      onFirstContent={() => bridge.firstContent(performance.now())}
    />,
  );
}
