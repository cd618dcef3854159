// What a workload costs on a model, and which cheaper models of similar coding strength would do it.
import type { Alternative, CatalogModel, CompareResult, PriceOverride, RankingsView, TokenMix, UnpricedPart } from '../../shared/types';
import type { CatalogIndex } from './catalog';
import { roundUsd } from '../account/money';
import { rankLookup } from '../../shared/variantTokens';
import { utcDay } from './rankings';

/**
 * When there is no activity to learn from: 1M tokens at 3:1 input:output, no cache reads. Coding assistants
 * send far more context than they get back, and 3:1 is the ratio OpenRouter itself uses for blended prices.
 */
export const DEFAULT_MIX: TokenMix = Object.freeze({ input: 750_000, output: 250_000, cacheRead: 0, requests: null, source: 'default' });

/**
 * "Similar" coding strength: at most this many points below the model's Artificial Analysis coding index.
 * Two points is within the noise between benchmark runs; more would start trading quality for price silently.
 */
export const SIMILAR_CODING_POINTS = 2;

export interface CostOptions {
  /** Picks time-window price tiers; default now. */
  now?: number | Date;
}

/** HHMM of a moment in UTC. */
function hhmm(now: number | Date): number {
  const d = new Date(typeof now === 'number' ? now : now.getTime());
  return d.getUTCHours() * 100 + d.getUTCMinutes();
}

/** Half-open [start, end) daily window; start > end wraps midnight. */
export function inUtcWindow(at: number, start: number, end: number): boolean {
  if (start === end) return true;
  return start < end ? at >= start && at < end : at >= start || at < end;
}

interface Rates {
  input: number;
  output: number;
  cacheRead: number | null;
  cacheWrite: number | null;
  /** internal_reasoning: reasoning tokens' own price, when the model has one. */
  reasoning: number | null;
}

function applyOverride(r: Rates, o: PriceOverride): Rates {
  return { ...r, input: o.input ?? r.input, output: o.output ?? r.output, cacheRead: o.cacheRead ?? r.cacheRead, cacheWrite: o.cacheWrite ?? r.cacheWrite };
}

/**
 * The prices that apply to this mix. Long-context tiers apply when the average prompt per request (cache reads
 * included) exceeds the tier's threshold, which needs a request count; without one the default tier is used.
 * Time-window tiers apply by the current UTC time. Of several matching long-context tiers the highest wins.
 */
export function effectiveRates(model: CatalogModel, mix: TokenMix, opts: CostOptions = {}): Rates | null {
  if (model.variable || model.price.input === null || model.price.output === null) return null;
  let rates: Rates = { input: model.price.input, output: model.price.output, cacheRead: model.price.cacheRead, cacheWrite: model.price.cacheWrite, reasoning: model.price.reasoning };
  if (model.overrides.length === 0) return rates;
  const at = hhmm(opts.now ?? Date.now());
  const requests = typeof mix.requests === 'number' && mix.requests > 0 ? mix.requests : null;
  const avgPrompt = requests === null ? null : (mix.input + mix.cacheRead + (mix.cacheWrite ?? 0)) / requests;
  let best: PriceOverride | null = null;
  for (const o of model.overrides) {
    const timed = o.utcStart !== null && o.utcEnd !== null;
    if (timed && !inUtcWindow(at, o.utcStart ?? 0, o.utcEnd ?? 0)) continue;
    if (o.minPromptTokens !== null) {
      if (avgPrompt === null || avgPrompt <= o.minPromptTokens) continue;
      if (best === null || (best.minPromptTokens ?? -1) < o.minPromptTokens) best = o;
    } else if (timed) {
      rates = applyOverride(rates, o);
    }
  }
  return best === null ? rates : applyOverride(rates, best);
}

/** USD for the mix on the model; null when its price is variable or unknown. Cache reads without a cache price pay the input price. */
export function costOfMix(model: CatalogModel, mix: TokenMix, opts: CostOptions = {}): number | null {
  return priceMix(model, mix, opts).cost;
}

export interface PricedMix {
  cost: number | null;
  /** What could not be priced exactly: cache tokens without a price on this model (priced at its input rate), or not reported by the history. */
  unpriced: UnpricedPart[];
}

const count = (n: number | null | undefined): number => (typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0);

/**
 * The mix priced part by part on the model's tier for it (see effectiveRates): uncached input, cache reads and
 * cache writes at their own prices (the input price when the model has none, said in `unpriced`), output with
 * reasoning tokens at the model's reasoning price when it has one (they are part of output), and the per-request
 * fee. A history mix without cache-write counts (OpenRouter's history does not report them) says so too.
 */
