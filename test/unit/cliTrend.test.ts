// `model-radar report --weeks N` against the fake OpenRouter: the weekly trend as text and JSON.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseReportArgs, runReport, type ReportIo } from '../../src/cli/report';
import type { TrendReportJson } from '../../src/core/market/trend';
import { INFERENCE_KEY, startFakeOpenRouter, type FakeOpenRouter } from '../fake-openrouter/server';
import { WEEKLY_CN_STREAK, lastCompleteWeek } from '../fake-openrouter/weekly';

const NOW = new Date('2026-12-01T08:00:00Z');

function capture(): ReportIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env: {},
    now: () => NOW.getTime(),
    out: () => out,
    err: () => err,
  };
}

let fake: FakeOpenRouter;
beforeAll(async () => {
  fake = await startFakeOpenRouter({ now: () => NOW });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

const base = (): string[] => ['--base-url', fake.baseUrl, '--key', INFERENCE_KEY];

describe('report --weeks', () => {
  it('--json: 52 weeks, one period=week request, the streak and the week the lead changed hands', async () => {
    const io = capture();
    expect(await runReport([...base(), '--weeks', '52', '--json'], io)).toBe(0);
    expect(io.err()).toBe('');
    const report = JSON.parse(io.out()) as TrendReportJson;
    expect(report.weeks).toHaveLength(52);
    expect(report.weeks.at(-1)?.week).toBe(lastCompleteWeek(NOW));
    expect(report.missingWeeks).toEqual([]);
    expect(report.streak).toMatchObject({ leader: 'CN', weeks: WEEKLY_CN_STREAK });
    // Independent: the first CN week is 37 weeks back from the last one, counting it.
    const firstCn = new Date(Date.parse(`${lastCompleteWeek(NOW)}T00:00:00Z`) - (WEEKLY_CN_STREAK - 1) * 7 * 86_400_000).toISOString().slice(0, 10);
    expect(report.lastChange).toMatchObject({ week: firstCn, from: 'US', to: 'CN' });
    expect(report.summary.streak).toMatch(/^China has led OpenRouter tokens 37 weeks in a row/);
    const sharesSum = Object.values(report.weeks[0]!.shares!).reduce((a, b) => a + b, 0);
    expect(sharesSum).toBeGreaterThan(0.85);
    expect(sharesSum).toBeLessThan(1);
    expect(report.source.citation).toMatch(/^Source: OpenRouter/);
    const asked = fake.requests.filter((r) => r.endpoint === 'datasets/rankings-daily');
    expect(asked).toHaveLength(1);
    expect(asked[0]?.path).toContain('period=week');
  });

  it('text: the sentences, one row per week, and a missing week shown as a gap', async () => {
    fake.setFault({ endpoint: 'rankings', fault: 'missingWeek' });
    const io = capture();
    expect(await runReport([...base(), '--weeks', '8'], io)).toBe(0);
    const text = io.out();
    expect(text).toContain('weekly, 8 weeks');
    expect(text).toContain('China has led OpenRouter tokens at least 7 weeks in a row');
    expect(text).toContain('with 1 week missing');
    expect(text).toMatch(/No data for 1 week: \d{4}-\d{2}-\d{2}\./);
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} +— +— +— +— +— +— +no data/);
    expect(text.split('\n').filter((l) => /^\d{4}-\d{2}-\d{2} /.test(l))).toHaveLength(8);
    expect(text).toContain('Source: OpenRouter (openrouter.ai/rankings)');
  });

  it('a refused request fails with the reason and prints no figures', async () => {
    fake.setFault({ endpoint: 'rankings', fault: 500 });
    const io = capture();
    expect(await runReport([...base(), '--weeks', '52'], io)).toBe(1);
    expect(io.out()).toBe('');
    expect(io.err()).toMatch(/^model-radar report: /);
  });

  it('checks --weeks', () => {
    expect(parseReportArgs(['--weeks', '52'], {})).toMatchObject({ ok: true, args: { weeks: 52 } });
    for (const bad of ['0', '53', '4.5', 'x']) expect(parseReportArgs(['--weeks', bad], {})).toMatchObject({ ok: false });
    expect(parseReportArgs(['--weeks', '4', '--from', '2026-07-01', '--to', '2026-07-02'], {})).toMatchObject({ ok: false });
    expect(parseReportArgs(['--weeks', '4', '--top', '3'], {})).toMatchObject({ ok: false });
    const daily = parseReportArgs([], {});
    expect(daily.ok && daily.args.weeks).toBe(undefined);
  });
});
