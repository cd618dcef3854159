// One shape layer: the snapshot store (restoring a persisted part) and the webview (taking a pushed snapshot) accept
// and refuse exactly the same inputs, and what both accept they read the same. Inputs are valid parts with one
// random edit: a field replaced by junk (NaN, Infinity, negative money, wrong types, unknown enum values, huge
// strings), a key removed, an extra or prototype key added, a list made huge.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSnapshotStore, SNAPSHOT_STORAGE_VERSION, type PersistedPart, type SnapshotStorage } from '../../src/core/service/snapshotStore';
import { emptySnapshot } from '../../src/shared/snapshotSchema';
import * as intake from '../../webview/src/model/intake';
import { activityView, catalogView, rankingsView, usageView } from '../support/snapshotBuilders';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- edits write what the types forbid
type Loose = any;

const VALID: Record<PersistedPart, () => unknown> = {
  catalog: () => catalogView(),
  rankings: () => rankingsView(),
  usage: () => usageView({ management: true }),
  activity: () => activityView(),
};

/** What the store restores for `part` from storage holding `value`, or null when it refuses it. */
function storeRead(part: PersistedPart, value: unknown): Record<string, unknown> | null {
  const data = new Map<string, unknown>([[`p.${part}`, { v: SNAPSHOT_STORAGE_VERSION, savedAt: 1, fetchedAt: {}, value }]]);
  const storage: SnapshotStorage = { get: (k) => data.get(k), set: () => Promise.resolve() };
  const store = createSnapshotStore({ storage, storagePrefix: 'p', now: () => 1 });
  const report = store.load();
  return report.restored.includes(part) ? (store.get()[part] as unknown as Record<string, unknown>) : null;
}

/** What the webview takes for `part` from a pushed snapshot holding `value`, or null when it had to repair it. */
function webviewRead(part: PersistedPart, value: unknown): Record<string, unknown> | null {
  const s = intake.snapshot({ ...emptySnapshot(), [part]: value });
  return intake.unreadableParts(s).length === 0 ? (s[part] as unknown as Record<string, unknown>) : null;
}

/** Where an edit lands: each number picks a key (or an index) one level further down. */
type Edit =
  | { op: 'set'; path: number[]; value: unknown }
  | { op: 'delete'; path: number[] }
  | { op: 'extra'; path: number[]; key: string; value: unknown }
  | { op: 'huge'; path: number[] };

function apply(root: unknown, edit: Edit): unknown {
  const copy = structuredClone(root) as Record<string, unknown>;
  let parent: Record<string, unknown> | unknown[] = copy;
  let key: string | number | null = null;
  for (const n of edit.path) {
    const here: unknown = key === null ? parent : (parent as Record<string, unknown>)[key];
    if (typeof here !== 'object' || here === null) break;
    const keys = Object.keys(here);
    if (keys.length === 0) break;
    if (key !== null) parent = here as Record<string, unknown>;
    key = Array.isArray(here) ? (n % here.length) : (keys[n % keys.length] as string);
  }
  if (key === null) return edit.op === 'set' ? edit.value : copy;
  const target = parent as Record<string, unknown>;
  switch (edit.op) {
    case 'set':
      target[key] = edit.value;
      break;
    case 'delete':
      if (Array.isArray(target)) target.splice(Number(key), 1);
      else delete target[key];
      break;
    case 'extra': {
      const at = target[key];
      if (typeof at === 'object' && at !== null && !Array.isArray(at)) Object.defineProperty(at, edit.key, { value: edit.value, enumerable: true, configurable: true, writable: true });
      break;
    }
    case 'huge': {
      const at = target[key];
      if (Array.isArray(at) && at.length > 0) target[key] = Array.from({ length: 5001 }, (_, i) => at[i % at.length]);
      break;
    }
  }
  return copy;
}

const junk = fc.oneof(
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, -0.01, -1e13, 1e13, 0, 1.5, 2 ** 53, null, undefined, '', 'MARS', '-1', '1e12', '12', 'x'.repeat(5000), '9'.repeat(41)),
  fc.constantFrom('live', 'cache', 'bundled', 'tokens', 'order', 'CN', 'US', 'ok', 'key', 'free', 'server'),
  fc.constantFrom({}, [], [null], { __proto__: null }, JSON.parse('{"__proto__": {"polluted": true}}') as unknown),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 8 }),
  fc.anything({ maxDepth: 2 }),
);

const path = fc.array(fc.nat(), { minLength: 0, maxLength: 6 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), path, value: junk }),
  fc.record({ op: fc.constant('delete' as const), path }),
  fc.record({ op: fc.constant('extra' as const), path, key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', 'toString'), value: junk }),
  fc.record({ op: fc.constant('huge' as const), path }),
);

/** The store turns last session's live data into this session's cache; that is all it may change. */
function withoutSource(value: Record<string, unknown> | null): Record<string, unknown> | null {
  if (value === null) return null;
  const { source: _source, ...rest } = value;
  return rest;
}

describe('one shape layer: the store and the webview agree', () => {
  it.each(Object.keys(VALID) as PersistedPart[])('%s: the same inputs are accepted and refused, and read the same', (part) => {
    const seen = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        const value = edits.reduce<unknown>((v, e) => apply(v, e), VALID[part]());
        const stored = storeRead(part, value);
        const viewed = webviewRead(part, value);
        expect(stored === null).toBe(viewed === null);
        expect(withoutSource(viewed)).toEqual(withoutSource(stored));
        seen[stored === null ? 'refused' : 'accepted']++;
      }),
      { numRuns: 150 },
    );
    // The edits reach both sides of the line, or the property says nothing.
    expect(seen.accepted).toBeGreaterThan(10);
    expect(seen.refused).toBeGreaterThan(10);
  });

  it('the unedited parts are accepted by both', () => {
    for (const part of Object.keys(VALID) as PersistedPart[]) {
      expect(storeRead(part, VALID[part]())).not.toBeNull();
      expect(webviewRead(part, VALID[part]())).not.toBeNull();
    }
  });

  it.each([
    ['catalog', (c: Loose): void => {
      c.models[0].price.input = -1;
    }],
    ['catalog', (c: Loose): void => {
      c.models[0].region = 'MARS';
    }],
    ['catalog', (c: Loose): void => {
      c.models = Array.from({ length: 5001 }, () => c.models[0]);
    }],
    ['rankings', (r: Loose): void => {
      r.models[0].tokens = 12;
    }],
    ['rankings', (r: Loose): void => {
      r.models[0].share = Number.NaN;
    }],
    ['usage', (u: Loose): void => {
      u.key.daily = -3;
    }],
    ['usage', (u: Loose): void => {
      u.balance.balance = Number.POSITIVE_INFINITY;
    }],
    ['activity', (a: Loose): void => {
      a.byModel[0].requests = 1.5;
    }],
    ['activity', (a: Loose): void => {
      a.days.push('not a day');
    }],
  ] as const)('%s: an edit both refuse (%#)', (part, edit) => {
    const value = structuredClone(VALID[part]()) as Record<string, unknown>;
    edit(value);
    expect(storeRead(part, value)).toBeNull();
    expect(webviewRead(part, value)).toBeNull();
  });
});
