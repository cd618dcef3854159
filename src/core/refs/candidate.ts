// A string found by a format parser at an exact range, before deciding whether it names a model.
import type { Seg, SlotRule } from './rules';
import type { RefQuote } from './types';

export interface Candidate {
  /** Offset of the first character of `value` in the file text; the text there equals `value` exactly. */
  offset: number;
  value: string;
  quote: RefQuote;
  role: 'value' | 'key';
  /** Structured path, or null for code literals. */
  path: readonly Seg[] | null;
  /** Display form of the path when it is not structured (a `.env` key). */
  keyName?: string;
  rule: SlotRule;
}

export type Emit = (candidate: Candidate) => void;

/** 0-based offsets of line starts; "\r\n", "\n" and a lone "\r" all end a line, as in VS Code. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** 1-based line and column (UTF-16 units) of an offset. */
export function positionAt(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = starts[mid]; // 0 < mid <= hi < starts.length
    if (start !== undefined && start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}
