// The weekly trend through the data service: fetched with the rankings, at most once a day, cached, and a
// failure kept beside the last good view.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Radar, TREND_MIN_GAP_MS } from '../../src/core/service/radar';
import { defaultSettings, type Settings } from '../../src/core/service/settings';
import { INFERENCE_KEY, startFakeOpenRouter, type FakeOpenRouter } from '../fake-openrouter/server';
import { WEEKLY_CN_STREAK } from '../fake-openrouter/weekly';
import type { KeysState } from '../../src/shared/types';

let now = Date.parse('2026-12-01T12:00:00Z');
let fake: FakeOpenRouter;

beforeAll(async () => {
  fake = await startFakeOpenRouter({ now: () => new Date(now) });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.reset();
  now = Date.parse('2026-12-01T12:00:00Z');
  weeklyOffline = false;
});

/** Set to fail every period=week request as offline (the daily ones still pass). */
let weeklyOffline = false;
const fetchThrough: typeof fetch = (input, init) => {
  if (weeklyOffline && String(input instanceof Request ? input.url : input).includes('period=week')) return Promise.reject(new TypeError('fetch failed'));
  return fetch(input, init);
};

function makeRadar(storage = new Map<string, unknown>()) {
  const settings: Settings = { ...defaultSettings(), apiBaseUrl: fake.baseUrl };
  const state = (): KeysState => ({ inference: 'stored', management: false });
  const radar = new Radar({
    keys: { inference: async () => INFERENCE_KEY, management: async () => undefined, state: async () => state() },
    storage: { get: (k) => storage.get(k), set: async (k, v) => void storage.set(k, v) },
    settings: () => settings,
    now: () => now,
    // The poller's own clock follows the test's, so its 30-minute rankings guard moves with it; no timers fire.
    clock: { now: () => now, setTimeout: () => 0, clearTimeout: () => undefined },
    fetch: fetchThrough,
    clientOptions: { timeoutMs: 10_000, maxRetries: 0 },
  });
  return { radar, storage };
}

const weeklyRequests = (): number => fake.requests.filter((r) => r.endpoint === 'datasets/rankings-daily' && r.path.includes('period=week')).length;

describe('Radar weekly trend', () => {
  it('fetches 52 weeks with the rankings, once a day however often rankings refresh, and restores them on the next start', async () => {
    const { radar, storage } = makeRadar();
    radar.start();
    await radar.onKeysChanged();
    await radar.refreshNow();
    const trend = radar.snapshot().trend;
    expect(trend?.view?.weeks).toHaveLength(52);
    expect(trend?.view?.streak).toMatchObject({ leader: 'CN', weeks: WEEKLY_CN_STREAK });
    expect(trend?.error).toBeNull();
    expect(weeklyRequests()).toBe(1);

    now += TREND_MIN_GAP_MS / 2;
    await radar.refreshNow();
    now += 60 * 60_000;
    await radar.refreshNow();
    expect(fake.requests.filter((r) => r.endpoint === 'datasets/rankings-daily').length).toBe(4);
    expect(weeklyRequests()).toBe(1);
    await radar.store.flush();
    radar.dispose();

    // A restart within the day paints the cached trend and does not ask again.
    const next = makeRadar(storage);
    next.radar.start();
    expect(next.radar.snapshot().trend?.view?.streak?.leader).toBe('CN');
    await next.radar.onKeysChanged();
    await next.radar.refreshNow();
    expect(weeklyRequests()).toBe(1);

    now += TREND_MIN_GAP_MS;
    await next.radar.refreshNow();
    expect(weeklyRequests()).toBe(2);
    next.radar.dispose();
  });

  it('a failed weekly request keeps the rankings and records the error; the next attempt waits a day', async () => {
    weeklyOffline = true;
    const { radar } = makeRadar();
    radar.start();
    await radar.onKeysChanged();
    await radar.refreshNow();
    const s = radar.snapshot();
    expect(s.rankings?.mode).toBe('tokens');
    expect(s.resources.rankings.error).toBeNull();
    expect(s.trend?.view ?? null).toBeNull();
    expect(s.trend?.error?.kind).toBe('offline');
    weeklyOffline = false;
    now += 60 * 60_000;
    await radar.refreshNow();
    expect(radar.snapshot().trend?.view ?? null).toBeNull();
    now += TREND_MIN_GAP_MS + 1;
    await radar.refreshNow();
    expect(radar.snapshot().trend?.view?.weeks).toHaveLength(52);
    expect(radar.snapshot().trend?.error).toBeNull();
    radar.dispose();
  });
});