export function priceMix(model: CatalogModel, mix: TokenMix, opts: CostOptions = {}): PricedMix {
  const r = effectiveRates(model, mix, opts);
  if (r === null) return { cost: null, unpriced: [] };
  const unpriced: UnpricedPart[] = [];
  const input = count(mix.input);
  const output = count(mix.output);
  const cacheRead = count(mix.cacheRead);
  const cacheWrite = count(mix.cacheWrite);
  const reasoning = Math.min(count(mix.reasoning), output);
  if (mix.history && !mix.history.cacheReadsReported) unpriced.push({ part: 'cacheRead', reason: 'notReported', tokens: null });
  else if (cacheRead > 0 && r.cacheRead === null) unpriced.push({ part: 'cacheRead', reason: 'noPrice', tokens: cacheRead });
  if (mix.history && (mix.cacheWrite === undefined || mix.cacheWrite === null)) unpriced.push({ part: 'cacheWrite', reason: 'notReported', tokens: null });
  else if (cacheWrite > 0 && r.cacheWrite === null) unpriced.push({ part: 'cacheWrite', reason: 'noPrice', tokens: cacheWrite });
  const outputCost = r.reasoning === null ? r.output * output : r.output * (output - reasoning) + r.reasoning * reasoning;
  const perRequest = model.price.request !== null && typeof mix.requests === 'number' && mix.requests > 0 ? model.price.request * mix.requests : 0;
  const tokensCost = r.input * input + outputCost + (r.cacheRead ?? r.input) * cacheRead + (r.cacheWrite ?? r.input) * cacheWrite;
  return { cost: roundUsd(tokensCost / 1e6 + perRequest), unpriced };
}

export interface AlternativesOptions extends CostOptions {
  /** Most alternatives to return; default 5. */
  limit?: number;
  /** To show each alternative's rank this week. */
  rankings?: RankingsView | null;
  /**
   * The key's settings exclude this model (GET /models/user). Such models are never among the first offered:
   * `limit` counts the others, and the excluded ones that would have ranked among them follow, marked.
   */
  notAllowed?: (model: CatalogModel) => boolean;
}

/** A model the compare view may propose instead of another. */
function isCandidate(m: CatalogModel, today: string): boolean {
  return (
    !m.variable &&
    m.price.input !== null &&
    m.price.output !== null &&
    m.outputModalities.includes('text') &&
    // Aliases duplicate the model they point at; batch variants are asynchronous, not a drop-in swap.
    !m.id.startsWith('~') &&
    m.variant !== 'batch' &&
    !(m.expirationDate !== null && m.expirationDate <= today)
  );
}

/**
 * Cheaper models of similar or better coding index (≥ the model's index − SIMILAR_CODING_POINTS), text output,
 * fixed price, sorted by cost. Models without a coding index are left out unless the model has none either,
 * in which case price is all there is to compare. No alternatives when the model's own cost is unknown.
 */
export function alternatives(index: CatalogIndex, modelId: string, mix: TokenMix = DEFAULT_MIX, opts: AlternativesOptions = {}): CompareResult {
  const resolved = index.resolve(modelId);
  const base = resolved === null ? null : (index.aliasTarget(resolved.model) ?? resolved.model);
  const basePriced = base === null ? null : priceMix(base, mix, opts);
  const baseCost = basePriced?.cost ?? null;
  const result: CompareResult = { modelId, mix, baseCost, alternatives: [] };
  if (basePriced && basePriced.unpriced.length > 0) result.baseUnpriced = basePriced.unpriced;
  if (base === null || baseCost === null || baseCost <= 0) return result;

  const today = utcDay(opts.now ?? Date.now());
  const floor = base.codingIndex === null ? null : base.codingIndex - SIMILAR_CODING_POINTS;
  const rankedOf = rankLookup(opts.rankings);
  const out: Alternative[] = [];
  const blocked = new Set<Alternative>();
  for (const m of index.all) {
    if (m.id === base.id || m.id === resolved?.model.id || !isCandidate(m, today)) continue;
    if (floor !== null && (m.codingIndex === null || m.codingIndex < floor)) continue;
    const priced = priceMix(m, mix, opts);
    const cost = priced.cost;
    if (cost === null || cost >= baseCost) continue;
    const saving = roundUsd(baseCost - cost);
    const alt: Alternative = {
      id: m.id,
      name: m.name,
      region: m.region,
      codingIndex: m.codingIndex,
      price: m.price,
      cost,
      saving,
      savingPct: roundUsd((saving / baseCost) * 100),
      rank: rankedOf(m)?.rank ?? null,
    };
    if (priced.unpriced.length > 0) alt.unpriced = priced.unpriced;
    if (opts.notAllowed?.(m) === true) {
      alt.notAllowed = true;
      blocked.add(alt);
    }
    out.push(alt);
  }
  out.sort((a, b) => a.cost - b.cost || (b.codingIndex ?? -1) - (a.codingIndex ?? -1) || (a.id < b.id ? -1 : 1));
  const limit = Math.max(0, opts.limit ?? 5);
  if (blocked.size === 0) {
    result.alternatives = out.slice(0, limit);
    return result;
  }
  const allowed: Alternative[] = [];
  const excluded: Alternative[] = [];
  for (const a of out) {
    if (allowed.length >= limit) break;
    if (blocked.has(a)) excluded.push(a);
    else allowed.push(a);
  }
  result.alternatives = [...allowed, ...excluded.slice(0, limit)];
  return result;
}
