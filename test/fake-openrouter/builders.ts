// Typed builders for the responses OpenRouter has no public capture of (/key, /credits, /activity), following
// the documented schemas (docs/openrouter-api.md §3–5), and the orderings derived from the real captures.
// Deterministic: the same inputs give the same bytes, so tests can compute expectations independently.
import type { ApiActivityItem, ApiKeyData, ApiModel, ApiRankingRow } from '../../src/core/openrouter/apiTypes';
import type { InferInput } from 'valibot';
import type { endpointSchema } from '../../src/core/openrouter/endpointsSchema';

export const INFERENCE_KEY = 'sk-or-v1-test-inference';
export const MANAGEMENT_KEY = 'sk-or-v1-test-management';

/** /key data as OpenRouter sends it, including the deprecated field the client must ignore. */
export type FakeKeyData = ApiKeyData & { rate_limit?: { requests: number; interval: string; note: string } };

const LEGACY_RATE_LIMIT = { requests: -1, interval: '10s', note: 'This field is deprecated and safe to ignore.' };

export function buildInferenceKeyData(overrides: Partial<FakeKeyData> = {}): FakeKeyData {
  return {
    label: 'sk-or-v1-tes...nce',
    limit: 100,
    limit_remaining: 74.5,
    limit_reset: 'monthly',
    include_byok_in_limit: false,
    usage: 25.5,
    usage_daily: 0.87,
    usage_weekly: 6.42,
    usage_monthly: 25.5,
    byok_usage: 0,
    byok_usage_daily: 0,
    byok_usage_weekly: 0,
    byok_usage_monthly: 0,
    is_free_tier: false,
    is_management_key: false,
    is_provisioning_key: false,
    creator_user_id: 'user_fake0000000000000000000',
    expires_at: null,
    rate_limit: LEGACY_RATE_LIMIT,
    ...overrides,
  };
}

/** Management keys report no usage of their own (they cannot call inference endpoints). */
export function buildManagementKeyData(overrides: Partial<FakeKeyData> = {}): FakeKeyData {
  return {
    label: 'sk-or-v1-tes...ent',
    limit: null,
    limit_remaining: null,
    limit_reset: null,
    include_byok_in_limit: false,
    usage: 0,
    usage_daily: 0,
    usage_weekly: 0,
    usage_monthly: 0,
    byok_usage: 0,
    byok_usage_daily: 0,
    byok_usage_weekly: 0,
    byok_usage_monthly: 0,
    is_free_tier: false,
    is_management_key: true,
    is_provisioning_key: true,
    creator_user_id: 'user_fake0000000000000000000',
    expires_at: null,
    rate_limit: LEGACY_RATE_LIMIT,
    ...overrides,
  };
}

export interface FakeCredits {
  total_credits: number;
  total_usage: number;
}

export function buildCredits(overrides: Partial<FakeCredits> = {}): FakeCredits {
  return { total_credits: 150, total_usage: 42.25, ...overrides };
}

/** Models the activity builder spends on, by id; missing ones are skipped. */
export const ACTIVITY_MODEL_IDS = [
  'deepseek/deepseek-v4-flash',
  'anthropic/claude-sonnet-5',
  'qwen/qwen3.7-plus',
  'z-ai/glm-5.2',
  'openai/gpt-5.6-luna',
  'moonshotai/kimi-k2.6',
] as const;

const PROVIDERS: Readonly<Record<string, string>> = {
  deepseek: 'DeepSeek',
  anthropic: 'Anthropic',
  qwen: 'Alibaba',
  'z-ai': 'Z.AI',
  openai: 'OpenAI',
  moonshotai: 'Moonshot AI',
};

export interface ActivityBuildOptions {
  models: readonly ApiModel[];
  /** Activity covers the 30 completed UTC days before this instant's day. */
  now: Date;
  days?: number;
  seed?: number;
  modelIds?: readonly string[];
}

/**
 * Plausible /activity rows: for each of the last `days` completed UTC days (oldest first), a subset of the
 * chosen models with token counts from a seeded generator and `usage` priced from the model's real prices.
 */
