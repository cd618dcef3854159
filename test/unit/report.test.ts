import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCatalog, createCatalogIndex } from '../../src/core/market/catalog';
import { buildReport, formatReportTable } from '../../src/core/market/report';
import { formatPercent, regionLabel } from '../../src/shared/format';
import type { ApiModel, ApiRankingsDailyResponse } from '../../src/core/openrouter/apiTypes';

const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../fixtures/openrouter/${name}`, import.meta.url), 'utf8')) as T;
const daily = read<ApiRankingsDailyResponse>('rankings-daily-2026-07-06_2026-07-26.json');
const apiModels = read<{ data: ApiModel[] }>('models-2026-07-29.json').data;
const index = createCatalogIndex(buildCatalog(apiModels));
const WINDOW = { start: '2026-07-20', end: '2026-07-26' };

const report = buildReport({ rows: daily.data, asOf: daily.meta.as_of ?? null, window: WINDOW, baseUrl: 'https://openrouter.ai/api/v1', index, top: 3 });

describe('buildReport', () => {
  it('has the JSON contract shape', () => {
    expect(Object.keys(report)).toEqual(['source', 'window', 'totals', 'regions', 'coverage']);
    expect(Object.keys(report.coverage)).toEqual(['requestedDays', 'daysWithData', 'firstDay', 'lastDay', 'missingDays', 'duplicateRows', 'droppedRows']);
    expect(report.source).toEqual({ baseUrl: 'https://openrouter.ai/api/v1', asOf: '2026-07-26T23:59:59Z', citation: 'Source: OpenRouter (openrouter.ai/rankings), as of Jul 26, 2026.' });
    expect(report.window).toEqual(WINDOW);
    expect(report.regions.map((r) => r.region)).toEqual(['CN', 'US', 'EU', 'OTHER', 'UNKNOWN']);
    for (const r of report.regions) {
      expect(Object.keys(r)).toEqual(['region', 'tokens', 'share', 'leaders']);
      expect(r.tokens).toMatch(/^\d+$/);
      for (const l of r.leaders) expect(Object.keys(l)).toEqual(['permaslug', 'id', 'name', 'author', 'tokens', 'pricePerMillion']);
    }
  });

  it('totals and shares add up, unattributed included in the total', () => {
    const rows = daily.data.filter((r) => r.date >= WINDOW.start && r.date <= WINDOW.end);
    const total = rows.reduce((s, r) => s + BigInt(r.total_tokens), 0n);
    const other = rows.filter((r) => r.model_permaslug === 'other').reduce((s, r) => s + BigInt(r.total_tokens), 0n);
    expect(report.totals).toEqual({ tokens: total.toString(), unattributed: other.toString() });
    const regionSum = report.regions.reduce((s, r) => s + BigInt(r.tokens), 0n);
    expect(regionSum + other).toBe(total);
    for (const r of report.regions) expect(r.share).toBeCloseTo(Number(BigInt(r.tokens)) / Number(total), 12);
  });

  it('prices leaders from the catalog in $/1M', () => {
    const leader = report.regions[0]!.leaders.find((l) => l.id === 'deepseek/deepseek-v4-flash');
    const api = apiModels.find((m) => m.id === 'deepseek/deepseek-v4-flash');
    expect(leader?.pricePerMillion?.input).toBeCloseTo(Number(api?.pricing.prompt) * 1e6, 12);
    expect(leader?.pricePerMillion?.output).toBeCloseTo(Number(api?.pricing.completion) * 1e6, 12);
    expect(report.regions.every((r) => r.leaders.length <= 3)).toBe(true);
  });

  it('leaves names and prices null without a catalog', () => {
    const bare = buildReport({ rows: daily.data, asOf: null, window: WINDOW, baseUrl: 'x', index: null, top: 1 });
    expect(bare.regions[0]!.leaders[0]).toMatchObject({ id: null, name: null, pricePerMillion: null });
    expect(bare.source.citation).toBe('Source: OpenRouter (openrouter.ai/rankings), as of Jul 26, 2026.');
  });
});

describe('formatReportTable', () => {
  it('prints region shares, leaders with prices, and the citation', () => {
    const text = formatReportTable(report);
    expect(text).toContain('2026-07-20 .. 2026-07-26 (7 days, UTC)');
    const cn = report.regions[0];
    expect(text).toMatch(new RegExp(`CN  China\\s+\\S+\\s+${formatPercent(cn!.share)}`));
    expect(text).toContain('China (CN): top 3');
    expect(text).toMatch(/deepseek\/deepseek-v4-flash\s+\S+T\s+\$0\.14\s+\$0\.28/);
    expect(text.trimEnd().endsWith('as of Jul 26, 2026.')).toBe(true);
    expect(text).not.toContain('Unknown / not a lab (UNKNOWN): top');
  });

  it('names regions as the UI does, and prints no row for a region without tokens', () => {
    const zeroed = {
      ...report,
      regions: report.regions.map((r) => (r.region === 'UNKNOWN' || r.region === 'OTHER' ? { ...r, tokens: '0', share: 0, leaders: [] } : r)),
    };
    const text = formatReportTable(zeroed);
    for (const [region, label] of [['CN', 'China'], ['US', 'US'], ['EU', 'Europe']]) expect(text).toMatch(new RegExp(`^${region}  ${label}\\s+\\S+\\s+[\\d.]+%$`, 'm'));
    expect(text).not.toMatch(/European Union|United States/);
    expect(text).not.toMatch(/^(UNKNOWN|OTHER)\b/m);
    expect(text).not.toMatch(/\s0\s+0%/);
    expect(JSON.parse(JSON.stringify(zeroed)).regions).toHaveLength(5);
    expect(regionLabel('EU')).toBe('Europe');
  });

  it('prints a long model id whole, never cut with an ellipsis', () => {
    const long = 'nvidia/llama-3.3-nemotron-super-49b-v1.5-long-context-preview-20260101';
    const withLong = { ...report, regions: report.regions.map((r, i) => (i === 1 ? { ...r, leaders: [{ ...r.leaders[0]!, id: long }, ...r.leaders.slice(1)] } : r)) };
    const text = formatReportTable(withLong);
    expect(text).toContain(long);
    expect(text).not.toContain('…');
  });

  it('says so when the window has no data', () => {
    const empty = buildReport({ rows: [], asOf: null, window: { start: '2026-01-01', end: '2026-01-01' }, baseUrl: 'x', index: null, top: 5 });
    expect(formatReportTable(empty)).toContain('No ranking data for this window.');
    // A day asked is not a day covered: the header claims none.
    expect(formatReportTable(empty)).toContain('(data for 0 of 1 day, UTC)');
    expect(formatReportTable(empty)).toContain('Coverage: No data for the day asked.');
  });
});
