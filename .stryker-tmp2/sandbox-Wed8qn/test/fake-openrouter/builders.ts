// Typed builders for the responses OpenRouter has no public capture of (/key, /credits, /activity), following
// the documented schemas (docs/openrouter-api.md §3–5), and the orderings derived from the real captures.
// Deterministic: the same inputs give the same bytes, so tests can compute expectations independently.
import type { ApiActivityItem, ApiKeyData, ApiModel, ApiRankingRow } from '../../src/core/openrouter/apiTypes';

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
