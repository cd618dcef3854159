// `.env` files by exact ranges: `[export ]KEY=value`, quoted or not, `#` comments, multi-line quoted values
// skipped whole so their contents are never read as keys. Read in two passes: whether the file points at
// OpenRouter (a base URL, a provider key) decides how far its generic *_MODEL keys are trusted.
import type { Emit } from './candidate';
import { UNMETERED, type Meter } from './meter';
import { envDeclaresOpenRouter, envRule, type EnvContext } from './rules';
import type { RefQuote } from './types';

function isKeyStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
function isKeyChar(c: number): boolean {
  return isKeyStart(c) || (c >= 48 && c <= 57) || c === 46 || c === 45;
}

interface Entry {
  key: string;
  value: string;
  start: number;
  quote: RefQuote;
}

/** A value longer than this is neither a model id nor a base URL; it is never copied out of the text. */
const MAX_VALUE = 2048;

/** Model keys can only end so. */
function mayBeModelKey(key: string): boolean {
  return key.endsWith('MODEL') || key.endsWith('MODEL_NAME') || key.endsWith('MODEL_ID');
}

/** Position of the first of "\n", "\r" at or after `from`, or the text length. */
function lineEnd(text: string, from: number): number {
  const n = text.length;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i++;
  }
  return i;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * The `KEY=value` entries that may name a model (a value left unterminated by its quote is none), and whether
 * some entry points the file at OpenRouter. One pass; only short values of interesting keys are copied.
 */
function entries(text: string, meter: Meter): { found: Entry[]; context: EnvContext } {
  const found: Entry[] = [];
  const context: EnvContext = { declaresOpenRouter: false };
  const n = text.length;
  let pos = 0;
  while (pos < n) {
    const lineStart = pos;
    while (pos < n && isBlank(text.charCodeAt(pos))) pos++;
    if (text.startsWith('export', pos) && isBlank(text.charCodeAt(pos + 6))) {
      pos += 6;
      while (pos < n && isBlank(text.charCodeAt(pos))) pos++;
    }
    const keyStart = pos;
    if (!isKeyStart(text.charCodeAt(pos))) {
      pos = lineEnd(text, pos) + 1;
      meter.spend(pos - lineStart);
      continue;
    }
    while (pos < n && isKeyChar(text.charCodeAt(pos))) pos++;
    const keyEnd = pos;
    while (pos < n && isBlank(text.charCodeAt(pos))) pos++;
    if (text.charCodeAt(pos) !== 61) {
      pos = lineEnd(text, pos) + 1;
      meter.spend(pos - lineStart);
      continue;
    }
    pos++;
    while (pos < n && isBlank(text.charCodeAt(pos))) pos++;
    const q = text.charCodeAt(pos);
    let start: number;
    let stop: number;
    let quote: RefQuote = 'none';
    if (q === 34 || q === 39 || q === 96) {
      // The closing quote may be lines away; whatever sits between is value, not keys.
      let i = pos + 1;
      while (i < n && text.charCodeAt(i) !== q) {
        if (q === 34 && text.charCodeAt(i) === 92) i++;
        i++;
      }
      start = pos + 1;
      stop = Math.min(i, n);
      quote = q === 34 ? '"' : q === 39 ? "'" : '`';
      pos = lineEnd(text, Math.min(i + 1, n)) + 1;
      meter.spend(pos - lineStart);
      if (i >= n) continue;
    } else {
      const end = lineEnd(text, pos);
      stop = end;
      for (let i = pos; i < end; i++) {
        // An unquoted value ends at a comment: "#" after whitespace.
        if (text.charCodeAt(i) === 35 && (i === pos || isBlank(text.charCodeAt(i - 1)))) {
          stop = i;
          break;
        }
      }
      while (stop > pos && isBlank(text.charCodeAt(stop - 1))) stop--;
      start = pos;
      pos = end + 1;
      meter.spend(pos - lineStart);
    }
    if (stop - start > MAX_VALUE) continue;
    const key = text.slice(keyStart, keyEnd);
    const model = AIDER_KEYS.has(key) || mayBeModelKey(key);
    // Only a model key, or a value long enough to hold "openrouter", is worth copying.
    if (!model && (context.declaresOpenRouter || stop - start < 10)) continue;
    const value = text.slice(start, stop);
    if (!context.declaresOpenRouter && envDeclaresOpenRouter(key, value)) context.declaresOpenRouter = true;
    if (model) found.push({ key, value, start, quote });
  }
  return { found, context };
}

const AIDER_KEYS = new Set(['AIDER_MODEL', 'AIDER_EDITOR_MODEL', 'AIDER_WEAK_MODEL']);

export function dotenvCandidates(text: string, emit: Emit, meter: Meter = UNMETERED): void {
  const { found, context } = entries(text, meter);
  for (const { key, value, start, quote } of found) {
    if (value.indexOf('/') < 0 || value.indexOf('\n') >= 0 || value.indexOf('\\') >= 0) continue;
    const rule = envRule(key, value, context);
    if (rule !== null) emit({ offset: start, value, quote, role: 'value', path: null, keyName: key, rule });
  }
  meter.spend(found.length);
}
