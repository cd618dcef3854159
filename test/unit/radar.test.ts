// The data service end to end in Node: fake OpenRouter on loopback → client → poller → store.
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

function makeRadar(keys: { inference?: string; management?: string }, storage = new Map<string, unknown>()) {
  const settings: Settings = { ...defaultSettings(), apiBaseUrl: fake.baseUrl };
  const state = (): KeysState => ({ inference: keys.inference ? 'stored' : 'none', management: Boolean(keys.management) });
  const lines: string[] = [];
  const radar = new Radar({
    keys: { inference: async () => keys.inference, management: async () => keys.management, state: async () => state() },
    storage: { get: (k) => storage.get(k), set: async (k, v) => void storage.set(k, v) },
    settings: () => settings,
    log: (level, line) => lines.push(`${level} ${line}`),
    now: () => NOW,
    clientOptions: { timeoutMs: 10_000, maxRetries: 0 },
  });
  return { radar, lines, storage, keys };
}

async function started(radar: Radar): Promise<void> {
  radar.start();
  await radar.onKeysChanged();
}

describe('Radar data service', () => {
  it('without a key: live catalog and the public popularity order, no usage', async () => {
    const { radar } = makeRadar({});
    await started(radar);
    await radar.refreshNow();
    const s = radar.snapshot();
    expect(s.catalog?.source).toBe('live');
    expect(s.catalog?.models).toHaveLength(367);
    expect(s.rankings?.mode).toBe('order');
    expect(s.rankings?.models[0]!.tokens).toBeNull();
    expect(s.usage).toBeNull();
    expect(fake.requests.some((r) => r.auth)).toBe(false);
    radar.dispose();
  });

  it('with an inference key: token rankings for the last 7 completed days and the key spend', async () => {
    const { radar } = makeRadar({ inference: INFERENCE_KEY });
    await started(radar);
    await radar.refreshNow();
    const s = radar.snapshot();
    expect(s.rankings?.mode).toBe('tokens');
    expect(s.rankings?.window).toEqual({ start: '2026-07-20', end: '2026-07-26' });
    expect(s.rankings?.citation).toMatch(/^Source: OpenRouter \(openrouter\.ai\/rankings\), as of /);
    expect(s.usage?.key?.daily).toBeTypeOf('number');
    expect(s.usage?.balanceStatus).toBe('unavailable');
    expect(s.resources.key.error).toBeNull();
    // Credits and activity need a management key: never asked for.
    expect(fake.requests.filter((r) => r.endpoint === 'credits' || r.endpoint === 'activity')).toEqual([]);
    radar.dispose();
  });

  it('with a management key too: balance and 30-day activity; compare uses the activity mix', async () => {
    const { radar } = makeRadar({ inference: INFERENCE_KEY, management: MANAGEMENT_KEY });
    await started(radar);
    await radar.refreshNow();
    const s = radar.snapshot();
    expect(s.usage?.balanceStatus).toBe('ok');
    expect(s.activity?.days.length).toBeGreaterThan(0);
    const top = s.activity!.byModel[0]!.model;
    const result = radar.compare(top, null, 5);
    expect(['activity', 'default']).toContain(result.mix.source);
    radar.dispose();
  });

  it('activity rows carry the catalog model the hover resolver names, live and when restored from the cache', async () => {
    const storage = new Map<string, unknown>();
    const { radar } = makeRadar({ inference: INFERENCE_KEY, management: MANAGEMENT_KEY }, storage);
    await started(radar);
    await radar.refreshNow();
    const check = (r: Radar): void => {
      const s = r.snapshot();
      const index = r.catalogIndex()!;
      const rows = [...s.activity!.byModel, ...s.activity!.days.flatMap((d) => d.models)];
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.modelId, row.model).toBe(index.resolve(row.model)?.model.id ?? null);
    };
    check(radar);
    await radar.store.flush();
    radar.dispose();
    // Saved by a version that did not resolve rows: the next start resolves them against the cached catalog.
    const saved = [...storage.entries()].find(([k]) => k.endsWith('.activity'));
    const envelope = structuredClone(saved![1]) as { value: { byModel: Record<string, unknown>[]; days: { models: Record<string, unknown>[] }[] } };
    for (const row of [...envelope.value.byModel, ...envelope.value.days.flatMap((d) => d.models)]) delete row.modelId;
    storage.set(saved![0], envelope);
    const again = makeRadar({ inference: INFERENCE_KEY, management: MANAGEMENT_KEY }, storage).radar;
    again.start();
    expect(again.snapshot().activity).not.toBeNull();
    check(again);
    again.dispose();
  });

  it('a fault becomes resource state, data is kept, and recovery clears it', async () => {
    const { radar } = makeRadar({ inference: INFERENCE_KEY });
    await started(radar);
    await radar.refreshNow(['key']);
    const before = radar.snapshot().usage;
    fake.setFault({ endpoint: 'key', fault: 500 });
    await radar.refreshNow(['key']);
    let s = radar.snapshot();
    expect(s.resources.key.error?.kind).toBe('server');
    expect(s.resources.key.stale).toBe(true);
    expect(s.usage).toEqual(before);
    fake.clearFaults();
    await radar.refreshNow(['key']);
    s = radar.snapshot();
    expect(s.resources.key.error).toBeNull();
    expect(s.resources.key.stale).toBe(false);
    radar.dispose();
  });

  it('a rejected key is typed as unauthorized and never logged', async () => {
    const { radar, lines } = makeRadar({ inference: 'sk-or-v1-not-a-real-key-0000000000' });
    await started(radar);
    await radar.refreshNow(['key']);
    expect(radar.snapshot().resources.key.error?.kind).toBe('unauthorized');
    expect(lines.join('\n')).not.toContain('sk-or-v1-not-a-real-key');
    const check = await radar.checkKey('sk-or-v1-not-a-real-key-0000000000');
    expect(check.status).toBe('rejected');
    expect(await radar.checkKey(MANAGEMENT_KEY)).toMatchObject({ status: 'valid', slot: 'management' });
    radar.dispose();
  });

  it('clearing the key drops the key data and returns to the public order', async () => {
    const ctx = makeRadar({ inference: INFERENCE_KEY });
    await started(ctx.radar);
    await ctx.radar.refreshNow();
    expect(ctx.radar.snapshot().usage).not.toBeNull();
    delete ctx.keys.inference;
    await ctx.radar.onKeysChanged();
    let s = ctx.radar.snapshot();
    expect(s.keys.inference).toBe('none');
    expect(s.usage).toBeNull();
    expect(s.rankings).toBeNull();
    await ctx.radar.refreshNow(['rankings']);
    s = ctx.radar.snapshot();
    expect(s.rankings?.mode).toBe('order');
    ctx.radar.dispose();
  });

  it('the next start paints from the persisted snapshot before any request', async () => {
    const first = makeRadar({ inference: INFERENCE_KEY });
    await started(first.radar);
    await first.radar.refreshNow();
    await first.radar.store.flush();
    first.radar.dispose();
    fake.clearRequests();
    const second = makeRadar({ inference: INFERENCE_KEY }, first.storage);
    second.radar.start();
    const s = second.radar.snapshot();
    expect(s.catalog?.source).toBe('cache');
    expect(s.catalog?.models).toHaveLength(367);
    expect(s.rankings?.mode).toBe('tokens');
    expect(s.usage?.key).not.toBeNull();
    expect(fake.requests).toEqual([]);
    second.radar.dispose();
  });
});
