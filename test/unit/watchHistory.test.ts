// The catalog watch's history: the diff (price, retirement date, context, removal), the bounds (count, age,
// bytes), unreadable or newer files, successors, and notifications that never repeat.
import { describe, expect, it } from 'vitest';
import {
  MAX_AGE_DAYS,
  MAX_CHANGES,
  bound,
  emptyHistory,
  listChanges,
  parseHistory,
  recordCatalog,
  serializeHistory,
  type CatalogHistory,
} from '../../src/core/watch/history';
import { familyKey, successorsFor } from '../../src/core/watch/successor';
import { buildWatchView, pendingNews, planNotices, watchedIds, watchedModelCount } from '../../src/core/watch/notify';
import type { CatalogModel, WatchChange } from '../../src/shared/types';
import { fixtureCatalog } from './refsFixtureCatalog';

const DAY = 86_400_000;
const T0 = Date.parse('2026-07-29T10:00:00Z');
const real = (): CatalogModel[] => [...fixtureCatalog().all];
const edit = (models: CatalogModel[], id: string, change: Partial<CatalogModel>): CatalogModel[] =>
  models.map((m) => (m.id === id ? { ...m, ...change } : m));
const baseline = (): CatalogHistory => recordCatalog(emptyHistory(), real(), T0).history;

describe('recordCatalog', () => {
  it('takes the first catalog as the baseline: no changes', () => {
    const r = recordCatalog(emptyHistory(), real(), T0);
    expect(r.added).toEqual([]);
    expect(r.history.since).toBe('2026-07-29T10:00:00.000Z');
    expect(Object.keys(r.history.models).length).toBe(fixtureCatalog().all.length);
  });

  it('records a price drop, a new retirement date, a context change and a removal, once each', () => {
    const m = fixtureCatalog().get('deepseek/deepseek-v4-pro')!;
    let next = edit(real(), m.id, { price: { ...m.price, input: 0.3, output: 0.6 } });
    next = edit(next, 'anthropic/claude-sonnet-4.5', { expirationDate: '2026-08-12' });
    next = edit(next, 'qwen/qwen3-coder', { contextLength: 1_000_000 });
    next = next.filter((x) => x.id !== 'openai/gpt-oss-120b');
    const r = recordCatalog(baseline(), next, T0 + DAY);
    const brief = r.added.map((c) => `${c.kind} ${c.modelId}`);
    expect(brief.sort()).toEqual(['context qwen/qwen3-coder', 'expiration anthropic/claude-sonnet-4.5', 'price deepseek/deepseek-v4-pro', 'removed openai/gpt-oss-120b']);
    expect(r.added.map((c) => c.seq).sort()).toEqual([1, 2, 3, 4]);
    const price = r.added.find((c) => c.kind === 'price')!;
    expect(price.from).toEqual({ input: m.price.input, output: m.price.output });
    expect(price.to).toEqual({ input: 0.3, output: 0.6 });
    expect(r.added.find((c) => c.kind === 'expiration')).toMatchObject({ from: null, to: '2026-08-12' });
    expect(r.history.removed['openai/gpt-oss-120b']).toMatchObject({ removedAt: '2026-07-30T10:00:00.000Z' });
    // The same catalog again (the next poll, or a restart) adds nothing.
    const again = recordCatalog(r.history, next, T0 + 2 * DAY);
    expect(again.added).toEqual([]);
    expect(again.history.changes.length).toBe(4);
  });

  it('a model that comes back leaves the removed list without a change', () => {
    const gone = recordCatalog(baseline(), real().filter((x) => x.id !== 'openai/gpt-5.2'), T0 + DAY).history;
    expect(Object.keys(gone.removed)).toEqual(['openai/gpt-5.2']);
    const back = recordCatalog(gone, real(), T0 + 2 * DAY);
    expect(back.added).toEqual([]);
    expect(back.history.removed).toEqual({});
  });

  it('a catalog missing most models is taken as partial: no removals recorded, last values kept', () => {
    const r = recordCatalog(baseline(), real().slice(0, 40), T0 + DAY);
    expect(r.added.filter((c) => c.kind === 'removed')).toEqual([]);
    expect(r.suspectRemovals).toBeGreaterThan(100);
    expect(Object.keys(r.history.models).length).toBe(fixtureCatalog().all.length);
  });

  it('does not report float noise from decimal strings as a price change', () => {
    const m = fixtureCatalog().get('deepseek/deepseek-v4-flash')!;
    const next = edit(real(), m.id, { price: { ...m.price, input: (m.price.input ?? 0) * (1 + 1e-12) } });
    expect(recordCatalog(baseline(), next, T0 + DAY).added).toEqual([]);
  });
});

