// `model-radar report` over data that does not cover the window: the fake server's rankings scenarios
// (duplicated rows, missing days, mistyped rows) and a window running past the capture.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runReport, type ReportIo } from '../../src/cli/report';
import { startFakeOpenRouter, INFERENCE_KEY, type FakeOpenRouter } from '../fake-openrouter/server';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/openrouter/rankings-daily-2026-07-06_2026-07-26.json', import.meta.url), 'utf8')) as {
  data: { date: string; model_permaslug: string; total_tokens: string }[];
};
const sumIn = (keep: (date: string) => boolean): bigint => fixture.data.filter((r) => keep(r.date)).reduce((s, r) => s + BigInt(r.total_tokens), 0n);
const WEEK = (d: string): boolean => d >= '2026-07-20' && d <= '2026-07-26';

function capture(): ReportIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env: { OPENROUTER_API_KEY: INFERENCE_KEY },
    now: () => Date.parse('2026-07-27T08:00:00Z'),
    out: () => out,
    err: () => err,
  };
}

let fake: FakeOpenRouter;
beforeAll(async () => {
  fake = await startFakeOpenRouter();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

async function report(args: string[]): Promise<{ json: Record<string, unknown> & { coverage: Record<string, unknown>; totals: { tokens: string } }; text: string }> {
  const j = capture();
  expect(await runReport(['--base-url', fake.baseUrl, ...args, '--json'], j)).toBe(0);
  const t = capture();
  // The scenario faults last until cleared, so the text run sees the same data.
  expect(await runReport(['--base-url', fake.baseUrl, ...args], t)).toBe(0);
  return { json: JSON.parse(j.out()), text: t.out() };
}

describe('report coverage', () => {
  it('a window past the data claims the days it has, not the days asked (07-20..08-02 → 7 of 14)', async () => {
    const { json, text } = await report(['--from', '2026-07-20', '--to', '2026-08-02']);
    expect(json.window).toEqual({ start: '2026-07-20', end: '2026-08-02' });
    expect(json.coverage).toEqual({
      requestedDays: 14,
      daysWithData: 7,
      firstDay: '2026-07-20',
      lastDay: '2026-07-26',
      missingDays: ['2026-07-27', '2026-07-28', '2026-07-29', '2026-07-30', '2026-07-31', '2026-08-01', '2026-08-02'],
      duplicateRows: 0,
      droppedRows: 0,
    });
    expect(text).not.toContain('(14 days');
    expect(text).toContain('2026-07-20 .. 2026-08-02 (data for 7 of 14 days, UTC)');
    expect(text).toContain('Coverage: Data for 7 of 14 days (2026-07-20..2026-07-26); no data for 2026-07-27..2026-08-02.');
  });

  it('a complete window prints no coverage line, and the JSON still carries coverage', async () => {
    const { json, text } = await report(['--from', '2026-07-20', '--to', '2026-07-26']);
    expect(json.coverage).toMatchObject({ requestedDays: 7, daysWithData: 7, missingDays: [], duplicateRows: 0, droppedRows: 0 });
    expect(text).toContain('(7 days, UTC)');
    expect(text).not.toContain('Coverage:');
  });

  it('missing days (scenario): gaps named, totals only from the days there', async () => {
    fake.setFault({ endpoint: 'rankings', fault: 'missingDays' });
    const { json, text } = await report(['--from', '2026-07-20', '--to', '2026-07-26']);
    expect(json.coverage).toMatchObject({ requestedDays: 7, daysWithData: 4, firstDay: '2026-07-20', lastDay: '2026-07-26', missingDays: ['2026-07-21', '2026-07-23', '2026-07-25'] });
    expect(json.totals.tokens).toBe(sumIn((d) => WEEK(d) && Number(d.slice(8)) % 2 === 0).toString());
    expect(text).toContain('(data for 4 of 7 days, UTC)');
    expect(text).toContain('no data for 2026-07-21, 2026-07-23, 2026-07-25.');
  });

  it('duplicated rows (scenario): counted once, so the total is the real one, and said', async () => {
    fake.setFault({ endpoint: 'rankings', fault: 'duplicateRows' });
    const { json, text } = await report(['--from', '2026-07-20', '--to', '2026-07-26']);
    const rows = fixture.data.filter((r) => WEEK(r.date));
    // The first row came a third time with one more token: the larger figure stands.
    expect(json.totals.tokens).toBe((sumIn(WEEK) + 1n).toString());
    expect(json.coverage).toMatchObject({ daysWithData: 7, duplicateRows: rows.length + 1, droppedRows: 0 });
    expect(text).toContain(`Coverage: ${rows.length + 1} duplicated rows counted once.`);
  });

  it('mistyped rows (scenario): none summed, every one counted and said', async () => {
    fake.setFault({ endpoint: 'rankings', fault: 'mistypedRows' });
    const { json, text } = await report(['--from', '2026-07-20', '--to', '2026-07-26']);
    expect(json.totals.tokens).toBe(sumIn(WEEK).toString());
    expect(json.coverage).toMatchObject({ daysWithData: 7, duplicateRows: 0, droppedRows: 7 });
    expect(text).toContain('Coverage: 7 unreadable rows left out.');
    expect(JSON.stringify(json)).not.toContain('mistyped');
  });

  it('the scenarios are reachable out of process too, over the control route', async () => {
    const set = await fetch(`${fake.url}/__fake/fault`, { method: 'POST', body: JSON.stringify({ endpoint: 'rankings', fault: 'missingDays', times: 1 }) });
    expect(set.status).toBe(200);
    const res = await fetch(`${fake.baseUrl}/datasets/rankings-daily?start_date=2026-07-20&end_date=2026-07-26`, { headers: { Authorization: `Bearer ${INFERENCE_KEY}` } });
    const body = (await res.json()) as { data: { date: string }[] };
    expect([...new Set(body.data.map((r) => r.date))].sort()).toEqual(['2026-07-20', '2026-07-22', '2026-07-24', '2026-07-26']);
    // times: 1: healed after one reply.
    const again = (await (await fetch(`${fake.baseUrl}/datasets/rankings-daily?start_date=2026-07-20&end_date=2026-07-26`, { headers: { Authorization: `Bearer ${INFERENCE_KEY}` } })).json()) as { data: unknown[] };
    expect(again.data).toHaveLength(fixture.data.filter((r) => WEEK(r.date)).length);
  });

  it('the text carries the tokenizer caveat with the Data API link', async () => {
    const { text } = await report(['--from', '2026-07-20', '--to', '2026-07-26']);
    expect(text).toContain("Token counts use each provider's own tokenizer, so shares are approximate. https://openrouter.ai/docs/cookbook/administration/data-api");
  });
});
