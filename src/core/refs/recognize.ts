// From a file's name and text to the model references in it: pick the grammar, collect candidate strings at exact
// ranges, keep those that name a model.
import { classifyPath, codeLanguageOf, FILE_SYNTAX } from './classify';
import { lineStarts, positionAt, type Candidate } from './candidate';
import { OPENROUTER_PREFIX, interpretId } from './idShape';
import { codeStrings } from './parseCode';
import { dotenvCandidates } from './parseDotenv';
import { jsonCandidates } from './parseJson';
import { tomlCandidates } from './parseToml';
import { frontMatter, yamlCandidates } from './parseYaml';
import { BudgetExceeded, createMeter, UNMETERED, type Meter } from './meter';
import { formatKeyPath, type SlotRule } from './rules';
import type { FileKind, ModelRef, RefCatalog } from './types';

const CODE_RULE: SlotRule = { tool: 'code', policy: 'optional', trust: 'any' };

/** Longest id worth a catalog look-up: "openrouter/" plus the 200 characters interpretId accepts. */
const MAX_TOKEN = OPENROUTER_PREFIX.length + 200;

/** [a-z0-9._~:/-]: every character an id (prefix and variant included) can hold. */
function isIdChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 95 || c === 126 || c === 58 || c === 47 || c === 45;
}

/**
 * True when some whole token of id characters in the text is, or is "openrouter/" plus, an id the catalog
 * resolves. Code only counts string literals whose whole content is a catalog id, and such a literal is always a
 * whole token (quotes bound it), so a file without one is skipped before it is tokenised. One pass, each
 * character looked at once.
 */
export function mentionsCatalogId(text: string, catalog: RefCatalog, meter: Meter = UNMETERED): boolean {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isIdChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let slash = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (!isIdChar(c)) break;
      if (c === 47) slash = true;
      i++;
    }
    meter.spend(i - start + 1);
    const len = i - start;
    if (!slash || len < 3 || len > MAX_TOKEN) continue;
    const token = text.slice(start, i);
    if (catalog.resolve(token) !== null) return true;
    if (token.startsWith(OPENROUTER_PREFIX) && catalog.resolve(token.slice(OPENROUTER_PREFIX.length)) !== null) return true;
  }
  meter.spend(n);
  return false;
}

function yamlKindCandidates(kind: FileKind, text: string, emit: (c: Candidate) => void, meter: Meter): void {
  if (kind === 'yaml') {
    // Only LiteLLM proxy configs among arbitrary YAML: the rest of a repo's YAML is CI, k8s, compose.
    meter.spend(text.length);
    if (/^model_list[ \t]*:/m.test(text)) yamlCandidates(text, kind, emit, 0, meter);
  } else if (kind === 'opencode-agent') {
    meter.spend(text.length);
    const fm = frontMatter(text);
    if (fm !== null) yamlCandidates(fm.body, kind, emit, fm.offset, meter);
  } else {
    yamlCandidates(text, kind, emit, 0, meter);
  }
}

function collect(kind: FileKind, path: string, text: string, catalog: RefCatalog, emit: (c: Candidate) => void, meter: Meter): void {
  switch (FILE_SYNTAX[kind]) {
    case 'json':
      jsonCandidates(text, kind, emit, meter);
      return;
    case 'yaml':
      yamlKindCandidates(kind, text, emit, meter);
      return;
    case 'toml':
      tomlCandidates(text, kind, emit, meter);
      return;
    case 'dotenv':
      dotenvCandidates(text, emit, meter);
      return;
    case 'code':
      if (!mentionsCatalogId(text, catalog, meter)) return;
      codeStrings(text, codeLanguageOf(path), (s) => emit({ offset: s.offset, value: s.value, quote: s.quote, role: 'value', path: null, rule: CODE_RULE }), meter);
      return;
    case 'text':
      textTokens(text, emit, meter);
      return;
  }
}

/** [A-Za-z0-9_./:@~-]: characters that, next to an id in free text, make it part of a longer token. */
function isTokenChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 47 || c === 58 || c === 64 || c === 126 || c === 45;
}
function isAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}
/** [a-z0-9._-] */
function isSegChar(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 95 || c === 45;
}

/** End of `~?author/slug(:variant)?` at `p`, or -1. Never looks past `end`. */
function bareIdEnd(text: string, p: number, end: number): number {
  let i = p;
  if (i < end && text.charCodeAt(i) === 126) i++;
  if (i >= end || !isAlnum(text.charCodeAt(i))) return -1;
  i++;
  while (i < end && isSegChar(text.charCodeAt(i))) i++;
  if (i >= end || text.charCodeAt(i) !== 47) return -1;
  i++;
  if (i >= end || !isAlnum(text.charCodeAt(i))) return -1;
  i++;
  while (i < end && isSegChar(text.charCodeAt(i))) i++;
  if (i + 1 < end && text.charCodeAt(i) === 58 && isAlnum(text.charCodeAt(i + 1))) {
    i += 2;
    while (i < end && (isAlnum(text.charCodeAt(i)) || text.charCodeAt(i) === 45)) i++;
  }
  return i;
}

/** The longest id, LiteLLM prefix taken in when what follows it is an id too, starting at `p`; -1 when none. */
function idEnd(text: string, p: number, end: number): number {
  if (text.startsWith(OPENROUTER_PREFIX, p)) {
    const e = bareIdEnd(text, p + OPENROUTER_PREFIX.length, end);
    if (e >= 0) return e;
  }
  return bareIdEnd(text, p, end);
}

