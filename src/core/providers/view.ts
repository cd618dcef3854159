// One model's providers as the dashboard shows them: price per 1M (after OpenRouter's discount), the user's token
// mix priced on each provider with the same pricing code as Compare and the swap picker (cache prices, tiered
// overrides, reasoning), median latency and throughput over the last 30 minutes, uptime, quantization, context
// and max output. The cheapest (on the mix) and the fastest (highest median throughput) are marked. A figure
// OpenRouter did not send stays null; it is never read as 0, and a row without it never wins a mark.
import type { CatalogModel, ModelPrice, PriceOverride, ProviderMark, ProviderRow, ProvidersView, TokenMix } from '../../shared/types';
import type { ApiEndpoint, ParsedEndpoints } from '../openrouter/endpointsSchema';
import { readPricePerMillion, readPricePerUnit, roundUsd } from '../account/money';
import { normalizeOverride } from '../market/catalog';
import { priceMix } from '../market/compare';

export interface ProvidersViewInput {
  modelId: string;
  /** "author/slug" the endpoints were fetched for. */
  endpointModel: string;
  parsed: ParsedEndpoints;
  /** The catalog's entry for the model (its modalities and name stand in where the answer has none); null when unknown. */
  model: CatalogModel | null;
  mix: TokenMix;
  fetchedAt: number;
  /** Picks time-window price tiers; default now. */
  now?: number;
}

const finiteOrNull = (n: number | null | undefined): number | null => (typeof n === 'number' && Number.isFinite(n) ? n : null);
const positiveOrNull = (n: number | null | undefined): number | null => {
  const x = finiteOrNull(n);
  return x !== null && x > 0 ? x : null;
};

function discounted(value: number | null, discount: number | null): number | null {
  if (value === null || discount === null) return value;
  return roundUsd(value * (1 - discount));
}

/** The endpoint's prices as a catalog price, discount applied; `variable` for router "-1" prices. */
export function endpointPrice(pricing: ApiEndpoint['pricing']): { price: ModelPrice; overrides: PriceOverride[]; variable: boolean; discount: number | null } {
  const discount = typeof pricing.discount === 'number' && pricing.discount > 0 && pricing.discount < 1 ? pricing.discount : null;
  const prompt = readPricePerMillion(pricing.prompt);
  const completion = readPricePerMillion(pricing.completion);
  const d = (raw: string | undefined): number | null => discounted(readPricePerMillion(raw).value, discount);
  const price: ModelPrice = {
    input: discounted(prompt.value, discount),
    output: discounted(completion.value, discount),
    cacheRead: d(pricing.input_cache_read),
    cacheWrite: d(pricing.input_cache_write),
    reasoning: d(pricing.internal_reasoning),
    request: readPricePerUnit(pricing.request).value,
    webSearch: null,
    image: null,
  };
  const overrides = (pricing.overrides ?? []).map((o) => {
    const n = normalizeOverride(o);
    return { ...n, input: discounted(n.input, discount), output: discounted(n.output, discount), cacheRead: discounted(n.cacheRead, discount), cacheWrite: discounted(n.cacheWrite, discount) };
  });
  return { price, overrides, variable: prompt.variable || completion.variable, discount };
}

/** A catalog model carrying one endpoint's prices, so priceMix prices it exactly as it prices any model. */
function asPricedModel(base: CatalogModel | null, modelId: string, e: ReturnType<typeof endpointPrice>): CatalogModel {
  const shell: CatalogModel = base ?? {
    id: modelId,
    canonicalSlug: modelId,
    name: modelId,
    author: modelId.split('/')[0] ?? modelId,
    lab: '',
    region: 'UNKNOWN',
    created: 0,
    contextLength: null,
    price: e.price,
    variable: false,
    free: false,
    overrides: [],
    variant: null,
    aliasTarget: null,
    intelligenceIndex: null,
    codingIndex: null,
    agenticIndex: null,
    expirationDate: null,
    inputModalities: [],
    outputModalities: [],
    tools: false,
  };
  return { ...shell, price: e.price, overrides: e.overrides, variable: e.variable };
}

/**
 * Marks the best rows by `score` (lower wins when `lowerWins`). Rows without a score are not candidates. Exact
 * ties all win; when every candidate ties, or only one has a figure, nothing is marked and the mark says why.
 */
export function markBest<T>(rows: readonly T[], score: (row: T) => number | null, lowerWins: boolean): { mark: ProviderMark; winners: Set<T> } {
  const scored = rows.flatMap((r) => {
    const s = score(r);
    return s === null || !Number.isFinite(s) ? [] : [{ r, s }];
  });
  if (scored.length === 0) return { mark: 'missing', winners: new Set() };
  if (scored.length === 1) return { mark: 'single', winners: new Set() };
  const best = scored.reduce((b, x) => (lowerWins ? Math.min(b, x.s) : Math.max(b, x.s)), scored[0]?.s ?? 0);
  const winners = new Set(scored.filter((x) => x.s === best).map((x) => x.r));
  if (winners.size === scored.length) return { mark: 'tie', winners: new Set() };
  return { mark: 'marked', winners };
}

function providerRow(e: ApiEndpoint, input: ProvidersViewInput): ProviderRow {
  const priced = endpointPrice(e.pricing);
  const cost = priceMix(asPricedModel(input.model, input.endpointModel, priced), input.mix, input.now === undefined ? {} : { now: input.now }).cost;
  const uptime = finiteOrNull(e.uptime_last_30m);
  return {
    provider: e.provider_name,
    tag: e.tag ?? null,
    quantization: e.quantization ?? null,
    input: priced.variable ? null : priced.price.input,
    output: priced.variable ? null : priced.price.output,
    cacheRead: priced.variable ? null : priced.price.cacheRead,
    discount: priced.discount,
    mixCost: cost,
    latencyP50Ms: finiteOrNull(e.latency_last_30m?.p50),
    throughputP50: positiveOrNull(e.throughput_last_30m?.p50),
    uptime30m: uptime === null ? null : uptime / 100,
    contextLength: positiveOrNull(e.context_length),
    maxOutput: positiveOrNull(e.max_completion_tokens),
    status: finiteOrNull(e.status),
    cheapest: false,
    fastest: false,
  };
}

export function buildProvidersView(input: ProvidersViewInput): ProvidersView {
  const rows = input.parsed.endpoints.map((e) => providerRow(e, input));
  const cheap = markBest(rows, (r) => r.mixCost, true);
  // A throughput of 0 tokens/s is read as "no figure" (positiveOrNull): a provider that served nothing is not measured.
  const fast = markBest(rows, (r) => r.throughputP50, false);
  const marked = rows.map((r) => ({ ...r, cheapest: cheap.winners.has(r), fastest: fast.winners.has(r) }));
  const byCost = (a: ProviderRow, b: ProviderRow): number => {
    if (a.mixCost === null || b.mixCost === null) return a.mixCost === null ? (b.mixCost === null ? 0 : 1) : -1;
    return a.mixCost - b.mixCost;
  };
  // Equal costs: the faster first, then OpenRouter's order (the sort is stable).
  marked.sort((a, b) => byCost(a, b) || (b.throughputP50 ?? -1) - (a.throughputP50 ?? -1));
  return {
    modelId: input.modelId,
    endpointModel: input.endpointModel,
    name: input.parsed.name ?? input.model?.name ?? null,
    providers: marked,
    mix: input.mix,
    cheapest: cheap.mark,
    fastest: fast.mark,
    dropped: input.parsed.dropReasons,
    fetchedAt: input.fetchedAt,
  };
}
