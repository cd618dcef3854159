// @ts-nocheck
// A small YAML reader for what tool configs use: block mappings and sequences (compact forms included), flow
// collections over several lines, plain and quoted scalars with exact offsets, comments, block scalars, anchors,
// tags, aliases and several documents. Why not the `yaml` package: its CommonJS build cannot be tree-shaken and
// would be more than half of the extension's bundle budget; the tests check this reader against it.
// Anything outside the subset marks the document damaged instead of guessing.

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
  /** The value when it sits verbatim in the source (no escapes, one line); null otherwise. */
  value: string | null;
  /** Offset of the value's first character (after the opening quote). */
  offset: number;
  quote: '"' | "'" | 'none';
}

/** Null, aliases, block scalars and anything unreadable: holds no reference. */
export interface YOther {
  kind: 'other';
}

export interface YDocument {
  root: YNode;
  /** Something outside the supported subset, or invalid YAML, was met: key paths may be wrong. */
  damaged: boolean;
}

interface Line {
  start: number;
  /** End of content, before "\r\n" / "\n". */
  end: number;
  /** Leading spaces; -1 for a blank or comment-only line. */
  indent: number;
}

const OTHER: YOther = { kind: 'other' };

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

export function readYaml(text: string): YDocument[] {
  const lines: Line[] = [];
  {
    let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    for (let i = 0; i <= text.length; i++) {
      const c = text.charCodeAt(i);
      if (i === text.length || c === 10 || c === 13) {
        lines.push({ start, end: i, indent: 0 });
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        start = i + 1;
      }
    }
  }
  let damaged = false;
  let tabIndented = false;
  for (const l of lines) {
    let i = l.start;
    while (i < l.end && text[i] === ' ') i++;
    if (text[i] === '\t' && i < l.end) {
      // Tabs may separate tokens but never indent; a tab-indented line with content is invalid.
      let j = i;
      while (j < l.end && isSpace(text[j])) j++;
      if (j < l.end && text[j] !== '#') tabIndented = true;
      while (i < l.end && isSpace(text[i])) i++;
    }
    l.indent = i >= l.end || text[i] === '#' ? -1 : i - l.start;
  }

  const lineAt = (pos: number): number => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid].start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  /** Index of the next line at or after li with content, stopping at document markers. */
  const nextContent = (li: number): number => {
    let i = li;
    while (i < lines.length && lines[i].indent < 0) i++;
    return i;
  };
  const isMarker = (li: number): boolean => {
    const l = lines[li];
    if (l === undefined || l.indent !== 0) return false;
    const s = text.slice(l.start, l.start + 3);
    return (s === '---' || s === '...') && (l.end === l.start + 3 || isSpace(text[l.start + 3]));
  };

  /** The position after a comment or the line end: true when only spaces and a comment remain. */
  const restIsEmpty = (pos: number, end: number): boolean => {
    let i = pos;
    while (i < end && isSpace(text[i])) i++;
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
    if (i >= text.length) damaged = true;
    const node: YScalar = { kind: 'scalar', value: clean && i < text.length ? text.slice(pos + 1, i) : null, offset: pos + 1, quote: q };
    return { node, end: Math.min(i + 1, text.length) };
  };

  /** Flow collection or flow scalar at pos; may cross lines. */
  const flow = (pos: number): { node: YNode; end: number } => {
    let i = pos;
    const skip = (): void => {
      for (;;) {
        while (i < text.length && (isSpace(text[i]) || text[i] === '\n' || text[i] === '\r')) i++;
        if (text[i] === '#' && (i === 0 || /[\s]/.test(text[i - 1]))) {
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
      if (c === '{' || c === '[') {
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
        while (i < text.length && !isSpace(text[i]) && !',[]{}\r\n'.includes(text[i])) i++;
        return alias ? OTHER : node();
      }
      return plain();
    };
    const n = node();
    return { node: n, end: i };
  };

  /** Skip an anchor/tag prefix ("&a ", "!!str ") at pos; returns the position of what follows. */
  const skipProps = (pos: number, end: number): number => {
    let i = pos;
    while (i < end && (text[i] === '&' || text[i] === '!')) {
      while (i < end && !isSpace(text[i])) i++;
      while (i < end && isSpace(text[i])) i++;
    }
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
      if (ch === '#' && i > pos && isSpace(text[i - 1])) return -1;
      if (ch === ':' && (i + 1 >= end || isSpace(text[i + 1]))) {
        let k = i;
        while (k > pos && isSpace(text[k - 1])) k--;
        return { key: text.slice(pos, k), colon: i };
      }
    }
    return -1;
  };

  /**
   * A value that starts at `pos` on line `li` (after "key:" or "- "). `parentIndent` is the indentation of the
   * owning entry: following lines belong to this value only when indented more.
   * Returns the node and the next line to look at.
   */
  const inlineValue = (li: number, pos: number, parentIndent: number): { node: YNode; next: number } => {
    const l = lines[li];
    let p = pos;
    while (p < l.end && isSpace(text[p])) p++;
    p = skipProps(p, l.end);
    if (restIsEmpty(p, l.end)) {
      // Nothing after the key (or only a tag/anchor): the value is the block below, if any.
      return childBlock(li + 1, parentIndent);
    }
    const c = text[p];
    if (c === '|' || c === '>') {
      let n = li + 1;
      while (n < lines.length && !isMarker(n) && (lines[n].indent < 0 || lines[n].indent > parentIndent)) n++;
      return { node: OTHER, next: n };
    }
    if (c === '*' || c === '{' || c === '[' || c === '"' || c === "'") {
      const f = c === '*' ? { node: OTHER, end: l.end } : c === '"' || c === "'" ? quoted(p) : flow(p);
      const endLine = lineAt(Math.max(f.end - 1, p));
      if (c !== '*' && !restIsEmpty(f.end, lines[endLine].end)) damaged = true;
      const next = afterContinuation(endLine + 1, parentIndent);
      // Nothing may continue a quoted scalar, a flow collection or an alias on deeper lines.
      if (next !== nextContent(endLine + 1)) damaged = true;
      return { node: f.node, next };
    }
    // Plain scalar to a comment or the line end; more-indented lines after it continue it.
    let e = p;
    while (e < l.end && !(text[e] === '#' && isSpace(text[e - 1]))) e++;
    while (e > p && isSpace(text[e - 1])) e--;
    const next = afterContinuation(li + 1, parentIndent);
    const multiLine = next !== nextContent(li + 1);
    p = Math.min(p, e);
    return { node: { kind: 'scalar', value: multiLine ? null : text.slice(p, e), offset: p, quote: 'none' }, next };
  };

  /** Lines indented more than parentIndent right after a scalar continue it; skip them. */
  const afterContinuation = (li: number, parentIndent: number): number => {
    let n = nextContent(li);
    while (n < lines.length && !isMarker(n) && lines[n].indent > parentIndent) n = nextContent(n + 1);
    return n;
  };

  /** The block after a "key:" or "- " with nothing else on its line. */
  const childBlock = (li: number, parentIndent: number): { node: YNode; next: number } => {
    const n = nextContent(li);
    if (n >= lines.length || isMarker(n)) return { node: OTHER, next: n };
    const ind = lines[n].indent;
    if (ind > parentIndent) return block(n, lines[n].start + ind, ind);
    // "key:\n- item" puts a sequence at the key's own indentation.
    const pos = lines[n].start + ind;
    if (ind === parentIndent && text[pos] === '-' && (pos + 1 >= lines[n].end || isSpace(text[pos + 1]))) return seq(n, ind);
    return { node: OTHER, next: n };
  };

  /** A block node whose first token is at `pos` on line `li`, at column `col`. */
  const block = (li: number, pos: number, col: number): { node: YNode; next: number } => {
    const l = lines[li];
    if (text[pos] === '-' && (pos + 1 >= l.end || isSpace(text[pos + 1]))) return seq(li, col, pos);
    const p = skipProps(pos, l.end);
    if (p !== pos && restIsEmpty(p, l.end)) return childBlock(li + 1, col - 1);
    if (keyColon(p, l.end) !== -1) return map(li, col, p);
    return inlineValue(li, p, col - 1);
  };

  const seq = (li: number, col: number, firstPos?: number): { node: YNode; next: number } => {
    const items: YNode[] = [];
    let cur = li;
    let pos = firstPos ?? lines[li].start + col;
    for (;;) {
      const l = lines[cur];
      let p = pos + 1;
      while (p < l.end && text[p] === ' ') p++;
      let r: { node: YNode; next: number };
      if (restIsEmpty(p, l.end)) r = childBlock(cur + 1, col);
      else r = block(cur, p, p - l.start);
      items.push(r.node);
      const n = r.next;
      if (n >= lines.length || isMarker(n)) return { node: { kind: 'seq', items }, next: n };
      const ind = lines[n].indent;
      const np = lines[n].start + ind;
      if (ind === col && text[np] === '-' && (np + 1 >= lines[n].end || isSpace(text[np + 1]))) {
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
      const l = lines[cur];
      const kc = keyColon(pos, l.end);
      if (kc === -1) {
        damaged = true;
        return { node: { kind: 'map', entries }, next: skipDeeper(cur + 1, col - 1) };
      }
      const r = inlineValue(cur, kc.colon + 1, col);
      entries.push({ key: kc.key, value: r.node });
      const n = r.next;
      if (n >= lines.length || isMarker(n)) return { node: { kind: 'map', entries }, next: n };
      const ind = lines[n].indent;
      if (ind === col) {
        const np = lines[n].start + ind;
        if (text[np] === '-' && (np + 1 >= lines[n].end || isSpace(text[np + 1]))) {
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
    while (n < lines.length && !isMarker(n) && lines[n].indent > col) n = nextContent(n + 1);
    return n;
  };

  const docs: YDocument[] = [];
  let li = 0;
  while (li < lines.length) {
    damaged = false;
    // Directives and the "---" that opens a document.
    let n = nextContent(li);
    while (n < lines.length && text[lines[n].start] === '%') n = nextContent(n + 1);
    let root: YNode = OTHER;
    let markerContent = false;
    if (n < lines.length && isMarker(n) && text[lines[n].start] === '-') {
      if (!restIsEmpty(lines[n].start + 3, lines[n].end)) markerContent = true;
      n = nextContent(n + 1);
    }
    if (markerContent) damaged = true;
    if (n < lines.length && !isMarker(n)) {
      const ind = lines[n].indent;
      const r = block(n, lines[n].start + ind, ind);
      root = r.node;
      n = r.next;
      // Leftovers before the next marker mean the structure was not understood.
      while (n < lines.length && !isMarker(n)) {
        damaged = true;
        n = nextContent(n + 1);
      }
    }
    if (n < lines.length && isMarker(n) && text[lines[n].start] === '.') n++;
    if (root.kind !== 'other' || docs.length === 0 || damaged) docs.push({ root, damaged: damaged || tabIndented });
    if (n === li) n++;
    li = n;
    // A "---" line starts the next document: do not skip it.
  }
  return docs;
}