export function buildActivity(opts: ActivityBuildOptions): ApiActivityItem[] {
  const days = opts.days ?? 30;
  const rand = mulberry32(opts.seed ?? 20260729);
  const byId = new Map(opts.models.map((m) => [m.id, m]));
  const chosen = (opts.modelIds ?? ACTIVITY_MODEL_IDS).map((id) => byId.get(id)).filter((m): m is ApiModel => m !== undefined);
  const today = Date.UTC(opts.now.getUTCFullYear(), opts.now.getUTCMonth(), opts.now.getUTCDate());
  const rows: ApiActivityItem[] = [];
  for (let d = days; d >= 1; d--) {
    const date = isoDay(today - d * 86_400_000);
    chosen.forEach((model, index) => {
      // Earlier models in the list are used more often and more heavily, like a main model and a few others.
      if (rand() > 0.95 - index * 0.12) return;
      const scale = 2_000_000 / (index + 1);
      const promptTokens = Math.round(scale * (0.4 + rand()));
      const completionTokens = Math.round(promptTokens * (0.1 + 0.2 * rand()));
      const reasoningTokens = Math.round(completionTokens * 0.3 * rand());
      const requests = Math.max(1, Math.round(promptTokens / (6_000 + 4_000 * rand())));
      const usage = promptTokens * Number(model.pricing.prompt) + completionTokens * Number(model.pricing.completion);
      const author = model.id.split('/')[0] ?? '';
      rows.push({
        date,
        model: model.id,
        model_permaslug: model.canonical_slug ?? model.id,
        endpoint_id: fakeUuid(model.id),
        provider_name: PROVIDERS[author] ?? author,
        usage: Math.round(usage * 1e6) / 1e6,
        byok_usage_inference: 0,
        requests,
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        reasoning_tokens: reasoningTokens,
      });
    });
  }
  return rows;
}

/**
 * `/models?sort=top-weekly`: model ids by tokens over the last 7 days of the rankings capture. A model's
 * tokens are its permaslug's rows plus its `:variant`, so "x:free" ranks on its own; untracked models follow
 * in capture order.
 */
export function topWeeklyIds(models: readonly ApiModel[], rows: readonly ApiRankingRow[]): string[] {
  const dates = [...new Set(rows.map((r) => r.date))].sort();
  const window = new Set(dates.slice(-7));
  const tokens = new Map<string, bigint>();
  for (const row of rows) {
    if (!window.has(row.date)) continue;
    const key = row.model_permaslug.toLowerCase();
    tokens.set(key, (tokens.get(key) ?? 0n) + BigInt(row.total_tokens));
  }
  const scored = models.map((model, index) => {
    const colon = model.id.indexOf(':');
    const variant = colon >= 0 ? model.id.slice(colon + 1) : null;
    const slug = (model.canonical_slug ?? model.id).toLowerCase();
    const key = variant ? `${slug}:${variant}` : slug;
    return { id: model.id, index, tokens: tokens.get(key) ?? 0n };
  });
  scored.sort((a, b) => (a.tokens === b.tokens ? a.index - b.index : a.tokens > b.tokens ? -1 : 1));
  return scored.map((s) => s.id);
}

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable UUID-shaped id per model (FNV-1a), standing in for OpenRouter's endpoint ids. */
function fakeUuid(text: string): string {
  let hex = '';
  for (let round = 0; hex.length < 32; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    hex += h.toString(16).padStart(8, '0');
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// --- GET /models/{author}/{slug}/endpoints ------------------------------------------------------------------

/** One endpoint row as OpenRouter sends it (docs/openrouter-api-more.md §3): the schema's input type, so it cannot drift. */
export type FakeEndpointRow = InferInput<typeof endpointSchema>;

export interface FakeEndpointsResponse {
  data: { id: string; name: string; created: number; description: string; architecture: unknown; endpoints: FakeEndpointRow[] };
}

/** Third-party hosts of open-weight models, and the labs that serve their own closed models. */
const OPEN_HOSTS = ['DeepInfra', 'Together', 'Fireworks', 'Novita', 'Parasail', 'SiliconFlow', 'Chutes', 'Baseten', 'Groq'] as const;
const FIRST_PARTY: Readonly<Record<string, readonly string[]>> = {
  openai: ['OpenAI', 'Azure'],
  anthropic: ['Anthropic', 'Amazon Bedrock', 'Google Vertex'],
  google: ['Google AI Studio', 'Google Vertex'],
  'x-ai': ['xAI'],
};

export interface EndpointRowOptions {
  provider: string;
  /** Multiplies the model's prompt and completion prices (strings, as OpenRouter writes them). */
  priceFactor?: number;
  quantization?: string | null;
  latencyMs?: number | null;
  throughput?: number | null;
  uptime30m?: number | null;
  contextLength?: number | null;
  maxCompletion?: number | null;
  discount?: number;
  status?: number;
}

function scalePrice(raw: string | undefined, factor: number): string | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) return raw;
  return (n * factor).toFixed(12).replace(/0+$/, '').replace(/\.$/, '');
}

