// What the last session persisted is shown first at the next start, and for as long as OpenRouter cannot be
// reached. It was written by whichever version ran then: data written before the strict money rules and the one
// sanitiser (a "-$5.00 today", a raw model name with escape sequences) must not come back through the cache.
import { describe, expect, it } from 'vitest';
import { DEFAULT_STORAGE_PREFIX, SNAPSHOT_STORAGE_VERSION, createSnapshotStore, type SnapshotStorage } from '../../src/core/service/snapshotStore';
import { activityView, catalogView, usageView } from '../support/snapshotBuilders';

const T0 = Date.parse('2026-07-29T12:00:00Z');

function storageWith(part: string, value: unknown): SnapshotStorage {
  const data = new Map<string, unknown>([[`${DEFAULT_STORAGE_PREFIX}.${part}`, JSON.parse(JSON.stringify({ v: SNAPSHOT_STORAGE_VERSION, savedAt: T0, fetchedAt: {}, value }))]]);
  return { get: (k) => data.get(k), set: async (k, val) => void (val === undefined ? data.delete(k) : data.set(k, val)) };
}

function restore(part: string, value: unknown): ReturnType<ReturnType<typeof createSnapshotStore>['get']> & { dropped: string[] } {
  const store = createSnapshotStore({ storage: storageWith(part, value), now: () => T0 });
  const report = store.load();
  return { ...store.get(), dropped: report.dropped };
}

describe('persisted account figures hold to the live rules', () => {
  const base = usageView({ management: true });
  it.each([
    ['a negative daily spend', { ...base, key: { ...base.key!, daily: -5 } }],
    ['a negative all-time spend', { ...base, key: { ...base.key!, usage: -1 } }],
    ['a negative BYOK spend', { ...base, key: { ...base.key!, byokMonthly: -2 } }],
    ['a negative cap', { ...base, key: { ...base.key!, limit: -10 } }],
    ['an absurd balance', { ...base, balance: { totalCredits: 1e300, totalUsage: 1, balance: 1e300 - 1 } }],
    ['a negative total usage', { ...base, balance: { totalCredits: 10, totalUsage: -5, balance: 15 } }],
  ])('%s is not restored', (_name, usage) => {
    const s = restore('usage', usage);
    expect(s.usage).toBeNull();
    expect(s.dropped).toEqual(['usage']);
  });

  it('a good usage view is restored, an overspent cap (negative remaining) included', () => {
    const usage = { ...base, key: { ...base.key!, limit: 10, limitRemaining: -0.5 } };
    expect(restore('usage', usage).usage).toEqual(usage);
  });

  it('activity with negative usage, or fractional requests, is not restored', () => {
    const a = activityView();
    const row = a.byModel[0];
    for (const bad of [{ ...a, byModel: [{ ...row, usage: -3 }, ...a.byModel.slice(1)] }, { ...a, total: -1 }, { ...a, byModel: [{ ...row, requests: 1.5 }, ...a.byModel.slice(1)] }]) {
      expect(restore('activity', bad).activity).toBeNull();
    }
  });
});

describe('persisted server text goes through the one sanitiser', () => {
  it('model names, authors and labs with escape sequences or a key come back clean', () => {
    const c = catalogView();
    const key = 'sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
    const hostile = { ...c, models: [{ ...c.models[0], name: `\x1b[2J\x1b]0;x\x07Evil\nModel ${key}`, author: 'evil\x1b[31m', lab: 'Lab\u202e' }, ...c.models.slice(1)] };
    const restored = restore('catalog', hostile).catalog;
    expect(restored).not.toBeNull();
    const m = restored!.models[0];
    expect(m!.name).toBe('Evil Model [redacted]');
    expect(m!.author).toBe('evil');
    expect(m!.lab).toBe('Lab');
  });

  it('the key label comes back clean', () => {
    const base = usageView();
    const restored = restore('usage', { ...base, key: { ...base.key!, label: 'my key\x1b[2J\r\nbalance is $0.00' } }).usage;
    expect(restored?.key?.label).toBe('my key balance is $0.00');
  });
});
