// A small YAML reader for what tool configs use: block mappings and sequences (compact forms included), flow
// collections over several lines, plain and quoted scalars with exact offsets, comments, block scalars, anchors,
// tags, aliases and several documents. Why not the `yaml` package: its CommonJS build cannot be tree-shaken and
// would be more than half of the extension's bundle budget; the tests check this reader against it.
// Anything outside the subset marks the document damaged instead of guessing. Linear in the text: every loop moves
// forward and nodes nested deeper than MAX_DEPTH are stepped over, not read, so no input can exhaust the stack.
import { UNMETERED, type Meter } from './meter';

export type YNode = YMap | YSeq | YScalar | YOther;

export interface YMap {
  kind: 'map';
  entries: { key: string; value: YNode }[];
}

export interface YSeq {
  kind: 'seq';
  items: YNode[];
}

export interface YScalar {
  kind: 'scalar';
  /**
   * The value when it sits verbatim in the source (no escapes, one line); null otherwise. A block scalar ("|",
   * ">-") of one line counts: its value is that line (up to the line break its chomping keeps).
   */
  value: string | null;
  /** Offset of the value's first character (after the opening quote). */
  offset: number;
  quote: '"' | "'" | 'none';
}

/** Null, aliases, block scalars of several lines and anything unreadable: holds no reference. */
export interface YOther {
  kind: 'other';
}

export interface YDocument {
  root: YNode;
  /** Something outside the supported subset, or invalid YAML, was met: key paths may be wrong. */
  damaged: boolean;
}

const OTHER: YOther = { kind: 'other' };

/** Nesting read in full; deeper nodes (no config nests this far) are skipped whole and read as "other". */
export const MAX_DEPTH = 64;

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

