// Duplicate keys a swap would create: the edited text is parsed again (JSON/JSONC objects, YAML maps, TOML tables)
// and every object's keys are compared. Only duplicates that the edits created count; a file that already held
// one is the user's business, and the swap does not make it worse.
import { classifyPath, FILE_SYNTAX, pathSegments } from './classify';
import { lineStarts, positionAt } from './candidate';
import { frontMatter } from './parseYaml';
import { UNMETERED } from './meter';
import type { TextEdit } from './swap';
import { lineEnd, skipBracketed, skipMultiline, skipString } from './tomlLex';
import { readYaml, type YNode } from './yamlLite';

export type KeyFormat = 'json' | 'yaml' | 'toml';

/** Two keys with the same name in one object of the edited text. */
export interface DuplicateKey {
  key: string;
  /** 1-based lines of the first and the repeated key in the edited text. */
  firstLine: number;
  line: number;
}

/** The structure a file's keys live in, from its path: null for code, .env and free text. */
export function keyFormatOf(path: string): KeyFormat | null {
  const kind = classifyPath(path);
  const syntax = kind === null ? null : FILE_SYNTAX[kind];
  if (syntax === 'json' || syntax === 'yaml' || syntax === 'toml') return syntax;
  const name = (pathSegments(path).pop() ?? '').toLowerCase();
  if (/\.(json|jsonc|json5)$/.test(name)) return 'json';
  if (/\.(ya?ml)$/.test(name)) return 'yaml';
  if (/\.toml$/.test(name)) return 'toml';
  return null;
}

/** A key occurrence: which object it belongs to (an opaque container id), its name and where it starts. */
interface KeyAt {
  container: string;
  key: string;
  offset: number;
}

/**
 * Object keys of JSON/JSONC (comments, trailing commas), each with the offset of its opening quote, read by one
 * pass over the text. The keys jsonc-parser's tolerant parseTree would give, without bundling a parser for this
 * one check (about 10 KB of the host); test/unit/dupKeysJson.test.ts holds the two together. As parseTree does, it
 * reads the first value only, and a key position holding anything but a string yields no key.
 */
export function jsonKeys(text: string): KeyAt[] {
  const out: KeyAt[] = [];
  const open: { id: string | null; keyNext: boolean }[] = [];
  let next = 0;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    const c = text[i];
    const top = open[open.length - 1];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
      continue;
    }
    const keyHere = top !== undefined && top.id !== null && top.keyNext;
    if (top !== undefined) top.keyNext = false;
    if (c === '"') {
      const [value, end] = jsonString(text, i);
      if (keyHere) out.push({ container: top.id as string, key: value, offset: i });
      i = end;
      if (open.length === 0) break;
      continue;
    }
    if (c === '{' || c === '[') {
      open.push({ id: c === '{' ? String(next++) : null, keyNext: c === '{' });
    } else if (c === '}' || c === ']') {
      if (top !== undefined && (top.id !== null) === (c === '}')) open.pop();
      if (open.length === 0) break;
    } else if (c === ',') {
      if (top !== undefined) top.keyNext = top.id !== null;
    } else if (open.length === 0) {
      break;
    }
    i++;
  }
  return out;
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** A JSON string token at `start` (its quote): the decoded value and where the token ends. Unterminated at a line end. */
function jsonString(text: string, start: number): [string, number] {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === '"') return [value, i + 1];
    if (c === '\n' || c === '\r') return [value, i];
    if (c === '\\') {
      const e = text[i + 1] ?? '';
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      value += ESCAPES[e] ?? '';
      i += 2;
      continue;
    }
    value += c;
    i++;
  }
  return [value, i];
}

/**
 * YAML maps through the project's reader. It records value offsets, not key offsets, so a key's place is found in
 * the text: the first line, after the previous key's, that starts (after indentation or "- ") with the key.
 */
