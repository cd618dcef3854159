// The webview's one way to write a user-visible string: `l10n.t('Spent {0} today', amount)`, imported as
// `import * as l10n from './l10n'` so scripts/l10n-webview.mjs (through @vscode/l10n-dev's extractor) finds
// every message. Backed by @vscode/l10n: the host sends the bundle for `vscode.env.language` with `init`
// (src/shared/protocol.ts), and `configureL10n` loads it before the first render that uses it, so a Chinese UI
// never flashes English. Without a bundle (English) the message itself is shown, `{0}`, `{1}`… replaced by the
// arguments in order. The same translator serves the words shared code renders (src/shared/l10n.ts).
import * as vscodeL10n from '@vscode/l10n';
import { readWebviewL10n, setSharedL10n, type L10nArg, type WebviewL10n } from '../../src/shared/l10n';

export type { L10nArg };

export function t(message: string, ...args: L10nArg[]): string {
  return vscodeL10n.t(message, ...args);
}

/** Loads the bundle the host sent (validated again here), points shared code at it, and sets `<html lang>`. */
export function configureL10n(raw: unknown): WebviewL10n {
  const l10n = readWebviewL10n(raw);
  vscodeL10n.config({ contents: l10n.bundle });
  setSharedL10n(l10n.language, t);
  if (typeof document !== 'undefined') document.documentElement.lang = l10n.language;
  return l10n;
}