/**
 * Whole tokens (bounded by characters an id cannot hold) in a file of no known format. A token can only start
 * where a run of token characters starts, so each run is tried once, from its start: linear in the text.
 */
function textTokens(text: string, emit: (c: Candidate) => void, meter: Meter): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isTokenChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isTokenChar(text.charCodeAt(i))) i++;
    meter.spend(2 * (i - start) + 1);
    let end = idEnd(text, start, i);
    if (end < 0) continue;
    // A sentence may end right after the id.
    if (text.charCodeAt(end - 1) === 46) end--;
    const after = end < n ? text.charCodeAt(end) : -1;
    // "." and ":" may follow an id ("see openai/gpt-5."); anything else that a token holds makes it longer.
    if (after >= 0 && isTokenChar(after) && after !== 46 && after !== 58) continue;
    if (end - start > MAX_TOKEN) continue;
    const before = start > 0 ? text[start - 1] : '';
    const afterChar = end < n ? text[end] : '';
    const quote = before === afterChar && (before === '"' || before === "'" || before === '`') ? before : 'none';
    emit({ offset: start, value: text.slice(start, end), quote, role: 'value', path: null, rule: CODE_RULE });
  }
  meter.spend(n);
}

/** Distinct look-ups remembered per file: enough for every id a real file repeats, bounded for a hostile one. */
const MEMO_LIMIT = 4096;

/** The catalog with look-ups remembered for one file: a lockfile or a bundle repeats the same strings thousands of times. */
function memoized(catalog: RefCatalog): RefCatalog {
  const resolved = new Map<string, ReturnType<RefCatalog['resolve']>>();
  const authors = new Map<string, boolean>();
  return {
    resolve(id: string) {
      const hit = resolved.get(id);
      if (hit !== undefined) return hit;
      const r = catalog.resolve(id);
      if (resolved.size < MEMO_LIMIT) resolved.set(id, r);
      return r;
    },
    has: (id: string) => catalog.has(id),
    isKnownAuthor(author: string) {
      const hit = authors.get(author);
      if (hit !== undefined) return hit;
      const r = catalog.isKnownAuthor(author);
      if (authors.size < MEMO_LIMIT) authors.set(author, r);
      return r;
    },
  };
}

/** What became of one file: its references, or nothing because recognising it took longer than its budget. */
export type Recognition =
  | { kind: 'ok'; refs: ModelRef[] }
  | { kind: 'skipped'; reason: 'budget'; elapsedMs: number };

export interface RecognizeOptions {
  /** The grammar; defaults to the one the path implies. */
  kind?: FileKind | null;
  /** Milliseconds the file may take; unlimited when absent. */
  budgetMs?: number;
  /** Clock for the budget, in milliseconds. */
  now?: () => number;
  /** Accounts for the work done (tests read `units`); a fresh one per call when absent. */
  meter?: Meter;
}

/**
 * Model references in one file. `kind` defaults to the grammar its path implies; files of no known kind yield
 * nothing. Never throws on bad input: unreadable parts yield nothing. Work is linear in the length of the text
 * whatever it holds; with a budget, a file that takes longer is given up and reported as skipped.
 */
export function recognizeFile(file: string, text: string, fullCatalog: RefCatalog, options: RecognizeOptions = {}): Recognition {
  const kind = options.kind === undefined ? classifyPath(file) : options.kind;
  if (kind === null || text.indexOf('/') < 0) return { kind: 'ok', refs: [] };
  const catalog = memoized(fullCatalog);
  const meter = options.meter ?? createMeter({ budgetMs: options.budgetMs, now: options.now });
  const refs: ModelRef[] = [];
  let starts: number[] | null = null;
  const emit = (c: Candidate): void => {
    let raw = c.value;
    let offset = c.offset;
    if (c.rule.afterColon === true) {
      const colon = raw.indexOf(':');
      if (colon < 0) return;
      offset += colon + 1;
      raw = raw.slice(colon + 1);
    }
    const it = interpretId(raw, c.rule.policy, c.rule.trust, catalog);
    if (it === null) return;
    if (it.modelLength !== undefined) raw = raw.slice(0, it.modelLength);
    starts ??= lineStarts(text);
    const pos = positionAt(starts, offset);
    refs.push({
      file,
      line: pos.line,
      column: pos.column,
      offset,
      length: raw.length,
      raw,
      id: it.id,
      known: it.known,
      modelId: it.modelId,
      tool: c.rule.tool,
      keyPath: c.path !== null ? formatKeyPath(c.path) : (c.keyName ?? null),
      prefix: it.prefix,
      quote: c.quote,
      role: c.role,
      ...(it.preset === undefined || it.preset === null ? {} : { preset: it.preset }),
    });
  };
  try {
    collect(kind, file, text, catalog, emit, meter);
  } catch (err) {
    if (err instanceof BudgetExceeded) return { kind: 'skipped', reason: 'budget', elapsedMs: err.elapsedMs };
    // A grammar that trips on hostile input must not take the scan down; what was found before stands.
  }
  refs.sort((a, b) => a.offset - b.offset);
  return { kind: 'ok', refs };
}

/** Model references in one file, without a time budget (the CLI, edits computed from a known text). */
export function findRefs(file: string, text: string, catalog: RefCatalog, kind: FileKind | null = classifyPath(file)): ModelRef[] {
  const result = recognizeFile(file, text, catalog, { kind });
  // Stryker disable next-line ArrayDeclaration: unreachable, without a time budget the recognition is never skipped
  return result.kind === 'ok' ? result.refs : [];
}
