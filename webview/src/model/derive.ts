// View-side derivations from the snapshot: lookups, the "your models" list, catalog filtering and
// sorting, the price/quality frontier. Pure functions of data the intake has checked; no prices are
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
import { ownWeeklyTokens, rankLookup, type OwnTokens } from '../../../src/shared/variantTokens';
import type { CatalogFilters, CatalogSort } from '../uiState';

export interface CatalogIndex {
  get(id: string): CatalogModel | null;
  /**
   * The catalog model a row names, as core resolved it (`modelId`: aliases, variants, dated permaslugs, the same
   * resolver as the hover); only data without core's answer (an older host) is looked up here by id.
   */
  forRow(row: { model: string; modelId?: string | null }): CatalogModel | null;
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
  const get = (id: string): CatalogModel | null => byKey.get(id.trim().toLowerCase()) ?? null;
  return {
    get,
    forRow: (row) => (row.modelId === null ? null : get(row.modelId ?? row.model)),
  };
}

export interface RankIndex {
  get(model: { id: string; canonicalSlug?: string; aliasTarget?: string | null }): RankedModel | null;
}

/** The shared rank lookup (src/shared/variantTokens.ts), the one the hover and the CodeLens use. */
export function rankIndex(rankings: RankingsView | null): RankIndex {
  const lookup = rankLookup(rankings);
  return { get: (model) => lookup({ id: model.id, canonicalSlug: model.canonicalSlug ?? model.id, aliasTarget: model.aliasTarget ?? null }) };
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
  // `resolved`: the catalog id core resolved a reference to (aliases, variants); the exact-id lookup is for
  // activity rows, which OpenRouter names by catalog id.
  const entry = (id: string, resolved?: string | null): YourModel => {
    const model = resolved === null ? null : catalog.get(resolved ?? id);
    const key = (model?.id ?? id).toLowerCase();
    let e = byId.get(key);
    if (!e) {
      e = { id: model?.id ?? id, model, refs: [], activity: null, ranked: ranks.get(model ?? { id }) };
      byId.set(key, e);
    }
    return e;
  };
  for (const a of snapshot.activity?.byModel ?? []) {
    const e = entry(a.model, a.modelId);
    e.activity = e.activity ? mergeActivity(e.activity, a) : a;
  }
  for (const r of references?.refs ?? []) entry(r.id, r.modelId).refs.push(r);
  const spend = (e: YourModel): number => (e.activity && Number.isFinite(e.activity.usage) ? e.activity.usage : -1);
  return [...byId.values()].sort((a, b) => spend(b) - spend(a) || b.refs.length - a.refs.length || a.id.localeCompare(b.id));
}

/**
 * The OpenRouter preset a row names when it is no catalog model ("@preset/coding": the preset picks the model), so
 * the views call it a preset and not an id missing from the catalog; null otherwise.
 */
export function presetOnly(item: Pick<YourModel, 'model' | 'refs'>): string | null {
  if (item.model !== null || item.refs.length === 0) return null;
  const first = item.refs[0]?.preset;
  return first !== undefined && item.refs.every((r) => r.preset === first) ? first : null;
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
  /** This row's own weekly tokens: a variant never shows its base model's figure. */
  weekly: OwnTokens;
}

function tokensOf(r: CatalogRow): bigint | null {
  if (r.weekly.kind !== 'tokens') return null;
  try {
    return BigInt(r.weekly.tokens);
  } catch (_err) {
    return null;
  }
}

/**
 * The sort the catalog really applies: "weekly tokens" with no row ranked at all (offline) would be an arbitrary
 * order under a header that claims otherwise, so it falls back to newest. Ranked by popularity order only, the
 * column shows "#N" and sorts by it.
 */
export function effectiveCatalogSort(rows: readonly CatalogRow[], sort: CatalogSort): CatalogSort {
  return sort === 'tokens' && !rows.some((r) => r.weekly.kind === 'tokens' || r.ranked !== null) ? 'newest' : sort;
}

/** Popularity order when no row has a token figure: rank 1 is the "largest". */
function rankKey(r: CatalogRow): number | null {
  return r.weekly.kind === 'unranked' && r.ranked !== null && Number.isFinite(r.ranked.rank) ? -r.ranked.rank : null;
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
    const ranked = ranks.get(m);
    rows.push({ model: m, ranked, weekly: ownWeeklyTokens(ranked, m.variant) });
  }
  const sort = effectiveCatalogSort(rows, f.sort);
  const d = sort === f.sort ? f.descending : true;
  let cmp: Cmp;
  switch (sort) {
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
      cmp = rows.some((r) => r.weekly.kind === 'tokens')
        ? byNullable(
            tokensOf,
            (x, y) => (x < y ? -1 : x > y ? 1 : 0),
            d,
          )
        : byNullable(rankKey, num, d);
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

export interface LabelRequest {
  key: string;
  text: string;
  /** The labelled point, in chart units. */
  x: number;
  y: number;
}

export interface PlacedLabel {
  key: string;
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  box: Box;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Rough text metrics for the chart's 9px labels: wide enough that estimates never under-reserve. */
export const LABEL_METRICS = { charWidth: 6, height: 11 };

// Candidate spots around a point, nearest first: right, upper right, lower right, left, upper left, lower left, above, below.
const SPOTS: { dx: number; dy: number; anchor: PlacedLabel['anchor'] }[] = [
  { dx: 9, dy: 3, anchor: 'start' },
  { dx: 7, dy: -7, anchor: 'start' },
  { dx: 7, dy: 13, anchor: 'start' },
  { dx: -9, dy: 3, anchor: 'end' },
  { dx: -7, dy: -7, anchor: 'end' },
  { dx: -7, dy: 13, anchor: 'end' },
  { dx: 0, dy: -10, anchor: 'middle' },
  { dx: 0, dy: 17, anchor: 'middle' },
];

function boxOf(x: number, baseline: number, width: number, anchor: PlacedLabel['anchor']): Box {
  const x0 = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
  return { x0, y0: baseline - LABEL_METRICS.height + 2, x1: x0 + width, y1: baseline + 2 };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

function hitsPoint(b: Box, p: { x: number; y: number; r: number }): boolean {
  const cx = Math.max(b.x0, Math.min(p.x, b.x1));
  const cy = Math.max(b.y0, Math.min(p.y, b.y1));
  return (cx - p.x) ** 2 + (cy - p.y) ** 2 < p.r * p.r;
}

/**
 * Places point labels so that none overlaps another label, any plotted point or the plot's edge. A label that
 * fits nowhere is left out (the chart names every point on hover and focus, and in its table).
 */
export function placeLabels(labels: readonly LabelRequest[], points: readonly { x: number; y: number; r: number }[], bounds: Box): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  for (const l of labels) {
    const width = l.text.length * LABEL_METRICS.charWidth;
    for (const s of SPOTS) {
      const x = l.x + s.dx;
      const y = l.y + s.dy;
      const box = boxOf(x, y, width, s.anchor);
      if (box.x0 < bounds.x0 || box.x1 > bounds.x1 || box.y0 < bounds.y0 || box.y1 > bounds.y1) continue;
      if (placed.some((p) => overlaps(p.box, box)) || points.some((p) => hitsPoint(box, p))) continue;
      placed.push({ key: l.key, text: l.text, x, y, anchor: s.anchor, box });
      break;
    }
  }
  return placed;
}
