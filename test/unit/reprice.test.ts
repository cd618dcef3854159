// Re-pricing the user's real workload: the mix read from the spend history (cache reads taken out of the
// prompt, reasoning kept, requests for long-context tiers), priced part by part on real captured prices, and
// what could not be priced said, not hidden.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCatalog, createCatalogIndex } from '../../src/core/market/catalog';
import { alternatives, priceMix, DEFAULT_MIX } from '../../src/core/market/compare';
import { historyMix } from '../../src/core/spend/reprice';
import { buildSpendHistory, spendHistoryFromActivity } from '../../src/core/spend/history';
import { buildActivityView } from '../../src/core/account/activity';
import { swapTargetPrompt } from '../../src/core/refs/present';
import { compareMixNote } from '../../src/core/market/pickItems';
import type { ApiModel } from '../../src/core/openrouter/apiTypes';
import type { AnalyticsRow } from '../../src/core/openrouter/schemas';
import type { CatalogModel, TokenMix } from '../../src/shared/types';

const apiModels = (JSON.parse(readFileSync(new URL('../fixtures/openrouter/models-2026-07-29.json', import.meta.url), 'utf8')) as { data: ApiModel[] }).data;
const index = createCatalogIndex(buildCatalog(apiModels));
const NOW = Date.parse('2026-07-29T12:00:00Z');
const model = (id: string): CatalogModel => {
  const m = index.get(id);
  if (m === null) throw new Error(id);
  return m;
};

const row = (over: Partial<AnalyticsRow> = {}): AnalyticsRow => ({
  date: '2026-07-28',
  model: 'deepseek/deepseek-v4-pro',
  totalUsage: 1.5,
  byokUsage: 0,
  requests: '100',
  promptTokens: '4000000',
  completionTokens: '1000000',
  reasoningTokens: '200000',
  cachedTokens: '3000000',
  cacheHitRate: 0.6,
  ...over,
});
const history = (rows: AnalyticsRow[]) => buildSpendHistory({ rows, truncated: false, dropped: 0 }, { requested: 30, now: NOW });

describe('historyMix', () => {
  it('takes cached tokens out of the prompt, keeps reasoning within output, and carries what was spent', () => {
    const mix = historyMix(history([row(), row({ date: '2026-07-27', totalUsage: 0.5 })]), 'deepseek/deepseek-v4-pro');
    expect(mix).toEqual({
      input: 2_000_000,
      output: 2_000_000,
      cacheRead: 6_000_000,
      reasoning: 400_000,
      cacheWrite: null,
      requests: 200,
      source: 'history',
      history: { model: 'deepseek/deepseek-v4-pro', days: 30, source: 'analytics', spend: 2, cacheReadsReported: true },
    });
  });

  it('counts variants of the model, and not other models', () => {
    const mix = historyMix(history([row(), row({ model: 'deepseek/deepseek-v4-pro:nitro' }), row({ model: 'qwen/qwen3.7-plus' })]), 'deepseek/deepseek-v4-pro');
    expect(mix?.requests).toBe(200);
  });

  it('matches a dated permaslug through the caller’s resolver', () => {
    const v = history([row({ model: 'deepseek/deepseek-v4-pro-20260424' })]);
    expect(historyMix(v, 'deepseek/deepseek-v4-pro')).toBeNull();
    expect(historyMix(v, 'deepseek/deepseek-v4-pro', (m) => m.startsWith('deepseek/deepseek-v4-pro'))?.input).toBe(1_000_000);
  });

  it('none for a model without tokens in the window', () => {
    expect(historyMix(history([row({ promptTokens: '0', completionTokens: '0', cachedTokens: '0' })]), 'deepseek/deepseek-v4-pro')).toBeNull();
    expect(historyMix(history([row()]), 'qwen/qwen3.7-plus')).toBeNull();
  });

  it('from the /activity fallback: no cache reads known, said in the mix', () => {
    const act = buildActivityView(
      [{ date: '2026-07-28', model: 'deepseek/deepseek-v4-pro', usage: 1, requests: 5, prompt_tokens: 5000, completion_tokens: 500, reasoning_tokens: 50 }],
      { now: NOW },
    );
    const v = spendHistoryFromActivity(act, { requested: 30, fallback: { kind: 'forbidden', message: 'x' }, fetchedAt: NOW });
    const mix = historyMix(v, 'deepseek/deepseek-v4-pro');
    expect(mix).toMatchObject({ input: 5000, cacheRead: 0, history: { source: 'activity', cacheReadsReported: false } });
  });
});

