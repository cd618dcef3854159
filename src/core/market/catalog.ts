// The model catalog: OpenRouter's /models entries normalised into CatalogModel, and an index that answers
// "which model does this string name" for references in files, rankings joins and the compare view.
import type { ApiModel, ApiPricingOverride } from '../openrouter/apiTypes';
import type { CatalogModel, ModelPrice, PriceOverride } from '../../shared/types';
import { readPricePerMillion, readPricePerUnit } from '../account/money';
import { AUTHOR_TABLE, DEFAULT_REGIONS, normalizeAuthor, type RegionResolver } from './regions';

/**
 * Variants that change how a request is routed, not what model answers it: OpenRouter lists no catalog entry
 * for them, so they resolve to the base model's metadata. Other variants (":free", ":thinking", ":batch",
 * ":extended") are separate catalog entries with their own prices and must exist to resolve.
 */
export const ROUTING_VARIANTS: readonly string[] = ['nitro', 'floor', 'exacto', 'online'];

/** A variant OpenRouter routes on top of the base model (":nitro"...), not a catalog entry of its own. */
export function isRoutingVariant(variant: string | null): boolean {
  return variant !== null && ROUTING_VARIANTS.includes(variant);
}

export interface CatalogOptions {
  regions?: RegionResolver;
}

function splitVariant(id: string): { base: string; variant: string | null } {
  const colon = id.indexOf(':');
  if (colon < 0) return { base: id, variant: null };
  const variant = id.slice(colon + 1);
  return { base: id.slice(0, colon), variant: variant === '' ? null : variant };
}

