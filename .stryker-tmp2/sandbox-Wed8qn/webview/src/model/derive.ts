// View-side derivations from the snapshot: lookups, the "your models" list, catalog filtering and
// sorting, the price/quality frontier. Pure functions of already-normalized data; no prices are
// computed here beyond the blended display figure, which the UI names as such.
import type {
  ActivityModelDay,
  Alternative,
  CatalogModel,
  CompareResult,
  CatalogView,
  ModelRefView,
  RankedModel,
  RankingsView,
  ReferencesView,
  Region,
  Snapshot,
} from '../../../src/shared/types';
import type { CatalogFilters } from '../uiState';

export interface CatalogIndex {
  get(id: string): CatalogModel | null;
}

export function catalogIndex(catalog: CatalogView | null): CatalogIndex {
  const byKey = new Map<string, CatalogModel>();
  for (const m of catalog?.models ?? []) {
    // Exact ids win over canonical slugs: "x:free" and "x" share a slug but not a price.
    const id = m.id.toLowerCase();
    byKey.set(id, m);
  }
  for (const m of catalog?.models ?? []) {
    const slug = m.canonicalSlug.toLowerCase();
    if (!byKey.has(slug)) byKey.set(slug, m);
  }
  return {
    get(id) {
      return byKey.get(id.trim().toLowerCase()) ?? null;
    },
  };
}

export interface RankIndex {
  get(model: { id: string; canonicalSlug?: string }): RankedModel | null;
}

export function rankIndex(rankings: RankingsView | null): RankIndex {
  const byKey = new Map<string, RankedModel>();
  for (const r of rankings?.models ?? []) {
    if (r.id && !byKey.has(r.id.toLowerCase())) byKey.set(r.id.toLowerCase(), r);
    if (!byKey.has(r.permaslug.toLowerCase())) byKey.set(r.permaslug.toLowerCase(), r);
  }
  return {
    get(model) {
      return byKey.get(model.id.toLowerCase()) ?? (model.canonicalSlug ? byKey.get(model.canonicalSlug.toLowerCase()) : undefined) ?? null;
    },
  };
}

export interface YourModel {
  id: string;
  model: CatalogModel | null;
  refs: ModelRefView[];
  activity: ActivityModelDay | null;
  ranked: RankedModel | null;
}

/**
 * The models the user cares about: those their workspace references and those they spent on in the
 * last 30 days. Spend first (largest first), then referenced-only models by how often they appear.
 */
export function buildYourModels(snapshot: Snapshot, references: ReferencesView | undefined): YourModel[] {
  const catalog = catalogIndex(snapshot.catalog);
  const ranks = rankIndex(snapshot.rankings);
  const byId = new Map<string, YourModel>();
  const keyOf = (id: string): string => {
    const m = catalog.get(id);
    return (m?.id ?? id).toLowerCase();
  };
  const entry = (id: string): YourModel => {
    const key = keyOf(id);
    let e = byId.get(key);
    if (!e) {
      const model = catalog.get(id);
      e = { id: model?.id ?? id, model, refs: [], activity: null, ranked: model ? ranks.get(model) : ranks.get({ id }) };
      byId.set(key, e);
    }
    return e;
  };
  for (const a of snapshot.activity?.byModel ?? []) {
    const e = entry(a.model);
    e.activity = e.activity ? mergeActivity(e.activity, a) : a;
  }
  for (const r of references?.refs ?? []) entry(r.id).refs.push(r);
  const spend = (e: YourModel): number => (e.activity && Number.isFinite(e.activity.usage) ? e.activity.usage : -1);
  return [...byId.values()].sort((a, b) => spend(b) - spend(a) || b.refs.length - a.refs.length || a.id.localeCompare(b.id));
}

function mergeActivity(a: ActivityModelDay, b: ActivityModelDay): ActivityModelDay {
  return {
    model: a.model,
    usage: a.usage + b.usage,
    byokUsage: a.byokUsage + b.byokUsage,
    requests: a.requests + b.requests,
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    reasoningTokens: a.reasoningTokens + b.reasoningTokens,
  };
}

/** Display-only blend for one axis: (3 × input + output) / 4 $/1M, a typical coding-chat ratio. */
export function blendedPrice(m: CatalogModel): number | null {
  const { input, output } = m.price;
  if (m.variable || input === null || output === null) return null;
  return (3 * input + output) / 4;
}

export function leaders(rankings: RankingsView | null, region: Region, n: number): RankedModel[] {
  if (!rankings) return [];
  return rankings.models
    .filter((m) => m.region === region)
    .sort((a, b) => (Number.isFinite(a.rank) ? a.rank : Infinity) - (Number.isFinite(b.rank) ? b.rank : Infinity))
    .slice(0, n);
}