describe('priceMix on real captured prices', () => {
  const mix = historyMix(history([row()]), 'deepseek/deepseek-v4-pro') as TokenMix;

  it('prices cache reads at the model’s cache price: deepseek-v4-pro vs qwen3.7-plus', () => {
    // deepseek-v4-pro: 0.435 in, 0.87 out, 0.003625 cache read ($/1M); 1M in, 1M out, 3M cached.
    expect(priceMix(model('deepseek/deepseek-v4-pro'), mix).cost).toBeCloseTo(0.435 + 0.87 + 3 * 0.003625, 6);
    // qwen3.7-plus: 0.32 in, 1.28 out, 0.064 cache read (average prompt 40K: below its 256K tier).
    expect(priceMix(model('qwen/qwen3.7-plus'), mix).cost).toBeCloseTo(0.32 + 1.28 + 3 * 0.064, 6);
  });

  it('says cache writes are not in the history, on every model', () => {
    expect(priceMix(model('deepseek/deepseek-v4-pro'), mix).unpriced).toEqual([{ part: 'cacheWrite', reason: 'notReported', tokens: null }]);
  });

  it('a target without a cache-read price: cached tokens at its input rate, and said so', () => {
    const m = model('qwen/qwen3.6-plus'); // 0.325 in, 1.95 out, no cache-read price
    const priced = priceMix(m, mix);
    expect(priced.cost).toBeCloseTo(0.325 + 1.95 + 3 * 0.325, 6);
    expect(priced.unpriced).toContainEqual({ part: 'cacheRead', reason: 'noPrice', tokens: 3_000_000 });
  });

  it('cache writes, when a mix has them, at the cache-write price or flagged at the input rate', () => {
    const withWrites: TokenMix = { input: 1e6, output: 0, cacheRead: 0, cacheWrite: 1e6, source: 'custom' };
    expect(priceMix(model('qwen/qwen3.7-plus'), withWrites)).toEqual({ cost: expect.closeTo(0.32 + 0.4, 6) as number, unpriced: [] });
    const noWritePrice = priceMix(model('deepseek/deepseek-v4-pro'), withWrites);
    expect(noWritePrice.cost).toBeCloseTo(0.435 * 2, 6);
    expect(noWritePrice.unpriced).toEqual([{ part: 'cacheWrite', reason: 'noPrice', tokens: 1e6 }]);
  });

  it('reasoning tokens at the model’s internal_reasoning price when it has one, else as output', () => {
    const r: TokenMix = { input: 0, output: 1e6, cacheRead: 0, reasoning: 4e5, source: 'custom' };
    // sonar-deep-research: 8 out, 3 reasoning ($/1M)
    expect(priceMix(model('perplexity/sonar-deep-research'), r).cost).toBeCloseTo(0.6 * 8 + 0.4 * 3, 6);
    expect(priceMix(model('deepseek/deepseek-v4-pro'), r).cost).toBeCloseTo(0.87, 6);
  });

  it('long-context tiers (overrides) apply by average prompt per request, cache reads and writes included', () => {
    // qwen3.7-plus' tier above 256K prompt tokens: 0.96 in, 3.84 out, 0.192 cache read.
    const longMix: TokenMix = { input: 1e6, output: 1e6, cacheRead: 2e6, requests: 10, source: 'custom' }; // 300K per request
    expect(priceMix(model('qwen/qwen3.7-plus'), longMix).cost).toBeCloseTo(0.96 + 3.84 + 2 * 0.192, 6);
    expect(priceMix(model('qwen/qwen3.7-plus'), { ...longMix, requests: 100 }).cost).toBeCloseTo(0.32 + 1.28 + 2 * 0.064, 6);
  });

  it('a variable-price model has no cost, and nothing to say about parts', () => {
    expect(priceMix(model('openrouter/auto'), mix)).toEqual({ cost: null, unpriced: [] });
  });
});

