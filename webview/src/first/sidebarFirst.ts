// The sidebar page's first script (built to dist/webview/first.js, inlined into the page by the host, so nothing is
// fetched before it runs): reads the data the host wrote into the page, draws the first screen
// (./firstScreen.ts) into #mr-first, folds what the user folded, and once that screen has been painted (the second
// animation frame) reports first content, timed from the document's origin. The empty baseline page in the e2e
// reports its paint the same way. The React app, mounting later, reuses the one VS Code API handle taken here and
// swaps itself in (webview/src/main.tsx).
import type { VsCodeApi } from '../host';
import { initPayload } from '../model/intake';
import { asRecord } from '../../../src/shared/isRecord';
import { SECTION_IDS } from '../uiState';
import { renderSidebarFirstScreen } from './firstScreen';

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

/** The ids the host gives the first screen's slot and its data block. */
export const FIRST_SLOT_ID = 'mr-first';
export const FIRST_DATA_ID = 'mr-first-data';
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
 * Draws the first screen when the page carries data it can draw, then loads the app: after the first screen has
 * been painted and reported, or at once when it drew nothing. True when it drew.
 */
export function paintFirstScreen(doc: Document, win: Window, acquire: () => VsCodeApi): boolean {
  mark(win, 'mr-first-start');
  const slot = doc.getElementById(FIRST_SLOT_ID);
  const app = slot?.dataset.app;
  const shared = slot?.dataset.shared;
  const nonce = (doc.currentScript as HTMLScriptElement | null)?.nonce || doc.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.content || '';
  let api: VsCodeApi;
  try {
    api = acquire();
  } catch (_err) {
    loadApp(doc, app, shared, nonce);
    return false;
  }
  const page: FirstScreenPage = { api, firstContent: false };
  win.__modelRadar = page;
  const data = doc.getElementById(FIRST_DATA_ID);
  const root = doc.getElementById('root');
  let html: string | null = null;
  try {
    if (slot && data && root) {
      const raw: unknown = JSON.parse(data.textContent ?? '');
      mark(win, 'mr-first-parsed');
      const init = initPayload(raw);
      mark(win, 'mr-first-data');
      html = renderSidebarFirstScreen({ snapshot: init.snapshot, references: init.references, settings: init.settings, nowMs: Date.now() });
      mark(win, 'mr-first-rendered');
    }
  } catch (_err) {
    // Whatever went wrong, the app draws the page as it would have without a first screen.
    html = null;
  }
  data?.remove();
  if (html === null || !slot || !root) {
    slot?.remove();
    loadApp(doc, app, shared, nonce);
    return false;
  }
  try {
    slot.innerHTML = html;
    // Painted, not yet interactive: its buttons do nothing until the app swaps in, so they take no clicks or focus
    // (nor does an automated test find them) in between.
    slot.setAttribute('inert', '');
    foldSections(slot, api);
    root.hidden = true;
    mark(win, 'mr-first-inserted');
  } catch (_err) {
    slot.remove();
    root.hidden = false;
    loadApp(doc, app, shared, nonce);
    return false;
  }
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
