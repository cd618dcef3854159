// The sidebar page's one script before the app (built to dist/webview/first.js, inlined into the page by the host).
// The first screen itself is already in the page: the host rendered it (./firstScreenRender.ts) into #mr-first, so
// it paints with the page. This script folds what the user folded (saved UI state, which only the page can read),
// before that first paint, and once the screen has been painted (the second animation frame) reports first
// content, timed from the document's origin; the empty baseline page in the e2e reports its paint the same way.
// Then it loads the app, which reuses the one VS Code API handle taken here and swaps itself in
// (webview/src/main.tsx).
import type { VsCodeApi } from '../host';
import { asRecord } from '../../../src/shared/isRecord';
import { SECTION_IDS } from '../uiState';

/** What this script leaves for the app on window. */
export interface FirstScreenPage {
  api: VsCodeApi;
  /** First content was reported for this document (by the first screen, or by the app). */
  firstContent: boolean;
}

declare global {
  interface Window {
    __modelRadar?: FirstScreenPage;
  }
}

/** The id of the element the host renders the first screen into. */
export const FIRST_SLOT_ID = 'mr-first';
/** The app loads after the first screen's paint, or after this long if no frame comes (a view not shown). */
export const APP_LOAD_FALLBACK_MS = 1000;
/**
 * How long after reporting its paint the first screen starts loading the app. The app's ~370 KB come through the
 * webview's service worker, the workbench and the remote file system: the same way the report goes to the
 * extension host, which the e2e timeline saw arrive ~20 ms later when the fetch started at once (an empty page's
 * report: ~3 ms). The screen is already painted; the app swaps in a moment later.
 */
export const APP_AFTER_REPORT_MS = 40;

/**
 * Loads the app's modules (the page names them on the slot, src/host/webviewHost.ts) under the page's nonce: the
 * shared chunk preloaded beside the view's entry, as the page without a first screen does in its HTML.
 */
function loadApp(doc: Document, app: string | undefined, shared: string | undefined, nonce: string): void {
  if (doc.querySelector('script[data-mr-app]')) return;
  if (shared) {
    const preload = doc.createElement('link');
    preload.rel = 'modulepreload';
    preload.href = shared;
    preload.nonce = nonce;
    doc.head.appendChild(preload);
  }
  if (app) {
    const script = doc.createElement('script');
    script.type = 'module';
    script.src = app;
    script.nonce = nonce;
    script.dataset.mrApp = '';
    doc.body.appendChild(script);
  }
}

/**
 * Takes the page's first screen (rendered by the host into #mr-first): folds what the user folded, reports first
 * content once it has been painted, then loads the app. Without a first screen in the page (or without the VS Code
 * API) it loads the app at once. True when there was a first screen.
 */
export function paintFirstScreen(doc: Document, win: Window, acquire: () => VsCodeApi): boolean {
  mark(win, 'mr-first-start');
  const slot = doc.getElementById(FIRST_SLOT_ID);
  const app = slot?.dataset.app;
  const shared = slot?.dataset.shared;
  const nonce = (doc.currentScript as HTMLScriptElement | null)?.nonce || doc.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.content || '';
  const showApp = (): false => {
    slot?.remove();
    const root = doc.getElementById('root');
    if (root) root.hidden = false;
    loadApp(doc, app, shared, nonce);
    return false;
  };
  if (!slot || slot.firstElementChild === null) return showApp();
  let api: VsCodeApi;
  try {
    api = acquire();
  } catch (_err) {
    return showApp();
  }
  const page: FirstScreenPage = { api, firstContent: false };
  win.__modelRadar = page;
  foldSections(slot, api);
  mark(win, 'mr-first-inserted');
  // Frames wait while the view is not shown; the app loads all the same.
  win.setTimeout(() => loadApp(doc, app, shared, nonce), APP_LOAD_FALLBACK_MS);
  win.requestAnimationFrame(() => {
    mark(win, 'mr-first-frame1');
    win.requestAnimationFrame(() => {
      mark(win, 'mr-first-frame2');
      if (!page.firstContent && doc.getElementById(FIRST_SLOT_ID)) {
        page.firstContent = true;
        api.postMessage({ type: 'telemetry', event: 'firstContent', ms: Math.max(0, Math.round(win.performance.now())) });
      }
      win.setTimeout(() => loadApp(doc, app, shared, nonce), APP_AFTER_REPORT_MS);
    });
  });
  return true;
}

/** A performance mark (the e2e bench reads them to say where the first screen's time goes); never throws. */
function mark(win: Window, name: string): void {
  try {
    win.performance.mark(name);
  } catch (_err) {
    // A page without the User Timing API paints all the same.
  }
}

/** Sections the user folded (saved UI state, webview/src/uiState.ts) are drawn folded, as the app draws them. */
function foldSections(slot: HTMLElement, api: VsCodeApi): void {
  let saved: unknown;
  try {
    saved = api.getState();
  } catch (_err) {
    saved = undefined;
  }
  const collapsed = asRecord(asRecord(saved)?.collapsed) ?? {};
  for (const id of SECTION_IDS) {
    if (collapsed[id] !== true) continue;
    const section = slot.querySelector(`section[data-section="${id}"]`);
    if (!section) continue;
    section.querySelector('.mr-section-toggle')?.setAttribute('aria-expanded', 'false');
    const chevron = section.querySelector('.mr-chevron');
    if (chevron) chevron.textContent = '▸';
    const body = section.querySelector<HTMLElement>('.mr-section-body');
    if (body) {
      body.hidden = true;
      body.replaceChildren();
    }
  }
}
