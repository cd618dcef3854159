// Own per-model usage from GET /activity (management key): rows are per day, model and provider endpoint.
import type { ApiActivityItem } from './openrouter/apiTypes';
import type { ActivityModelDay, ActivityView, TokenMix } from '../shared/types';
import { roundUsd } from './money';
import { addDays, isIsoDay, utcDay } from './rankings';

/** /activity covers the last 30 completed UTC days; today is not in it. */
export const ACTIVITY_DAYS = 30;

export interface ActivityOptions {
  now: number | Date;
}

const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);

function emptyEntry(model: string): ActivityModelDay {
  return { model, usage: 0, byokUsage: 0, requests: 0, promptTokens: 0, completionTokens: 0, reasoningTokens: 0 };
}

function add(into: ActivityModelDay, item: ApiActivityItem): void {
  into.usage += count(item.usage);
  into.byokUsage += count(item.byok_usage_inference);
  into.requests += count(item.requests);
  into.promptTokens += count(item.prompt_tokens);
  into.completionTokens += count(item.completion_tokens);
  into.reasoningTokens += count(item.reasoning_tokens);
}

function addEntry(into: ActivityModelDay, e: ActivityModelDay): void {
  into.usage += e.usage;
  into.byokUsage += e.byokUsage;
  into.requests += e.requests;
  into.promptTokens += e.promptTokens;
  into.completionTokens += e.completionTokens;
  into.reasoningTokens += e.reasoningTokens;
}

function tidy(e: ActivityModelDay): ActivityModelDay {
  return { ...e, usage: roundUsd(e.usage), byokUsage: roundUsd(e.byokUsage) };
}

const bySpend = (a: ActivityModelDay, b: ActivityModelDay): number =>
  b.usage - a.usage || b.byokUsage - a.byokUsage || b.requests - a.requests || (a.model < b.model ? -1 : a.model > b.model ? 1 : 0);

/**
 * Rows → one entry per model per day (provider endpoints merged), totals per model and overall. Models need
 * not be in the catalog: retired and private models still cost money. `usage` and `total` are OpenRouter
 * credits in USD; BYOK spend, billed by the provider, is kept apart in `byokUsage`.
 */
export function buildActivityView(items: readonly ApiActivityItem[], opts: ActivityOptions): ActivityView {
  const end = addDays(utcDay(opts.now), -1);
  const start = addDays(end, -(ACTIVITY_DAYS - 1));
  const days = new Map<string, Map<string, ActivityModelDay>>();
  for (let d = start; d <= end; d = addDays(d, 1)) days.set(d, new Map());

  for (const item of items) {
    const date = typeof item.date === 'string' ? item.date.slice(0, 10) : '';
    if (!isIsoDay(date)) continue;
    const day = days.get(date);
    if (day === undefined) continue;
    const model = typeof item.model === 'string' && item.model.trim() !== '' ? item.model.trim() : (item.model_permaslug ?? '').trim() || 'unknown';
    let e = day.get(model);
    if (e === undefined) {
      e = emptyEntry(model);
      day.set(model, e);
    }
    add(e, item);
  }

  const totals = new Map<string, ActivityModelDay>();
  let total = 0;
  const outDays: ActivityView['days'] = [];
  for (const [date, models] of days) {
    let dayTotal = 0;
    for (const e of models.values()) {
      dayTotal += e.usage;
      let t = totals.get(e.model);
      if (t === undefined) {
        t = emptyEntry(e.model);
        totals.set(e.model, t);
      }
      addEntry(t, e);
    }
    total += dayTotal;
    outDays.push({ date, models: [...models.values()].map(tidy).sort(bySpend), total: roundUsd(dayTotal) });
  }

  return { days: outDays, byModel: [...totals.values()].map(tidy).sort(bySpend), total: roundUsd(total) };
}

const baseId = (id: string): string => {
  const s = id.trim().toLowerCase();
  const colon = s.indexOf(':');
  return colon < 0 ? s : s.slice(0, colon);
};

/**
 * The token mix of the window, for one model (its variants included) or all models; null when there is none.
 * Reasoning tokens are already counted inside completion tokens, so they are not added again. /activity does
 * not report cached prompt tokens, so the mix has no cache reads.
 */
export function tokenMixFromActivity(view: ActivityView, modelId?: string): TokenMix | null {
  const want = modelId === undefined ? null : baseId(modelId);
  let input = 0;
  let output = 0;
  let requests = 0;
  for (const e of view.byModel) {
    if (want !== null && baseId(e.model) !== want) continue;
    input += e.promptTokens;
    output += e.completionTokens;
    requests += e.requests;
  }
  if (input + output === 0) return null;
  return { input, output, cacheRead: 0, requests: requests > 0 ? requests : null, source: 'activity' };
}
