// The one sanitiser for text Model Radar did not write: OpenRouter's error messages, the values its
// validation errors quote, model names, labels and any other server string on its way to a log line, a
// notification, the webview or a terminal. Pure string functions, so core, host, CLI and webview share it.
/* eslint-disable no-control-regex -- finding control characters is what this module is for */

/** Default cap for one line of server text, in characters (the ellipsis included). */
export const SERVER_TEXT_MAX = 200;
export const REDACTED = '[redacted]';

export interface SanitizeOptions {
  /** Longest result, ellipsis included; at least 1. Default SERVER_TEXT_MAX. */
  max?: number;
  /** Exact strings (the keys in use) to redact wherever they appear; shorter than 4 characters are ignored. */
  secrets?: readonly (string | undefined | null)[];
}

// Terminal escape sequences, 7-bit and 8-bit forms: CSI (ESC [ … final), OSC/DCS/SOS/PM/APC strings (up to BEL
// or ST, or the end of the text when unterminated), and two-character escapes (ESC 7, ESC c, ESC ( B …).
const CSI = /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?/g;
const STRINGS = /(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?/g;
const TWO_CHAR = /\x1b[\x20-\x2f]*[\x30-\x7e]?/g;
/** C0 and C1 controls, DEL, bidirectional overrides/isolates and the Unicode line/paragraph separators. */
const CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff]/g;
const ANY_CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff]/;
const LINE_BREAKING = /[\t\n\v\f\r\x85\u2028\u2029]/;

// Key-like strings: OpenRouter keys (sk-or-v1-…), other providers' sk- keys, Authorization values, and long
// tokens that mix letters and digits the way generated secrets do (40 hex, base64 blobs, JWT segments).
// OpenRouter's own masked form ("sk-or-v1-abc...xyz", the label of an unnamed key) is too short to match.
const KEY_LIKE = [
  /\bsk-or-[A-Za-z0-9_-]{8,}/g,
  /\bsk-[A-Za-z0-9_-]{16,}/g,
  /\b(?:Bearer|Basic)\s+\S+/gi,
];
/** Whether any pattern below could match: "sk-", "bearer"/"basic", or a run of 32 token characters. */
function maybeKey(text: string): boolean {
  if (text.includes('sk-') || /bearer|basic/i.test(text)) return true;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const token = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 43 || c === 61;
    run = token ? run + 1 : 0;
    if (run >= 32) return true;
  }
  return false;
}
/** Runs of token characters (not "-" or "/": model ids are made of those); redacted when 32+ long with both letters and digits (checked in code: no backtracking). */
const TOKEN_RUN = /[A-Za-z0-9_+=]{32,}/g;

/**
 * Removes terminal escape sequences and control characters. Line breaks and tabs become one space unless
 * `keepNewlines` (then "\n" survives and "\r\n"/"\r" become "\n"; other controls still go).
 */
export function stripControl(text: string, keepNewlines = false): string {
  // Every escape sequence starts with a control character: text without one (most of it) is returned as is.
  if (!ANY_CONTROL.test(text)) return text;
  let out = text.replace(STRINGS, '').replace(CSI, '').replace(TWO_CHAR, '');
  if (keepNewlines) out = out.replace(/\r\n?/g, '\n');
  return out.replace(CONTROL, (c) => (keepNewlines && c === '\n' ? '\n' : LINE_BREAKING.test(c) ? ' ' : ''));
}

/** True when the text holds a control character, a bidi override or a line separator (never in an id). */
export function hasControlCharacters(text: string): boolean {
  CONTROL.lastIndex = 0;
  const found = CONTROL.test(text);
  CONTROL.lastIndex = 0;
  return found;
}

/**
 * Replaces exactly the given secrets (4 characters or more) with "[redacted]", and nothing else: for output whose
 * other text must stay byte for byte (the CLI's JSON), where the key-like patterns below could touch real data.
 */
