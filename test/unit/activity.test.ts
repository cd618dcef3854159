import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildActivityView, resolveActivityModels, tokenMixFromActivity } from '../../src/core/account/activity';
import { buildCatalog, createCatalogIndex } from '../../src/core/market/catalog';
import type { ApiModel } from '../../src/core/openrouter/apiTypes';
import type { ActivityView } from '../../src/shared/types';
import type { ApiActivityItem } from '../../src/core/openrouter/apiTypes';

const NOW = Date.parse('2026-07-27T10:00:00Z'); // window: 2026-06-27 .. 2026-07-26

const item = (over: Partial<ApiActivityItem>): ApiActivityItem => ({
  date: '2026-07-20', model: 'openai/gpt-4.1', model_permaslug: 'openai/gpt-4.1-2025-04-14', endpoint_id: 'e1',
  provider_name: 'OpenAI', usage: 0.015, byok_usage_inference: 0.012, requests: 5, prompt_tokens: 50,
  completion_tokens: 125, reasoning_tokens: 25, ...over,
});

describe('buildActivityView', () => {
  const items = [
    item({}),
    item({ endpoint_id: 'e2', provider_name: 'Azure', usage: 0.005, byok_usage_inference: 0, requests: 1, prompt_tokens: 10, completion_tokens: 5, reasoning_tokens: 0 }),
    item({ date: '2026-07-26', model: 'deepseek/deepseek-v4-flash', usage: 0.1, byok_usage_inference: 0, requests: 2, prompt_tokens: 1000, completion_tokens: 300, reasoning_tokens: 100 }),
    item({ date: '2026-07-26', model: 'retired/private-model', usage: 0.2, byok_usage_inference: 0, requests: 1, prompt_tokens: 1, completion_tokens: 1 }),
    item({ date: '2026-07-27', usage: 99 }), // today: not a completed day
    item({ date: '2026-06-26', usage: 99 }), // 31 days back
    item({ date: 'garbage', usage: 99 }),
    item({ date: '2026-06-27', usage: Number.NaN, requests: -3 }),
  ];
  const view = buildActivityView(items, { now: NOW });

  it('covers the last 30 completed UTC days, oldest first', () => {
    expect(view.days).toHaveLength(30);
    expect(view.days[0]!.date).toBe('2026-06-27');
    expect(view.days[29]!.date).toBe('2026-07-26');
  });

  it('merges endpoints of a model on a day and totals per model and overall', () => {
    const d = view.days.find((x) => x.date === '2026-07-20');
    expect(d?.models).toEqual([
      { model: 'openai/gpt-4.1', usage: 0.02, byokUsage: 0.012, requests: 6, promptTokens: 60, completionTokens: 130, reasoningTokens: 25 },
    ]);
    expect(d?.total).toBe(0.02);
    expect(view.byModel.map((m) => [m.model, m.usage])).toEqual([
      ['retired/private-model', 0.2],
      ['deepseek/deepseek-v4-flash', 0.1],
      ['openai/gpt-4.1', 0.02],
    ]);
    expect(view.total).toBe(0.32);
    // A row with bad numbers is left out and counted, never read as $0 (the NaN row, the "garbage" date).
    expect(view.days[0]!.models).toEqual([]);
    expect(view.droppedRows).toBe(2);
    expect(view.outsideWindowRows).toBe(2);
  });

  it('builds a token mix without counting reasoning twice', () => {
    expect(tokenMixFromActivity(view)).toEqual({ input: 1061, output: 431, cacheRead: 0, requests: 9, source: 'activity' });
    expect(tokenMixFromActivity(view, 'DeepSeek/deepseek-v4-flash:nitro')).toEqual({ input: 1000, output: 300, cacheRead: 0, requests: 2, source: 'activity' });
    expect(tokenMixFromActivity(view, 'nobody/none')).toBeNull();
    expect(tokenMixFromActivity(buildActivityView([], { now: NOW }))).toBeNull();
  });
});

