// @ts-nocheck
// From a file's name and text to the model references in it: pick the grammar, collect candidate strings at exact
// ranges, keep those that name a model.
import { classifyPath, codeLanguageOf } from './classify';
import { lineStarts, positionAt, type Candidate } from './candidate';
import { OPENROUTER_PREFIX, interpretId } from './idShape';
import { codeStrings } from './parseCode';
import { dotenvCandidates } from './parseDotenv';
import { jsonCandidates } from './parseJson';
import { tomlCandidates } from './parseToml';
import { frontMatter, yamlCandidates } from './parseYaml';
import { formatKeyPath, type SlotRule } from './rules';
import type { FileKind, ModelRef, RefCatalog } from './types';

const CODE_RULE: SlotRule = { tool: 'code', policy: 'optional', trust: 'any' };

/** Possible ids anywhere in text, with LiteLLM's prefix taken in when present. */
const PREFILTER_RE = /(?:openrouter\/)?~?[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*(?::[a-z0-9][a-z0-9-]*)?/g;

/**
 * True when some token in the text is, or is "openrouter/" plus, an id the catalog resolves. Code and free text
 * only count catalog ids, so a file without one is skipped before it is tokenised.
 */
export function mentionsCatalogId(text: string, catalog: RefCatalog): boolean {
  PREFILTER_RE.lastIndex = 0;
  for (let m = PREFILTER_RE.exec(text); m !== null; m = PREFILTER_RE.exec(text)) {
    const token = m[0];
    if (catalog.resolve(token) !== null) return true;
    if (token.startsWith(OPENROUTER_PREFIX) && catalog.resolve(token.slice(OPENROUTER_PREFIX.length)) !== null) return true;
  }
  return false;
}

function collect(kind: FileKind, path: string, text: string, catalog: RefCatalog, emit: (c: Candidate) => void): void {
  switch (kind) {
    case 'continue-json':
    case 'opencode-json':
    case 'zed-json':
    case 'claude-json':
    case 'vscode-json':
      jsonCandidates(text, kind, emit);
      return;
    case 'continue-yaml':
    case 'aider-yaml':
      yamlCandidates(text, kind, emit);
      return;
    case 'yaml':
      // Only LiteLLM proxy configs among arbitrary YAML: the rest of a repo's YAML is CI, k8s, compose.
      if (/^model_list[ \t]*:/m.test(text)) yamlCandidates(text, kind, emit);
      return;
    case 'opencode-agent': {
      const fm = frontMatter(text);
      if (fm !== null) yamlCandidates(fm.body, kind, emit, fm.offset);
      return;
    }
    case 'codex-toml':
      tomlCandidates(text, kind, emit);
      return;
    case 'dotenv':
      dotenvCandidates(text, emit);
      return;
    case 'code':
      if (!mentionsCatalogId(text, catalog)) return;
      codeStrings(text, codeLanguageOf(path), (s) => emit({ offset: s.offset, value: s.value, quote: s.quote, role: 'value', path: null, rule: CODE_RULE }));
      return;
    case 'text':
      textTokens(text, emit);
      return;
  }
}

/** Whole tokens (bounded by characters an id cannot hold) in a file of no known format. */
function textTokens(text: string, emit: (c: Candidate) => void): void {
  PREFILTER_RE.lastIndex = 0;
  for (let m = PREFILTER_RE.exec(text); m !== null; m = PREFILTER_RE.exec(text)) {
    const start = m.index;
    // A sentence may end right after the id.
    const token = m[0].endsWith('.') ? m[0].slice(0, -1) : m[0];
    const end = start + token.length;
    const before = start > 0 ? text[start - 1] : '';
    const after = end < text.length ? text[end] : '';
    if (/[\w./:@~-]/.test(before) || /[\w/@~-]/.test(after)) continue;
    const quote = before === after && (before === '"' || before === "'" || before === '`') ? before : 'none';
    emit({ offset: start, value: token, quote, role: 'value', path: null, rule: CODE_RULE });
  }
}

/**
 * Model references in one file. `kind` defaults to the grammar its path implies; files of no known kind yield
 * nothing. Never throws on bad input: unreadable parts yield nothing.
 */
export function findRefs(file: string, text: string, catalog: RefCatalog, kind: FileKind | null = classifyPath(file)): ModelRef[] {
  if (kind === null || text.indexOf('/') < 0) return [];
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
    });
  };
  try {
    collect(kind, file, text, catalog, emit);
  } catch {
    // A grammar that trips on hostile input must not take the scan down; what was found before stands.
  }
  refs.sort((a, b) => a.offset - b.offset);
  return refs;
}
