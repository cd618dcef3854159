// TOML (Codex CLI's config.toml) by a small exact-range reader: tables and arrays of tables, dotted and quoted
// keys, inline tables (`profiles.x = { model = "…" }`, nested, also over several lines), the four string forms,
// arrays skipped whole, comments. Only single-line strings can hold an id. The document is read into a small tree
// first (a key given twice: the last one counts), so a rule can look at the rest of the file (Codex's
// `model_provider` and `[model_providers.<id>]`). Linear in the text; nothing deeper than a rule reads is kept.
import type { Emit } from './candidate';
import { UNMETERED, type Meter } from './meter';
import { MAX_RULE_DEPTH, valueRule, type DocLookup, type Seg, type Siblings } from './rules';
import { lineEnd, skipBracketed, skipMultiline, skipString, type Skipped } from './tomlLex';
import type { FileKind } from './types';

interface TString {
  t: 'string';
  offset: number;
  value: string;
  quote: '"' | "'";
}
interface TTable {
  t: 'table';
  depth: number;
  entries: Map<string, TNode>;
}
interface TTables {
  t: 'tables';
  items: TTable[];
}
type TNode = TString | TTable | TTables | { t: 'other' };

const OTHER: TNode = { t: 'other' };

function isBareKeyChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;
}

const table = (depth: number): TTable => ({ t: 'table', depth, entries: new Map() });

/** Space, tab, CR, LF, "#", ",", "}", "]". */
function endsBareValue(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10 || c === 35 || c === 44 || c === 125 || c === 93;
}

/** The document as a tree of tables; tables deeper than any rule reads are followed but not kept. */
export function readToml(text: string, meter: Meter = UNMETERED): { root: TTable; damaged: boolean } {
  const n = text.length;
  let pos = 0;
  let damaged = false;
  const root = table(0);
  /** Where key/value lines go; null when the header was invalid or too deep (values are read, not kept). */
  let current: TTable | null = root;

  const skipSpaces = (): void => {
    const from = pos;
    for (let c = text.charCodeAt(pos); c === 32 || c === 9; c = text.charCodeAt(pos)) pos++;
    meter.spend(pos - from + 1);
  };
  const skipLine = (): void => {
    pos = lineEnd(text, pos, meter);
  };
  /** Spaces, line breaks and comments (inside inline tables and arrays). */
  const skipBlank = (): void => {
    for (;;) {
      const from = pos;
      for (let c = text.charCodeAt(pos); c === 32 || c === 9 || c === 13 || c === 10; c = text.charCodeAt(pos)) pos++;
      meter.spend(pos - from + 1);
      if (text.charCodeAt(pos) !== 35) return;
      skipLine();
    }
  };
  /** A basic "..." or literal '...' string on one line; returns its content range or null (and stops at the line end). */
  const readString = (): { start: number; end: number; quote: '"' | "'" } | null => {
    const quote = text[pos] === '"' ? '"' : "'";
    const start = pos + 1;
    const s = skipString(text, pos, meter);
    pos = s.end;
    if (!s.closed) {
      damaged = true;
      return null;
    }
    return { start, end: s.end - 1, quote };
  };
  /** A multi-line string, or an array (and anything bracketed in it) over any number of lines. */
  const skip = (s: Skipped): void => {
    pos = s.end;
    if (!s.closed) damaged = true;
  };
  /** A dotted key's parts; past MAX_RULE_DEPTH + 1 parts the rest is read but not kept (no rule reads that far). */
  const readKey = (): string[] | null => {
    const keys: string[] = [];
    const from = pos;
    let result: string[] | null = keys;
    for (;;) {
      while (pos < n && (text.charCodeAt(pos) === 32 || text.charCodeAt(pos) === 9)) pos++;
      const c = text.charCodeAt(pos);
      const keep = keys.length <= MAX_RULE_DEPTH;
      if (c === 34 || c === 39) {
        const s = readString();
        if (s === null) {
          result = null;
          break;
        }
        if (keep) keys.push(text.slice(s.start, s.end));
      } else {
        const start = pos;
        while (pos < n && isBareKeyChar(text.charCodeAt(pos))) pos++;
        if (pos === start) {
          result = null;
          break;
        }
        if (keep) keys.push(text.slice(start, pos));
      }
      while (pos < n && (text.charCodeAt(pos) === 32 || text.charCodeAt(pos) === 9)) pos++;
      if (text.charCodeAt(pos) !== 46) break;
      pos++;
    }
    meter.spend(pos - from + 1);
    return result;
  };

  /** The table under `key` in `t`, made when missing; null when `t` is not kept, too deep, or `key` holds a value. */
  const descend = (t: TTable | null, key: string): TTable | null => {
    if (t === null || t.depth >= MAX_RULE_DEPTH) return null;
    const v = t.entries.get(key);
    if (v === undefined) {
      const made = table(t.depth + 1);
      t.entries.set(key, made);
      return made;
    }
    if (v.t === 'table') return v;
    if (v.t === 'tables') return v.items[v.items.length - 1] ?? null;
    damaged = true;
    return null;
  };
  const descendAll = (t: TTable | null, keys: readonly string[], count: number): TTable | null => {
    let at = t;
    for (const [k, key] of keys.entries()) {
      if (k >= count || at === null) break;
      at = descend(at, key);
    }
    meter.spend(count);
    return at;
  };

  /** A scalar value at pos: a single-line string is kept, anything else read past. */
  const readScalar = (): TNode => {
    if (text.startsWith('"""', pos) || text.startsWith("'''", pos)) {
      skip(skipMultiline(text, pos, meter));
      return OTHER;
    }
    if (text[pos] === '"' || text[pos] === "'") {
      const s = readString();
      return s === null ? OTHER : { t: 'string', offset: s.start, value: text.slice(s.start, s.end), quote: s.quote };
    }
    if (text[pos] === '[') {
      skip(skipBracketed(text, pos, meter));
      return OTHER;
    }
    // Numbers, booleans, dates: up to a separator.
    const from = pos;
    while (pos < n && !endsBareValue(text.charCodeAt(pos))) pos++;
    meter.spend(pos - from + 1);
    if (pos === from) damaged = true;
    return OTHER;
  };

  /**
   * The `a.b.c =` of a key/value pair under `base`, up to its value: the table the value goes into (null: read, not
   * kept) and the last key part. Null, with the line skipped, when the line is not a pair.
   */
  const readPairKey = (base: TTable | null): { into: TTable | null; last: string } | null => {
    const keys = readKey();
    const last = keys?.at(-1); // a key read has at least one part
    if (keys === null || last === undefined || text[pos] !== '=') {
      damaged = true;
      skipLine();
      return null;
    }
    pos++;
    skipSpaces();
    return { into: descendAll(base, keys, keys.length - 1), last };
  };
  /** The table an inline `{` opens at the pair's key; null when it is read but not kept (too deep, or no parent kept). */
  const openInlineTable = ({ into, last }: { into: TTable | null; last: string }): TTable | null => {
    const child = into !== null && into.depth < MAX_RULE_DEPTH ? table(into.depth + 1) : null;
    into?.entries.set(last, child ?? OTHER);
    return child;
  };

  /** An inline table at pos ("{"), into `into` (null: read, not kept). Nested tables on a stack, not the call stack. */
  const readInlineTable = (into: TTable | null): void => {
    const stack: (TTable | null)[] = [into];
    pos++;
    while (stack.length > 0) {
      skipBlank();
      if (pos >= n) {
        damaged = true;
        return;
      }
      const c = text[pos];
      if (c === '}') {
        stack.pop();
        pos++;
        continue;
      }
      if (c === ',') {
        pos++;
        continue;
      }
      const pair = readPairKey(stack.at(-1) ?? null);
      // Not a key = value: give up on this table at the line end.
      if (pair === null) return;
      if (text[pos] === '{') {
        stack.push(openInlineTable(pair));
        pos++;
        continue;
      }
      const value = readScalar();
      pair.into?.entries.set(pair.last, value);
    }
  };

  while (pos < n) {
    const code = text.charCodeAt(pos);
    if (code === 32 || code === 9 || code === 13 || code === 10) {
      meter.spend(1);
      pos++;
      continue;
    }
    if (code === 35) {
      skipLine();
      continue;
    }
    if (code === 91) {
      const isArrayTable = text[pos + 1] === '[';
      pos += isArrayTable ? 2 : 1;
      const keys = readKey();
      const last = keys?.at(-1); // a key read has at least one part
      if (keys === null || last === undefined || text[pos] !== ']' || (isArrayTable && text[pos + 1] !== ']')) {
        damaged = true;
        current = null;
      } else if (!isArrayTable) {
        current = descendAll(root, keys, keys.length);
      } else {
        const parent = descendAll(root, keys, keys.length - 1);
        const existing = parent?.entries.get(last);
        if (parent === null || parent.depth >= MAX_RULE_DEPTH) current = null;
        else if (existing === undefined || existing.t === 'tables') {
          const list: TTables = existing ?? { t: 'tables', items: [] };
          parent.entries.set(last, list);
          current = table(parent.depth + 1);
          list.items.push(current);
        } else {
          damaged = true;
          current = null;
        }
      }
      skipLine();
      continue;
    }
    const pair = readPairKey(current);
    if (pair === null) continue;
    if (text[pos] === '{') {
      readInlineTable(openInlineTable(pair));
    } else {
      const value = readScalar();
      pair.into?.entries.set(pair.last, value);
    }
    skipLine();
  }
  return { root, damaged };
}