function withChanges(n: number, startMs: number, stepMs: number): CatalogHistory {
  const h = baseline();
  const changes: WatchChange[] = [];
  for (let i = 0; i < n; i++) {
    changes.push({ seq: i + 1, at: new Date(startMs + i * stepMs).toISOString(), modelId: `a/m-${i}`, name: `M ${i}`, kind: 'price', from: { input: 1, output: 2 }, to: { input: 0.5, output: 1 } });
  }
  return { ...h, changes, nextSeq: n + 1 };
}

describe('bounds', () => {
  it(`keeps at most ${MAX_CHANGES} changes, the newest`, () => {
    const h = bound(withChanges(MAX_CHANGES + 37, T0, 60_000), T0 + DAY);
    expect(h.changes.length).toBe(MAX_CHANGES);
    expect(h.changes[0]!.seq).toBe(38);
  });

  it(`drops changes and removals older than ${MAX_AGE_DAYS} days`, () => {
    const now = T0 + 200 * DAY;
    const h0 = withChanges(30, T0, 10 * DAY);
    const h = bound({ ...h0, removed: { 'x/old': { ...h0.models['openai/gpt-5.2']!, removedAt: new Date(T0).toISOString() } } }, now);
    expect(h.changes.every((c) => Date.parse(c.at) >= now - MAX_AGE_DAYS * DAY)).toBe(true);
    // Every 10 days from T0, judged at T0 + 200 days: the first two are past 180 days.
    expect(h.changes.length).toBe(28);
    expect(h.removed).toEqual({});
  });

  it('fits a byte cap: oldest changes first, then models nobody watches; watched ones stay', () => {
    const h0 = { ...withChanges(300, T0, 60_000), watched: ['deepseek/deepseek-v4-pro'] };
    const full = serializeHistory(bound(h0, T0 + DAY)).length;
    const cap = Math.floor(full * 0.5);
    const h = bound(h0, T0 + DAY, cap);
    expect(serializeHistory(h).length).toBeLessThanOrEqual(cap);
    expect(h.changes).toEqual([]);
    expect(h.models['deepseek/deepseek-v4-pro']).toBeDefined();
    const small = bound(h0, T0 + DAY, full - 500);
    expect(serializeHistory(small).length).toBeLessThanOrEqual(full - 500);
    expect(small.changes.length).toBeGreaterThan(250);
    expect(small.changes.at(-1)!.seq).toBe(300);
  });
});

