// Rankings over windows the data does not fully cover, duplicated and mistyped rows, and the daily
// tokens-by-region series checked cell by cell against an independent computation from the real capture.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildRankingsView, cleanRankingRows } from '../../src/core/market/rankings';
import type { ApiRankingRow, ApiRankingsDailyResponse } from '../../src/core/openrouter/apiTypes';
import { coverageLine, formatDayRanges } from '../../src/shared/dataLabels';
import type { Region } from '../../src/shared/types';

const daily = JSON.parse(readFileSync(new URL('../fixtures/openrouter/rankings-daily-2026-07-06_2026-07-26.json', import.meta.url), 'utf8')) as ApiRankingsDailyResponse;

// Independent of src/core/market/regions.ts: the fixture's 18 authors, placed by hand.
const HAND_REGION: Readonly<Record<string, Region>> = {
  deepseek: 'CN', minimax: 'CN', xiaomi: 'CN', 'z-ai': 'CN', tencent: 'CN', stepfun: 'CN', moonshotai: 'CN', qwen: 'CN', inclusionai: 'CN',
  anthropic: 'US', openai: 'US', google: 'US', nvidia: 'US', poolside: 'US', 'x-ai': 'US', perplexity: 'US',
  mistralai: 'EU',
  cohere: 'OTHER',
};
const REGIONS: Region[] = ['CN', 'US', 'EU', 'OTHER', 'UNKNOWN'];
const WINDOW = { start: '2026-07-20', end: '2026-07-26' };

/** Per day, per region, plain reduces over the fixture: the oracle for the series. */
function expectedSeries(rows: readonly ApiRankingRow[], days: string[]): Map<string, Record<Region | 'unattributed', bigint>> {
  const out = new Map<string, Record<Region | 'unattributed', bigint>>();
  for (const day of days) out.set(day, { CN: 0n, US: 0n, EU: 0n, OTHER: 0n, UNKNOWN: 0n, unattributed: 0n });
  for (const r of rows) {
    const cell = out.get(r.date);
    if (cell === undefined) continue;
    if (r.model_permaslug === 'other') cell.unattributed += BigInt(r.total_tokens);
    else cell[HAND_REGION[r.model_permaslug.split('/')[0]!.toLowerCase()] ?? 'UNKNOWN'] += BigInt(r.total_tokens);
  }
  return out;
}