function siblingsOf(t: TTable): Siblings {
  return (key: string): string | undefined => {
    const v = t.entries.get(key);
    return v !== undefined && v.t === 'string' ? v.value : undefined;
  };
}

function lookupIn(root: TTable): DocLookup {
  return (path: readonly Seg[]): string | undefined => {
    let node: TNode | undefined = root;
    for (const seg of path) {
      if (node === undefined) return undefined;
      if (node.t === 'table' && typeof seg === 'string') node = node.entries.get(seg);
      else if (node.t === 'tables' && typeof seg === 'number') node = node.items[seg];
      else return undefined;
    }
    return node !== undefined && node.t === 'string' ? node.value : undefined;
  };
}

export function tomlCandidates(text: string, kind: FileKind, emit: Emit, meter: Meter = UNMETERED): void {
  const { root, damaged } = readToml(text, meter);
  const doc = lookupIn(root);
  // Depth is bounded by MAX_RULE_DEPTH (the tree keeps nothing deeper), so recursion is safe here.
  const visit = (t: TTable, path: Seg[]): void => {
    const siblings = siblingsOf(t);
    for (const [key, v] of t.entries) {
      meter.spend(1);
      const at = [...path, key];
      if (v.t === 'table') visit(v, at);
      else if (v.t === 'tables') v.items.forEach((item, i) => visit(item, [...at, i]));
      else if (v.t === 'string' && v.value.indexOf('/') >= 0 && v.value.indexOf('\\') < 0) {
        const rule = valueRule(kind, at, siblings, doc);
        // A damaged file may nest wrongly, so a key path can lie: keep only what the catalog itself confirms.
        if (rule !== null) emit({ offset: v.offset, value: v.value, quote: v.quote, role: 'value', path: at, rule: damaged ? { ...rule, trust: 'any' } : rule });
      }
    }
  };
  visit(root, []);
}
