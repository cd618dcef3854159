// TOML's lexical skips, one copy for both readers of TOML: the recogniser's (parseToml.ts) and the swap's
// duplicate-key guard (dupKeys.ts). Each says where something that can hide brackets, quotes or "#" ends: a one-line
// string, a multi-line string, a comment, a bracketed value over several lines. The two readers must agree on that:
// a "]" in a string or a "#" in a multi-line string that ended an array for one and not the other would make them
// read different keys out of the same file. Pure: positions in, positions out; the work goes to the caller's meter.
import { UNMETERED, type Meter } from './meter';

/** Where a skip ended, and whether all it skipped was closed (false: a string or bracket ran into its end). */
export interface Skipped {
  end: number;
  closed: boolean;
}

/** The index of the "\n" that ends the line at `pos`, or the text's length: where a comment ends. */
export function lineEnd(text: string, pos: number, meter: Meter = UNMETERED): number {
  let i = pos;
  while (i < text.length && text.charCodeAt(i) !== 10) i++;
  meter.spend(i - pos + 1);
  return i;
}

/**
 * A basic "…" or literal '…' string at `pos` (its quote), on one line: `end` is past its closing quote, or, unclosed,
 * at the line's "\n" or the text's end. In a basic string a backslash takes the next character with it (`\"`, `\\`).
 */
export function skipString(text: string, pos: number, meter: Meter = UNMETERED): Skipped {
  const n = text.length;
  const q = text.charCodeAt(pos);
  let i = pos + 1;
  for (let c = text.charCodeAt(i); i < n && c !== q && c !== 10; c = text.charCodeAt(i)) {
    if (q === 34 && c === 92) i++;
    i++;
  }
  meter.spend(i - pos + 1);
  return text.charCodeAt(i) === q ? { end: i + 1, closed: true } : { end: Math.min(i, n), closed: false };
}

/** Where the `"""` that closes a multi-line basic string starts, from `from`; -1 when none does. */
function basicClose(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A backslash takes the next character with it: `\"""` is a quote and two more, not the end.
    if (c === 92) i++;
    else if (text.startsWith('"""', i)) return i;
  }
  return -1;
}

/**
 * A multi-line string at `pos` (its `"""` or `'''`): `end` is past the closing delimiter and the quotes right after
 * it, which belong to the string (`""""` closes it with a quote inside); the text's end when it is never closed.
 * A basic one is closed by the first `"""` no backslash escapes; a literal one by the first `'''`.
 */
export function skipMultiline(text: string, pos: number, meter: Meter = UNMETERED): Skipped {
  const delim = text.slice(pos, pos + 3);
  const close = delim === '"""' ? basicClose(text, pos + 3) : text.indexOf(delim, pos + 3);
  let end = close === -1 ? text.length : close + 3;
  while (text.startsWith(delim.charAt(0), end)) end++;
  meter.spend(end - pos + 1);
  return { end, closed: close !== -1 };
}

/**
 * A bracketed value at `pos` (its "["), over as many lines as it takes: nested arrays, strings of all four forms and
 * comments inside it are stepped over, so none of their brackets counts. `end` is past the closing "]"; the text's
 * end when it never closes. `closed` is false when the value or any string in it is unclosed.
 *
 * `inlineTable`, when given, is called at each inline table's "{" with the position after it, reads the table and
 * returns where the scan goes on; a "}" left to the scan (by a table the reader gave up on) is then stepped over.
 * Without it, "{" and "}" nest like brackets.
 */
export function skipBracketed(text: string, pos: number, meter: Meter = UNMETERED, inlineTable?: (from: number) => number): Skipped {
  const n = text.length;
  let closed = true;
  let level = 0;
  let i = pos;
  const take = (s: Skipped): void => {
    i = s.end;
    closed &&= s.closed;
  };
  while (i < n) {
    meter.spend(1);
    const c = text[i];
    if (c === '{' && inlineTable !== undefined) {
      i = inlineTable(i + 1);
      continue;
    }
    if (c === '[' || c === '{') level++;
    else if (c === ']' || (c === '}' && inlineTable === undefined)) {
      level--;
      if (level === 0) return { end: i + 1, closed };
    } else if (c === '#') {
      i = lineEnd(text, i, meter);
      continue;
    } else if (text.startsWith('"""', i) || text.startsWith("'''", i)) {
      take(skipMultiline(text, i, meter));
      continue;
    } else if (c === '"' || c === "'") {
      take(skipString(text, i, meter));
      continue;
    }
    i++;
  }
  return { end: n, closed: false };
}
