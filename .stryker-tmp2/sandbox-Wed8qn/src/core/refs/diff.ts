// @ts-nocheck
// A unified diff of two texts, for `model-radar swap --dry-run`. Swaps change characters inside lines and never
// add or remove one, so lines are compared by position; a change in the number of lines becomes one hunk over the
// differing middle, which is still a valid diff.

interface Line {
  text: string;
  /** False for a last line without a line break. */
  eol: boolean;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push({ text: text.slice(start, m.index), eol: true });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ text: text.slice(start), eol: false });
  return out;
}

const same = (a: Line | undefined, b: Line | undefined): boolean => a !== undefined && b !== undefined && a.text === b.text && a.eol === b.eol;

/** `--- a/path`, `+++ b/path` and hunks with `context` lines around each change; empty when the texts are equal. */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  // Changed regions as [aStart, aEnd, bStart, bEnd) ranges.
  const regions: [number, number, number, number][] = [];
  if (a.length === b.length) {
    for (let i = 0; i < a.length; i++) {
      if (same(a[i], b[i])) continue;
      const last = regions[regions.length - 1];
      if (last !== undefined && last[1] === i) {
        last[1] = i + 1;
        last[3] = i + 1;
      } else regions.push([i, i + 1, i, i + 1]);
    }
  } else {
    let head = 0;
    while (head < a.length && head < b.length && same(a[head], b[head])) head++;
    let tail = 0;
    while (tail < a.length - head && tail < b.length - head && same(a[a.length - 1 - tail], b[b.length - 1 - tail])) tail++;
    regions.push([head, a.length - tail, head, b.length - tail]);
  }
  // Regions closer than twice the context share a hunk.
  const hunks: [number, number, number, number][][] = [];
  for (const r of regions) {
    const cur = hunks[hunks.length - 1];
    if (cur !== undefined && r[0] - cur[cur.length - 1][1] <= 2 * context) cur.push(r);
    else hunks.push([r]);
  }
  const out = [`--- a/${path}`, `+++ b/${path}`];
  const emit = (prefix: string, line: Line): void => {
    out.push(prefix + line.text);
    if (!line.eol) out.push('\\ No newline at end of file');
  };
  for (const h of hunks) {
    const aStart = Math.max(0, h[0][0] - context);
    const aEnd = Math.min(a.length, h[h.length - 1][1] + context);
    const delta = h[0][2] - h[0][0];
    const bStart = aStart + delta;
    const bEnd = Math.min(b.length, h[h.length - 1][3] + context);
    const range = (start: number, len: number): string => `${len === 0 ? start : start + 1}${len === 1 ? '' : `,${len}`}`;
    out.push(`@@ -${range(aStart, aEnd - aStart)} +${range(bStart, bEnd - bStart)} @@`);
    let i = aStart;
    for (const r of h) {
      for (; i < r[0]; i++) emit(' ', a[i]);
      for (let k = r[0]; k < r[1]; k++) emit('-', a[k]);
      for (let k = r[2]; k < r[3]; k++) emit('+', b[k]);
      i = r[1];
    }
    for (; i < aEnd; i++) emit(' ', a[i]);
  }
  return `${out.join('\n')}\n`;
}
