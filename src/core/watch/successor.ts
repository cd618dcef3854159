// What to move to when a model retires or leaves the catalog: the newest model of the same family (by the
// catalog's `created`), and the family's "~author/family-latest" alias when the catalog lists one.
import type { CatalogModel } from '../../shared/types';

/** Tokens that say which release, not which model: dropped from the family. */
const RELEASE_WORDS = new Set(['', 'v', 'preview', 'exp', 'latest', 'beta', 'alpha']);
/** "70b", "a3b", "1.5b": a size is part of what the model is. */
const SIZE_RE = /^a?\d+(?:\.\d+)?[bmk]$/;

/**
 * The family of a model id: author plus the slug without version numbers, dates and release words.
 * "anthropic/claude-sonnet-4.5", "anthropic/claude-4.5-sonnet" and "~anthropic/claude-sonnet-latest" are all
 * "anthropic/claude-sonnet"; "deepseek/deepseek-v4-flash-0731" is "deepseek/deepseek-flash";
 * "qwen/qwen3.5-35b-a3b" is "qwen/qwen-35b-a3b". Null for ids without a slug, or presets.
 */
export function familyKey(id: string): string | null {
  const text = id.trim().toLowerCase();
  const colon = text.indexOf(':');
  const bare = (colon < 0 ? text : text.slice(0, colon)).replace(/^~/, '');
  const slash = bare.indexOf('/');
  if (slash <= 0 || slash === bare.length - 1 || bare.includes('@')) return null;
  const author = bare.slice(0, slash);
  const tokens = bare
    .slice(slash + 1)
    .split('-')
    .map((t) => (SIZE_RE.test(t) ? t : t.replace(/[0-9.]+/g, '')))
    .filter((t) => !RELEASE_WORDS.has(t));
  if (tokens.length === 0) return null;
  return `${author}/${tokens.join('-')}`;
}

/** What is known of the model being replaced: from the catalog, or from the history once it left. */
export interface SuccessorSubject {
  id: string;
  /** Unix seconds. */
  created: number;
}

export interface SuccessorOptions {
  /** "YYYY-MM-DD": a candidate retiring on or before this day is no successor. */
  today: string;
  /** Concrete models offered at most (the alias comes after them). */
  limit?: number;
}

/**
 * Successors of `subject`, best first: the newest models of its family created after it that do not retire
 * themselves (plain ids, no variant, no alias), then the family's "-latest" alias unless it points at the subject.
 */
export function successorsFor(subject: SuccessorSubject, models: readonly CatalogModel[], opts: SuccessorOptions): string[] {
  const family = familyKey(subject.id);
  if (family === null) return [];
  const subjectId = subject.id.toLowerCase();
  const subjectBase = subjectId.replace(/:.*$/, '');
  const limit = opts.limit ?? 2;
  const concrete = models
    .filter(
      (m) =>
        !m.id.startsWith('~') &&
        m.variant === null &&
        m.id.toLowerCase() !== subjectBase &&
        m.created > subject.created &&
        (m.expirationDate === null || m.expirationDate > opts.today) &&
        familyKey(m.id) === family,
    )
    .sort((a, b) => b.created - a.created || (a.id < b.id ? -1 : 1))
    .slice(0, limit)
    .map((m) => m.id);
  const alias = models.find(
    (m) =>
      m.id.startsWith('~') &&
      m.id.endsWith('-latest') &&
      familyKey(m.id) === family &&
      (m.aliasTarget === null || m.aliasTarget.toLowerCase() !== subjectBase) &&
      (m.expirationDate === null || m.expirationDate > opts.today),
  );
  return alias === undefined ? concrete : [...concrete, alias.id];
}