export interface CatalogRow {
  model: CatalogModel;
  ranked: RankedModel | null;
}

function tokensOf(r: RankedModel | null): bigint | null {
  if (!r || r.tokens === null) return null;
  try {
    return BigInt(r.tokens);
  } catch (_err) {
    return null;
  }
}

type Cmp = (a: CatalogRow, b: CatalogRow) => number;

/** Unknown values always sort last, whichever the direction, so "—" rows never lead a list. */
function byNullable<T>(get: (r: CatalogRow) => T | null, compare: (x: T, y: T) => number, descending: boolean): Cmp {
  return (a, b) => {
    const x = get(a);
    const y = get(b);
    if (x === null && y === null) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    const c = compare(x, y);
    return descending ? -c : c;
  };
}

const num = (x: number, y: number): number => x - y;
const finiteOrNull = (n: number | null): number | null => (n !== null && Number.isFinite(n) ? n : null);

export function filterAndSortCatalog(models: readonly CatalogModel[], ranks: RankIndex, f: CatalogFilters): CatalogRow[] {
  const q = f.query.trim().toLowerCase();
  const rows: CatalogRow[] = [];
  for (const m of models) {
    if (q && !m.id.toLowerCase().includes(q) && !m.name.toLowerCase().includes(q) && !m.lab.toLowerCase().includes(q)) continue;
    if (f.region !== 'all' && m.region !== f.region) continue;
    if (f.author !== 'all' && m.author !== f.author) continue;
    if (f.free && !m.free) continue;
    if (f.tools && !m.tools) continue;
    if (f.minContext > 0 && (m.contextLength ?? 0) < f.minContext) continue;
    if (f.modality !== 'all' && !m.inputModalities.includes(f.modality)) continue;
    rows.push({ model: m, ranked: ranks.get(m) });
  }
  const d = f.descending;
  let cmp: Cmp;
  switch (f.sort) {
    case 'input':
      cmp = byNullable((r) => (r.model.variable ? null : finiteOrNull(r.model.price.input)), num, d);
      break;
    case 'output':
      cmp = byNullable((r) => (r.model.variable ? null : finiteOrNull(r.model.price.output)), num, d);
      break;
    case 'context':
      cmp = byNullable((r) => finiteOrNull(r.model.contextLength), num, d);
      break;
    case 'tokens':
      cmp = byNullable(
        (r) => tokensOf(r.ranked),
        (x, y) => (x < y ? -1 : x > y ? 1 : 0),
        d,
      );
      break;
    case 'coding':
      cmp = byNullable((r) => finiteOrNull(r.model.codingIndex), num, d);
      break;
    case 'newest':
      cmp = byNullable((r) => finiteOrNull(r.model.created), num, d);
      break;
  }
  return rows.sort((a, b) => cmp(a, b) || a.model.id.localeCompare(b.model.id));
}

export interface ScatterPoint {
  model: CatalogModel;
  x: number;
  y: number;
}

/** Models that can sit on a log-price axis: a known positive blended price and a coding index. */
export function scatterPoints(models: readonly CatalogModel[]): { points: ScatterPoint[]; free: number; unknown: number } {
  const points: ScatterPoint[] = [];
  let free = 0;
  let unknown = 0;
  for (const m of models) {
    const x = blendedPrice(m);
    const y = m.codingIndex;
    if (y === null || !Number.isFinite(y) || x === null || !Number.isFinite(x)) {
      unknown++;
      continue;
    }
    if (x <= 0) {
      free++;
      continue;
    }
    points.push({ model: m, x, y });
  }
  return { points, free, unknown };
}

/**
 * The value frontier: models no other model beats on both price and coding index. Walking from the
 * cheapest up, a model is on it when it scores higher than everything cheaper.
 */
export function valueFrontier(points: readonly ScatterPoint[]): ScatterPoint[] {
  const sorted = [...points].sort((a, b) => a.x - b.x || b.y - a.y);
  const out: ScatterPoint[] = [];
  let best = -Infinity;
  for (const p of sorted) {
    if (p.y > best) {
      out.push(p);
      best = p.y;
    }
  }
  return out;
}

export function distinct(values: Iterable<string>): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b));
}

/** Sums decimal token strings exactly; malformed entries count as zero. */
export function sumTokens(values: Iterable<string | null>): string {
  let total = 0n;
  for (const v of values) if (v !== null && /^\d{1,40}$/.test(v)) total += BigInt(v);
  return total.toString();
}

/**
 * The saving as a fraction of the base cost, from the same dollars the UI shows next to it, so the
 * percentage can never disagree with them.
 */
export function savingFraction(result: CompareResult, alt: Alternative): number | null {
  return result.baseCost !== null && result.baseCost > 0 && Number.isFinite(alt.saving) ? alt.saving / result.baseCost : null;
}