const pct = (p50: number): { p50: number; p75: number; p90: number; p99: number } => ({
  p50,
  p75: Math.round(p50 * 1.3 * 100) / 100,
  p90: Math.round(p50 * 1.8 * 100) / 100,
  p99: Math.round(p50 * 3.1 * 100) / 100,
});

/** One provider of `model`, priced from the model's own (catalog) prices. */
export function buildEndpointRow(model: ApiModel, o: EndpointRowOptions): FakeEndpointRow {
  const f = o.priceFactor ?? 1;
  const pricing: FakeEndpointRow['pricing'] = { prompt: scalePrice(model.pricing.prompt, f) ?? '0', completion: scalePrice(model.pricing.completion, f) ?? '0' };
  const cacheRead = scalePrice(model.pricing.input_cache_read, f);
  if (cacheRead !== undefined) pricing.input_cache_read = cacheRead;
  if (o.discount !== undefined) pricing.discount = o.discount;
  const ctx = o.contextLength === undefined ? (model.context_length ?? null) : o.contextLength;
  return {
    name: `${o.provider} | ${model.id.split(':')[0] ?? model.id}`,
    model_id: model.canonical_slug ?? model.id,
    model_name: model.name,
    provider_name: o.provider,
    tag: `${o.provider.toLowerCase().replace(/[^a-z0-9]+/g, '-')}${o.quantization ? `/${o.quantization}` : ''}`,
    context_length: ctx,
    max_completion_tokens: o.maxCompletion === undefined ? (model.top_provider?.max_completion_tokens ?? null) : o.maxCompletion,
    max_prompt_tokens: null,
    quantization: o.quantization ?? null,
    supported_parameters: model.supported_parameters ?? [],
    supports_implicit_caching: cacheRead !== undefined,
    pricing,
    uptime_last_5m: o.uptime30m ?? null,
    uptime_last_30m: o.uptime30m === undefined ? 99.2 : o.uptime30m,
    uptime_last_1d: o.uptime30m === undefined ? 99.5 : o.uptime30m,
    latency_last_30m: o.latencyMs === undefined || o.latencyMs === null ? null : pct(o.latencyMs),
    throughput_last_30m: o.throughput === undefined || o.throughput === null ? null : pct(o.throughput),
    status: o.status ?? 0,
  };
}

/**
 * A plausible provider list for any catalog model, the same bytes for the same id: first-party providers for
 * closed models, two to five open-weight hosts otherwise, priced around the catalog price (the catalog shows the
 * top provider's), one of them fp8, and for models with three or more providers one whose latency and throughput
 * OpenRouter has no figures for (shown as missing, never 0).
 */
export function buildEndpointRows(model: ApiModel): EndpointRowOptions[] {
  const base = model.id.split(':')[0] ?? model.id;
  const author = base.split('/')[0] ?? '';
  let h = 0x811c9dc5;
  for (let i = 0; i < base.length; i++) h = Math.imul(h ^ base.charCodeAt(i), 0x01000193) >>> 0;
  const rand = mulberry32(h);
  const firstParty = FIRST_PARTY[author];
  const names: string[] = firstParty ? [...firstParty] : OPEN_HOSTS.filter(() => rand() < 0.5).slice(0, 5);
  if (names.length < 2) names.push(...OPEN_HOSTS.filter((n) => !names.includes(n)).slice(0, 2 - names.length));
  return names.map((provider, i) => {
    const noStats = names.length >= 3 && i === names.length - 1;
    return {
      provider,
      // The first provider is the catalog's price (OpenRouter's "top provider"); others around it.
      priceFactor: i === 0 ? 1 : Math.round((0.7 + rand() * 0.9) * 100) / 100,
      quantization: firstParty ? null : i === 1 ? 'fp8' : 'bf16',
      latencyMs: noStats ? null : Math.round(250 + rand() * 1500),
      throughput: noStats ? null : Math.round((20 + rand() * 180) * 10) / 10,
      uptime30m: noStats ? null : Math.round((95 + rand() * 5) * 100) / 100,
    };
  });
}

/** The whole /endpoints answer for a catalog model (its variant stripped). */
export function buildEndpointsResponse(model: ApiModel, rows: readonly EndpointRowOptions[] = buildEndpointRows(model)): FakeEndpointsResponse {
  return {
    data: {
      id: model.id.split(':')[0] ?? model.id,
      name: model.name,
      created: model.created ?? 0,
      description: '',
      architecture: model.architecture ?? null,
      endpoints: rows.map((o) => buildEndpointRow(model, o)),
    },
  };
}
