// The snapshot store: immutability, change events, resource state and staleness, and persistence of the last
// good data through a Memento-like storage that may hand back anything.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INTERVALS_MS } from '../../src/core/service/poller';
import {
  DEFAULT_STORAGE_PREFIX,
  SNAPSHOT_STORAGE_VERSION,
  STALE_AFTER_INTERVALS,
  createSnapshotStore,
  emptySnapshot,
  trackPollerEvents,
  type SnapshotStorage,
} from '../../src/core/service/snapshotStore';
import type { ErrorInfo, Snapshot } from '../../src/shared/types';
import { activityView, catalogView, rankingsView, usageView } from '../support/snapshotBuilders';

const T0 = Date.parse('2026-07-29T12:00:00Z');

/** Stores values the way VS Code's Memento does: as JSON, written asynchronously. */
class FakeMemento implements SnapshotStorage {
  readonly data = new Map<string, string>();
  writes: string[] = [];
  failWrites = false;
  get(key: string): unknown {
    const text = this.data.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  }
  async set(key: string, value: unknown): Promise<void> {
    await Promise.resolve();
    if (this.failWrites) throw new Error('disk full');
    this.writes.push(key);
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, JSON.stringify(value));
  }
  put(part: string, value: unknown): void {
    this.data.set(`${DEFAULT_STORAGE_PREFIX}.${part}`, JSON.stringify(value));
  }
}

function clock(start = T0): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

const live = (): Snapshot['catalog'] => catalogView(undefined, { source: 'live', asOf: '2026-07-29T12:00:00Z' });
const error = (kind: ErrorInfo['kind']): ErrorInfo => ({ kind, message: `/api/v1/key: ${kind}.` });

describe('immutability and change events', () => {
  it('starts empty and deeply frozen', () => {
    const store = createSnapshotStore();
    const snap = store.get();
    expect(snap).toEqual(emptySnapshot());
    expect(Object.isFrozen(snap)).toBe(true);
    expect(Object.isFrozen(snap.resources.key)).toBe(true);
    expect(() => {
      (snap.resources.key as { loading: boolean }).loading = true;
    }).toThrow(TypeError);
  });

  it('update makes a new frozen snapshot and leaves the old one as it was', () => {
    const store = createSnapshotStore({ now: () => T0 });
    const before = store.get();
    const after = store.update((s) => ({ ...s, catalog: live() }));
    expect(after).not.toBe(before);
    expect(before.catalog).toBeNull();
    expect(store.get()).toBe(after);
    expect(Object.isFrozen(after.catalog?.models[0]!.price)).toBe(true);
  });

  it('notifies listeners on change only, survives a throwing listener, and stops after dispose', () => {
    const errors: unknown[] = [];
    const store = createSnapshotStore({ now: () => T0, onError: (e, where) => errors.push([where, e]) });
    const seen: Snapshot[] = [];
    store.onDidChange(() => {
      throw new Error('bad listener');
    });
    const sub = store.onDidChange((s) => seen.push(s));
    store.update((s) => s);
    expect(seen).toHaveLength(0);
    store.setLoading('key', true);
    store.setLoading('key', true);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.resources.key.loading).toBe(true);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toEqual(['listener', expect.any(Error)]);
    sub.dispose();
    store.setLoading('key', false);
    expect(seen).toHaveLength(1);
  });
});

describe('resource state and staleness', () => {
  it('markFetched records the time and clears loading and error; setError keeps the data', () => {
    const c = clock();
    const store = createSnapshotStore({ now: c.now });
    store.setLoading('key', true);
    store.setError('key', error('offline'));
    expect(store.get().resources.key).toMatchObject({ loading: false, error: { kind: 'offline' }, stale: false });
    store.update((s) => ({ ...s, usage: usageView() }));
    store.markFetched('key');
    expect(store.get().resources.key).toEqual({ fetchedAt: T0, error: null, stale: false, loading: false });
    store.setError('key', error('server'));
    expect(store.get().usage).not.toBeNull();
    expect(store.get().resources.key).toMatchObject({ stale: true, error: { kind: 'server' } });
  });

  it(`marks data stale after ${STALE_AFTER_INTERVALS} intervals, only when there is data`, () => {
    const c = clock();
    const store = createSnapshotStore({ now: c.now });
    store.update((s) => ({ ...s, catalog: live() }));
    store.markFetched('models');
    store.markFetched('rankings');
    c.advance(STALE_AFTER_INTERVALS * DEFAULT_INTERVALS_MS.models);
    store.refreshStale();
    expect(store.get().resources.models.stale).toBe(false);
    c.advance(1);
    store.refreshStale();
    expect(store.get().resources.models.stale).toBe(true);
    expect(store.get().resources.rankings.stale).toBe(false);
    store.setIntervals({ models: 4 * 60 * 60_000 });
    expect(store.get().resources.models.stale).toBe(false);
  });

  it('refreshStale emits only when a flag flips', () => {
    const c = clock();
    const store = createSnapshotStore({ now: c.now });
    store.update((s) => ({ ...s, activity: activityView() }));
    store.markFetched('activity');
    let changes = 0;
    store.onDidChange(() => changes++);
    store.refreshStale();
    store.refreshStale();
    expect(changes).toBe(0);
    c.advance(3 * DEFAULT_INTERVALS_MS.activity);
    store.refreshStale();
    store.refreshStale();
    expect(changes).toBe(1);
  });
});

