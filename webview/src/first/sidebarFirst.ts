// The sidebar page's first script (built to dist/webview/first.js, inlined into the page by the host, so nothing is
// fetched before it runs): reads the data the host wrote into the page, draws the first screen
// (./firstScreen.ts) into #mr-first, folds what the user folded, and once that screen has been painted (the second
// animation frame) reports first content, timed from the document's origin. The empty baseline page in the e2e
// reports its paint the same way. The React app, mounting later, reuses the one VS Code API handle taken here and
// swaps itself in (webview/src/main.tsx).
import type { VsCodeApi } from '../host';
import { initPayload } from '../model/normalize';
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

/** Draws the first screen when the page carries data it can draw; true when it did. */
export function paintFirstScreen(doc: Document, win: Window, acquire: () => VsCodeApi): boolean {
  const api = acquire();
  const page: FirstScreenPage = { api, firstContent: false };
  win.__modelRadar = page;
  const slot = doc.getElementById(FIRST_SLOT_ID);
  const data = doc.getElementById(FIRST_DATA_ID);
  const root = doc.getElementById('root');
  let html: string | null = null;
  try {
    if (slot && data && root) {
      const init = initPayload(JSON.parse(data.textContent ?? ''));
      html = renderSidebarFirstScreen({ snapshot: init.snapshot, references: init.references, settings: init.settings, nowMs: Date.now() });
    }
  } catch (_err) {
    // Whatever went wrong, the app draws the page as it would have without a first screen.
    html = null;
  }
  data?.remove();
  if (html === null || !slot || !root) {
    slot?.remove();
    return false;
  }
  slot.innerHTML = html;
  // Painted, not yet interactive: its buttons do nothing until the app swaps in, so they take no clicks or focus
  // (nor does an automated test find them) in between.
  slot.setAttribute('inert', '');
  foldSections(slot, api);
  root.hidden = true;
  win.requestAnimationFrame(() =>
    win.requestAnimationFrame(() => {
      if (page.firstContent || !doc.getElementById(FIRST_SLOT_ID)) return;
      page.firstContent = true;
      api.postMessage({ type: 'telemetry', event: 'firstContent', ms: Math.max(0, Math.round(win.performance.now())) });
    }),
  );
  return true;
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
