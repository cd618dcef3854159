// The Data API ranks "x/y" and "x/y:free" as separate entries; the rankings view ranks them as one model but keeps
// each variant's own figure, so a catalog row never shows its base model's tokens (read as double counting).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCatalog, createCatalogIndex } from '../../src/core/market/catalog';
import { buildRankingsView } from '../../src/core/market/rankings';
import type { ApiModel, ApiRankingsDailyResponse } from '../../src/core/openrouter/apiTypes';
import { ownWeeklyTokens } from '../../src/shared/variantTokens';
import type { RankedModel } from '../../src/shared/types';

const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../fixtures/openrouter/${name}`, import.meta.url), 'utf8')) as T;
const daily = read<ApiRankingsDailyResponse>('rankings-daily-2026-07-06_2026-07-26.json');
const index = createCatalogIndex(buildCatalog(read<{ data: ApiModel[] }>('models-2026-07-29.json').data));
const WINDOW = { start: '2026-07-20', end: '2026-07-26' };
const view = buildRankingsView(daily.data, { window: WINDOW, index });
const rowsOf = (permaslug: string): bigint =>
  daily.data.filter((r) => r.date >= WINDOW.start && r.date <= WINDOW.end && r.model_permaslug.toLowerCase() === permaslug).reduce((s, r) => s + BigInt(r.total_tokens), 0n);

describe('rankings keep each variant\'s own tokens', () => {
  it('Nemotron 3 Ultra, ranked this week only as ":free": the free row has the figure, the base row none', () => {
    const slug = 'nvidia/nemotron-3-ultra-550b-a55b-20260604';
    const ranked = view.models.find((m) => m.permaslug === slug) ?? null;
    expect(ranked?.variantTokens).toEqual({ free: rowsOf(`${slug}:free`).toString() });
    expect(ownWeeklyTokens(ranked, 'free')).toEqual({ kind: 'tokens', tokens: rowsOf(`${slug}:free`).toString() });
    expect(ownWeeklyTokens(ranked, null).kind).toBe('none');
  });

  it('a model ranked with and without ":free" in one window keeps the two figures the Data API gives', () => {
    const both = view.models.filter((m) => Object.keys(m.variantTokens ?? {}).length > 1);
    expect(both.length).toBeGreaterThan(0);
    for (const m of both) {
      const slug = daily.data.find((r) => r.model_permaslug.toLowerCase().startsWith(m.permaslug))?.model_permaslug.toLowerCase().replace(/:.*$/, '') ?? '';
      for (const [variant, tokens] of Object.entries(m.variantTokens ?? {})) expect(tokens).toBe(rowsOf(variant === '' ? slug : `${slug}:${variant}`).toString());
    }
  });

  it('every ranked model\'s variant figures add up to its total', () => {
    for (const m of view.models) {
      const parts = Object.values(m.variantTokens ?? {}).reduce((s, t) => s + BigInt(t), 0n);
      expect(parts).toBe(BigInt(m.tokens ?? '-1'));
    }
  });
});

describe('ownWeeklyTokens', () => {
  const ranked = (over: Partial<RankedModel>): RankedModel => ({ rank: 3, permaslug: 'x/y', id: 'x/y', name: 'Y', author: 'x', region: 'US', tokens: '1500', prevTokens: null, change: null, share: 0.1, ...over });

  it('gives the base row and the variant row each its own figure', () => {
    const r = ranked({ variantTokens: { '': '1000', free: '500' } });
    expect(ownWeeklyTokens(r, null)).toEqual({ kind: 'tokens', tokens: '1000' });
    expect(ownWeeklyTokens(r, 'free')).toEqual({ kind: 'tokens', tokens: '500' });
  });

  it('a variant the rankings do not list shows no figure, with the reason; so does a base ranked only through a variant', () => {
    const r = ranked({ variantTokens: { '': '1500' } });
    const batch = ownWeeklyTokens(r, 'batch');
    expect(batch.kind).toBe('none');
    expect(batch.kind === 'none' && batch.reason).toMatch(/:batch.*not in OpenRouter’s daily top-50/);
    const onlyFree = ranked({ variantTokens: { free: '1500' } });
    expect(ownWeeklyTokens(onlyFree, null).kind).toBe('none');
  });

  it('rankings without the split (an older cache) give the figure to the base row only', () => {
    const r = ranked({});
    expect(ownWeeklyTokens(r, null)).toEqual({ kind: 'tokens', tokens: '1500' });
    expect(ownWeeklyTokens(r, 'thinking').kind).toBe('none');
  });

  it('order-only rankings and unranked models have no figure', () => {
    expect(ownWeeklyTokens(ranked({ tokens: null }), null)).toEqual({ kind: 'unranked' });
    expect(ownWeeklyTokens(null, 'free')).toEqual({ kind: 'unranked' });
  });
});
