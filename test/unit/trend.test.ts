import { describe, expect, it } from 'vitest';
import { buildTrendView, leadChangeSentence, streakSentence, trendWindow, weekStart } from '../../src/core/market/trend';
import { addDays } from '../../src/core/market/rankings';
import type { ApiRankingRow } from '../../src/core/openrouter/apiTypes';

const NOW = Date.parse('2026-12-01T10:00:00Z'); // a Tuesday
const LAST = '2026-11-23'; // Monday of the last complete week
const week = (back: number): string => addDays(LAST, -7 * back);
const row = (date: string, model_permaslug: string, tokens: number | bigint): ApiRankingRow => ({ date, model_permaslug, total_tokens: String(tokens) });
/** One week: CN, US, EU tokens (and an unattributed tail). */
const weekRows = (date: string, cn: number, us: number, eu = 0, other = 0): ApiRankingRow[] => [
  row(date, 'deepseek/deepseek-v4-pro-20260401', cn),
  row(date, 'openai/gpt-5-20260101', us),
  ...(eu > 0 ? [row(date, 'mistralai/mistral-large', eu)] : []),
  ...(other > 0 ? [row(date, 'other', other)] : []),
];

describe('weekly windows', () => {
  it('ends at the last complete Monday-to-Sunday week', () => {
    expect(weekStart('2026-12-01')).toBe('2026-11-30');
    expect(weekStart('2026-11-29')).toBe('2026-11-23');
    const w = trendWindow(NOW, 52);
    expect(w.lastWeek).toBe(LAST);
    expect(w.end).toBe('2026-11-29');
    expect(w.start).toBe(week(51));
  });
});

describe('buildTrendView streak', () => {
  it('counts the current leader back to the week the lead changed hands', () => {
    const rows = [...weekRows(week(3), 10, 50), ...weekRows(week(2), 60, 50), ...weekRows(week(1), 70, 50), ...weekRows(week(0), 80, 20, 0, 100)];
    const v = buildTrendView(rows, { now: NOW, weeks: 4 });
    expect(v.weeks.map((w) => w.leader)).toEqual(['US', 'CN', 'CN', 'CN']);
    expect(v.streak).toMatchObject({ leader: 'CN', weeks: 3, since: week(2), through: week(0), missingInside: 0, openStart: false });
    expect(v.lastChange).toEqual({ week: week(2), from: 'US', to: 'CN', previousWeek: week(3) });
    // The unattributed tail counts in the total: 80 of 200.
    expect(v.weeks[3]?.shares?.CN).toBeCloseTo(0.4);
    expect(streakSentence(v)).toBe('China has led OpenRouter tokens 3 weeks in a row, through the week of Nov 23, 2026 (40%).');
    expect(leadChangeSentence(v)).toBe('The lead last changed hands in the week of Nov 9, 2026 (US → China).');
  });

  it('reads a streak across a missing week and says so; a gap before the change says the change fell in it', () => {
    const rows = [...weekRows(week(5), 10, 50), ...weekRows(week(3), 60, 50), ...weekRows(week(1), 70, 50), ...weekRows(week(0), 80, 20)];
    const v = buildTrendView(rows, { now: NOW, weeks: 6 });
    expect(v.missingWeeks).toEqual([week(4), week(2)]);
    expect(v.weeks.find((w) => w.week === week(2))?.tokens).toBeNull();
    expect(v.streak).toMatchObject({ leader: 'CN', weeks: 3, missingInside: 1 });
    expect(streakSentence(v)).toContain('3 weeks in a row');
    expect(streakSentence(v)).toContain('with 1 week missing');
    expect(leadChangeSentence(v)).toContain('between the weeks of Oct 19, 2026 and Nov 2, 2026');
  });

  it('a tie in the latest week is no streak and names the tied regions; an earlier tie ends a streak', () => {
    const tieNow = buildTrendView([...weekRows(week(1), 70, 50), ...weekRows(week(0), 50, 50)], { now: NOW, weeks: 4 });
    expect(tieNow.streak).toBeNull();
    expect(tieNow.noStreakReason).toBe('tie');
    expect(tieNow.weeks[3]?.tied).toEqual(['CN', 'US']);
    expect(streakSentence(tieNow)).toBe('No region led in the week of Nov 23, 2026: China and US tied.');
    const tieBefore = buildTrendView([...weekRows(week(2), 70, 10), ...weekRows(week(1), 50, 50), ...weekRows(week(0), 10, 50)], { now: NOW, weeks: 4 });
    expect(tieBefore.streak).toMatchObject({ leader: 'US', weeks: 1 });
    expect(tieBefore.lastChange).toMatchObject({ from: null, to: 'US', previousWeek: week(1) });
    expect(leadChangeSentence(tieBefore)).toContain('(a tie → US)');
  });

  it('a single week of data is a streak of one that may be longer, never a change', () => {
    const v = buildTrendView(weekRows(week(0), 10, 5, 30), { now: NOW });
    expect(v.weeks).toHaveLength(52);
    expect(v.missingWeeks).toHaveLength(51);
    expect(v.streak).toMatchObject({ leader: 'EU', weeks: 1, openStart: true, missingInside: 0 });
    expect(v.lastChange).toBeNull();
    expect(streakSentence(v)).toBe('Europe led OpenRouter tokens in the week of Nov 23, 2026 (67%), the only week with data.');
  });

  it('an unbroken streak back to the window start is "at least"; latest weeks missing are said', () => {
    const v = buildTrendView([...weekRows(week(3), 9, 1), ...weekRows(week(2), 9, 1)], { now: NOW, weeks: 4 });
    expect(v.streak).toMatchObject({ leader: 'CN', weeks: 2, openStart: true, through: week(2) });
    expect(streakSentence(v)).toContain('at least 2 weeks in a row');
    expect(streakSentence(v)).toContain('the latest 2 weeks have no data yet');
    expect(leadChangeSentence(v)).toBe('The lead did not change hands in the 4 weeks shown.');
  });

  it('no data: no streak, no change, and the sentence says what is missing', () => {
    const v = buildTrendView([], { now: NOW, weeks: 52 });
    expect(v.streak).toBeNull();
    expect(v.lastChange).toBeNull();
    expect(v.noStreakReason).toBe('noData');
    expect(v.weeks.every((w) => w.tokens === null && w.shares === null)).toBe(true);
    expect(streakSentence(v)).toMatch(/^No weekly ranking data for /);
    expect(leadChangeSentence(v)).toBeNull();
  });

  it('drops unreadable rows and counts them; rows outside the window and unknown authors never lead', () => {
    const rows: unknown[] = [
      ...weekRows(week(0), 10, 20),
      row(week(0), 'nobody-knows/model-x', 1000),
      { date: week(0), model_permaslug: 'deepseek/deepseek-v4-pro-20260401', total_tokens: 5e12 },
      { date: 'last week', model_permaslug: 'openai/gpt-5', total_tokens: '5' },
      row('2020-01-06', 'deepseek/deepseek-v4-pro-20260401', 99999),
    ];
    const v = buildTrendView(rows as ApiRankingRow[], { now: NOW, weeks: 2, droppedRows: 3 });
    expect(v.droppedRows).toBe(5);
    expect(v.weeks[1]?.leader).toBe('US');
    expect(v.weeks[1]?.unattributed).toBe('1000');
    expect(v.weeks[1]?.total).toBe('1030');
  });
});
