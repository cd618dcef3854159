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
  type Region = [number, number, number, number];
  const hunks: { first: Region; last: Region; regions: Region[] }[] = [];
  for (const r of regions) {
    const cur = hunks.at(-1);
    if (cur !== undefined && r[0] - cur.last[1] <= 2 * context) {
      cur.regions.push(r);
      cur.last = r;
    } else hunks.push({ first: r, last: r, regions: [r] });
  }
  const out = [`--- a/${path}`, `+++ b/${path}`];
  const emit = (prefix: string, lines: readonly Line[]): void => {
    for (const line of lines) {
      out.push(prefix + line.text);
      if (!line.eol) out.push('\\ No newline at end of file');
    }
  };
  for (const { first, last, regions: rs } of hunks) {
    const aStart = Math.max(0, first[0] - context);
    const aEnd = Math.min(a.length, last[1] + context);
    const delta = first[2] - first[0];
    const bStart = aStart + delta;
    const bEnd = Math.min(b.length, last[3] + context);
    const range = (start: number, len: number): string => `${len === 0 ? start : start + 1}${len === 1 ? '' : `,${len}`}`;
    out.push(`@@ -${range(aStart, aEnd - aStart)} +${range(bStart, bEnd - bStart)} @@`);
    let i = aStart;
    for (const r of rs) {
      emit(' ', a.slice(i, r[0]));
      emit('-', a.slice(r[0], r[1]));
      emit('+', b.slice(r[2], r[3]));
      i = r[1];
    }
    emit(' ', a.slice(i, aEnd));
  }
  return `${out.join('\n')}\n`;
}
