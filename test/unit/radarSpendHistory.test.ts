// The spend history through the data service against the fake OpenRouter: analytics with a verified management
// key, the /activity fallback when analytics is refused, the cache between calls, and Compare and the swap
// picker pricing the real workload once the history is read.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Radar } from '../../src/core/service/radar';
import { defaultSettings, type Settings } from '../../src/core/service/settings';
import { INFERENCE_KEY, MANAGEMENT_KEY, startFakeOpenRouter, type FakeOpenRouter } from '../fake-openrouter/server';
import type { KeysState } from '../../src/shared/types';

const NOW = Date.parse('2026-07-27T12:00:00Z');
let fake: FakeOpenRouter;

beforeAll(async () => {
  fake = await startFakeOpenRouter({ now: () => new Date(NOW) });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

async function radarWith(keys: { inference?: string; management?: string }): Promise<Radar> {
  const settings: Settings = { ...defaultSettings(), apiBaseUrl: fake.baseUrl };
  const state = (): KeysState => ({ inference: keys.inference ? 'stored' : 'none', management: Boolean(keys.management) });
  const radar = new Radar({
    keys: { inference: async () => keys.inference, management: async () => keys.management, state: async () => state() },
    settings: () => settings,
    now: () => NOW,
    clientOptions: { timeoutMs: 10_000, maxRetries: 0 },
  });
  radar.start();
  await radar.onKeysChanged();
  await radar.refreshNow();
  return radar;
}

const analyticsCalls = (): number => fake.requests.filter((r) => r.endpoint === 'analytics/query').length;

describe('Radar spend history', () => {
  it('both keys: 90 days from analytics, cached, and Compare re-prices the real mix with cache reads', async () => {
    const radar = await radarWith({ inference: INFERENCE_KEY, management: MANAGEMENT_KEY });
    const res = await radar.spendHistory(90);
    expect(res.status).toBe('ok');
    if (res.status !== 'ok') return;
    expect(res.view).toMatchObject({ source: 'analytics', days: 90, end: '2026-07-26', truncated: false, fallback: null });
    expect(res.view.total).toBeGreaterThan(0);
    expect(res.view.byModel.some((m) => m.cachedTokens !== null && m.cachedTokens !== '0')).toBe(true);
    await radar.spendHistory(90);
    expect(analyticsCalls()).toBe(1);
    await radar.spendHistory(90, true);
    expect(analyticsCalls()).toBe(2);

    await radar.spendHistory(30);
    const top = res.view.byModel[0]!.model;
    const id = radar.catalogIndex()?.resolve(top)?.model.id;
    expect(id).toBeTruthy();
    const compare = radar.compare(id!, null, 5);
    expect(compare.mix.source).toBe('history');
    expect(compare.mix.history).toMatchObject({ days: 30, source: 'analytics' });
    expect(compare.mix.cacheRead).toBeGreaterThan(0);
    expect(radar.workloadMix(id!)?.source).toBe('history');
    radar.dispose();
  });

  it('a comparison made before the history was read prices the /activity or default mix; the arrival says so, once per fetch', async () => {
    const radar = await radarWith({ inference: INFERENCE_KEY, management: MANAGEMENT_KEY });
    let told = 0;
    const sub = radar.onDidChangeWorkload(() => told++);
    const id = radar.snapshot().catalog?.models[0]?.id ?? 'openai/gpt-5';
    // The first comparison finds no history yet: it starts the 30-day fetch and prices another mix meanwhile.
    expect(radar.compare(id, null, 5).mix.source).not.toBe('history');
    await expect.poll(() => told, { timeout: 5000 }).toBe(1);
    // Another window's history is not the workload window.
    await radar.spendHistory(7);
    expect(told).toBe(1);
    // A refresh of the 30 days is a new answer: every view asks again.
    await radar.spendHistory(30, true);
    expect(told).toBe(2);
    sub.dispose();
    await radar.spendHistory(30, true);
    expect(told).toBe(2);
    radar.dispose();
  });

  it('without a management key nothing is fetched and nothing is announced', async () => {
    const radar = await radarWith({ inference: INFERENCE_KEY });
    let told = 0;
    radar.onDidChangeWorkload(() => told++);
    radar.compare('openai/gpt-5', null, 5);
    await radar.spendHistory(30);
    expect(told).toBe(0);
    radar.dispose();
  });

  it('analytics refused: the /activity fallback, with the reason', async () => {
    fake.scenario('analyticsRefused');
    const radar = await radarWith({ inference: INFERENCE_KEY, management: MANAGEMENT_KEY });
    const res = await radar.spendHistory(7);
    expect(res.status === 'ok' && res.view).toMatchObject({ source: 'activity', requested: 7, days: 30, fallback: { kind: 'forbidden', status: 403 } });
    radar.dispose();
  });

  it('no management key: unavailable, and analytics is never asked', async () => {
    const radar = await radarWith({ inference: INFERENCE_KEY });
    expect(await radar.spendHistory(30)).toEqual({ status: 'unavailable', reason: 'noManagementKey', cause: null });
    expect(radar.compare('anthropic/claude-sonnet-4.5', null, 3).mix.source).toBe('default');
    expect(analyticsCalls()).toBe(0);
    radar.dispose();
  });

  it('an ordinary key in the management slot: unavailable as notManagementKey once GET /key says so', async () => {
    const radar = await radarWith({ inference: INFERENCE_KEY, management: INFERENCE_KEY });
    const res = await radar.spendHistory(30);
    expect(res).toEqual({ status: 'unavailable', reason: 'notManagementKey', cause: null });
    expect(analyticsCalls()).toBe(0);
    radar.dispose();
  });
});
