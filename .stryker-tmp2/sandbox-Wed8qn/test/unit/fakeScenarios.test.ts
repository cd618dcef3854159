// The fake OpenRouter's account scenarios, over plain fetch and its HTTP control API: what each one serves.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_SCENARIOS, INFERENCE_KEY, MANAGEMENT_KEY, startFakeOpenRouter, type FakeOpenRouter } from '../fake-openrouter/server';

const NOW = new Date('2026-07-29T08:30:00Z');
let fake: FakeOpenRouter;
beforeAll(async () => {
  fake = await startFakeOpenRouter({ now: () => NOW });
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => fake.reset());

async function get(path: string, key: string): Promise<{ status: number; json: { data?: unknown } }> {
  const res = await fetch(`${fake.baseUrl}${path}`, { headers: { Authorization: `Bearer ${key}` } });
  return { status: res.status, json: (await res.json()) as { data?: unknown } };
}

async function control(action: string, body: unknown): Promise<number> {
  const res = await fetch(`${fake.url}/__fake/${action}`, { method: 'POST', body: JSON.stringify(body) });
  await res.text();
  return res.status;
}

describe('fake OpenRouter: account scenarios', () => {
  it('ordinaryKeyZeroCredits: an ordinary key gets /credits 200 with 0/0 and /activity 403', async () => {
    fake.scenario('ordinaryKeyZeroCredits');
    expect(await get('/credits', INFERENCE_KEY)).toEqual({ status: 200, json: { data: { total_credits: 0, total_usage: 0 } } });
    expect((await get('/activity', INFERENCE_KEY)).status).toBe(403);
    expect((await get('/key', INFERENCE_KEY)).json.data).toMatchObject({ is_management_key: false });
    // The management key is unaffected.
    expect(((await get('/credits', MANAGEMENT_KEY)).json.data as { total_credits: number }).total_credits).toBeGreaterThan(0);
  });

  it('oddKeyValues: /key serves a negative spend and a string spend as given', async () => {
    fake.scenario('oddKeyValues');
    expect((await get('/key', INFERENCE_KEY)).json.data).toMatchObject({ usage_daily: -5, usage_weekly: '6.42' });
  });

  it('oddActivityRows: one good row and three odd ones for yesterday', async () => {
    fake.scenario('oddActivityRows');
    const rows = (await get('/activity', MANAGEMENT_KEY)).json.data as Record<string, unknown>[];
    expect(rows.map((r) => [r.usage, r.requests])).toEqual([
      [10.5, 12],
      ['4.5', 12],
      [-2, 12],
      [4, '3'],
    ]);
    expect(new Set(rows.map((r) => r.date))).toEqual(new Set(['2026-07-28']));
  });

  it('byokOnly: /key has BYOK spend and no OpenRouter spend; /activity moves cost to byok_usage_inference', async () => {
    fake.scenario('byokOnly');
    expect((await get('/key', INFERENCE_KEY)).json.data).toMatchObject({ usage_daily: 0, byok_usage_daily: 5.25, byok_usage_monthly: 42 });
    const rows = (await get('/activity', MANAGEMENT_KEY)).json.data as { usage: number; byok_usage_inference: number }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.usage === 0)).toBe(true);
    expect(rows.some((r) => r.byok_usage_inference > 0)).toBe(true);
  });

  it('setActivityRows serves any rows as given; null goes back to the built ones', async () => {
    fake.setActivityRows([{ date: 'x', usage: 'y' }]);
    expect((await get('/activity', MANAGEMENT_KEY)).json.data).toEqual([{ date: 'x', usage: 'y' }]);
    fake.setActivityRows(null);
    expect(((await get('/activity', MANAGEMENT_KEY)).json.data as unknown[]).length).toBeGreaterThan(3);
  });

  it('out of process: POST /__fake/scenario applies one by name, refuses unknown names; reset undoes it', async () => {
    expect(await control('scenario', { name: 'nope' })).toBe(400);
    for (const name of FAKE_SCENARIOS) expect(await control('scenario', { name })).toBe(200);
    expect((await get('/credits', INFERENCE_KEY)).status).toBe(200);
    expect(await control('reset', {})).toBe(200);
    expect((await get('/credits', INFERENCE_KEY)).status).toBe(403);
    expect((await get('/key', INFERENCE_KEY)).json.data).toMatchObject({ usage_daily: 0.87, byok_usage_daily: 0 });
    const rows = (await get('/activity', MANAGEMENT_KEY)).json.data as { usage: unknown }[];
    expect(rows.every((r) => typeof r.usage === 'number')).toBe(true);
  });
});