describe('persistence', () => {
  it('persists live parts and restores them next session, the catalog as cache', async () => {
    const memento = new FakeMemento();
    const c = clock();
    const first = createSnapshotStore({ storage: memento, now: c.now });
    first.update((s) => ({ ...s, catalog: live(), rankings: rankingsView(), usage: usageView({ management: true }), activity: activityView() }));
    first.markFetched('models');
    first.markFetched('rankings');
    first.markFetched('key');
    first.markFetched('credits');
    first.markFetched('activity');
    await first.flush();
    expect([...memento.data.keys()].sort()).toEqual(['activity', 'catalog', 'rankings', 'usage'].map((p) => `${DEFAULT_STORAGE_PREFIX}.${p}`));

    c.advance(5 * 60_000);
    const second = createSnapshotStore({ storage: memento, now: c.now });
    const report = second.load();
    expect(report).toEqual({ restored: ['catalog', 'rankings', 'usage', 'activity'], dropped: [] });
    const snap = second.get();
    expect(snap.catalog?.source).toBe('cache');
    expect(snap.catalog?.models).toEqual(live()?.models);
    expect(snap.rankings).toEqual({ ...rankingsView(), source: 'cache' });
    expect(snap.usage).toEqual(usageView({ management: true }));
    expect(snap.activity).toEqual(activityView());
    expect(snap.resources.models.fetchedAt).toBe(T0);
    expect(snap.resources.credits.fetchedAt).toBe(T0);
    // 5 minutes on: key (60 s × 2) is stale, models (30 min) is not.
    expect(snap.resources.key.stale).toBe(true);
    expect(snap.resources.models.stale).toBe(false);
    expect(Object.isFrozen(snap.catalog)).toBe(true);
  });

  it('does not persist a bundled catalog, and removes a part that becomes null', async () => {
    const memento = new FakeMemento();
    const store = createSnapshotStore({ storage: memento, now: () => T0 });
    store.update((s) => ({ ...s, catalog: catalogView(undefined, { source: 'bundled' }), usage: usageView() }));
    await store.flush();
    expect(memento.data.has(`${DEFAULT_STORAGE_PREFIX}.catalog`)).toBe(false);
    expect(memento.data.has(`${DEFAULT_STORAGE_PREFIX}.usage`)).toBe(true);
    store.update((s) => ({ ...s, usage: null }));
    await store.flush();
    expect(memento.data.has(`${DEFAULT_STORAGE_PREFIX}.usage`)).toBe(false);
  });

  it('writes only the parts that changed, coalescing bursts', async () => {
    const memento = new FakeMemento();
    const store = createSnapshotStore({ storage: memento, now: () => T0 });
    store.update((s) => ({ ...s, catalog: live() }));
    await store.flush();
    memento.writes = [];
    for (let i = 0; i < 20; i++) store.update((s) => ({ ...s, usage: usageView({ burnRatePerDay: i }) }));
    store.setLoading('models', true);
    await store.flush();
    expect(memento.writes.every((k) => k === `${DEFAULT_STORAGE_PREFIX}.usage`)).toBe(true);
    expect(memento.writes.length).toBeLessThanOrEqual(2);
    const restored = createSnapshotStore({ storage: memento, now: () => T0 });
    restored.load();
    expect(restored.get().usage?.burnRatePerDay).toBe(19);
  });

  it('keeps working when writes fail, and reports them', async () => {
    const memento = new FakeMemento();
    memento.failWrites = true;
    const errors: string[] = [];
    const store = createSnapshotStore({ storage: memento, now: () => T0, onError: (_e, where) => errors.push(where) });
    store.update((s) => ({ ...s, usage: usageView() }));
    await store.flush();
    expect(errors).toEqual(['persist']);
    expect(store.get().usage).not.toBeNull();
  });

  it('does not replace data fetched this session with older stored data', async () => {
    const memento = new FakeMemento();
    const old = createSnapshotStore({ storage: memento, now: () => T0 });
    old.update((s) => ({ ...s, usage: usageView({ burnRatePerDay: 1 }) }));
    await old.flush();
    const store = createSnapshotStore({ storage: memento, now: () => T0 });
    store.update((s) => ({ ...s, usage: usageView({ burnRatePerDay: 2 }) }));
    expect(store.load().restored).toEqual([]);
    expect(store.get().usage?.burnRatePerDay).toBe(2);
  });
});