describe('alternatives on the real workload', () => {
  it('carries the history mix, the base model’s unpriced parts, and each alternative’s own', () => {
    const mix = historyMix(history([row({ model: 'anthropic/claude-sonnet-4.5', cachedTokens: '0' })]), 'anthropic/claude-sonnet-4.5') as TokenMix;
    const res = alternatives(index, 'anthropic/claude-sonnet-4.5', mix, { now: NOW, limit: 50 });
    expect(res.mix.source).toBe('history');
    expect(res.baseUnpriced).toEqual([{ part: 'cacheWrite', reason: 'notReported', tokens: null }]);
    expect(res.alternatives.length).toBeGreaterThan(0);
    for (const a of res.alternatives) expect(a.unpriced).toContainEqual({ part: 'cacheWrite', reason: 'notReported', tokens: null });
  });

  it('the default mix has nothing unpriced and is labelled as the default', () => {
    const res = alternatives(index, 'anthropic/claude-sonnet-4.5', DEFAULT_MIX, { now: NOW });
    expect(res.baseUnpriced).toBeUndefined();
    expect(compareMixNote(res)).toBe('a default mix (3 input : 1 output tokens)');
    expect(swapTargetPrompt('anthropic/claude-sonnet-4.5', model('anthropic/claude-sonnet-4.5'), res).placeHolder).toContain('a default 3:1 mix');
  });

  it('the swap picker names the history mix and what it cost', () => {
    const mix = historyMix(history([row({ model: 'anthropic/claude-sonnet-4.5', totalUsage: 12.5 })]), 'anthropic/claude-sonnet-4.5') as TokenMix;
    const res = alternatives(index, 'anthropic/claude-sonnet-4.5', mix, { now: NOW });
    expect(compareMixNote(res)).toBe('your last-30-day mix ($12.50 spent)');
    expect(swapTargetPrompt('anthropic/claude-sonnet-4.5', model('anthropic/claude-sonnet-4.5'), res).placeHolder).toContain('your 30-day mix');
  });
});

describe('the swap picker says what a saving could not price', () => {
  it('an alternative without a cache-read price carries the note on its row; one with prices does not', async () => {
    const { swapTargetSections } = await import('../../src/core/refs/present');
    const mix = historyMix(history([row({ model: 'anthropic/claude-sonnet-4.5' })]), 'anthropic/claude-sonnet-4.5') as TokenMix;
    const res = alternatives(index, 'anthropic/claude-sonnet-4.5', mix, { now: NOW, limit: 50 });
    const noCache = res.alternatives.find((a) => a.unpriced?.some((p) => p.reason === 'noPrice'));
    const priced = res.alternatives.find((a) => !a.unpriced?.some((p) => p.reason === 'noPrice'));
    expect(noCache && priced).toBeTruthy();
    const sections = swapTargetSections({ models: index.all, rankings: null, currentId: 'anthropic/claude-sonnet-4.5', compare: res });
    const items = sections[0]!.items;
    expect(items.find((i) => i.id === noCache!.id)?.detail).toContain('no cache-read price: 3M tokens at input rate');
    expect(items.find((i) => i.id === priced!.id)?.detail ?? '').not.toContain('no cache-read price');
  });
});