export function readYaml(text: string, meter: Meter = UNMETERED): YDocument[] {
  // The lines as three columns (a file can have hundreds of thousands): start, end of content (before "\r\n" /
  // "\n"), and indentation (leading spaces; -1 for a blank or comment-only line).
  meter.spend(text.length);
  let lineCount = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lineCount++;
  }
  const LS = new Int32Array(lineCount);
  const LE = new Int32Array(lineCount);
  const LI = new Int32Array(lineCount);
  {
    let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    let k = 0;
    for (let i = 0; i <= text.length; i++) {
      const c = text.charCodeAt(i);
      if (i === text.length || c === 10 || c === 13) {
        LS[k] = start;
        LE[k] = i;
        k++;
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        start = i + 1;
      }
    }
  }
  // Past the last line the columns read as a blank line at the end of the text; callers bound li by lineCount.
  const lineStart = (k: number): number => LS[k] ?? text.length;
  const lineEnd = (k: number): number => LE[k] ?? text.length;
  const indentOf = (k: number): number => LI[k] ?? -1;
  let damaged = false;
  let tabIndented = false;
  for (let k = 0; k < lineCount; k++) {
    const start = lineStart(k);
    const end = lineEnd(k);
    let i = start;
    while (i < end && text.charCodeAt(i) === 32) i++;
    if (i < end && text.charCodeAt(i) === 9) {
      // Tabs may separate tokens but never indent; a tab-indented line with content is invalid.
      let j = i;
      while (j < end && isSpace(text[j])) j++;
      if (j < end && text[j] !== '#') tabIndented = true;
      while (i < end && isSpace(text[i])) i++;
    }
    LI[k] = i >= end || text.charCodeAt(i) === 35 ? -1 : i - start;
    meter.spend(i - start + 1);
  }
  let depth = 0;

  const lineAt = (pos: number): number => {
    let lo = 0;
    let hi = lineCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStart(mid) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  /** Index of the next line at or after li with content, stopping at document markers. */
  const nextContent = (li: number): number => {
    let i = li;
    while (i < lineCount && indentOf(i) < 0) i++;
    meter.spend(i - li + 1);
    return i;
  };
  const isMarker = (li: number): boolean => {
    if (li >= lineCount || indentOf(li) !== 0) return false;
    const start = lineStart(li);
    const c = text.charCodeAt(start);
    if ((c !== 45 && c !== 46) || text.charCodeAt(start + 1) !== c || text.charCodeAt(start + 2) !== c) return false;
    return lineEnd(li) === start + 3 || isSpace(text[start + 3]);
  };

  /** The position after a comment or the line end: true when only spaces and a comment remain. */
  const restIsEmpty = (pos: number, end: number): boolean => {
    let i = pos;
    while (i < end && isSpace(text[i])) i++;
    meter.spend(i - pos + 1);
    return i >= end || text[i] === '#';
  };

  /** Quoted scalar at pos (the quote); may cross lines. Returns the node and the position after it. */
  const quoted = (pos: number): { node: YScalar; end: number } => {
    const q = text[pos] as '"' | "'";
    let i = pos + 1;
    let clean = true;
    while (i < text.length) {
      const c = text[i];
      if (c === '\n' || c === '\r') clean = false;
      if (q === '"' && c === '\\') {
        clean = false;
        i += 2;
        continue;
      }
      if (c === q) {
        if (q === "'" && text[i + 1] === "'") {
          clean = false;
          i += 2;
          continue;
        }
        break;
      }
      i++;
    }
    meter.spend(i - pos + 1);
    if (i >= text.length) damaged = true;
    const node: YScalar = { kind: 'scalar', value: clean && i < text.length ? text.slice(pos + 1, i) : null, offset: pos + 1, quote: q };
    return { node, end: Math.min(i + 1, text.length) };
  };

  /** Past the flow collection opening at `at`, brackets counted (quotes and comments respected), not read. */
  const skipFlow = (at: number): number => {
    let level = 0;
    let i = at;
    while (i < text.length) {
      const c = text[i];
      if (c === '[' || c === '{') level++;
      else if (c === ']' || c === '}') {
        level--;
        if (level === 0) {
          i++;
          break;
        }
      } else if (c === '"' || c === "'") {
        i = quoted(i).end;
        continue;
      } else if (c === '#' && isSpace(text[i - 1])) {
        while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
        continue;
      }
      i++;
    }
    meter.spend(i - at + 1);
    if (level !== 0) damaged = true;
    return i;
  };

  /** Flow collection or flow scalar at pos; may cross lines. */
  const flow = (pos: number): { node: YNode; end: number } => {
    let i = pos;
    let flowDepth = 0;
    const skip = (): void => {
      for (;;) {
        while (i < text.length && (isSpace(text[i]) || text[i] === '\n' || text[i] === '\r')) i++;
        if (text[i] === '#' && (i === 0 || /[\s]/.test(text.charAt(i - 1)))) {
          while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
          continue;
        }
        return;
      }
    };
    const plain = (): YScalar => {
      const start = i;
      while (i < text.length) {
        const c = text[i];
        if (c === ',' || c === '[' || c === ']' || c === '{' || c === '}' || c === '\n' || c === '\r') break;
        if (c === ':' && (isSpace(text[i + 1]) || ',[]{}\r\n'.includes(text[i + 1] ?? ''))) break;
        if (c === '#' && isSpace(text[i - 1])) break;
        i++;
      }
      let end = i;
      while (end > start && isSpace(text[end - 1])) end--;
      return { kind: 'scalar', value: end > start ? text.slice(start, end) : null, offset: start, quote: 'none' };
    };
    const node = (): YNode => {
      skip();
      const c = text[i];
      if ((c === '{' || c === '[') && flowDepth >= MAX_DEPTH) {
        i = skipFlow(i);
        return OTHER;
      }
      if (c === '{' || c === '[') {
        flowDepth++;
        const close = c === '{' ? '}' : ']';
        i++;
        const entries: { key: string; value: YNode }[] = [];
        const items: YNode[] = [];
        for (;;) {
          skip();
          if (i >= text.length) {
            damaged = true;
            break;
          }
          if (text[i] === close) {
            i++;
            break;
          }
          const k = node();
          skip();
          let v: YNode = OTHER;
          let pair = false;
          if (text[i] === ':') {
            pair = true;
            i++;
            skip();
            v = text[i] === ',' || text[i] === close ? OTHER : node();
            skip();
          }
          if (c === '{') {
            if (k.kind === 'scalar' && k.value !== null) entries.push({ key: k.value, value: pair ? v : OTHER });
            else damaged = true;
          } else {
            // "[a: b]" is a one-pair map inside a sequence; rare in configs, and unambiguous to skip.
            items.push(pair ? OTHER : k);
          }
          if (text[i] === ',') i++;
          else if (text[i] !== close) {
            damaged = true;
            break;
          }
        }
        flowDepth--;
        return c === '{' ? { kind: 'map', entries } : { kind: 'seq', items };
      }
      if (c === '"' || c === "'") {
        const q = quoted(i);
        i = q.end;
        return q.node;
      }
      if (c === '*' || c === '&' || c === '!') {
        // Anchors and tags decorate the node that follows; aliases name another node.
        const alias = c === '*';
        while (i < text.length && !isSpace(text[i]) && !',[]{}\r\n'.includes(text.charAt(i))) i++;
        return alias ? OTHER : node();
      }
      return plain();
    };
    const n = node();
    meter.spend(i - pos + 1);
    return { node: n, end: i };
  };

  /** Skip an anchor/tag prefix ("&a ", "!!str ") at pos; returns the position of what follows. */
  const skipProps = (pos: number, end: number): number => {
    let i = pos;
    while (i < end && (text[i] === '&' || text[i] === '!')) {
      while (i < end && !isSpace(text[i])) i++;
      while (i < end && isSpace(text[i])) i++;
    }
    meter.spend(i - pos + 1);
    return i;
  };

  /** Where a block-mapping key ends (the ":"), or -1 when the text at pos is not a "key:" entry. */
  const keyColon = (pos: number, end: number): { key: string; colon: number } | -1 => {
    const c = text[pos];
    if (c === '"' || c === "'") {
      const q = quoted(pos);
      let i = q.end;
      while (i < end && isSpace(text[i])) i++;
      if (text[i] === ':' && (i + 1 >= end || isSpace(text[i + 1])) && q.node.value !== null && q.end <= end) return { key: q.node.value, colon: i };
      return -1;
    }
    if (c === '?' || c === '[' || c === '{' || c === '-' && (pos + 1 >= end || isSpace(text[pos + 1]))) return -1;
    for (let i = pos; i < end; i++) {
      const ch = text[i];
      if (ch === '#' && i > pos && isSpace(text[i - 1])) {
        meter.spend(i - pos + 1);
        return -1;
      }
      if (ch === ':' && (i + 1 >= end || isSpace(text[i + 1]))) {
        let k = i;
        while (k > pos && isSpace(text[k - 1])) k--;
        meter.spend(2 * (i - pos) + 1);
        return { key: text.slice(pos, k), colon: i };
      }
    }
    meter.spend(end - pos + 1);
    return -1;
  };

  /**
   * A value that starts at `pos` on line `li` (after "key:" or "- "). `parentIndent` is the indentation of the
   * owning entry: following lines belong to this value only when indented more.
   * Returns the node and the next line to look at.
   */
  const inlineValue = (li: number, pos: number, parentIndent: number): { node: YNode; next: number } => {
    const lEnd = lineEnd(li);
    let p = pos;
    while (p < lEnd && isSpace(text[p])) p++;
    p = skipProps(p, lEnd);
    if (restIsEmpty(p, lEnd)) {
      // Nothing after the key (or only a tag/anchor): the value is the block below, if any.
      return childBlock(li + 1, parentIndent);
    }
    const c = text[p];
    if (c === '|' || c === '>') {
      // Header: chomping ("+", "-") and indentation (a digit) indicators, then nothing but a comment.
      let h = p + 1;
      let explicitIndent = false;
      for (let k = 0; k < 2 && h < lEnd; k++) {
        const d = text.charAt(h);
        if (d === '+' || d === '-') h++;
        else if (d >= '1' && d <= '9') {
          explicitIndent = true;
          h++;
        } else break;
      }
      const headerOk = (h >= lEnd || isSpace(text[h])) && restIsEmpty(h, lEnd);
      let n = li + 1;
      while (n < lineCount && !isMarker(n) && (indentOf(n) < 0 || indentOf(n) > parentIndent)) n++;
      meter.spend(n - li);
      const one = headerOk && !explicitIndent ? blockScalarLine(li + 1, n, parentIndent) : null;
      return { node: one ?? OTHER, next: n };
    }
    if (c === '*' || c === '{' || c === '[' || c === '"' || c === "'") {
      const f = c === '*' ? { node: OTHER, end: lEnd } : c === '"' || c === "'" ? quoted(p) : flow(p);
      const endLine = lineAt(Math.max(f.end - 1, p));
      if (c !== '*' && !restIsEmpty(f.end, lineEnd(endLine))) damaged = true;
      const next = afterContinuation(endLine + 1, parentIndent);
      // Nothing may continue a quoted scalar, a flow collection or an alias on deeper lines.
      if (next !== nextContent(endLine + 1)) damaged = true;
      return { node: f.node, next };
    }
    // Plain scalar to a comment or the line end; more-indented lines after it continue it.
    let e = p;
    while (e < lEnd && !(text[e] === '#' && isSpace(text[e - 1]))) e++;
    meter.spend(e - p + 1);
    while (e > p && isSpace(text[e - 1])) e--;
    const next = afterContinuation(li + 1, parentIndent);
    const multiLine = next !== nextContent(li + 1);
    p = Math.min(p, e);
    return { node: { kind: 'scalar', value: multiLine ? null : text.slice(p, e), offset: p, quote: 'none' }, next };
  };

  /**
   * The one content line of a block scalar whose body is lines [from, to), or null when it has none, several,
   * or leading empty lines (then its value starts with a line break and is no id).
   */
  const blockScalarLine = (from: number, to: number, parentIndent: number): YScalar | null => {
    let contentIndent = -1;
    let found: YScalar | null = null;
    let leadingEmpty = false;
    let ended = false;
    for (let k = from; k < to; k++) {
      const sStart = lineStart(k);
      const sEnd = lineEnd(k);
      let i = sStart;
      while (i < sEnd && text[i] === ' ') i++;
      meter.spend(i - sStart + 1);
      if (i >= sEnd) {
        if (found === null) leadingEmpty = true;
        continue;
      }
      const ind = i - sStart;
      if (contentIndent < 0) {
        if (ind <= parentIndent) return null;
        contentIndent = ind;
      }
      if (ind < contentIndent) {
        // Less indented than the content: only a comment may follow it.
        if (text[i] !== '#') return null;
        ended = true;
        continue;
      }
      if (ended || found !== null) return null;
      const start = sStart + contentIndent;
      meter.spend(sEnd - start);
      found = { kind: 'scalar', value: text.slice(start, sEnd), offset: start, quote: 'none' };
    }
    return leadingEmpty ? null : found;
  };

  /** Lines indented more than parentIndent right after a scalar continue it; skip them. */
  const afterContinuation = (li: number, parentIndent: number): number => {
    let n = nextContent(li);
    while (n < lineCount && !isMarker(n) && indentOf(n) > parentIndent) n = nextContent(n + 1);
    return n;
  };

  /** The block after a "key:" or "- " with nothing else on its line. */
  const childBlock = (li: number, parentIndent: number): { node: YNode; next: number } => {
    const n = nextContent(li);
    if (n >= lineCount || isMarker(n)) return { node: OTHER, next: n };
    const ind = indentOf(n);
    if (ind > parentIndent) return block(n, lineStart(n) + ind, ind);
    // "key:\n- item" puts a sequence at the key's own indentation.
    const pos = lineStart(n) + ind;
    if (ind === parentIndent && text[pos] === '-' && (pos + 1 >= lineEnd(n) || isSpace(text[pos + 1]))) return seq(n, ind);
    return { node: OTHER, next: n };
  };

  /** A block node whose first token is at `pos` on line `li`, at column `col`. */
  const block = (li: number, pos: number, col: number): { node: YNode; next: number } => {
    // Too deep to matter: step over the node (the rest of its line and the lines indented at least as far).
    if (depth >= MAX_DEPTH) return { node: OTHER, next: skipDeeper(li + 1, col - 1) };
    depth++;
    const r = blockAt(li, pos, col);
    depth--;
    return r;
  };

  const blockAt = (li: number, pos: number, col: number): { node: YNode; next: number } => {
    const lEnd = lineEnd(li);
    if (text[pos] === '-' && (pos + 1 >= lEnd || isSpace(text[pos + 1]))) return seq(li, col, pos);
    const p = skipProps(pos, lEnd);
    if (text[p] === '?' && (p + 1 >= lEnd || isSpace(text[p + 1]))) {
      // An explicit key ("? key" / ": value"): outside the subset, so the document is damaged, not guessed at.
      damaged = true;
      return { node: OTHER, next: skipDeeper(li + 1, col - 1) };
    }
    if (p !== pos && restIsEmpty(p, lEnd)) return childBlock(li + 1, col - 1);
    if (keyColon(p, lEnd) !== -1) return map(li, col, p);
    return inlineValue(li, p, col - 1);
  };

  const seq = (li: number, col: number, firstPos?: number): { node: YNode; next: number } => {
    const items: YNode[] = [];
    let cur = li;
    let pos = firstPos ?? lineStart(li) + col;
    for (;;) {
      const lStart = lineStart(cur);
      const lEnd = lineEnd(cur);
      let p = pos + 1;
      while (p < lEnd && text[p] === ' ') p++;
      meter.spend(p - pos);
      let r: { node: YNode; next: number };
      if (restIsEmpty(p, lEnd)) r = childBlock(cur + 1, col);
      else r = block(cur, p, p - lStart);
      items.push(r.node);
      const n = r.next;
      if (n >= lineCount || isMarker(n)) return { node: { kind: 'seq', items }, next: n };
      const ind = indentOf(n);
      const np = lineStart(n) + ind;
      if (ind === col && text[np] === '-' && (np + 1 >= lineEnd(n) || isSpace(text[np + 1]))) {
        cur = n;
        pos = np;
        continue;
      }
      if (ind > col) damaged = true;
      return { node: { kind: 'seq', items }, next: ind > col ? skipDeeper(n, col) : n };
    }
  };

  const map = (li: number, col: number, firstPos: number): { node: YNode; next: number } => {
    const entries: { key: string; value: YNode }[] = [];
    let cur = li;
    let pos = firstPos;
    for (;;) {
      const kc = keyColon(pos, lineEnd(cur));
      if (kc === -1) {
        damaged = true;
        return { node: { kind: 'map', entries }, next: skipDeeper(cur + 1, col - 1) };
      }
      const r = inlineValue(cur, kc.colon + 1, col);
      entries.push({ key: kc.key, value: r.node });
      const n = r.next;
      if (n >= lineCount || isMarker(n)) return { node: { kind: 'map', entries }, next: n };
      const ind = indentOf(n);
      if (ind === col) {
        const np = lineStart(n) + ind;
        if (text[np] === '-' && (np + 1 >= lineEnd(n) || isSpace(text[np + 1]))) {
          // A sequence entry where a key should be: the mapping ends (the caller decides).
          return { node: { kind: 'map', entries }, next: n };
        }
        cur = n;
        pos = np;
        continue;
      }
      if (ind > col) damaged = true;
      return { node: { kind: 'map', entries }, next: ind > col ? skipDeeper(n, col) : n };
    }
  };

  const skipDeeper = (li: number, col: number): number => {
    let n = nextContent(li);
    while (n < lineCount && !isMarker(n) && indentOf(n) > col) n = nextContent(n + 1);
    return n;
  };

  const docs: YDocument[] = [];
  let li = 0;
  while (li < lineCount) {
    damaged = false;
    // Directives and the "---" that opens a document.
    let n = nextContent(li);
    while (n < lineCount && text[lineStart(n)] === '%') n = nextContent(n + 1);
    let root: YNode = OTHER;
    let markerContent = false;
    if (n < lineCount && isMarker(n) && text[lineStart(n)] === '-') {
      if (!restIsEmpty(lineStart(n) + 3, lineEnd(n))) markerContent = true;
      n = nextContent(n + 1);
    }
    if (markerContent) damaged = true;
    if (n < lineCount && !isMarker(n)) {
      const ind = indentOf(n);
      const r = block(n, lineStart(n) + ind, ind);
      root = r.node;
      n = r.next;
      // Leftovers before the next marker mean the structure was not understood.
      while (n < lineCount && !isMarker(n)) {
        damaged = true;
        n = nextContent(n + 1);
      }
    }
    if (n < lineCount && isMarker(n) && text[lineStart(n)] === '.') n++;
    if (root.kind !== 'other' || docs.length === 0 || damaged) docs.push({ root, damaged: damaged || tabIndented });
    if (n === li) n++;
    li = n;
    // A "---" line starts the next document: do not skip it.
  }
  return docs;
}
