// Edges of src/core/account/activity.ts: the order of equal spenders, which name a row is filed under, rows that are
// half readable, the count of rows the client dropped, and the token mix per model family.
import { describe, expect, it } from 'vitest';
import { buildActivityView, tokenMixFromActivity } from '../../src/core/account/activity';
import type { ApiActivityItem } from '../../src/core/openrouter/apiTypes';
import { MAX_ACCOUNT_USD } from '../../src/shared/bounds';

const NOW = Date.parse('2026-07-27T10:00:00Z'); // window: 2026-06-27 .. 2026-07-26
const row = (over: Partial<ApiActivityItem>): ApiActivityItem => ({
  date: '2026-07-20', model: 'a/m', usage: 1, byok_usage_inference: 0, requests: 1, prompt_tokens: 10, completion_tokens: 5, reasoning_tokens: 0, ...over,
});
const models = (items: ApiActivityItem[]) => buildActivityView(items, { now: NOW }).byModel.map((e) => e.model);

describe('order of models', () => {
  it('by credit spend, then BYOK spend, then requests, then name', () => {
    expect(models([row({ model: 'x/low', usage: 1 }), row({ model: 'x/high', usage: 2 })])).toEqual(['x/high', 'x/low']);
    expect(models([row({ model: 'x/a', byok_usage_inference: 1 }), row({ model: 'x/b', byok_usage_inference: 3 })])).toEqual(['x/b', 'x/a']);
    expect(models([row({ model: 'x/b', byok_usage_inference: 3 }), row({ model: 'x/a', byok_usage_inference: 1 })])).toEqual(['x/b', 'x/a']);
    expect(models([row({ model: 'x/a', requests: 1 }), row({ model: 'x/b', requests: 4 })])).toEqual(['x/b', 'x/a']);
    expect(models([row({ model: 'x/b' }), row({ model: 'x/a' })])).toEqual(['x/a', 'x/b']);
    expect(models([row({ model: 'x/a' }), row({ model: 'x/b' })])).toEqual(['x/a', 'x/b']);
    expect(models([row({ model: 'x/a', usage: 2 }), row({ model: 'x/b', usage: 1 })])).toEqual(['x/a', 'x/b']);
  });

  it('sorts each day the same way', () => {
    const view = buildActivityView([row({ model: 'x/low', usage: 1 }), row({ model: 'x/high', usage: 2 })], { now: NOW });
    expect(view.days.find((d) => d.date === '2026-07-20')?.models.map((e) => e.model)).toEqual(['x/high', 'x/low']);
  });
});

