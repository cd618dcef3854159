// @ts-nocheck
// `.env` files by exact ranges: `[export ]KEY=value`, quoted or not, `#` comments, multi-line quoted values
// skipped whole so their contents are never read as keys.
import type { Emit } from './candidate';
import { envRule } from './rules';
import type { RefQuote } from './types';

function isKeyStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
function isKeyChar(c: number): boolean {
  return isKeyStart(c) || (c >= 48 && c <= 57) || c === 46 || c === 45;
}

export function dotenvCandidates(text: string, emit: Emit): void {
  const n = text.length;
  let pos = 0;
  const lineEnd = (from: number): number => {
    let i = from;
    while (i < n && text[i] !== '\n' && text[i] !== '\r') i++;
    return i;
  };
  const skipSpaces = (): void => {
    while (pos < n && (text[pos] === ' ' || text[pos] === '\t')) pos++;
  };

  while (pos < n) {
    skipSpaces();
    if (text.startsWith('export', pos) && (text[pos + 6] === ' ' || text[pos + 6] === '\t')) {
      pos += 6;
      skipSpaces();
    }
    const keyStart = pos;
    if (!isKeyStart(text.charCodeAt(pos))) {
      pos = lineEnd(pos) + 1;
      continue;
    }
    while (pos < n && isKeyChar(text.charCodeAt(pos))) pos++;
    const key = text.slice(keyStart, pos);
    skipSpaces();
    if (text[pos] !== '=') {
      pos = lineEnd(pos) + 1;
      continue;
    }
    pos++;
    skipSpaces();
    const rule = envRule(key);
    const q = text[pos];
    let value: string;
    let start: number;
    let quote: RefQuote;
    if (q === '"' || q === "'" || q === '`') {
      // The closing quote may be lines away; whatever sits between is value, not keys.
      let i = pos + 1;
      while (i < n && text[i] !== q) {
        if (q === '"' && text[i] === '\\') i++;
        i++;
      }
      start = pos + 1;
      value = text.slice(start, Math.min(i, n));
      quote = q;
      pos = lineEnd(Math.min(i + 1, n)) + 1;
      if (i >= n) continue;
    } else {
      const end = lineEnd(pos);
      let stop = end;
      for (let i = pos; i < end; i++) {
        // An unquoted value ends at a comment: "#" after whitespace.
        if (text[i] === '#' && (i === pos || text[i - 1] === ' ' || text[i - 1] === '\t')) {
          stop = i;
          break;
        }
      }
      while (stop > pos && (text[stop - 1] === ' ' || text[stop - 1] === '\t')) stop--;
      start = pos;
      value = text.slice(pos, stop);
      quote = 'none';
      pos = end + 1;
    }
    if (rule !== null && value.indexOf('/') >= 0 && value.indexOf('\n') < 0 && value.indexOf('\\') < 0) {
      emit({ offset: start, value, quote, role: 'value', path: null, keyName: key, rule });
    }
  }
}