describe('loading what storage hands back', () => {
  const good = (value: unknown, fetchedAt: Record<string, number | null> = {}): unknown => ({ v: SNAPSHOT_STORAGE_VERSION, savedAt: T0, fetchedAt, value });

  it('drops parts from another version or with the wrong shape, keeps the rest, and cleans storage', async () => {
    const memento = new FakeMemento();
    memento.put('catalog', { ...(good(live()) as object), v: SNAPSHOT_STORAGE_VERSION + 1 });
    const badRankings = { ...rankingsView(), totalTokens: '1.5e12' };
    memento.put('rankings', good(badRankings));
    const badUsage = { ...usageView(), key: { ...usageView().key, usage: 'lots' } };
    memento.put('usage', good(badUsage));
    memento.put('activity', good(activityView(), { activity: T0 - 60_000 }));
    const store = createSnapshotStore({ storage: memento, now: () => T0 });
    const report = store.load();
    expect(report).toEqual({ restored: ['activity'], dropped: ['catalog', 'rankings', 'usage'] });
    expect(store.get().activity).toEqual(activityView());
    expect(store.get().resources.activity.fetchedAt).toBe(T0 - 60_000);
    expect(store.get().catalog).toBeNull();
    await store.flush();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(memento.data.has(`${DEFAULT_STORAGE_PREFIX}.rankings`)).toBe(false);
  });

  it('drops a catalog with a model in an unknown region, or a bad fetchedAt map', () => {
    const memento = new FakeMemento();
    const catalog = live();
    memento.put('catalog', good({ ...catalog, models: [{ ...catalog?.models[0], region: 'MARS' }] }));
    memento.put('usage', good(usageView(), { key: T0, nonsense: 1 }));
    const store = createSnapshotStore({ storage: memento, now: () => T0 });
    expect(store.load().dropped).toEqual(['catalog', 'usage']);
  });

  it('treats a storage that throws on read as empty', () => {
    const storage: SnapshotStorage = {
      get: () => {
        throw new Error('corrupt database');
      },
      set: () => Promise.resolve(),
    };
    const store = createSnapshotStore({ storage, now: () => T0 });
    expect(store.load()).toEqual({ restored: [], dropped: [] });
  });

  it('never throws and never restores something that is not a valid part, whatever is stored', () => {
    fc.assert(
      fc.property(
        fc.record({
          catalog: fc.oneof(fc.jsonValue(), fc.constant(good(live()))),
          rankings: fc.oneof(fc.jsonValue(), fc.jsonValue().map((value) => good(value))),
          usage: fc.oneof(fc.jsonValue(), fc.constant(good(usageView()))),
          activity: fc.jsonValue().map((value) => good(value, { activity: T0 })),
        }),
        (stored) => {
          const memento = new FakeMemento();
          for (const [part, value] of Object.entries(stored)) if (value !== undefined) memento.put(part, value);
          const store = createSnapshotStore({ storage: memento, now: () => T0 });
          const report = store.load();
          const snap = store.get();
          for (const part of report.restored) expect(snap[part]).not.toBeNull();
          for (const part of ['catalog', 'rankings', 'usage', 'activity'] as const) {
            if (!report.restored.includes(part)) expect(snap[part]).toBeNull();
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('trackPollerEvents', () => {
  it('maps poller events onto resource state', () => {
    const store = createSnapshotStore({ now: () => T0 });
    const track = trackPollerEvents(store, () => error('rateLimited'));
    track({ type: 'start', resource: 'models', manual: true });
    expect(store.get().resources.models.loading).toBe(true);
    track({ type: 'failure', resource: 'models', error: new Error('x'), at: T0, retryAt: T0 + 1 });
    expect(store.get().resources.models).toMatchObject({ loading: false, error: { kind: 'rateLimited' } });
    track({ type: 'start', resource: 'models', manual: false });
    track({ type: 'success', resource: 'models', at: T0 + 5 });
    expect(store.get().resources.models).toEqual({ fetchedAt: T0 + 5, error: null, stale: false, loading: false });
  });
});
