// Named account scenarios for the fake OpenRouter: the odd answers the extension must not turn into money.
// Applied with FakeOpenRouter.scenario(name) in-process, or POST /__fake/scenario {"name": …} out of process.
import type { ApiActivityItem } from '../../src/core/openrouter/apiTypes';
import { isoDay } from './builders';

export const FAKE_SCENARIOS = ['ordinaryKeyZeroCredits', 'oddKeyValues', 'oddActivityRows', 'byokOnly', 'analyticsTruncated', 'analyticsRefused', 'analyticsMalformed', 'guardrails'] as const;
/**
 * ordinaryKeyZeroCredits: an ordinary key answers /credits with 200 and 0/0 (observed) and /activity with 403:
 *   what an ordinary key saved unverified in the management slot gets.
 * oddKeyValues: the API key's /key has a negative spend today and a spend this week typed as a string.
 * oddActivityRows: /activity (management key) has one good row and three that cannot be read: a usage typed as
 *   a string, a negative usage, and requests typed as a string. Naive sums read $17.00; only $10.50 is real.
 * byokOnly: every request went over the user's own provider keys: OpenRouter's spend is $0, BYOK is not.
 * analyticsTruncated / analyticsRefused / analyticsMalformed: POST /analytics/query answers half its rows with
 *   metadata.truncated, a 403 (so the /activity fallback runs), or rows whose counts are not decimal strings.
 * guardrails: the inference key gets GUARDED_KEY's guardrails: /models/user lists only some labs (userModels.ts).
 */
export type FakeScenario = (typeof FAKE_SCENARIOS)[number];

export function isFakeScenario(v: unknown): v is FakeScenario {
  return typeof v === 'string' && (FAKE_SCENARIOS as readonly string[]).includes(v);
}

/** /key fields for oddKeyValues; typed loosely on purpose (the point is that they are wrong). */
export const ODD_KEY_VALUES: Record<string, unknown> = { usage_daily: -5, usage_weekly: '6.42' };

/** BYOK-only /key figures (USD). */
export const BYOK_ONLY_KEY = {
  usage: 0,
  usage_daily: 0,
  usage_weekly: 0,
  usage_monthly: 0,
  byok_usage: 42,
  byok_usage_daily: 5.25,
  byok_usage_weekly: 12.5,
  byok_usage_monthly: 42,
} as const;

/** Rows dated the last completed UTC day before `now`. */
export function oddActivityRows(now: Date): unknown[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const date = isoDay(today - 86_400_000);
  const row = (over: Record<string, unknown>): Record<string, unknown> => ({
    date,
    model: 'anthropic/claude-sonnet-4.5',
    model_permaslug: 'anthropic/claude-4.5-sonnet-20250929',
    endpoint_id: '00000000-0000-4000-8000-000000000001',
    provider_name: 'Anthropic',
    usage: 10.5,
    byok_usage_inference: 0,
    requests: 12,
    prompt_tokens: 1_000_000,
    completion_tokens: 500_000,
    reasoning_tokens: 0,
    ...over,
  });
  return [
    row({}),
    row({ model: 'deepseek/deepseek-v4-flash', usage: '4.5' }),
    row({ model: 'qwen/qwen3-coder', usage: -2 }),
    row({ model: 'openai/gpt-4.1', usage: 4, requests: '3' }),
  ];
}

/** The fake's normal activity, with every dollar moved from OpenRouter credits to BYOK upstream cost. */
export function byokOnlyActivity(rows: readonly ApiActivityItem[]): ApiActivityItem[] {
  return rows.map((r) => ({ ...r, usage: 0, byok_usage_inference: r.usage }));
}

/**
 * The catalog over time, for the watch (issue 15): step n serves the first n of these on /models, so a test moves
 * the catalog forward with FakeOpenRouter.setCatalogStep(n) or POST /__fake/catalog {"step": n}; 0 is the capture.
 * priceDrop: deepseek/deepseek-v4-pro from $0.435 / $0.87 to $0.30 / $0.60 per 1M.
 * expirationAdded: anthropic/claude-sonnet-4.5 (and its :batch) get a retirement date 14 days after `now`; the
 *   capture has newer Sonnets (4.6, 5) and ~anthropic/claude-sonnet-latest to move to.
 * modelRemoved: qwen/qwen3-coder leaves the catalog.
 */
export const CATALOG_STEPS = ['priceDrop', 'expirationAdded', 'modelRemoved'] as const;
export type CatalogStep = (typeof CATALOG_STEPS)[number];

export const PRICE_DROP = { id: 'deepseek/deepseek-v4-pro', prompt: '0.0000003', completion: '0.0000006' } as const;
export const EXPIRING = { id: 'anthropic/claude-sonnet-4.5', days: 14 } as const;
export const REMOVED_ID = 'qwen/qwen3-coder';

export function isCatalogStep(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= CATALOG_STEPS.length;
}

/** The /models entries at `step` (0: as given, the same array). Entries are copied, never changed in place. */
export function catalogAtStep(data: unknown[], step: number, now: Date): unknown[] {
  if (step <= 0) return data;
  const idOf = (e: unknown): unknown => (typeof e === 'object' && e !== null ? (e as { id?: unknown }).id : undefined);
  const expires = isoDay(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + EXPIRING.days * 86_400_000);
  let out = data;
  if (step >= 1) {
    out = out.map((e) => {
      if (idOf(e) !== PRICE_DROP.id) return e;
      const entry = e as { pricing?: Record<string, unknown> };
      return { ...entry, pricing: { ...entry.pricing, prompt: PRICE_DROP.prompt, completion: PRICE_DROP.completion } };
    });
  }
  if (step >= 2) {
    out = out.map((e) => {
      const id = idOf(e);
      return id === EXPIRING.id || id === `${EXPIRING.id}:batch` ? { ...(e as object), expiration_date: expires } : e;
    });
  }
  if (step >= 3) out = out.filter((e) => idOf(e) !== REMOVED_ID);
  return out;
}