const days = (start: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => new Date(Date.parse(`${start}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));

describe('daily tokens by region (real capture)', () => {
  it('every region of every day equals an independent sum over the capture', () => {
    const view = buildRankingsView(daily.data, { window: WINDOW, asOf: daily.meta.as_of });
    const oracle = expectedSeries(daily.data, days(WINDOW.start, 7));
    expect(view.daily.map((d) => d.date)).toEqual([...oracle.keys()]);
    for (const d of view.daily) {
      const want = oracle.get(d.date);
      expect(want).toBeDefined();
      for (const region of REGIONS) expect({ day: d.date, region, tokens: d.regions?.[region] }).toEqual({ day: d.date, region, tokens: want?.[region].toString() });
      expect(d.unattributed).toBe(want?.unattributed.toString());
    }
    // The capture really has US and EU tokens every day, so a move between them cannot hide behind zeros.
    for (const want of oracle.values()) {
      expect(want.US).toBeGreaterThan(0n);
      expect(want.EU).toBeGreaterThan(0n);
    }
  });

  it('over the whole window, each region of the series sums to its share row', () => {
    const view = buildRankingsView(daily.data, { window: WINDOW });
    for (const region of REGIONS) {
      const fromDays = view.daily.reduce((s, d) => s + BigInt(d.regions?.[region] ?? '0'), 0n);
      expect({ region, tokens: fromDays.toString() }).toEqual({ region, tokens: view.regions.find((r) => r.region === region)?.tokens });
    }
  });

  it('a different window moves with its own days (a 3-day window in the previous week)', () => {
    const w = { start: '2026-07-14', end: '2026-07-16' };
    const view = buildRankingsView(daily.data, { window: w });
    const oracle = expectedSeries(daily.data, days(w.start, 3));
    expect(view.daily.map((d) => [d.date, d.regions?.US, d.regions?.EU])).toEqual([...oracle.entries()].map(([day, c]) => [day, c.US.toString(), c.EU.toString()]));
  });
});

describe('coverage', () => {
  it('a window running past the data: days without rows are gaps, and coverage names them', () => {
    const view = buildRankingsView(daily.data, { window: { start: '2026-07-20', end: '2026-08-02' } });
    expect(view.coverage).toEqual({
      requestedDays: 14,
      daysWithData: 7,
      firstDay: '2026-07-20',
      lastDay: '2026-07-26',
      missingDays: days('2026-07-27', 7),
      duplicateRows: 0,
      droppedRows: 0,
    });
    expect(view.daily).toHaveLength(14);
    expect(view.daily.slice(7).every((d) => d.regions === null && d.unattributed === null)).toBe(true);
    expect(view.daily.slice(0, 7).every((d) => d.regions !== null)).toBe(true);
    expect(coverageLine(view.coverage)).toBe('Data for 7 of 14 days (2026-07-20..2026-07-26); no data for 2026-07-27..2026-08-02.');
  });

  it('holes inside the window: 2 of 7 days, no change against the previous week', () => {
    const rows = daily.data.filter((r) => r.date < '2026-07-20' || r.date === '2026-07-21' || r.date === '2026-07-24');
    const view = buildRankingsView(rows, { window: WINDOW });
    expect(view.coverage).toMatchObject({ requestedDays: 7, daysWithData: 2, firstDay: '2026-07-21', lastDay: '2026-07-24' });
    expect(view.coverage?.missingDays).toEqual(['2026-07-20', '2026-07-22', '2026-07-23', '2026-07-25', '2026-07-26']);
    expect(view.daily.map((d) => d.regions === null)).toEqual([true, false, true, true, false, true, true]);
    // Two days against seven would read as a collapse.
    expect(view.models.every((m) => m.change === null)).toBe(true);
    expect(view.regions.every((r) => r.change === null)).toBe(true);
    expect(coverageLine(view.coverage)).toBe('Data for 2 of 7 days (2026-07-21..2026-07-24); no data for 2026-07-20, 2026-07-22..2026-07-23, 2026-07-25..2026-07-26.');
  });

  it('a complete window says nothing and keeps the week-over-week change', () => {
    const view = buildRankingsView(daily.data, { window: WINDOW });
    expect(view.coverage).toMatchObject({ requestedDays: 7, daysWithData: 7, missingDays: [], duplicateRows: 0, droppedRows: 0 });
    expect(coverageLine(view.coverage)).toBeNull();
    expect(view.models[0]!.change).not.toBeNull();
  });

  it('a previous week with a hole gives no change', () => {
    const rows = daily.data.filter((r) => r.date !== '2026-07-15');
    const view = buildRankingsView(rows, { window: WINDOW });
    expect(view.coverage?.daysWithData).toBe(7);
    expect(view.regions.every((r) => r.change === null && r.prevTokens === null)).toBe(true);
  });
});

describe('duplicated and mistyped rows', () => {
  const week = daily.data.filter((r) => r.date >= WINDOW.start && r.date <= WINDOW.end);
  const total = week.reduce((s, r) => s + BigInt(r.total_tokens), 0n);

  it('the whole week sent twice counts once', () => {
    const view = buildRankingsView([...week, ...week], { window: WINDOW });
    expect(view.totalTokens).toBe(total.toString());
    expect(view.coverage?.duplicateRows).toBe(week.length);
    expect(view.daily).toEqual(buildRankingsView(week, { window: WINDOW }).daily);
    expect(coverageLine(view.coverage)).toBe(`${week.length} duplicated rows counted once.`);
  });

  it('conflicting duplicates keep the larger figure, whatever the order; case is not a new model', () => {
    const a: ApiRankingRow = { date: '2026-07-26', model_permaslug: 'openai/gpt-x', total_tokens: '100' };
    const b: ApiRankingRow = { date: '2026-07-26', model_permaslug: 'OpenAI/GPT-X', total_tokens: '300' };
    const v1 = buildRankingsView([a, b], { window: { start: '2026-07-26', end: '2026-07-26' } });
    const v2 = buildRankingsView([b, a], { window: { start: '2026-07-26', end: '2026-07-26' } });
    expect(v1.totalTokens).toBe('300');
    expect(v2.totalTokens).toBe('300');
    expect(v1.coverage?.duplicateRows).toBe(1);
    // A variant is its own row in the data, not a duplicate: it adds.
    const v3 = buildRankingsView([a, { ...a, model_permaslug: 'openai/gpt-x:free' }], { window: { start: '2026-07-26', end: '2026-07-26' } });
    expect(v3.totalTokens).toBe('200');
    expect(v3.coverage?.duplicateRows).toBe(0);
  });

  it('mistyped rows are left out and counted, never summed', () => {
    const bad = [
      { date: '2026-07-26', model_permaslug: 'openai/a', total_tokens: 5 },
      { date: '2026-07-26', model_permaslug: 'openai/b', total_tokens: '-7' },
      { date: '2026-07-26', model_permaslug: 'openai/c', total_tokens: '1e15' },
      { date: '2026-07-26', model_permaslug: 'openai/d', total_tokens: '2.5' },
      { date: '2026-02-30', model_permaslug: 'openai/e', total_tokens: '9' },
      { date: '26/07/2026', model_permaslug: 'openai/f', total_tokens: '9' },
      { date: '2026-07-26', model_permaslug: '', total_tokens: '9' },
      { date: '2026-07-26', model_permaslug: 'openai/g', total_tokens: '' },
      { date: '2026-07-26', model_permaslug: 'openai/h', total_tokens: null },
      null,
    ] as unknown as ApiRankingRow[];
    const view = buildRankingsView([...week, ...bad], { window: WINDOW, droppedRows: 2 });
    expect(view.totalTokens).toBe(total.toString());
    expect(view.coverage?.droppedRows).toBe(bad.length + 2);
    expect(coverageLine(view.coverage)).toBe(`${bad.length + 2} unreadable rows left out.`);
    expect(cleanRankingRows(bad)).toEqual({ rows: [], duplicateRows: 0, droppedRows: bad.length });
  });

  it('token sums stay exact past 2^53', () => {
    const big = '9007199254740993';
    const view = buildRankingsView(
      [
        { date: '2026-07-26', model_permaslug: 'openai/a', total_tokens: big },
        { date: '2026-07-26', model_permaslug: 'openai/a', total_tokens: big },
        { date: '2026-07-25', model_permaslug: 'openai/a', total_tokens: big },
      ],
      { window: { start: '2026-07-25', end: '2026-07-26' } },
    );
    expect(view.totalTokens).toBe((2n * BigInt(big)).toString());
  });
});

describe('coverage line', () => {
  it('folds consecutive days and says every kind of gap', () => {
    expect(formatDayRanges(['2026-03-01', '2026-02-28', '2026-03-03'])).toBe('2026-02-28..2026-03-01, 2026-03-03');
    expect(
      coverageLine({ requestedDays: 3, daysWithData: 0, firstDay: null, lastDay: null, missingDays: ['2026-01-01', '2026-01-02', '2026-01-03'], duplicateRows: 1, droppedRows: 1 }),
    ).toBe('No data for any of the 3 days asked. 1 duplicated row counted once. 1 unreadable row left out.');
  });
});
