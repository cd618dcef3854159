// Entry of dist/webview.js: one React app for both the sidebar and the dashboard panel.
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { HostBridge, type VsCodeApi } from './host';
import { viewKind } from './model/normalize';
import { createUiStateStore } from './uiState';
import { registerToolkit } from './ui/toolkit';
import './styles.css';

declare function acquireVsCodeApi(): VsCodeApi;

function start(): void {
  const rootEl = document.getElementById('root');
  if (!rootEl) return;
  const view = viewKind(rootEl.dataset.view) ?? 'sidebar';
  // acquireVsCodeApi may be called once per page; everything shares this handle.
  const api = acquireVsCodeApi();
  const bridge = new HostBridge(api, window, { defaultView: view });
  // Ask for the init snapshot before registering the toolkit and rendering: the host's answer travels while
  // this document does that work, and the bridge holds it until the app subscribes.
  bridge.ready();
  const store = createUiStateStore(api);
  registerToolkit();
  createRoot(rootEl).render(
    <App
      services={{ bridge, store, now: () => Date.now() }}
      initialView={view}
      // performance.now() counts from the webview document's time origin, i.e. includes loading this script.
      onFirstContent={() => bridge.firstContent(performance.now())}
    />,
  );
}

start();