describe('resolveActivityModels (the Node side of test/webview/resolvedActivity.test.tsx)', () => {
  const fixture = JSON.parse(readFileSync('test/fixtures/openrouter/models-2026-07-29.json', 'utf8')) as { data: ApiModel[] };
  const index = createCatalogIndex(buildCatalog(fixture.data));
  const row = (model: string, usage = 1.25): ActivityView['byModel'][number] => ({ model, usage, byokUsage: 0, requests: 3, promptTokens: 1000, completionTokens: 100, reasoningTokens: 0 });
  const view = (...models: string[]): ActivityView => {
    const rows = models.map((m) => row(m));
    return {
      days: [
        { date: '2026-07-27', models: [], total: 0, byokTotal: 0 },
        { date: '2026-07-28', models: rows, total: 1.25 * rows.length, byokTotal: 0 },
      ],
      byModel: rows,
      total: 1.25 * rows.length,
      byokTotal: 0,
      droppedRows: 0,
      outsideWindowRows: 0,
    };
  };

  it('names the catalog model of each row, in the totals and in every day; unknown rows get null', () => {
    const r = resolveActivityModels(view('deepseek/deepseek-chat:nitro', 'someone/private-model', 'deepseek/deepseek-chat:nitro'), index)!;
    expect(r.byModel.map((m) => m.modelId)).toEqual(['deepseek/deepseek-chat', null, 'deepseek/deepseek-chat']);
    expect(r.days[1]!.models.map((m) => m.modelId)).toEqual(['deepseek/deepseek-chat', null, 'deepseek/deepseek-chat']);
    // A day without rows is kept as it was; the figures are untouched.
    expect(r.days[0]).toEqual({ date: '2026-07-27', models: [], total: 0, byokTotal: 0 });
    expect(r.byModel.map((m) => m.usage)).toEqual([1.25, 1.25, 1.25]);
  });

  it('the same objects when nothing changes; a view without a catalog index, or no view, as given', () => {
    const resolved = resolveActivityModels(view('deepseek/deepseek-chat:nitro'), index)!;
    expect(resolveActivityModels(resolved, index)).toBe(resolved);
    const plain = view('deepseek/deepseek-chat:nitro');
    expect(resolveActivityModels(plain, null)).toBe(plain);
    expect(plain.byModel[0]!.modelId).toBeUndefined();
    expect(resolveActivityModels(null, index)).toBeNull();
    expect(resolveActivityModels(null, null)).toBeNull();
  });

  it('only the day whose rows changed is replaced', () => {
    const resolved = resolveActivityModels(view('deepseek/deepseek-chat:nitro'), index)!;
    const again = { ...resolved, days: [...resolved.days, { date: '2026-07-29', models: [row('deepseek/deepseek-chat:nitro')], total: 1.25, byokTotal: 0 }] };
    const r = resolveActivityModels(again, index)!;
    expect(r).not.toBe(again);
    expect(r.days[1]).toBe(resolved.days[1]);
    expect(r.days[2]!.models[0]!.modelId).toBe('deepseek/deepseek-chat');
    expect(r.byModel).toEqual(resolved.byModel);
  });

  it('a day with one row already named and one not gets both named', () => {
    const resolved = resolveActivityModels(view('deepseek/deepseek-chat:nitro'), index)!;
    const named = resolved.days[1]!.models[0]!;
    const mixed = { ...resolved, days: [{ date: '2026-07-28', models: [named, row('someone/private-model'), row('deepseek/deepseek-chat')], total: 3.75, byokTotal: 0 }] };
    const r = resolveActivityModels(mixed, index)!;
    expect(r.days[0]!.models.map((m) => m.modelId)).toEqual(['deepseek/deepseek-chat', null, 'deepseek/deepseek-chat']);
    expect(r.days[0]!.models[0]).toBe(named);
  });
});

describe('buildActivityView ordering', () => {
  it('models that tie on spend, BYOK and requests are listed by name, whatever order the rows came in', () => {
    const tie = (model: string): ApiActivityItem => item({ model, usage: 0.5, byok_usage_inference: 0.1, requests: 4 });
    const names = ['zeta/m', 'alpha/m', 'mid/m', 'beta/m'];
    for (const order of [names, [...names].reverse(), ['mid/m', 'zeta/m', 'beta/m', 'alpha/m']]) {
      const v = buildActivityView(order.map(tie), { now: NOW });
      expect(v.byModel.map((m) => m.model)).toEqual(['alpha/m', 'beta/m', 'mid/m', 'zeta/m']);
      expect(v.days.find((d) => d.date === '2026-07-20')!.models.map((m) => m.model)).toEqual(['alpha/m', 'beta/m', 'mid/m', 'zeta/m']);
    }
  });

  it('a tie on spend goes to more BYOK spend, then to more requests', () => {
    const v = buildActivityView(
      [
        item({ model: 'a/fewer', usage: 0.5, byok_usage_inference: 0.1, requests: 1 }),
        item({ model: 'b/byok', usage: 0.5, byok_usage_inference: 0.3, requests: 1 }),
        item({ model: 'c/more', usage: 0.5, byok_usage_inference: 0.1, requests: 9 }),
        item({ model: 'd/top', usage: 0.7, byok_usage_inference: 0, requests: 1 }),
      ],
      { now: NOW },
    );
    expect(v.byModel.map((m) => m.model)).toEqual(['d/top', 'b/byok', 'c/more', 'a/fewer']);
  });
});
