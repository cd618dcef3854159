// @ts-nocheck
// Duplicate keys a swap would create: the edited text is parsed again (JSON/JSONC objects, YAML maps, TOML tables)
// and every object's keys are compared. Only duplicates that the edits created count; a file that already held
// one is the user's business, and the swap does not make it worse.
import { parseTree, type Node } from 'jsonc-parser';
import { classifyPath, pathSegments } from './classify';
import { lineStarts, positionAt } from './candidate';
import { frontMatter } from './parseYaml';
import type { TextEdit } from './swap';
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
  switch (kind) {
    case 'continue-json':
    case 'opencode-json':
    case 'zed-json':
    case 'claude-json':
    case 'vscode-json':
      return 'json';
    case 'continue-yaml':
    case 'aider-yaml':
    case 'yaml':
    case 'opencode-agent':
      return 'yaml';
    case 'codex-toml':
      return 'toml';
    default: {
      const name = (pathSegments(path).pop() ?? '').toLowerCase();
      if (/\.(json|jsonc|json5)$/.test(name)) return 'json';
      if (/\.(ya?ml)$/.test(name)) return 'yaml';
      if (/\.toml$/.test(name)) return 'toml';
      return null;
    }
  }
}

/** A key occurrence: which object it belongs to (an opaque container id), its name and where it starts. */
interface KeyAt {
  container: string;
  key: string;
  offset: number;
}

function jsonKeys(text: string): KeyAt[] {
  const out: KeyAt[] = [];
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  if (root === undefined) return out;
  let next = 0;
  const visit = (node: Node): void => {
    if (node.type === 'object') {
      const container = String(next++);
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (k !== undefined && typeof k.value === 'string') out.push({ container, key: k.value, offset: k.offset });
        if (v !== undefined) visit(v);
      }
    } else if (node.type === 'array') {
      for (const c of node.children ?? []) visit(c);
    }
  };
  visit(root);
  return out;
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
    return m.index + m[1].length;
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
  for (const doc of readYaml(body)) visit(doc.root);
  return out;
}

function isBareKeyChar(c: string): boolean {
  return /[A-Za-z0-9_-]/.test(c);
}

/** TOML tables, dotted keys, quoted keys, inline tables and arrays of tables, with the offset of each key. */
function tomlKeys(text: string): KeyAt[] {
  const out: KeyAt[] = [];
  const n = text.length;
  let pos = 0;
  let table = '';
  const arrayCount = new Map<string, number>();
  let inlineId = 0;
  const join = (parts: readonly string[]): string => parts.map((p) => JSON.stringify(p)).join('.');

  const skipWs = (): void => {
    while (pos < n && (text[pos] === ' ' || text[pos] === '\t')) pos++;
  };
  const skipLine = (): void => {
    while (pos < n && text[pos] !== '\n') pos++;
  };
  const readQuoted = (): string | null => {
    const q = text[pos];
    let i = pos + 1;
    let value = '';
    while (i < n && text[i] !== q && text[i] !== '\n') {
      if (q === '"' && text[i] === '\\' && i + 1 < n) {
        const e = text[i + 1];
        const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', b: '\b', f: '\f' };
        if (e === 'u' || e === 'U') {
          const len = e === 'u' ? 4 : 8;
          value += String.fromCodePoint(parseInt(text.slice(i + 2, i + 2 + len), 16) || 0);
          i += 2 + len;
          continue;
        }
        value += map[e] ?? e;
        i += 2;
        continue;
      }
      value += text[i];
      i++;
    }
    if (text[i] !== q) {
      pos = i;
      return null;
    }
    pos = i + 1;
    return value;
  };
  /** A possibly dotted key, with the offset where each part starts. */
  const readKey = (): { parts: string[]; offsets: number[] } | null => {
    const parts: string[] = [];
    const offsets: number[] = [];
    for (;;) {
      skipWs();
      offsets.push(pos);
      if (text[pos] === '"' || text[pos] === "'") {
        const v = readQuoted();
        if (v === null) return null;
        parts.push(v);
      } else {
        const start = pos;
        while (pos < n && isBareKeyChar(text[pos])) pos++;
        if (pos === start) return null;
        parts.push(text.slice(start, pos));
      }
      skipWs();
      if (text[pos] !== '.') return { parts, offsets };
      pos++;
    }
  };
  const skipMultiline = (): void => {
    const delim = text.slice(pos, pos + 3);
    const close = text.indexOf(delim, pos + 3);
    pos = close < 0 ? n : close + 3;
    while (text[pos] === delim[0]) pos++;
  };
  /** The pairs of an inline table (the "{" is behind `pos`), recorded under `container`, up to its "}". */
  const readInline = (container: string): void => {
    for (;;) {
      while (pos < n && /[ \t\r\n,]/.test(text[pos])) pos++;
      if (pos >= n) return;
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
  const recordPair = (container: string, k: { parts: string[]; offsets: number[] }): void => {
    // Dotted keys define the intermediate tables implicitly; the leaf is the key that can repeat.
    const parent = k.parts.slice(0, -1);
    out.push({ container: parent.length === 0 ? container : `${container}.${join(parent)}`, key: k.parts[k.parts.length - 1], offset: k.offsets[k.offsets.length - 1] });
    skipWs();
    skipValue(`${container}.${join(k.parts)}`);
  };
  const skipValue = (container: string): void => {
    if (text.startsWith('"""', pos) || text.startsWith("'''", pos)) skipMultiline();
    else if (text[pos] === '"' || text[pos] === "'") readQuoted();
    else if (text[pos] === '{') {
      pos++;
      readInline(`${container}#inline${inlineId++}`);
    } else if (text[pos] === '[') {
      let depth = 0;
      while (pos < n) {
        const c = text[pos];
        if (c === '[') depth++;
        else if (c === ']') {
          depth--;
          if (depth === 0) {
            pos++;
            return;
          }
        } else if (c === '#') {
          skipLine();
          continue;
        } else if (text.startsWith('"""', pos) || text.startsWith("'''", pos)) {
          skipMultiline();
          continue;
        } else if (c === '"' || c === "'") {
          readQuoted();
          continue;
        } else if (c === '{') {
          pos++;
          readInline(`${container}#inline${inlineId++}`);
          continue;
        }
        pos++;
      }
    } else {
      while (pos < n && text[pos] !== '\n' && text[pos] !== '#' && text[pos] !== ',' && text[pos] !== '}') pos++;
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
      const isArray = text[pos + 1] === '[';
      pos += isArray ? 2 : 1;
      const k = readKey();
      if (k === null) {
        table = '\0invalid';
        skipLine();
        continue;
      }
      const name = join(k.parts);
      if (isArray) {
        const i = (arrayCount.get(name) ?? 0) + 1;
        arrayCount.set(name, i);
        table = `${name}[${i}]`;
      } else {
        // A [table] header is a key of its parent table.
        const parent = k.parts.slice(0, -1);
        out.push({ container: `root.${join(parent)}`, key: k.parts[k.parts.length - 1], offset: k.offsets[k.offsets.length - 1] });
        table = name;
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
    recordPair(`root.${table}`, k);
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
  return afterRepeats.length > beforeCount ? describe(afterRepeats[afterRepeats.length - 1]) : null;
}