function finiteOrNull(n: unknown): number | null {
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

function hhmmOrNull(n: unknown): number | null {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 2400 && n % 100 < 60 ? n : null;
}

export function normalizeOverride(o: ApiPricingOverride): PriceOverride {
  return {
    minPromptTokens: finiteOrNull(o.min_prompt_tokens),
    utcStart: hhmmOrNull(o.utc_start),
    utcEnd: hhmmOrNull(o.utc_end),
    input: readPricePerMillion(o.prompt).value,
    output: readPricePerMillion(o.completion).value,
    cacheRead: readPricePerMillion(o.input_cache_read).value,
    cacheWrite: readPricePerMillion(o.input_cache_write).value,
  };
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
}

/** Modalities from the lists, or from the older "text+image->text" string when the lists are absent. */
function modalities(arch: ApiModel['architecture']): { input: string[]; output: string[] } {
  const input = stringList(arch?.input_modalities);
  const output = stringList(arch?.output_modalities);
  const m = typeof arch?.modality === 'string' ? /^([a-z+]+)->([a-z+]+)$/.exec(arch.modality) : null;
  const [, fromIn, fromOut] = m ?? [];
  return {
    input: input.length > 0 || fromIn === undefined ? input : fromIn.split('+'),
    output: output.length > 0 || fromOut === undefined ? output : fromOut.split('+'),
  };
}

/** One /models entry → the plain model the rest of the extension uses. Prices become $/1M here, once. */
export function normalizeModel(api: ApiModel, regions: RegionResolver = DEFAULT_REGIONS): CatalogModel {
  const id = api.id.trim();
  const { base, variant } = splitVariant(id);
  const pricing = api.pricing ?? { prompt: '', completion: '' };
  const prompt = readPricePerMillion(pricing.prompt);
  const completion = readPricePerMillion(pricing.completion);
  const price: ModelPrice = {
    input: prompt.value,
    output: completion.value,
    cacheRead: readPricePerMillion(pricing.input_cache_read).value,
    cacheWrite: readPricePerMillion(pricing.input_cache_write).value,
    reasoning: readPricePerMillion(pricing.internal_reasoning).value,
    request: readPricePerUnit(pricing.request).value,
    webSearch: readPricePerUnit(pricing.web_search).value,
    image: readPricePerUnit(pricing.image).value,
  };
  const info = regions.model(id);
  const aa = api.benchmarks?.artificial_analysis ?? null;
  const mods = modalities(api.architecture);
  return {
    id,
    canonicalSlug: (api.canonical_slug ?? '').trim() || base,
    name: typeof api.name === 'string' && api.name.trim() !== '' ? api.name : id,
    author: info.author,
    lab: info.lab,
    region: info.region,
    created: finiteOrNull(api.created) ?? 0,
    contextLength: finiteOrNull(api.context_length) ?? finiteOrNull(api.top_provider?.context_length) ?? null,
    price,
    variable: prompt.variable || completion.variable,
    free: variant === 'free' || (prompt.value === 0 && completion.value === 0),
    overrides: Array.isArray(pricing.overrides) ? pricing.overrides.map(normalizeOverride) : [],
    variant,
    aliasTarget: api.alias_target?.slug ?? null,
    intelligenceIndex: finiteOrNull(aa?.intelligence_index),
    codingIndex: finiteOrNull(aa?.coding_index),
    agenticIndex: finiteOrNull(aa?.agentic_index),
    // The day as written: OpenRouter writes "YYYY-MM-DD"; a full timestamp (valid ISO too) counts by its day.
    expirationDate: typeof api.expiration_date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(api.expiration_date) ? api.expiration_date.slice(0, 10) : null,
    inputModalities: mods.input,
    outputModalities: mods.output,
    tools: stringList(api.supported_parameters).includes('tools'),
  };
}

/** Normalises a /models list; entries without an id are dropped and duplicate ids keep the first. */
export function buildCatalog(models: readonly ApiModel[], opts: CatalogOptions = {}): CatalogModel[] {
  const regions = opts.regions ?? DEFAULT_REGIONS;
  const seen = new Set<string>();
  const out: CatalogModel[] = [];
  for (const api of models) {
    if (typeof api?.id !== 'string' || api.id.trim() === '') continue;
    const key = api.id.trim().toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(normalizeModel(api, regions));
  }
  return out;
}

export interface CatalogResolution {
  model: CatalogModel;
  /** Variant as written (lower case, no colon), or null. */
  variant: string | null;
  /**
   * id: the exact routable id; canonical: a dated permaslug; alias: a "~author/...-latest" alias (written with
   * or without the "~"); variantBase: a routing variant (":nitro"...) resolved to its base model.
   */
  via: 'id' | 'canonical' | 'alias' | 'variantBase';
}

export interface CatalogIndex {
  readonly all: readonly CatalogModel[];
  /** Exact id, case-insensitive. */
  get(id: string): CatalogModel | null;
  /** By canonical slug (case-insensitive). A ":variant" suffix picks that variant's entry; without one the base entry wins. */
  byCanonical(slug: string): CatalogModel | null;
  /** Whatever a user or a data source may write for a model; null when the catalog does not know it. */
  resolve(raw: string): CatalogResolution | null;
  /** Exact routable id (variants included), case-insensitive. */
  has(id: string): boolean;
  /** The model an alias points at, when the catalog lists it. */
  aliasTarget(model: CatalogModel): CatalogModel | null;
  /** Up to n catalog ids closest to raw by edit distance, best first; empty when nothing is close. */
  suggest(raw: string, n?: number): string[];
  /** The author has models in the catalog or is in the region table. */
  isKnownAuthor(author: string): boolean;
}

const canonicalKey = (slug: string, variant: string | null): string => `${slug}\u0000${variant ?? ''}`;

export function createCatalogIndex(models: readonly CatalogModel[], opts: CatalogOptions = {}): CatalogIndex {
  const regions = opts.regions ?? DEFAULT_REGIONS;
  const byId = new Map<string, CatalogModel>();
  const byCanonicalVariant = new Map<string, CatalogModel>();
  const byCanonicalAny = new Map<string, CatalogModel>();
  const aliasesBare = new Map<string, CatalogModel>();
  const authors = new Set<string>();
  const ids: string[] = [];

  for (const m of models) {
    const id = m.id.toLowerCase();
    if (byId.has(id)) continue;
    byId.set(id, m);
    ids.push(id);
    authors.add(m.author);
    const slug = m.canonicalSlug.toLowerCase();
    const ck = canonicalKey(slug, m.variant);
    if (!byCanonicalVariant.has(ck)) byCanonicalVariant.set(ck, m);
    // Variants share their base's canonical slug; a slug alone names the base when the catalog lists it.
    const prev = byCanonicalAny.get(slug);
    if (prev === undefined || (prev.variant !== null && m.variant === null)) byCanonicalAny.set(slug, m);
    if (id.startsWith('~')) aliasesBare.set(id.slice(1), m);
  }

  const get = (id: string): CatalogModel | null => byId.get(id.trim().toLowerCase()) ?? null;

  const byCanonical = (slug: string): CatalogModel | null => {
    const { base, variant } = splitVariant(slug.trim().toLowerCase());
    if (variant === null) return byCanonicalAny.get(base) ?? null;
    return byCanonicalVariant.get(canonicalKey(base, variant)) ?? null;
  };

  const resolve = (raw: string): CatalogResolution | null => {
    const text = raw.trim().toLowerCase();
    if (text === '') return null;
    const { base, variant } = splitVariant(text);
    const routing = isRoutingVariant(variant);

    const exact = byId.get(text);
    if (exact !== undefined) return { model: exact, variant, via: exact.id.startsWith('~') ? 'alias' : 'id' };

    const bareAlias = aliasesBare.get(text);
    if (bareAlias !== undefined) return { model: bareAlias, variant, via: 'alias' };

    if (routing) {
      const baseModel = byId.get(base) ?? aliasesBare.get(base);
      if (baseModel !== undefined) return { model: baseModel, variant, via: 'variantBase' };
    }

    const canonical = byCanonicalVariant.get(canonicalKey(base, variant));
    if (canonical !== undefined) return { model: canonical, variant, via: 'canonical' };
    if (routing) {
      const canonicalBase = byCanonicalAny.get(base);
      if (canonicalBase !== undefined) return { model: canonicalBase, variant, via: 'variantBase' };
    }
    return null;
  };

  const aliasTarget = (model: CatalogModel): CatalogModel | null => {
    if (model.aliasTarget === null) return null;
    const hit = resolve(model.aliasTarget);
    return hit === null || hit.model === model ? null : hit.model;
  };

  const suggest = (raw: string, n = 3): string[] => {
    const text = raw.trim().toLowerCase();
    if (text === '' || n <= 0) return [];
    // Close enough to be a typo or a stale version number, not any id of similar length.
    const limit = Math.max(2, Math.ceil(text.length * 0.3));
    const scored: { id: string; d: number }[] = [];
    for (const id of ids) {
      if (id === text) continue;
      const d = boundedLevenshtein(text, id, limit);
      if (d <= limit) scored.push({ id, d });
    }
    scored.sort((a, b) => a.d - b.d || Math.abs(a.id.length - text.length) - Math.abs(b.id.length - text.length) || (a.id < b.id ? -1 : 1));
    return scored.slice(0, n).map((s) => byId.get(s.id)?.id ?? s.id);
  };

  const isKnownAuthor = (author: string): boolean => {
    const a = normalizeAuthor(author);
    return a !== '' && (authors.has(a) || Object.hasOwn(AUTHOR_TABLE, a) || regions.isKnownAuthor(a));
  };

  return {
    all: models,
    get,
    byCanonical,
    resolve,
    has: (id) => byId.has(id.trim().toLowerCase()),
    aliasTarget,
    suggest,
    isKnownAuthor,
  };
}

let rowA = new Uint16Array(64);
let rowB = new Uint16Array(64);

/** Levenshtein distance, giving up (returning limit + 1) as soon as it must exceed limit. */
export function boundedLevenshtein(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a === b) return 0;
  const m = b.length;
  if (rowA.length <= m) {
    rowA = new Uint16Array(m + 1);
    rowB = new Uint16Array(m + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      // Both rows hold m + 1 cells and 1 <= j <= m: every index is in range and `?? limit` never applies.
      const v = Math.min((prev[j] ?? limit) + 1, (cur[j - 1] ?? limit) + 1, (prev[j - 1] ?? limit) + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[m] ?? limit + 1, limit + 1); // the rows hold m + 1 cells
}