function yamlKeys(text: string): KeyAt[] {
  const out: KeyAt[] = [];
  const fm = frontMatter(text);
  const body = fm === null ? text : fm.body;
  const base = fm === null ? 0 : fm.offset;
  let next = 0;
  let cursor = 0;
  const locate = (key: string): number => {
    const esc = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`(^|[\\n\\r{,])[ \\t]*(?:-[ \\t]+)*(?:\\?[ \\t]+)?(["']?)${esc}\\2[ \\t]*:`, 'g');
    re.lastIndex = cursor;
    const m = re.exec(body);
    if (m === null) return cursor;
    cursor = m.index + m[0].length;
    const [, lead = ''] = m;
    return m.index + lead.length;
  };
  const visit = (node: YNode): void => {
    if (node.kind === 'map') {
      const container = String(next++);
      for (const e of node.entries) {
        out.push({ container, key: e.key, offset: base + locate(e.key) });
        visit(e.value);
      }
    } else if (node.kind === 'seq') {
      for (const item of node.items) visit(item);
    }
  };
  if (EXPLICIT_KEY_LINE.test(body)) return explicitYamlKeys(body, base);
  for (const doc of readYaml(body)) visit(doc.root);
  return out;
}

/** A block-mapping entry written with YAML's explicit key indicator ("? key" then ": value"). */
const EXPLICIT_KEY_LINE = /^[ \t]*(?:-[ \t]+)*\?(?:[ \t]|$)/m;

/**
 * Keys of a YAML text that uses explicit keys ("? key"), which the reader does not read (it marks such a document
 * damaged). A line scan by indentation: every "key:" or "? key" line is a key of the innermost block opened by a
 * less indented line (a "- " item opens its own); the lines of a block scalar ("|", ">") are stepped over. Coarser
 * than the reader (a flow collection over several lines is read line by line), so used only for such texts, where
 * it errs towards finding a repeat and refusing the swap.
 */