describe('reading rows', () => {
  it('files a row under its trimmed model, else its permaslug, else "unknown"', () => {
    expect(models([row({ model: '  a/m  ' })])).toEqual(['a/m']);
    expect(models([row({ model: '   ', model_permaslug: ' a/m-2025 ' })])).toEqual(['a/m-2025']);
    expect(models([row({ model: '', model_permaslug: undefined })])).toEqual(['unknown']);
    expect(models([row({ model: '', model_permaslug: '  ' })])).toEqual(['unknown']);
    expect(models([row({ model: undefined as unknown as string, model_permaslug: 'a/m-2025' })])).toEqual(['a/m-2025']);
    expect(models([row({ model: 7 as unknown as string, model_permaslug: undefined })])).toEqual(['unknown']);
  });

  it('reads a timestamped date as its day and refuses anything else', () => {
    const view = buildActivityView([row({ date: '2026-07-20 13:45:00' }), row({ date: 42 as unknown as string })], { now: NOW });
    expect(view.total).toBe(1);
    expect(view.droppedRows).toBe(1);
  });

  it('counts absent BYOK and reasoning figures as none, and drops a row with a bad one', () => {
    const ok = buildActivityView([row({ byok_usage_inference: undefined, reasoning_tokens: undefined }), row({ byok_usage_inference: null as unknown as number, reasoning_tokens: null as unknown as number })], { now: NOW });
    expect(ok).toMatchObject({ total: 2, byokTotal: 0, droppedRows: 0 });
    expect(ok.byModel[0]).toMatchObject({ reasoningTokens: 0, byokUsage: 0 });
    for (const bad of [{ byok_usage_inference: -1 }, { reasoning_tokens: Number.NaN }, { usage: -0.01 }, { requests: Number.POSITIVE_INFINITY }, { prompt_tokens: -1 }, { completion_tokens: '5' as unknown as number }]) {
      expect(buildActivityView([row(bad)], { now: NOW }), JSON.stringify(bad)).toMatchObject({ total: 0, droppedRows: 1, byModel: [] });
    }
    expect(buildActivityView([row({ usage: 0, requests: 0, prompt_tokens: 0, completion_tokens: 0 })], { now: NOW })).toMatchObject({ droppedRows: 0, total: 0 });
  });

  it('adds the rows the client dropped only when that count is a positive whole number', () => {
    expect(buildActivityView([], { now: NOW, droppedRows: 3 }).droppedRows).toBe(3);
    for (const droppedRows of [0, -2, 1.5, Number.NaN]) expect(buildActivityView([], { now: NOW, droppedRows }).droppedRows).toBe(0);
    expect(buildActivityView([row({ usage: -1 })], { now: NOW, droppedRows: 2 }).droppedRows).toBe(3);
  });

  it('merges provider rows of a model and day into one entry with every figure summed', () => {
    const view = buildActivityView([row({ usage: 0.1, byok_usage_inference: 0.2, requests: 2, prompt_tokens: 3, completion_tokens: 4, reasoning_tokens: 1 }), row({ usage: 0.2, byok_usage_inference: 0.1, requests: 1, prompt_tokens: 7, completion_tokens: 6, reasoning_tokens: 2 })], { now: NOW });
    expect(view.byModel).toEqual([{ model: 'a/m', usage: 0.3, byokUsage: 0.3, requests: 3, promptTokens: 10, completionTokens: 10, reasoningTokens: 3 }]);
    expect(view.days.find((d) => d.date === '2026-07-20')).toMatchObject({ total: 0.3, byokTotal: 0.3 });
    expect(view).toMatchObject({ total: 0.3, byokTotal: 0.3 });
  });
});

describe('the largest figure a row may hold', () => {
  it('reads spend up to MAX_ACCOUNT_USD and drops a row past it', () => {
    expect(buildActivityView([row({ usage: MAX_ACCOUNT_USD })], { now: NOW })).toMatchObject({ total: MAX_ACCOUNT_USD, droppedRows: 0 });
    expect(buildActivityView([row({ byok_usage_inference: MAX_ACCOUNT_USD })], { now: NOW })).toMatchObject({ byokTotal: MAX_ACCOUNT_USD, droppedRows: 0 });
    expect(buildActivityView([row({ usage: MAX_ACCOUNT_USD * 1.01 })], { now: NOW })).toMatchObject({ total: 0, droppedRows: 1 });
  });
});

describe('tokenMixFromActivity', () => {
  const view = buildActivityView([
    row({ model: 'q/coder', prompt_tokens: 100, completion_tokens: 10, requests: 2 }),
    row({ model: 'Q/Coder:free', prompt_tokens: 50, completion_tokens: 5, requests: 1 }),
    row({ model: 'd/flash', prompt_tokens: 1, completion_tokens: 1, requests: 0 }),
  ], { now: NOW });

  it('sums one model family, variants and letter case included, or everything', () => {
    expect(tokenMixFromActivity(view, ' q/coder:nitro ')).toEqual({ input: 150, output: 15, cacheRead: 0, requests: 3, source: 'activity' });
    expect(tokenMixFromActivity(view)).toEqual({ input: 151, output: 16, cacheRead: 0, requests: 3, source: 'activity' });
  });

  it('has no request count when none were made, and no mix without tokens', () => {
    expect(tokenMixFromActivity(view, 'd/flash')).toEqual({ input: 1, output: 1, cacheRead: 0, requests: null, source: 'activity' });
    expect(tokenMixFromActivity(view, 'x/none')).toBeNull();
    const onlyOutput = buildActivityView([row({ prompt_tokens: 0, completion_tokens: 3 })], { now: NOW });
    expect(tokenMixFromActivity(onlyOutput)).toMatchObject({ input: 0, output: 3 });
  });
});
