// Own per-model usage from GET /activity (management key): rows are per day, model and provider endpoint.
import type { ApiActivityItem } from '../openrouter/apiTypes';
import type { CatalogIndex } from '../market/catalog';
import type { ActivityModelDay, ActivityView, TokenMix } from '../../shared/types';
import { addDays, isIsoDay, utcDay } from '../market/rankings';
import { MAX_ACCOUNT_USD } from '../../shared/bounds';

/** /activity covers the last 30 completed UTC days; today is not in it. */
export const ACTIVITY_DAYS = 30;

export interface ActivityOptions {
  now: number | Date;
  /** Rows the client already left out because they failed validation (ActivityResult.dropped). */
  droppedRows?: number;
}

/**
 * Money is summed in whole nano-dollars (bigint): float sums depend on the order of addition, so a day's
 * total, a model's total and the window's total would not add up to the same cent. In units every total is
 * exactly the sum of the figures it claims to sum.
 */
const UNITS_PER_USD = 1e9;
const toUnits = (usd: number): bigint => BigInt(Math.round(usd * UNITS_PER_USD));
const fromUnits = (units: bigint): number => Number(units) / UNITS_PER_USD;

/** A model's running sums: the view's figures, money in exact units. */
type Entry = Omit<ActivityModelDay, 'usage' | 'byokUsage'> & { usage: bigint; byokUsage: bigint };

/** A response row as the view's figures, with its day. */
type ReadRow = ActivityModelDay & { date: string };

const isAmount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_ACCOUNT_USD;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * One row as figures, or null when a figure is not a non-negative number: such a row is counted as dropped,
 * never read as $0 (the schema already refuses these; this guards callers that skip it). A missing BYOK or
 * reasoning figure is absent from older responses and counts as none.
 */
function readRow(item: ApiActivityItem): ReadRow | null {
  const date = typeof item.date === 'string' ? item.date.slice(0, 10) : '';
  if (!isIsoDay(date)) return null;
  const optional = (v: unknown, valid: (x: unknown) => x is number): number | null => (v === undefined || v === null ? 0 : valid(v) ? v : null);
  const byok = optional(item.byok_usage_inference, isAmount);
  const reasoning = optional(item.reasoning_tokens, isCount);
  if (!isAmount(item.usage) || !isCount(item.requests) || !isCount(item.prompt_tokens) || !isCount(item.completion_tokens)) return null;
  if (byok === null || reasoning === null) return null;
  const model = typeof item.model === 'string' && item.model.trim() !== '' ? item.model.trim() : (item.model_permaslug ?? '').trim() || 'unknown';
  return {
    date,
    model,
    usage: item.usage,
    byokUsage: byok,
    requests: item.requests,
    promptTokens: item.prompt_tokens,
    completionTokens: item.completion_tokens,
    reasoningTokens: reasoning,
  };
}

function emptyEntry(model: string): Entry {
  return { model, usage: 0n, byokUsage: 0n, requests: 0, promptTokens: 0, completionTokens: 0, reasoningTokens: 0 };
}

function addInto(into: Entry, e: Omit<Entry, 'model'>): void {
  into.usage += e.usage;
  into.byokUsage += e.byokUsage;
  into.requests += e.requests;
  into.promptTokens += e.promptTokens;
  into.completionTokens += e.completionTokens;
  into.reasoningTokens += e.reasoningTokens;
}

function shown(e: Entry): ActivityModelDay {
  return { ...e, usage: fromUnits(e.usage), byokUsage: fromUnits(e.byokUsage) };
}

const bySpend = (a: Entry, b: Entry): number =>
  (a.usage === b.usage ? 0 : a.usage > b.usage ? -1 : 1) ||
  (a.byokUsage === b.byokUsage ? 0 : a.byokUsage > b.byokUsage ? -1 : 1) ||
  b.requests - a.requests ||
  (a.model < b.model ? -1 : a.model > b.model ? 1 : 0);

/**
 * Rows → one entry per model per day (provider endpoints merged), totals per model and overall. Models need
 * not be in the catalog: retired and private models still cost money. `usage` and `total` are OpenRouter
 * credits in USD; BYOK spend, billed by the provider, is kept apart in `byokUsage` and `byokTotal`. Rows that
 * cannot be read are counted in `droppedRows`, rows dated outside the window in `outsideWindowRows`: the views
 * say so, because the totals leave them out.
 */
export function buildActivityView(items: readonly ApiActivityItem[], opts: ActivityOptions): ActivityView {
  const end = addDays(utcDay(opts.now), -1);
  const start = addDays(end, -(ACTIVITY_DAYS - 1));
  const days = new Map<string, Map<string, Entry>>();
  for (let d = start; d <= end; d = addDays(d, 1)) days.set(d, new Map());
  let droppedRows = opts.droppedRows !== undefined && Number.isInteger(opts.droppedRows) && opts.droppedRows > 0 ? opts.droppedRows : 0;
  let outsideWindowRows = 0;

  for (const item of items) {
    const row = readRow(item);
    if (row === null) {
      droppedRows++;
      continue;
    }
    const day = days.get(row.date);
    if (day === undefined) {
      outsideWindowRows++;
      continue;
    }
    let e = day.get(row.model);
    if (e === undefined) {
      e = emptyEntry(row.model);
      day.set(row.model, e);
    }
    addInto(e, { ...row, usage: toUnits(row.usage), byokUsage: toUnits(row.byokUsage) });
  }

  const totals = new Map<string, Entry>();
  let total = 0n;
  let byokTotal = 0n;
  const outDays: ActivityView['days'] = [];
  for (const [date, models] of days) {
    let dayTotal = 0n;
    let dayByok = 0n;
    for (const e of models.values()) {
      dayTotal += e.usage;
      dayByok += e.byokUsage;
      let t = totals.get(e.model);
      if (t === undefined) {
        t = emptyEntry(e.model);
        totals.set(e.model, t);
      }
      addInto(t, e);
    }
    total += dayTotal;
    byokTotal += dayByok;
    outDays.push({ date, models: [...models.values()].sort(bySpend).map(shown), total: fromUnits(dayTotal), byokTotal: fromUnits(dayByok) });
  }

  return {
    days: outDays,
    byModel: [...totals.values()].sort(bySpend).map(shown),
    total: fromUnits(total),
    byokTotal: fromUnits(byokTotal),
    droppedRows,
    outsideWindowRows,
  };
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

/**
 * The activity with each row's `modelId` set to the catalog model the catalog's resolver names (the hover's and the
 * CodeLens's resolver), so the views never look a row up by themselves. The same object when nothing changes.
 */
export function resolveActivityModels(view: ActivityView | null, index: CatalogIndex | null): ActivityView | null {
  if (view === null || index === null) return view;
  const memo = new Map<string, string | null>();
  const idOf = (model: string): string | null => {
    let id = memo.get(model);
    // Stryker disable next-line ConditionalExpression: the memo only saves work; resolving again names the same model
    if (id === undefined) {
      id = index.resolve(model)?.model.id ?? null;
      memo.set(model, id);
    }
    return id;
  };
  let changed = false;
  const rows = (list: readonly ActivityModelDay[]): ActivityModelDay[] =>
    list.map((row) => {
      const modelId = idOf(row.model);
      if (row.modelId === modelId) return row;
      changed = true;
      return { ...row, modelId };
    });
  const byModel = rows(view.byModel);
  const days = view.days.map((d) => {
    const models = rows(d.models);
    return models.every((m, i) => m === d.models[i]) ? d : { ...d, models };
  });
  return changed ? { ...view, byModel, days } : view;
}
