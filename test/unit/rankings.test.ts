import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCatalog, createCatalogIndex } from '../../src/core/market/catalog';
import {
  addDays,
  basePermaslug,
  buildOrderView,
  buildRankingsView,
  defaultWindows,
  isIsoDay,
  joinPermaslug,
  leadersByRegion,
  windowsFor,
} from '../../src/core/market/rankings';
import { createRegionResolver } from '../../src/core/market/regions';
import type { ApiModel, ApiRankingsDailyResponse } from '../../src/core/openrouter/apiTypes';

const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../fixtures/openrouter/${name}`, import.meta.url), 'utf8')) as T;
const daily = read<ApiRankingsDailyResponse>('rankings-daily-2026-07-06_2026-07-26.json');
const index = createCatalogIndex(buildCatalog(read<{ data: ApiModel[] }>('models-2026-07-29.json').data));

const WINDOW = { start: '2026-07-20', end: '2026-07-26' };
const PREV = { start: '2026-07-13', end: '2026-07-19' };
const inWin = (d: string, w: { start: string; end: string }): boolean => d >= w.start && d <= w.end;
// Independent figures: plain reduces over the fixture, no module code.
const rowsIn = (w: { start: string; end: string }): ApiRankingsDailyResponse['data'] => daily.data.filter((r) => inWin(r.date, w));
const sum = (rows: { total_tokens: string }[]): bigint => rows.reduce((s, r) => s + BigInt(r.total_tokens), 0n);
const CN = new Set(['deepseek', 'qwen', 'moonshotai', 'z-ai', 'minimax', 'tencent', 'stepfun', 'xiaomi', 'inclusionai']);
const US = new Set(['openai', 'google', 'anthropic', 'nvidia', 'poolside', 'x-ai', 'perplexity']);
const authorOf = (p: string): string => p.split('/')[0]!.toLowerCase();

const view = buildRankingsView(daily.data, { window: WINDOW, asOf: daily.meta.as_of, index });

describe('rankings-daily → RankingsView (real capture)', () => {
  it('totals equal an independent sum, unattributed included', () => {
    const rows = rowsIn(WINDOW);
    expect(view.totalTokens).toBe(sum(rows).toString());
    expect(view.unattributedTokens).toBe(sum(rows.filter((r) => r.model_permaslug === 'other')).toString());
    expect(view.unattributedShare).toBeCloseTo(Number(sum(rows.filter((r) => r.model_permaslug === 'other'))) / Number(sum(rows)), 12);
  });

  it('sums per region match, and region plus unattributed shares sum to 1', () => {
    const rows = rowsIn(WINDOW).filter((r) => r.model_permaslug !== 'other');
    const cn = sum(rows.filter((r) => CN.has(authorOf(r.model_permaslug))));
    const us = sum(rows.filter((r) => US.has(authorOf(r.model_permaslug))));
    const byRegion = Object.fromEntries(view.regions.map((r) => [r.region, r]));
    expect(byRegion.CN!.tokens).toBe(cn.toString());
    expect(byRegion.US!.tokens).toBe(us.toString());
    expect(byRegion.EU!.tokens).toBe(sum(rows.filter((r) => authorOf(r.model_permaslug) === 'mistralai')).toString());
    expect(byRegion.OTHER!.tokens).toBe(sum(rows.filter((r) => authorOf(r.model_permaslug) === 'cohere')).toString());
    const shares = view.regions.reduce((s, r) => s + r.share, 0) + (view.unattributedShare ?? 0);
    expect(shares).toBeCloseTo(1, 12);
    expect(view.models.reduce((s, m) => s + (m.share ?? 0), 0) + (view.unattributedShare ?? 0)).toBeCloseTo(1, 12);
  });

  it('merges variants under the permaslug and ranks by tokens', () => {
    const rows = rowsIn(WINDOW);
    const hy3 = sum(rows.filter((r) => r.model_permaslug.startsWith('tencent/hy3-20260706')));
    const m = view.models.find((x) => x.permaslug === 'tencent/hy3-20260706');
    expect(m?.tokens).toBe(hy3.toString());
    expect(view.models.some((x) => x.permaslug.includes(':'))).toBe(false);
    const distinct = new Set(rows.filter((r) => r.model_permaslug !== 'other').map((r) => basePermaslug(r.model_permaslug)));
    expect(view.models).toHaveLength(distinct.size);
    for (let i = 1; i < view.models.length; i++) expect(BigInt(view.models[i - 1]!.tokens ?? '0') >= BigInt(view.models[i]!.tokens ?? '0')).toBe(true);
    expect(view.models.map((x) => x.rank)).toEqual(view.models.map((_, i) => i + 1));
  });

  it('computes week-over-week change from the previous window', () => {
    const slug = 'deepseek/deepseek-v4-flash-20260423';
    const now = sum(rowsIn(WINDOW).filter((r) => r.model_permaslug === slug));
    const before = sum(rowsIn(PREV).filter((r) => r.model_permaslug === slug));
    const m = view.models.find((x) => x.permaslug === slug);
    expect(m?.prevTokens).toBe(before.toString());
    expect(m?.change).toBeCloseTo(Number(now - before) / Number(before), 12);
    const cnPrev = sum(rowsIn(PREV).filter((r) => CN.has(authorOf(r.model_permaslug))));
    expect(view.regions.find((r) => r.region === 'CN')?.prevTokens).toBe(cnPrev.toString());
  });

  it('joins permaslugs to catalog ids, with the undated-id fallback', () => {
    expect(view.models.find((x) => x.permaslug === 'deepseek/deepseek-v4-flash-20260423')).toMatchObject({ id: 'deepseek/deepseek-v4-flash', region: 'CN' });
    const joined = view.models.filter((m) => m.id !== null).length;
    expect(joined / view.models.length).toBeGreaterThan(0.8);
    expect(joinPermaslug(index, 'OPENAI/gpt-5.4-20260305:free')?.id).toBe('openai/gpt-5.4');
    expect(joinPermaslug(index, 'deepseek/deepseek-v3.2-20990101')?.id).toBe('deepseek/deepseek-v3.2');
    expect(joinPermaslug(index, 'nobody/nothing')).toBeNull();
    expect(joinPermaslug(null, 'deepseek/deepseek-v3.2')).toBeNull();
  });

  it('fills a daily series per region for every day of the window', () => {
    expect(view.daily.map((d) => d.date)).toEqual(['2026-07-20', '2026-07-21', '2026-07-22', '2026-07-23', '2026-07-24', '2026-07-25', '2026-07-26']);
    const day = rowsIn({ start: '2026-07-22', end: '2026-07-22' });
    const d = view.daily[2];
    expect(d!.regions?.CN).toBe(sum(day.filter((r) => CN.has(authorOf(r.model_permaslug)))).toString());
    expect(d!.unattributed).toBe(sum(day.filter((r) => r.model_permaslug === 'other')).toString());
    const total = view.daily.reduce((s, x) => s + Object.values(x.regions ?? {}).reduce((a, b) => a + BigInt(b), 0n) + BigInt(x.unattributed ?? '0'), 0n);
    expect(total.toString()).toBe(view.totalTokens);
  });

  it('lists authors by tokens and cites the source', () => {
    expect(view.authors[0]!.tokens).toBe(
      sum(rowsIn(WINDOW).filter((r) => authorOf(r.model_permaslug) === view.authors[0]!.author)).toString(),
    );
    expect(view.citation).toBe('Source: OpenRouter (openrouter.ai/rankings), as of Jul 26, 2026.');
    expect(view.mode).toBe('tokens');
    expect(view.window).toEqual(WINDOW);
  });

  it('gives leaders per region in rank order', () => {
    const leaders = leadersByRegion(view, 3);
    expect(leaders.CN).toHaveLength(3);
    expect(leaders.CN.every((m) => m.region === 'CN')).toBe(true);
    expect(leaders.CN[0]!.rank).toBeLessThan(leaders.CN[1]!.rank);
    expect(leaders.US[0]).toBe(view.models.find((m) => m.region === 'US'));
  });

  it('respects region overrides', () => {
    const v = buildRankingsView(daily.data, { window: WINDOW, regions: createRegionResolver({ cohere: 'US' }) });
    const us = BigInt(v.regions.find((r) => r.region === 'US')?.tokens ?? '0');
    const cohere = sum(rowsIn(WINDOW).filter((r) => authorOf(r.model_permaslug) === 'cohere'));
    expect(us).toBe(BigInt(view.regions.find((r) => r.region === 'US')?.tokens ?? '0') + cohere);
  });
});

describe('edge cases', () => {
  it('handles rows without an author, bad totals, capitals and a missing previous window', () => {
    const v = buildRankingsView(
      [
        { date: '2026-07-26', model_permaslug: 'text-embedding-3-large', total_tokens: '10' },
        { date: '2026-07-26', model_permaslug: 'Qwen/Qwen3-X:free', total_tokens: '30' },
        { date: '2026-07-26', model_permaslug: 'qwen/qwen3-x', total_tokens: '20' },
        { date: '2026-07-26', model_permaslug: 'qwen/bad', total_tokens: '1.5' },
        { date: '2026-07-26', model_permaslug: 'other', total_tokens: '40' },
        { date: '2026-08-01', model_permaslug: 'qwen/qwen3-x', total_tokens: '999' },
      ],
      { window: { start: '2026-07-26', end: '2026-07-26' } },
    );
    expect(v.totalTokens).toBe('100');
    expect(v.models.map((m) => [m.permaslug, m.tokens, m.region, m.author])).toEqual([
      ['qwen/qwen3-x', '50', 'CN', 'qwen'],
      ['text-embedding-3-large', '10', 'UNKNOWN', ''],
    ]);
    expect(v.models[0]).toMatchObject({ prevTokens: null, change: null, id: null, share: 0.5 });
    expect(v.regions.find((r) => r.region === 'CN')).toMatchObject({ tokens: '50', share: 0.5, prevTokens: null, change: null });
    expect(v.unattributedShare).toBe(0.4);
    expect(v.citation).toContain('as of Jul 26, 2026.');
  });

  it('returns an empty view for no rows', () => {
    const v = buildRankingsView([], { window: WINDOW });
    expect(v).toMatchObject({ totalTokens: '0', unattributedShare: 0, models: [], authors: [] });
    expect(v.regions.every((r) => r.share === 0)).toBe(true);
  });

  it('computes default windows from the clock: last 7 completed UTC days and the 7 before', () => {
    const w = defaultWindows(Date.parse('2026-07-27T03:00:00Z'));
    expect(w).toEqual({
      current: { start: '2026-07-20', end: '2026-07-26' },
      previous: { start: '2026-07-13', end: '2026-07-19' },
      fetch: { start: '2026-07-13', end: '2026-07-26' },
    });
    const v = buildRankingsView(daily.data, { now: Date.parse('2026-07-27T03:00:00Z') });
    expect(v.totalTokens).toBe(view.totalTokens);
    expect(() => windowsFor({ start: '2026-07-26', end: '2026-07-20' })).toThrow(RangeError);
    expect(() => windowsFor({ start: '2026-02-30', end: '2026-03-01' })).toThrow(RangeError);
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isIsoDay('2028-02-29')).toBe(true);
  });
});

describe('order-only mode (no key)', () => {
  it('ranks by position, merges variants, joins the catalog, invents no figures', () => {
    const v = buildOrderView(
      ['deepseek/deepseek-v4-flash', 'openai/gpt-oss-20b:free', 'anthropic/claude-sonnet-5', 'openai/gpt-oss-20b', 'mystery/model', ''],
      { index },
    );
    expect(v.mode).toBe('order');
    expect(v.models.map((m) => [m.rank, m.permaslug, m.id, m.region])).toEqual([
      [1, 'deepseek/deepseek-v4-flash', 'deepseek/deepseek-v4-flash', 'CN'],
      [2, 'openai/gpt-oss-20b', 'openai/gpt-oss-20b:free', 'US'],
      [3, 'anthropic/claude-sonnet-5', 'anthropic/claude-sonnet-5', 'US'],
      [4, 'mystery/model', null, 'UNKNOWN'],
    ]);
    expect(v.models.every((m) => m.tokens === null && m.share === null)).toBe(true);
    expect(v).toMatchObject({ window: null, totalTokens: null, citation: null, regions: [], daily: [] });
    expect(leadersByRegion(v, 1).US.map((m) => m.permaslug)).toEqual(['openai/gpt-oss-20b']);
  });
});

describe('rankings from hand-made rows: ties, timestamps', () => {
  const W = { start: '2026-07-20', end: '2026-07-26' };
  const row = (date: string, model_permaslug: string, total_tokens: string) => ({ date, model_permaslug, total_tokens });

  it('models and labs with the same tokens are ordered by name, whatever order the rows came in', () => {
    const rows = [
      row('2026-07-21', 'zeta/model-b', '500'),
      row('2026-07-21', 'alpha/model-c', '500'),
      row('2026-07-21', 'zeta/model-a', '500'),
      row('2026-07-21', 'mid/model-d', '900'),
    ];
    for (const order of [rows, [...rows].reverse(), [rows[2]!, rows[0]!, rows[3]!, rows[1]!]]) {
      const v = buildRankingsView(order, { window: W });
      expect(v.models.map((m) => [m.rank, m.permaslug])).toEqual([
        [1, 'mid/model-d'],
        [2, 'alpha/model-c'],
        [3, 'zeta/model-a'],
        [4, 'zeta/model-b'],
      ]);
      // zeta: 1000, mid: 900; then alpha and another lab tied at 500 would go by name: see the next case.
      expect(v.authors.map((a) => [a.author, a.tokens])).toEqual([
        ['zeta', '1000'],
        ['mid', '900'],
        ['alpha', '500'],
      ]);
    }
    const tied = [row('2026-07-22', 'beta/x', '7'), row('2026-07-22', 'alpha/y', '7'), row('2026-07-22', 'gamma/z', '7')];
    for (const order of [tied, [...tied].reverse()]) {
      expect(buildRankingsView(order, { window: W }).authors.map((a) => a.author)).toEqual(['alpha', 'beta', 'gamma']);
    }
  });

  it('a row dated with a time ("T" or a space after the day) counts on that day; any other suffix drops the row', () => {
    const v = buildRankingsView(
      [
        row('2026-07-21T00:00:00Z', 'a/one', '10'),
        row('2026-07-22 00:00:00', 'a/one', '20'),
        row('2026-07-23', 'a/one', '30'),
        row('2026-07-24x', 'a/one', '1000'),
        row('2026-07-24/2026-07-25', 'a/one', '1000'),
      ],
      { window: W },
    );
    expect(v.totalTokens).toBe('60');
    expect(v.coverage?.droppedRows).toBe(2);
    expect(v.daily.filter((d) => d.regions !== null).map((d) => d.date)).toEqual(['2026-07-21', '2026-07-22', '2026-07-23']);
  });
});