describe('parseHistory', () => {
  it('round-trips what it writes', () => {
    const h = withChanges(3, T0, DAY);
    expect(parseHistory(serializeHistory(h))).toEqual({ ok: true, history: h });
  });

  it.each([
    ['not JSON', '{"version":1,'],
    ['an empty file', ''],
    ['a JSON array', '[]'],
    ['a change of an unknown kind', JSON.stringify({ ...emptyHistory(), changes: [{ seq: 1, at: '2026-07-29T10:00:00.000Z', modelId: 'a/b', name: 'B', kind: 'renamed', from: null, to: null }] })],
    ['a price typed as a string', JSON.stringify({ ...emptyHistory(), models: { 'a/b': { name: 'B', author: 'a', canonicalSlug: 'a/b', created: 1, input: '0.1', output: 1, context: null, expiration: null } } })],
    ['an older version number', JSON.stringify({ ...emptyHistory(), version: 0 })],
  ])('refuses %s as corrupt', (_what, text) => {
    const r = parseHistory(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe('corrupt');
  });

  it('names a file from a newer version as such, with its version', () => {
    const r = parseHistory(JSON.stringify({ ...emptyHistory(), version: 2, somethingNew: true }));
    expect(r).toEqual({ ok: false, error: { kind: 'futureVersion', version: 2, message: expect.stringContaining('version 2') } });
  });

  it('keeps seqs ahead of the changes it holds even when the counter in the file is behind', () => {
    const h = { ...withChanges(5, T0, DAY), nextSeq: 2, notifiedSeq: 9 };
    const r = parseHistory(serializeHistory(h));
    expect(r.ok && r.history.nextSeq).toBe(6);
    expect(r.ok && r.history.notifiedSeq).toBe(5);
  });
});

describe('successors', () => {
  it.each([
    ['anthropic/claude-sonnet-4.5', 'anthropic/claude-sonnet'],
    ['anthropic/claude-4.5-sonnet-20250929', 'anthropic/claude-sonnet'],
    ['~anthropic/claude-sonnet-latest', 'anthropic/claude-sonnet'],
    ['deepseek/deepseek-v4-flash-0731', 'deepseek/deepseek-flash'],
    ['qwen/qwen3.5-35b-a3b', 'qwen/qwen-35b-a3b'],
    ['openai/gpt-5.2:batch', 'openai/gpt'],
    ['@preset/coding', null],
    ['nonsense', null],
  ])('family of %s is %s', (id, family) => {
    expect(familyKey(id)).toBe(family);
  });

  it('a retiring model gets the newest of its family, then the -latest alias', () => {
    const subject = fixtureCatalog().get('anthropic/claude-sonnet-4.5')!;
    expect(successorsFor(subject, real(), { today: '2026-07-29' })).toEqual(['anthropic/claude-sonnet-5', 'anthropic/claude-sonnet-4.6', '~anthropic/claude-sonnet-latest']);
  });

  it('skips successors that retire themselves, variants, and older models', () => {
    const models = edit(real(), 'anthropic/claude-sonnet-5', { expirationDate: '2026-07-29' });
    const subject = fixtureCatalog().get('anthropic/claude-sonnet-4')!;
    const got = successorsFor(subject, models, { today: '2026-07-29', limit: 5 });
    expect(got).not.toContain('anthropic/claude-sonnet-5');
    expect(got).not.toContain('anthropic/claude-sonnet-5:batch');
    expect(got.slice(0, 2)).toEqual(['anthropic/claude-sonnet-4.6', 'anthropic/claude-sonnet-4.5']);
    // The newest of a family has no newer model: only the alias, when it does not point at the model itself.
    const newest = fixtureCatalog().get('anthropic/claude-sonnet-5')!;
    expect(successorsFor(newest, real(), { today: '2026-07-29' })).toEqual(['~anthropic/claude-sonnet-latest']);
    const pointing = edit(real(), '~anthropic/claude-sonnet-latest', { aliasTarget: 'anthropic/claude-sonnet-5' });
    expect(successorsFor(newest, pointing, { today: '2026-07-29' })).toEqual([]);
  });

  it('a model that left the catalog is followed from its last known record', () => {
    const h = recordCatalog(baseline(), real().filter((m) => m.id !== 'deepseek/deepseek-v3.2'), T0 + DAY).history;
    const gone = h.removed['deepseek/deepseek-v3.2']!;
    expect(successorsFor({ id: 'deepseek/deepseek-v3.2', created: gone.created }, real().filter((m) => m.id !== 'deepseek/deepseek-v3.2'), { today: '2026-07-30' })).toEqual([]);
    const withNew = [...real(), { ...fixtureCatalog().get('deepseek/deepseek-v3.2')!, id: 'deepseek/deepseek-v3.3', created: gone.created + 100 }];
    expect(successorsFor({ id: 'deepseek/deepseek-v3.2', created: gone.created }, withNew, { today: '2026-07-30' })).toEqual(['deepseek/deepseek-v3.3']);
  });
});

describe('notifications', () => {
  const changed = (): CatalogHistory => {
    const m = fixtureCatalog().get('deepseek/deepseek-v4-pro')!;
    const f = fixtureCatalog().get('deepseek/deepseek-v4-flash')!;
    let next = edit(real(), m.id, { price: { ...m.price, input: 0.3 } });
    next = edit(next, f.id, { price: { ...f.price, input: 0.1 } });
    next = edit(next, 'qwen/qwen3-coder', { price: { ...f.price, input: 0.2 } });
    next = edit(next, 'anthropic/claude-sonnet-4.5', { expirationDate: '2026-08-12' });
    return recordCatalog(baseline(), next, T0 + DAY).history;
  };

  it('watches what the workspace names (as resolved and as written) and what the key used', () => {
    const w = watchedIds({
      references: [{ id: '~anthropic/claude-sonnet-latest', modelId: '~anthropic/claude-sonnet-latest' }, { id: 'deepseek/deepseek-v3.2', modelId: null }, { id: '@preset/coding', modelId: null }],
      activity: { byModel: [{ model: 'qwen/qwen3-coder-480b-a35b-07-25' }] } as never,
      canonicalToId: (slug) => fixtureCatalog().byCanonical(slug)?.id ?? null,
    });
    expect([...w].sort()).toEqual(['deepseek/deepseek-v3.2', 'qwen/qwen3-coder', 'qwen/qwen3-coder-480b-a35b-07-25', '~anthropic/claude-sonnet-latest']);
    // Three models, each counted once however it was written.
    expect(
      watchedModelCount({
        references: [{ id: '~anthropic/claude-sonnet-latest', modelId: '~anthropic/claude-sonnet-latest' }, { id: 'anthropic/claude-4.5-sonnet-20250929', modelId: 'anthropic/claude-sonnet-4.5' }, { id: 'anthropic/claude-sonnet-4.5', modelId: 'anthropic/claude-sonnet-4.5' }, { id: '@preset/coding', modelId: null }],
        activity: { byModel: [{ model: 'qwen/qwen3-coder-480b-a35b-07-25' }, { model: 'qwen/qwen3-coder' }] } as never,
        canonicalToId: (slug) => fixtureCatalog().byCanonical(slug)?.id ?? null,
      }),
    ).toBe(3);
  });

  it('notifies each watched change once: not again on the next poll or after a restart', () => {
    const watched = new Set(['deepseek/deepseek-v4-pro', 'anthropic/claude-sonnet-4.5']);
    const h = changed();
    const news = pendingNews(h, watched);
    expect(news.changes.map((c) => c.modelId).sort()).toEqual(['anthropic/claude-sonnet-4.5', 'deepseek/deepseek-v4-pro']);
    const seen: CatalogHistory = { ...h, notifiedSeq: news.notifiedSeq };
    // Restart: the file is read back, the same catalog recorded again.
    const reread = parseHistory(serializeHistory(seen));
    expect(reread.ok).toBe(true);
    if (!reread.ok) return;
    const polled = recordCatalog(reread.history, edit(edit(edit(edit(real(), 'deepseek/deepseek-v4-pro', { price: { ...fixtureCatalog().get('deepseek/deepseek-v4-pro')!.price, input: 0.3 } }), 'deepseek/deepseek-v4-flash', { price: { ...fixtureCatalog().get('deepseek/deepseek-v4-flash')!.price, input: 0.1 } }), 'qwen/qwen3-coder', { price: { ...fixtureCatalog().get('deepseek/deepseek-v4-flash')!.price, input: 0.2 } }), 'anthropic/claude-sonnet-4.5', { expirationDate: '2026-08-12' }), T0 + 2 * DAY);
    expect(polled.added).toEqual([]);
    expect(pendingNews(polled.history, watched).changes).toEqual([]);
  });

  it('a change to a model nobody watched is passed over, not notified when it is watched later', () => {
    const h = changed();
    const first = pendingNews(h, new Set(['deepseek/deepseek-v4-pro']));
    const later = pendingNews({ ...h, notifiedSeq: first.notifiedSeq }, new Set(['deepseek/deepseek-v4-pro', 'qwen/qwen3-coder']));
    expect(later.changes).toEqual([]);
  });

  it('batches by kind: three price changes are one notice, a lone retirement its own', () => {
    const h = changed();
    const all = new Set(h.changes.map((c) => c.modelId));
    const notices = planNotices(pendingNews(h, all).changes);
    expect(notices.map((n) => (n.kind === 'single' ? `single ${n.change.kind}` : `batch ${n.changeKind} ${n.models}`))).toEqual(['single expiration', 'batch price 3']);
    expect(planNotices([])).toEqual([]);
  });

  it('the view lists watched changes newest first and says since when', () => {
    const h = changed();
    const v = buildWatchView(h, new Set(['deepseek/deepseek-v4-pro', 'qwen/qwen3-coder']), null);
    expect(v.changes.map((c) => c.modelId)).toEqual(['qwen/qwen3-coder', 'deepseek/deepseek-v4-pro']);
    expect(v.since).toBe(h.since);
    expect(listChanges(h, { sinceMs: T0 + DAY }).length).toBe(4);
    expect(listChanges(h, { sinceMs: T0 + DAY + 1 })).toEqual([]);
  });
});
