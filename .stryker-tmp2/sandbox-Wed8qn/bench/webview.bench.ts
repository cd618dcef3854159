// Webview figures: how long the dashboard takes to render 420 models (catalog page, scatter with its
// table alternative, daily chart) and to re-render on a search keystroke, plus the pure filter+sort.
// Measured in jsdom with React's production build and the toolkit's native fallbacks, so these are
// upper bounds on what Chromium does in a real webview; no target is asserted here.
import { createRequire } from 'node:module';
import { createElement } from 'react';

// jsdom reads its own files at run time, so it is loaded from node_modules rather than bundled.
interface JsdomWindow extends Record<string, unknown> {
  document: Document;
}
interface JSDOM {
  window: JsdomWindow & Window;
}
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string, options: { pretendToBeVisual: boolean }) => JSDOM };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function installDom(): JSDOM {
  const dom = new JSDOM('<!DOCTYPE html><html><body><div id="root" data-view="dashboard"></div></body></html>', { pretendToBeVisual: true });
  const win = dom.window as unknown as Record<string, unknown>;
  // The toolkit's styles call matchMedia when their module loads; jsdom has none.
  win.matchMedia = (query: string) => ({ matches: false, media: query, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {} });
  const g = globalThis as unknown as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(win)) {
    if (key in g) continue;
    try {
      g[key] = win[key];
    } catch (_err) {
      // Some jsdom properties are getters bound to the window; those that refuse are not needed.
    }
  }
  g.window = win;
  g.document = dom.window.document;
  return dom;
}

export async function run(): Promise<Record<string, number>> {
  process.env.NODE_ENV = 'production';
  const dom = installDom();
  // Loaded after the DOM globals exist: React DOM and the toolkit look for them at module load.
  const [{ createRoot }, { flushSync }, { DataProvider }, { Dashboard }, { createUiStateStore }, { HostBridge }, derive, builders] = await Promise.all([
    import('react-dom/client'),
    import('react-dom'),
    import('../webview/src/data'),
    import('../webview/src/dashboard/Dashboard'),
    import('../webview/src/uiState'),
    import('../webview/src/host'),
    import('../webview/src/model/derive'),
    import('../test/support/snapshotBuilders'),
  ]);

  const snapshot = builders.managementSnapshot({ catalog: builders.largeCatalog(420) });
  const references = builders.referencesView();
  const models = snapshot.catalog?.models ?? [];
  const ranks = derive.rankIndex(snapshot.rankings);

  const sortTimes: number[] = [];
  for (let i = 0; i < 50; i++) {
    const start = performance.now();
    derive.filterAndSortCatalog(models, ranks, { query: i % 2 ? 'deepseek' : '', region: 'all', author: 'all', free: false, tools: false, minContext: 0, modality: 'all', sort: i % 3 ? 'input' : 'tokens', descending: true, page: 0 });
    sortTimes.push(performance.now() - start);
  }

  const renderTimes: number[] = [];
  const keystrokeTimes: number[] = [];
  for (let i = 0; i < 7; i++) {
    const container = dom.window.document.createElement('div');
    dom.window.document.body.appendChild(container);
    let state: unknown;
    const api = { postMessage: () => undefined, getState: () => state, setState: (s: unknown) => (state = s) };
    const bridge = new HostBridge(api, dom.window as unknown as Window, { defaultView: 'dashboard' });
    const store = createUiStateStore(api);
    const root = createRoot(container);
    const start = performance.now();
    flushSync(() => {
      root.render(createElement(DataProvider, { services: { bridge, store, now: () => Date.now() } }, createElement(Dashboard, { snapshot, references })));
    });
    renderTimes.push(performance.now() - start);
    for (const query of ['d', 'de', 'dee', 'deep', '']) {
      const t = performance.now();
      flushSync(() => store.update((s) => ({ ...s, catalog: { ...s.catalog, query, page: 0 } })));
      keystrokeTimes.push(performance.now() - t);
    }
    root.unmount();
    bridge.dispose();
    container.remove();
  }

  return {
    webviewCatalogFilterSortMs: Math.round(median(sortTimes) * 1000) / 1000,
    webviewDashboardRender420Ms: Math.round(median(renderTimes) * 10) / 10,
    webviewCatalogKeystrokeMs: Math.round(median(keystrokeTimes) * 10) / 10,
  };
}
