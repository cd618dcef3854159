// The words shared code renders (format.ts, dataLabels.ts) and the bundle the webview receives.
//
// Shared code cannot import `vscode` or `@vscode/l10n` (the CLI and core run without either), so it writes
// `l10n.t('free')` against this module and each entry point plugs in its own translator once, at start-up:
// the webview `@vscode/l10n` configured with the bundle the host sent (webview/src/l10n.ts), the extension
// host `vscode.l10n.t`, the CLI its `--lang` bundle. Until then every string is the English message with
// `{0}`, `{1}`… substituted, so English output needs no set-up at all. Keys are the English messages, the
// same ones `@vscode/l10n-dev` extracts (scripts/l10n-webview.mjs reads this module's callers too).
import { isRecord } from './isRecord';

export type L10nArg = string | number | boolean;
export type Translate = (message: string, ...args: L10nArg[]) => string;

/** `{0}`, `{1}`… replaced by the arguments in order; a placeholder without an argument stays visible. */
export function substitute(message: string, ...args: L10nArg[]): string {
  return message.replace(/\{(\d+)\}/g, (whole, i: string) => {
    const arg = args[Number(i)];
    return arg === undefined ? whole : String(arg);
  });
}

let translate: Translate = substitute;
let language = 'en';

/** Plugs in the entry point's translator and UI language (a BCP 47 tag as `vscode.env.language` gives it). */
export function setSharedL10n(lang: string, t: Translate): void {
  language = readLanguage(lang);
  translate = t;
}

/** The translated message with its arguments: the one call shared code renders words through. */
export function t(message: string, ...args: L10nArg[]): string {
  return translate(message, ...args);
}

/** Sentences one after another: a space between them, none in Chinese, Japanese or Korean (after "。"). */
export function joinSentences(sentences: readonly string[]): string {
  return sentences.join(/^(?:zh|ja|ko)(?:-|$)/.test(language) ? '' : ' ');
}

/** The UI language as a lower-case BCP 47 tag ("en", "zh-cn"). */
export function uiLanguage(): string {
  return language;
}

/** True for English, whose wording and formats are pinned byte for byte by the format table test. */
export function isEnglish(lang: string = language): boolean {
  return lang === 'en' || lang.startsWith('en-');
}

// ---- the bundle the host sends the webview ----------------------------------------------------------------

/** The UI language and its translations, sent with `init` so the first paint is already in that language. */
export interface WebviewL10n {
  language: string;
  /** English message → translation. Empty for English. */
  bundle: Record<string, string>;
}

/** Bounds on what the webview accepts: generous for a real bundle (~1k messages), fatal to none. */
export const L10N_LIMITS = { entries: 5000, keyChars: 2000, valueChars: 4000, totalChars: 2_000_000 } as const;

const LANGUAGE_RE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8}){0,3}$/;

/** A BCP 47-looking tag, lower-cased; anything else reads as English. */
export function readLanguage(raw: unknown): string {
  if (typeof raw !== 'string') return 'en';
  const tag = raw.trim().toLowerCase().replace(/_/g, '-');
  return LANGUAGE_RE.test(tag) ? tag : 'en';
}

/**
 * The bundle as untrusted input: a map of string → string within L10N_LIMITS. Entries of another shape or over
 * the limits are left out (the message then shows in English); everything else is kept. A null-prototype
 * object, so a key like "__proto__" or "constructor" is only ever a message.
 */
export function readBundle(raw: unknown): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  if (!isRecord(raw)) return out;
  let entries = 0;
  let chars = 0;
  for (const [key, value] of Object.entries(raw)) {
    if (entries >= L10N_LIMITS.entries) break;
    if (typeof value !== 'string' || key.length === 0 || key.length > L10N_LIMITS.keyChars || value.length > L10N_LIMITS.valueChars) continue;
    if (chars + key.length + value.length > L10N_LIMITS.totalChars) break;
    out[key] = value;
    entries += 1;
    chars += key.length + value.length;
  }
  return out;
}

/** What goes out with `init`, and what the webview reads back: both sides apply the same bounds. */
export function readWebviewL10n(raw: unknown): WebviewL10n {
  const r = isRecord(raw) ? raw : {};
  const lang = readLanguage(r.language);
  return { language: lang, bundle: isEnglish(lang) ? (Object.create(null) as Record<string, string>) : readBundle(r.bundle) };
}
