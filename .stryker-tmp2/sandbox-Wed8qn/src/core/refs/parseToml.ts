// @ts-nocheck
// TOML (Codex CLI's config.toml) by a small exact-range scanner: tables, dotted and quoted keys, the four string
// forms, arrays and inline tables skipped whole, comments. Only single-line strings can hold an id.
import type { Emit } from './candidate';
import { valueRule, type Seg, type Siblings } from './rules';
import type { FileKind } from './types';

const NO_SIBLINGS: Siblings = () => undefined;

function isBareKeyChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;
}

export function tomlCandidates(text: string, kind: FileKind, emit: Emit): void {
  const n = text.length;
  let pos = 0;
  let table: Seg[] = [];

  const skipSpaces = (): void => {
    while (pos < n && (text[pos] === ' ' || text[pos] === '\t')) pos++;
  };
  const skipLine = (): void => {
    while (pos < n && text[pos] !== '\n') pos++;
  };
  /** A basic "..." or literal '...' string on one line; returns its content range or null (and stops at the line end). */
  const readString = (): { start: number; end: number; quote: '"' | "'" } | null => {
    const quote = text[pos] as '"' | "'";
    const start = pos + 1;
    let i = start;
    while (i < n && text[i] !== quote && text[i] !== '\n') {
      if (quote === '"' && text[i] === '\\') i++;
      i++;
    }
    if (i >= n || text[i] !== quote) {
      pos = i;
      return null;
    }
    pos = i + 1;
    return { start, end: i, quote };
  };
  const skipMultiline = (delim: string): void => {
    const close = text.indexOf(delim, pos + 3);
    pos = close < 0 ? n : close + 3;
    while (text.startsWith(delim[0], pos)) pos++; // """" ends with a quote inside the string
  };
  /** Arrays and inline tables, possibly spanning lines, with strings and comments inside. */
  const skipBracketed = (): void => {
    let depth = 0;
    while (pos < n) {
      const c = text[pos];
      if (c === '[' || c === '{') depth++;
      else if (c === ']' || c === '}') {
        depth--;
        if (depth === 0) {
          pos++;
          return;
        }
      } else if (c === '#') {
        skipLine();
        continue;
      } else if (text.startsWith('"""', pos) || text.startsWith("'''", pos)) {
        skipMultiline(text.slice(pos, pos + 3));
        continue;
      } else if (c === '"' || c === "'") {
        readString();
        continue;
      }
      pos++;
    }
  };
  const readKey = (): string[] | null => {
    const keys: string[] = [];
    for (;;) {
      skipSpaces();
      const c = text[pos];
      if (c === '"' || c === "'") {
        const s = readString();
        if (s === null) return null;
        keys.push(text.slice(s.start, s.end));
      } else {
        const start = pos;
        while (pos < n && isBareKeyChar(text.charCodeAt(pos))) pos++;
        if (pos === start) return null;
        keys.push(text.slice(start, pos));
      }
      skipSpaces();
      if (text[pos] !== '.') return keys;
      pos++;
    }
  };

  while (pos < n) {
    const c = text[pos];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      pos++;
      continue;
    }
    if (c === '#') {
      skipLine();
      continue;
    }
    if (c === '[') {
      const isArrayTable = text[pos + 1] === '[';
      pos += isArrayTable ? 2 : 1;
      const keys = readKey();
      table = keys ?? ['\0invalid'];
      skipLine();
      continue;
    }
    const keys = readKey();
    if (keys === null || text[pos] !== '=') {
      skipLine();
      continue;
    }
    pos++;
    skipSpaces();
    const path: Seg[] = [...table, ...keys];
    if (text.startsWith('"""', pos) || text.startsWith("'''", pos)) {
      skipMultiline(text.slice(pos, pos + 3));
    } else if (text[pos] === '"' || text[pos] === "'") {
      const s = readString();
      if (s !== null) {
        const value = text.slice(s.start, s.end);
        const rule = value.indexOf('/') >= 0 && value.indexOf('\\') < 0 ? valueRule(kind, path, NO_SIBLINGS) : null;
        if (rule !== null) emit({ offset: s.start, value, quote: s.quote, role: 'value', path, rule });
      }
    } else if (text[pos] === '[' || text[pos] === '{') {
      skipBracketed();
    }
    skipLine();
  }
}
