// Entry of dist/first-screen.js: the sidebar's first screen (./firstScreen.ts), run by the extension host rather
// than in the page. The host writes the HTML it returns into the sidebar's page (src/host/webviewHost.ts), so that
// screen is painted with the page itself: no data to parse, check and draw in the page, no script to compile before
// the first frame; the page's one small script (./sidebarFirst.ts) only folds what the user folded and reports the
// paint. The same module the app would run, so the screen reads exactly as the app will draw it
// (test/webview/firstScreen.test.tsx), in the UI language the app will use: the host hands over the bundle `init`
// carries.
//
// Built as a CommonJS file with no imports (esbuild.mjs, firstScreenBuild), read and run by the host through
// workspace.fs in both hosts (desktop and browser), as the browser host runs its deferred chunk.
import type { FirstScreenInput, FirstScreenRenderer } from '../../../src/shared/protocol';
import type { WebviewL10n } from '../../../src/shared/l10n';
import { configureL10n } from '../l10n';
import { renderSidebarFirstScreen } from './firstScreen';

/** The bundle last applied: configuring it again for every page would re-read it for nothing. */
let applied: WebviewL10n | null = null;

export function renderFirstScreen(input: FirstScreenInput): string | null {
  if (applied === null || applied.language !== input.l10n.language || applied.bundle !== input.l10n.bundle) {
    configureL10n(input.l10n);
    applied = input.l10n;
  }
  return renderSidebarFirstScreen({ snapshot: input.snapshot, references: input.references, settings: input.settings, nowMs: input.nowMs });
}

// The host types what it loads by this interface; the check keeps the two in step.
export const renderer: FirstScreenRenderer = { renderFirstScreen };
