import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCatalog, createCatalogIndex, normalizeModel } from '../../src/core/market/catalog';
import { alternatives, costOfMix, DEFAULT_MIX, inUtcWindow, SIMILAR_CODING_POINTS } from '../../src/core/market/compare';
import { buildRankingsView } from '../../src/core/market/rankings';
import type { ApiModel, ApiRankingsDailyResponse } from '../../src/core/openrouter/apiTypes';
import type { TokenMix } from '../../src/shared/types';

const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../fixtures/openrouter/${name}`, import.meta.url), 'utf8')) as T;
const apiModels = read<{ data: ApiModel[] }>('models-2026-07-29.json').data;
const catalog = buildCatalog(apiModels);
const index = createCatalogIndex(catalog);
const NOW = Date.parse('2026-07-29T12:00:00Z');
const mix = (input: number, output: number, cacheRead = 0, requests: number | null = null): TokenMix => ({ input, output, cacheRead, requests, source: 'custom' });
const model = (id: string) => {
  const m = index.get(id);
  if (m === null) throw new Error(id);
  return m;
};

describe('costOfMix', () => {
  it('prices input, output and cache reads per million', () => {
    // deepseek-v4-flash: 0.14 in, 0.28 out, 0.028 cache read ($/1M)
    expect(costOfMix(model('deepseek/deepseek-v4-flash'), mix(1e6, 1e6, 1e6))).toBeCloseTo(0.14 + 0.28 + 0.028, 12);
    expect(costOfMix(model('anthropic/claude-sonnet-5'), DEFAULT_MIX)).toBeCloseTo(0.75 * 2 + 0.25 * 10, 12);
  });

  it('charges the input price for cache reads when the model has no cache price', () => {
    const m = model('qwen/qwen-plus-2025-07-28'); // 0.26 / 0.78, no cache price
    expect(m.price.cacheRead).toBeNull();
    expect(costOfMix(m, mix(0, 0, 1e6))).toBeCloseTo(0.26, 12);
  });

  it('applies the long-context tier by average prompt per request, only when requests are known', () => {
    const luna = model('openai/gpt-5.6-luna'); // 0.5/3, over 272K prompt: 1/4.5
    expect(costOfMix(luna, mix(3e6, 1e6))).toBeCloseTo(0.5 * 3 + 3, 12); // unknown requests: default tier
    expect(costOfMix(luna, mix(3e6, 1e6, 0, 100))).toBeCloseTo(0.5 * 3 + 3, 12); // 30K per request
    expect(costOfMix(luna, mix(3e6, 1e6, 0, 10))).toBeCloseTo(1 * 3 + 4.5, 12); // 300K per request
    // Cache reads are prompt tokens too, priced at the tier's cache rate.
    expect(costOfMix(luna, mix(1e6, 0, 2e6, 10))).toBeCloseTo(1 + 0.1 * 2, 12);
  });

  it('picks the highest long-context tier that applies', () => {
    const q = model('qwen/qwen3-max'); // tiers at 32K and 128K
    const base = q.price.input ?? 0;
    expect(costOfMix(q, mix(1e6, 0, 0, 100))).toBeCloseTo(base, 12); // 10K
    expect(costOfMix(q, mix(5e6, 0, 0, 100))).toBeCloseTo(5 * 1.56, 12); // 50K
    expect(costOfMix(q, mix(20e6, 0, 0, 100))).toBeCloseTo(20 * 1.95, 12); // 200K
  });

  it('applies time-window tiers by UTC time, wrapping midnight', () => {
    const peak = normalizeModel({
      id: 'x/peaky', name: 'Peaky', pricing: { prompt: '0.000001', completion: '0.000002', overrides: [{ utc_start: 2200, utc_end: 600, prompt: '0.0000005', completion: '0.000001' }] },
    });
    expect(costOfMix(peak, mix(1e6, 1e6), { now: Date.parse('2026-07-29T12:00:00Z') })).toBe(3);
    expect(costOfMix(peak, mix(1e6, 1e6), { now: Date.parse('2026-07-29T23:30:00Z') })).toBe(1.5);
    expect(costOfMix(peak, mix(1e6, 1e6), { now: Date.parse('2026-07-29T05:59:00Z') })).toBe(1.5);
    expect(costOfMix(peak, mix(1e6, 1e6), { now: Date.parse('2026-07-29T06:00:00Z') })).toBe(3);
    expect(inUtcWindow(900, 900, 1700)).toBe(true);
    expect(inUtcWindow(1700, 900, 1700)).toBe(false);
  });

  it('adds per-request prices when requests are known, and returns null for variable prices', () => {
    const m = normalizeModel({ id: 'x/req', name: 'r', pricing: { prompt: '0', completion: '0', request: '0.01' } });
    expect(costOfMix(m, mix(0, 0, 0, 5))).toBe(0.05);
    expect(costOfMix(model('openrouter/auto'), DEFAULT_MIX)).toBeNull();
  });
});

describe('alternatives', () => {
  const rankings = buildRankingsView(read<ApiRankingsDailyResponse>('rankings-daily-2026-07-06_2026-07-26.json').data, {
    window: { start: '2026-07-20', end: '2026-07-26' },
    index,
  });
  const result = alternatives(index, 'anthropic/claude-sonnet-5', DEFAULT_MIX, { limit: 8, rankings, now: NOW });

  it('lists cheaper models of similar or better coding index, cheapest first', () => {
    const base = model('anthropic/claude-sonnet-5');
    expect(result.baseCost).toBeCloseTo(4, 12);
    expect(result.alternatives.length).toBeGreaterThan(0);
    expect(result.alternatives.length).toBeLessThanOrEqual(8);
    for (const a of result.alternatives) {
      expect(a.codingIndex).not.toBeNull();
      expect(a.codingIndex ?? 0).toBeGreaterThanOrEqual((base.codingIndex ?? 0) - SIMILAR_CODING_POINTS);
      expect(a.cost).toBeLessThan(result.baseCost ?? 0);
      expect(a.saving).toBeCloseTo((result.baseCost ?? 0) - a.cost, 9);
      expect(a.savingPct).toBeCloseTo((a.saving / (result.baseCost ?? 1)) * 100, 6);
      const m = model(a.id);
      expect(m.variable || m.id.startsWith('~') || m.variant === 'batch').toBe(false);
      expect(m.outputModalities).toContain('text');
    }
    const costs = result.alternatives.map((a) => a.cost);
    expect(costs).toEqual([...costs].sort((x, y) => x - y));
  });

  it('agrees with a brute-force filter of the catalog', () => {
    const base = model('anthropic/claude-sonnet-5');
    const expected = catalog
      .filter((m) => m.id !== base.id && !m.variable && m.codingIndex !== null && m.codingIndex >= (base.codingIndex ?? 0) - 2)
      .filter((m) => !m.id.startsWith('~') && m.variant !== 'batch' && m.outputModalities.includes('text'))
      .filter((m) => m.expirationDate === null || m.expirationDate > '2026-07-29')
      .map((m) => ({ id: m.id, cost: (m.price.input ?? 0) * 0.75 + (m.price.output ?? 0) * 0.25 }))
      .filter((m) => m.cost < 4)
      .sort((a, b) => a.cost - b.cost);
    expect(expected.length).toBeGreaterThan(2);
    expect(result.alternatives.map((a) => a.cost)).toEqual(expected.slice(0, 8).map((e) => e.cost));
    expect(result.alternatives.map((a) => a.id).sort()).toEqual(expected.slice(0, 8).map((e) => e.id).sort());
  });

  it('carries the rank of this week where the model ranks', () => {
    const ranked = result.alternatives.filter((a) => a.rank !== null);
    for (const a of ranked) expect(rankings.models[(a.rank ?? 0) - 1]?.id).toBe(a.id);
  });

  it('keeps models without a coding index only when the base has none either', () => {
    const noIndex = catalog.find((m) => m.codingIndex === null && !m.variable && (m.price.input ?? 0) > 1 && m.outputModalities.includes('text'));
    expect(noIndex).toBeDefined();
    const r = alternatives(index, noIndex?.id ?? '', DEFAULT_MIX, { limit: 50, now: NOW });
    expect(r.alternatives.some((a) => a.codingIndex === null)).toBe(true);
    expect(result.alternatives.some((a) => a.codingIndex === null)).toBe(false);
  });

  it('returns no alternatives for variable, unknown or free models', () => {
    expect(alternatives(index, 'openrouter/auto', DEFAULT_MIX, { now: NOW })).toMatchObject({ baseCost: null, alternatives: [] });
    expect(alternatives(index, 'nobody/nothing', DEFAULT_MIX, { now: NOW })).toMatchObject({ baseCost: null, alternatives: [] });
    expect(alternatives(index, 'openai/gpt-oss-20b:free', DEFAULT_MIX, { now: NOW })).toMatchObject({ baseCost: 0, alternatives: [] });
  });

  it('compares an alias by its own prices and never proposes aliases', () => {
    const r = alternatives(index, '~anthropic/claude-sonnet-latest', DEFAULT_MIX, { now: NOW, limit: 20 });
    expect(r.baseCost).toBeCloseTo(4, 12);
    expect(r.alternatives.some((a) => a.id.startsWith('~'))).toBe(false);
  });
});