export function redactExactSecrets(text: string, secrets: SanitizeOptions['secrets'] = []): string {
  let out = text;
  const exact = secrets
    .map((s) => (typeof s === 'string' ? s.trim() : ''))
    .filter((s) => s.length >= 4)
    // Longest first, so a key containing another key is not left half-redacted.
    .sort((a, b) => b.length - a.length);
  for (const secret of exact) out = out.split(secret).join(REDACTED);
  return out;
}

/** Replaces the given secrets, then anything key-like, with "[redacted]". */
export function redactSecrets(text: string, secrets: SanitizeOptions['secrets'] = []): string {
  let out = redactExactSecrets(text, secrets);
  // One scan decides whether any pattern could match (most names and messages hold nothing key-like).
  if (!maybeKey(out)) return out;
  for (const pattern of KEY_LIKE) out = out.replace(pattern, REDACTED);
  return out.replace(TOKEN_RUN, (run) => (/[0-9]/.test(run) && /[A-Za-z]/.test(run) ? REDACTED : run));
}

/** Runs of whitespace as one space, trimmed; most text needs neither, and is returned as is. */
function collapseSpace(text: string): string {
  return /\s\s|[^\S ]|^\s|\s$/.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/** Cuts to `max` characters with a trailing ellipsis; never splits a surrogate pair. */
export function capLength(text: string, max: number = SERVER_TEXT_MAX): string {
  const limit = Number.isFinite(max) && max >= 1 ? Math.floor(max) : SERVER_TEXT_MAX;
  if (text.length <= limit) return text;
  let cut = text.slice(0, limit - 1);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/**
 * Server text as one short, printable line: escape sequences and control characters removed, whitespace
 * collapsed, the given secrets and anything key-like redacted, and at most `max` characters long.
 * Accepts any value (a non-string becomes its String()); the second argument may be the secrets list.
 */
export function sanitizeServerText(text: unknown, options: SanitizeOptions | readonly string[] = {}): string {
  const opts: SanitizeOptions = Array.isArray(options) ? { secrets: options as readonly string[] } : (options as SanitizeOptions);
  let raw: string;
  try {
    raw = typeof text === 'string' ? text : String(text);
  } catch {
    raw = '';
  }
  const max = Number.isFinite(opts.max) && (opts.max ?? 0) >= 1 ? Math.floor(opts.max as number) : SERVER_TEXT_MAX;
  // Only a window of the text can reach the result: megabytes of it cost time and show nothing more.
  const window = max * 4 + 4_096;
  const cut = raw.length > window;
  if (cut) raw = raw.slice(0, window);
  // Controls go before redaction, so a key split by an escape sequence is rejoined and then caught.
  let line = collapseSpace(stripControl(raw));
  if (cut) {
    // The last word may be the first half of a key that went on past the window: it goes too.
    const space = line.lastIndexOf(' ');
    line = `${space >= 0 ? line.slice(0, space) : ''} …`;
  }
  return capLength(collapseSpace(redactSecrets(line, opts.secrets)), max);
}

/** Every control character but "\n" and "\t" (so ESC, CR, BEL, C1, bidi overrides, line separators). */
const TERMINAL_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff]/g;

/**
 * The last step before a terminal: each control character other than newline and tab is written as its
 * visible `\uXXXX` escape, so nothing can move the cursor, clear the screen or rewrite a line. Inside JSON
 * text that is the same character again (`JSON.parse` restores it), so `--json` output stays exact and valid.
 */
export function escapeForTerminal(text: string): string {
  return text.replace(TERMINAL_CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Terminal text with the given secrets and anything key-like redacted as well (for messages, not JSON). */
// Stryker disable next-line ArrayDeclaration: the default means "no extra secrets"; a made-up secret instead only shows on text holding it
export function terminalSafe(text: string, secrets: SanitizeOptions['secrets'] = []): string {
  return redactSecrets(escapeForTerminal(text), secrets);
}

/** A timestamp or day as ISO 8601 (e.g. "2026-07-26T23:59:59Z", "2026-07-26"), or null for anything else. */
export function isoTimestampOrNull(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  if (!m) return null;
  const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== `${m[1]}-${m[2]}-${m[3]}`) return null;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return null;
  return value;
}