function explicitYamlKeys(body: string, base: number): KeyAt[] {
  const out: KeyAt[] = [];
  const stack: { indent: number; id: string }[] = [];
  let blockScalarIndent = -1;
  let doc = 0;
  let lineStart = 0;
  while (lineStart <= body.length) {
    const nl = body.indexOf('\n', lineStart);
    const lineEnd = nl === -1 ? body.length : nl;
    const line = body.slice(lineStart, lineEnd).replace(/\r$/, '');
    const start = lineStart;
    lineStart = lineEnd + 1;
    const indent = /^[ ]*/.exec(line)?.[0].length ?? 0;
    const rest = line.slice(indent);
    if (rest === '' || rest.startsWith('#')) continue;
    if (blockScalarIndent >= 0) {
      if (indent > blockScalarIndent) continue;
      blockScalarIndent = -1;
    }
    if (indent === 0 && /^(?:---|\.\.\.)(?:\s|$)/.test(rest)) {
      doc++;
      stack.length = 0;
      continue;
    }
    // "- " prefixes: each opens a sequence item, a new block at the column after it.
    let col = indent;
    let content = rest;
    for (let m = /^-[ \t]+/.exec(content); m !== null; m = /^-[ \t]+/.exec(content)) {
      while (stack.length > 0 && (stack.at(-1)?.indent ?? -1) >= col) stack.pop();
      stack.push({ indent: col, id: `${doc}:${start + col}` });
      col += m[0].length;
      content = content.slice(m[0].length);
    }
    let key: string | null = null;
    const explicit = /^\?(?:[ \t]+(.*))?$/.exec(content);
    if (explicit !== null) key = yamlScalarText(explicit[1] ?? '');
    else key = blockKey(content);
    while (stack.length > 0 && (stack.at(-1)?.indent ?? -1) >= col) stack.pop();
    if (key !== null) {
      const container = stack.at(-1)?.id ?? `${doc}:root`;
      out.push({ container, key, offset: base + start + col });
    }
    stack.push({ indent: col, id: `${doc}:${start + col}` });
    if (/[|>][-+0-9]*[ \t]*(?:#.*)?$/.test(content)) blockScalarIndent = col;
  }
  return out;
}

/** The key of a "key: value" line, or null. Each step is one linear scan: no pattern here can backtrack. */
function blockKey(content: string): string | null {
  const quoted = /^(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')/.exec(content);
  if (quoted !== null) {
    return /^[ \t]*:(?:[ \t]|$)/.test(content.slice(quoted[0].length)) ? yamlScalarText(quoted[0]) : null;
  }
  if (/^[#:\s]/.test(content)) return null;
  const colon = /:(?:[ \t]|$)/.exec(content);
  if (colon === null) return null;
  const key = content.slice(0, colon.index);
  return /[ \t]#/.test(key) ? null : yamlScalarText(key);
}

/** The text of a one-line YAML scalar used as a key: quotes removed, a trailing comment dropped. */
function yamlScalarText(raw: string): string {
  const t = raw.trim();
  if (t.startsWith('"') && t.endsWith('"') && t.length >= 2) return t.slice(1, -1).replace(/\\(.)/g, '$1');
  if (t.startsWith("'") && t.endsWith("'") && t.length >= 2) return t.slice(1, -1).replace(/''/g, "'");
  return t.replace(/[ \t]+#.*$/, '').trim();
}

interface KeyPart {
  name: string;
  offset: number;
}
/** A possibly dotted key: the tables it passes through, then its own name. */
interface DottedKey {
  parents: KeyPart[];
  last: KeyPart;
}

function isBareKeyChar(c: string): boolean {
  return /[A-Za-z0-9_-]/.test(c);
}

/**
 * The text of a basic string's content: its escapes decoded. `\uXXXX` and `\UXXXXXXXX` are read as far as the content
 * goes; one that is not hex reads as U+0000, one that names no character (past U+10FFFF) as U+FFFD, and an unknown
 * escape as the character escaped. TOML refuses both, so only the keys of a file that is no TOML depend on it.
 */
function decodeBasic(raw: string): string {
  // Built per call, not at module level, so that a test can tell each entry's mutant (module-level constants are
  // built before Stryker switches a mutant on).
  const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', b: '\b', f: '\f' };
  let value = '';
  let i = 0;
  while (i < raw.length) {
    const c = raw.charAt(i);
    if (c !== '\\') {
      value += c;
      i++;
      continue;
    }
    const e = raw.charAt(i + 1);
    if (e === 'u' || e === 'U') {
      const len = e === 'u' ? 4 : 8;
      const code = parseInt(raw.slice(i + 2, i + 2 + len), 16) || 0;
      value += code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
      i += 2 + len;
      continue;
    }
    value += escapes[e] ?? e;
    i += 2;
  }
  return value;
}

type DefKind = 'value' | 'header' | 'dotted' | 'implied' | 'array';

/** Whether TOML lets a path defined as `was` be defined again as `now`. */
function compatibleDefinitions(was: DefKind, now: DefKind): boolean {
  if (was === 'value' || now === 'value') return false;
  if (now === 'implied') return true;
  switch (was) {
    case 'implied':
      return now === 'header';
    case 'dotted':
      return now === 'dotted';
    case 'array':
      return now === 'array';
    case 'header':
      return false;
  }
}

/**
 * TOML tables, dotted keys, quoted keys, inline tables and arrays of tables, with the offset of each key. Keys are
 * placed by their full path, so `a.b = 1` at the root and `b` under `[a]` are the same key. A table may be defined
 * once: by a [header] or by dotted keys (which may extend it), never both; a table only implied by a deeper
 * header (`[a.b]` implies `a`) may still get its own header, not dotted keys (smol-toml refuses those, and a
 * refusal is the safe side); an array of tables is never also a table or a value. Each such second definition is
 * recorded as a repeat.
 */
function tomlKeys(text: string): KeyAt[] {
  const out: KeyAt[] = [];
  const n = text.length;
  let pos = 0;
  /** The current table's full path ('' for the root); array-of-tables elements carry their index. */
  let table = '';
  const arrayCount = new Map<string, number>();
  /** How each full path was defined first, and where (its key in its parent table). */
  const defs = new Map<string, { kind: DefKind; at: KeyAt; recorded: boolean }>();
  /**
   * Defines `path` as `kind`: the first definition is recorded; a second one that TOML forbids is recorded again
   * under the same parent and key, which makes it a repeat. Allowed: extending a table dotted keys defined, a
   * header for (or below) a table only implied so far, sub-tables of any table, another element of an array.
   */
  const define = (path: string, kind: DefKind, at: KeyAt): void => {
    const was = defs.get(path);
    if (was === undefined) {
      // A table only implied (an array element among them) is recorded when something conflicts with it.
      defs.set(path, { kind, at, recorded: kind !== 'implied' });
      if (kind !== 'implied') out.push(at);
      return;
    }
    if (compatibleDefinitions(was.kind, kind)) {
      if (was.kind === 'implied' && kind !== 'implied') was.kind = kind;
      return;
    }
    if (!was.recorded) {
      out.push(was.at);
      was.recorded = true;
    }
    out.push(at);
  };
  let inlineId = 0;
  const child = (parent: string, part: string): string => (parent === '' ? JSON.stringify(part) : `${parent}.${JSON.stringify(part)}`);
  /** The path of a header's part under parent, an array of tables resolved to its current element. */
  const resolveChild = (parent: string, part: string): string => {
    const path = child(parent, part);
    const i = arrayCount.get(path);
    return i === undefined ? path : `${path}[${i}]`;
  };

  const skipWs = (): void => {
    while (pos < n && (text[pos] === ' ' || text[pos] === '\t')) pos++;
  };
  const skipLine = (): void => {
    pos = lineEnd(text, pos);
  };
  /** A quoted key's text: where it ends is the lexer's answer, its escapes are decoded here. Null when unclosed. */
  const readQuoted = (): string | null => {
    const literal = text[pos] === "'";
    const from = pos + 1;
    const s = skipString(text, pos);
    pos = s.end;
    if (!s.closed) return null;
    const raw = text.slice(from, s.end - 1);
    return literal ? raw : decodeBasic(raw);
  };
  /** A possibly dotted key, with the offset where each part starts. */
  const readKey = (): DottedKey | null => {
    const parents: KeyPart[] = [];
    for (;;) {
      skipWs();
      const offset = pos;
      let name: string;
      if (text[pos] === '"' || text[pos] === "'") {
        const v = readQuoted();
        if (v === null) return null;
        name = v;
      } else {
        const start = pos;
        while (pos < n && isBareKeyChar(text.charAt(pos))) pos++;
        if (pos === start) return null;
        name = text.slice(start, pos);
      }
      skipWs();
      if (text[pos] !== '.') return { parents, last: { name, offset } };
      parents.push({ name, offset });
      pos++;
    }
  };
  /** The pairs of an inline table (the "{" is behind `pos`), in the table `container`, up to its "}". */
  const readInline = (container: string): void => {
    for (;;) {
      while (pos < n && /[ \t\r\n,]/.test(text.charAt(pos))) pos++;
      if (pos >= n) return;
      // TOML 1.1 lets an inline table span lines, with comments between its pairs: a comment hides no key.
      if (text[pos] === '#') {
        while (pos < n && text[pos] !== '\n') pos++;
        continue;
      }
      if (text[pos] === '}') {
        pos++;
        return;
      }
      const k = readKey();
      if (k === null || text[pos] !== '=') {
        while (pos < n && text[pos] !== '}') pos++;
        return;
      }
      pos++;
      recordPair(container, k);
    }
  };
  /** `a.b.c = v` in the table `base`: `a` and `a.b` are tables defined by dotted keys, `a.b.c` a value. */
  const recordPair = (base: string, k: DottedKey): void => {
    let parent = base;
    for (const part of [...k.parents, k.last]) {
      const path = child(parent, part.name);
      define(path, part === k.last ? 'value' : 'dotted', { container: parent, key: part.name, offset: part.offset });
      parent = path;
    }
    skipWs();
    skipValue(parent);
  };
  /** A value: strings and arrays skipped by the shared lexer, inline tables (arrays' too) read for their keys. */
  const skipValue = (path: string): void => {
    const inlineTable = (from: number): number => {
      pos = from;
      readInline(`${path}#inline${inlineId++}`);
      return pos;
    };
    if (text.startsWith('"""', pos) || text.startsWith("'''", pos)) pos = skipMultiline(text, pos).end;
    else if (text[pos] === '"' || text[pos] === "'") pos = skipString(text, pos).end;
    else if (text[pos] === '{') pos = inlineTable(pos + 1);
    else if (text[pos] === '[') pos = skipBracketed(text, pos, UNMETERED, inlineTable).end;
    else {
      while (pos < n && text[pos] !== '\n' && text[pos] !== '#' && text[pos] !== ',' && text[pos] !== '}') pos++;
    }
  };

  while (pos < n) {
    const c = text[pos];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      pos++;
      continue;
    }
    // A comment line needs no branch of its own: it reads as no key and is skipped with its line, below.
    if (c === '[') {
      const isArray = text[pos + 1] === '[';
      pos += isArray ? 2 : 1;
      const k = readKey();
      if (k === null) {
        table = '\0invalid';
        skipLine();
        continue;
      }
      let parent = '';
      for (const part of k.parents) {
        const p = resolveChild(parent, part.name);
        define(p, 'implied', { container: parent, key: part.name, offset: part.offset });
        parent = p;
      }
      const path = child(parent, k.last.name);
      define(path, isArray ? 'array' : 'header', { container: parent, key: k.last.name, offset: k.last.offset });
      if (isArray) {
        const i = (arrayCount.get(path) ?? 0) + 1;
        arrayCount.set(path, i);
        table = `${path}[${i}]`;
      } else {
        table = path;
      }
      skipLine();
      continue;
    }
    const k = readKey();
    if (k === null || text[pos] !== '=') {
      skipLine();
      continue;
    }
    pos++;
    recordPair(table, k);
    skipLine();
  }
  return out;
}

function keysOf(text: string, format: KeyFormat): KeyAt[] {
  if (format === 'json') return jsonKeys(text);
  if (format === 'yaml') return yamlKeys(text);
  return tomlKeys(text);
}

/** Repeated keys: every occurrence after the first of a (container, key) pair. */
function repeats(keys: readonly KeyAt[]): { first: KeyAt; again: KeyAt }[] {
  const seen = new Map<string, KeyAt>();
  const out: { first: KeyAt; again: KeyAt }[] = [];
  for (const k of keys) {
    const id = `${k.container}\u0000${k.key}`;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, k);
    else out.push({ first, again: k });
  }
  return out;
}

/**
 * The first duplicate key that `edits` create in `before`, or null. `after` is the edited text; a repeated key
 * counts when its key text or the one it repeats was touched by an edit, or when there are more repeats than before.
 */
export function createdDuplicateKey(before: string, after: string, edits: readonly TextEdit[], format: KeyFormat): DuplicateKey | null {
  const afterRepeats = repeats(keysOf(after, format));
  if (afterRepeats.length === 0) return null;
  // Where each edit landed in the edited text.
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  const spans: { start: number; end: number }[] = [];
  let shift = 0;
  for (const e of sorted) {
    const start = e.offset + shift;
    spans.push({ start, end: start + e.newText.length });
    shift += e.newText.length - e.length;
  }
  // A quoted key starts at its quote; an edit that starts within the key's text belongs to that key.
  const touched = (k: KeyAt): boolean => spans.some((s) => s.start >= k.offset && s.start <= k.offset + k.key.length + 2);
  const starts = lineStarts(after);
  const describe = (r: { first: KeyAt; again: KeyAt }): DuplicateKey => ({
    key: r.again.key,
    firstLine: positionAt(starts, r.first.offset).line,
    line: positionAt(starts, r.again.offset).line,
  });
  const hit = afterRepeats.find((r) => touched(r.first) || touched(r.again));
  if (hit !== undefined) return describe(hit);
  const beforeCount = repeats(keysOf(before, format)).length;
  const lastRepeat = afterRepeats.at(-1);
  return afterRepeats.length > beforeCount && lastRepeat !== undefined ? describe(lastRepeat) : null;
}
