// Which model's endpoints an id names, and the request path for them: GET /models/{author}/{slug}/endpoints.
// The id grammar (docs/openrouter-api-more.md §8): "author/slug[:variant]", the LiteLLM "openrouter/" prefix,
// "~author/family-latest" aliases (resolved through the catalog to the model they point at), dated permaslugs,
// "@preset/slug" presets and router pseudo-models. Variants (":free", ":thinking", ":nitro"…) share the base
// model's providers, so they are stripped. An id that cannot name a path is refused with a typed reason; nothing
// is guessed.
import type { CatalogModel, EndpointIdError } from '../../shared/types';
import { familyKey } from '../watch/successor';

/** What the path builder needs of the catalog (src/core/market/catalog.ts CatalogIndex fits). */
export interface EndpointCatalog {
  readonly all: readonly CatalogModel[];
  resolve(raw: string): { model: CatalogModel } | null;
  aliasTarget(model: CatalogModel): CatalogModel | null;
}

/**
 * What a "~author/family-latest" alias points at: its `alias_target` when the catalog has one, else what OpenRouter
 * documents the alias to mean, the newest model of the family (by `created`; plain ids only).
 */
export function aliasTargetOf(alias: CatalogModel, catalog: EndpointCatalog): string | null {
  const listed = catalog.aliasTarget(alias)?.id ?? alias.aliasTarget;
  if (listed !== null) return listed;
  const family = familyKey(alias.id);
  if (family === null) return null;
  let best: CatalogModel | null = null;
  for (const m of catalog.all) {
    if (m.id.startsWith('~') || m.variant !== null || m.variable || familyKey(m.id) !== family) continue;
    if (best === null || m.created > best.created) best = m;
  }
  return best?.id ?? null;
}

export type EndpointPath =
  | {
      ok: true;
      author: string;
      slug: string;
      /** "author/slug": the cache key, and what the dashboard names. */
      model: string;
      /** Relative to the API base: "models/{author}/{slug}/endpoints", each part URL-encoded. */
      path: string;
    }
  | { ok: false; error: EndpointIdError };

/** One path segment of an OpenRouter id: lower-case letters, digits, ".", "_" and "-", starting with a letter or digit. */
const SEGMENT_RE = /^[a-z0-9][a-z0-9._-]{0,127}$/;
const PREFIX = 'openrouter/';
/** Authors whose "models" are routers over other models: they have no providers of their own. */
const ROUTER_AUTHORS: ReadonlySet<string> = new Set(['openrouter']);

const fail = (error: EndpointIdError): EndpointPath => ({ ok: false, error });

function stripVariant(id: string): string {
  const colon = id.indexOf(':');
  return colon < 0 ? id : id.slice(0, colon);
}

function fromBase(base: string): EndpointPath {
  const parts = base.split('/');
  const [author, slug] = parts;
  if (parts.length !== 2 || author === undefined || slug === undefined) return fail('malformed');
  if (!SEGMENT_RE.test(author) || !SEGMENT_RE.test(slug)) return fail('malformed');
  if (ROUTER_AUTHORS.has(author)) return fail('router');
  return { ok: true, author, slug, model: `${author}/${slug}`, path: `models/${encodeURIComponent(author)}/${encodeURIComponent(slug)}/endpoints` };
}

/**
 * The endpoints path for `raw` as a user or a data source wrote it. The catalog (when there is one) decides what
 * an id names: an alias becomes its target, a dated permaslug its routable id; without it only the grammar does.
 */
export function endpointPathFor(raw: string, catalog: EndpointCatalog | null): EndpointPath {
  let text = raw.trim();
  if (text === '') return fail('empty');
  if (text.length > 300) return fail('malformed');
  // LiteLLM's provider prefix ("openrouter/deepseek/deepseek-v4") — but "openrouter/auto" is the router itself.
  if (text.toLowerCase().startsWith(PREFIX) && text.indexOf('/', PREFIX.length) > 0) text = text.slice(PREFIX.length);
  const at = text.indexOf('@');
  if (at === 0) return fail('preset');
  // "model@preset/slug": the preset configures routing; the model part is still the model.
  if (at > 0) {
    if (!/^@preset\/[a-z0-9][a-z0-9._-]*$/i.test(text.slice(at))) return fail('malformed');
    text = text.slice(0, at);
  }
  // OpenRouter ids are lower case; the catalog matches without case, and so does this.
  const lower = text.toLowerCase();
  const hit = catalog?.resolve(lower) ?? null;
  if (hit !== null) {
    const model = hit.model;
    if (model.id.startsWith('~')) {
      const targetId = catalog === null ? null : aliasTargetOf(model, catalog);
      if (targetId === null || targetId.startsWith('~')) return fail('unresolvedAlias');
      return fromBase(stripVariant(targetId.toLowerCase()));
    }
    return fromBase(stripVariant(model.id.toLowerCase()));
  }
  // An alias names a model only through the catalog: its own path is not documented to answer.
  if (lower.startsWith('~')) return fail('unresolvedAlias');
  const colon = lower.indexOf(':');
  // A variant is one token after one colon ("x:free"); "x:" or "x:a:b" is not an id.
  if (colon >= 0 && !/^[a-z0-9][a-z0-9_-]{0,31}$/.test(lower.slice(colon + 1))) return fail('malformed');
  return fromBase(stripVariant(lower));
}
