// The webview's intake (webview/src/model/intake.ts): host messages are checked against the one shape layer
// (src/shared/snapshotSchema.ts). What fits is taken as sent; partial damage loses only the damaged element or
// field and the view says so; a message that is not a snapshot at all becomes a clear error state.
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InitPayload } from '../../src/shared/protocol';
import type { Snapshot } from '../../src/shared/types';
import * as intake from '../../webview/src/model/intake';
import { banners } from '../../webview/src/model/status';
import { HostBridge, type Notification, type VsCodeApi } from '../../webview/src/host';
import { renderApp } from './support/fakeHost';
import { activityView, catalogModel, initPayload, liveSnapshot, managementSnapshot, rankingsView, referencesView, modelRef } from '../support/snapshotBuilders';

const NOW = Date.parse('2026-07-29T09:30:00Z');

/** A deep copy the types no longer constrain, edited field by field as a version skew or a bug would. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the point is a payload the types forbid
type Loose = Record<string, any>;
function raw<T>(value: T): Loose {
  return structuredClone(value) as Loose;
}

function bannerIds(s: Snapshot): string[] {
  return banners(s, NOW).map((b) => b.id);
}

describe('intake: what fits is taken as sent', () => {
  it('a well-formed snapshot comes through unchanged and raises no notice', () => {
    const s = managementSnapshot();
    const out = intake.snapshot(structuredClone(s));
    expect(out).toEqual(s);
    expect(intake.unreadableParts(out)).toEqual([]);
    expect(bannerIds(out)).not.toContain('unreadable');
  });

  it('extra fields are dropped, never passed on', () => {
    const s = raw(liveSnapshot());
    s.extra = 'x';
    s.catalog.models[0].secretField = 'sk-or-v1-should-not-travel';
    s.rankings.models[0].bonus = { nested: true };
    const out = intake.snapshot(s);
    expect(intake.unreadableParts(out)).toEqual([]);
    expect(out).not.toHaveProperty('extra');
    expect(out.catalog!.models[0]).not.toHaveProperty('secretField');
    expect(out.rankings!.models[0]).not.toHaveProperty('bonus');
  });

  it('prototype keys neither pollute nor survive', () => {
    const s = raw(liveSnapshot());
    s.rankings.models[0].variantTokens = JSON.parse('{"__proto__": {"polluted": "1"}, "": "12", "constructor": "5"}');
    s.catalog.models[0] = { ...s.catalog.models[0], ...JSON.parse('{"__proto__": {"polluted": true}}') };
    const out = intake.snapshot(s);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(out.rankings!.models[0]!.variantTokens ?? {})).toEqual(['']);
    expect((out.catalog!.models[0] as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('intake: partial damage loses only what is damaged', () => {
  it('one catalog model without an id is left out, every other model kept, and the view says so', () => {
    const s = raw(liveSnapshot());
    const count = s.catalog.models.length;
    s.catalog.models[2] = { name: 'no id', price: 'free' };
    const out = intake.snapshot(s);
    expect(out.catalog!.models).toHaveLength(count - 1);
    expect(out.catalog!.models.map((m) => m.id)).toEqual(liveSnapshot().catalog!.models.filter((_, i) => i !== 2).map((m) => m.id));
    expect(intake.unreadableParts(out)).toEqual(['catalog']);
    const b = banners(out, NOW).find((x) => x.id === 'unreadable');
    expect(b?.severity).toBe('warning');
    expect(b?.title).toBe('Some prices data could not be read.');
    // Everything else of the snapshot is untouched.
    expect(out.rankings).toEqual(liveSnapshot().rankings);
  });

  it('one ranking row that is not a row is left out; the other rows keep their figures', () => {
    const s = raw(liveSnapshot());
    const rows = s.rankings.models.length;
    s.rankings.models.splice(1, 0, 'not a row', { rank: 1 });
    const out = intake.snapshot(s);
    expect(out.rankings!.models).toHaveLength(rows);
    expect(out.rankings!.models).toEqual(rankingsView().models);
    expect(intake.unreadableParts(out)).toEqual(['rankings']);
  });

  it('NaN, Infinity and wrong types in fields become unknown ("—"), the row stays', () => {
    const s = raw(managementSnapshot());
    s.catalog.models[0].price.input = Number.NaN;
    s.catalog.models[0].contextLength = Number.POSITIVE_INFINITY;
    s.catalog.models[0].codingIndex = '42';
    s.rankings.models[0].share = Number.NEGATIVE_INFINITY;
    s.activity.byModel[0].requests = 1.5;
    const out = intake.snapshot(s);
    expect(out.catalog!.models[0]!.id).toBe(liveSnapshot().catalog!.models[0]!.id);
    expect(out.catalog!.models[0]!.price.input).toBeNull();
    expect(out.catalog!.models[0]!.price.output).toBe(liveSnapshot().catalog!.models[0]!.price.output);
    expect(out.catalog!.models[0]!.contextLength).toBeNull();
    expect(out.catalog!.models[0]!.codingIndex).toBeNull();
    expect(out.rankings!.models[0]!.share).toBeNull();
    expect(out.activity!.byModel[0]!.requests).toBeNaN();
    expect([...intake.unreadableParts(out)].sort()).toEqual(['activity', 'catalog', 'rankings']);
  });

  it('negative or absurd money is not shown as money', () => {
    const s = raw(managementSnapshot());
    s.usage.key.daily = -3;
    s.usage.key.usage = 1e13;
    s.usage.balance.totalCredits = -10;
    s.activity.byModel[0].usage = -0.5;
    s.catalog.models[0].price.output = -1;
    const out = intake.snapshot(s);
    expect(out.usage!.key!.daily).toBeNull();
    expect(out.usage!.key!.usage).toBeNaN();
    expect(out.usage!.balance!.totalCredits).toBeNaN();
    expect(out.activity!.byModel[0]!.usage).toBeNaN();
    expect(out.catalog!.models[0]!.price.output).toBeNull();
    // The parts' other figures are as sent.
    expect(out.usage!.key!.weekly).toBe(managementSnapshot().usage!.key!.weekly);
  });

  it('unknown enum values take their stated default: region Unknown, error kind server, mode order, tool code', () => {
    const s = raw(liveSnapshot());
    s.catalog.models[0].region = 'MARS';
    s.catalog.source = 'somewhere';
    s.rankings.models[0].region = 'ATLANTIS';
    s.resources.models.error = { kind: 'explosion', message: 'boom' };
    s.keys.inference = 'pocket';
    s.usage.balanceStatus = 'maybe';
    const out = intake.snapshot(s);
    expect(out.catalog!.models[0]!.region).toBe('UNKNOWN');
    expect(out.catalog!.source).toBe('cache');
    expect(out.rankings!.models[0]!.region).toBe('UNKNOWN');
    expect(out.resources.models.error).toEqual({ kind: 'server', message: 'boom' });
    expect(out.keys.inference).toBe('none');
    expect(out.usage!.balanceStatus).toBe('unavailable');
    const refs = intake.references({ refs: [{ ...modelRef('openai/gpt-5'), tool: 'emacs' }], scanning: false, files: 1, note: null });
    expect(refs.refs[0]!.tool).toBe('code');
  });

  it('a huge list is cut to the bound and the view says so', () => {
    const s = raw(liveSnapshot());
    const model = s.catalog.models[0];
    s.catalog.models = Array.from({ length: 6_000 }, (_, i) => ({ ...model, id: `x/m-${i}` }));
    const out = intake.snapshot(s);
    expect(out.catalog!.models).toHaveLength(5000);
    expect(out.catalog!.models[4999]!.id).toBe('x/m-4999');
    expect(intake.unreadableParts(out)).toEqual(['catalog']);
  });

  it('token totals that are not decimal strings, and too long ones, become unknown', () => {
    const s = raw(liveSnapshot());
    s.rankings.models[0].tokens = 12;
    s.rankings.models[1].tokens = '1'.repeat(41);
    s.rankings.models[2].tokens = '-5';
    const out = intake.snapshot(s);
    expect(out.rankings!.models.slice(0, 3).map((m) => m.tokens)).toEqual([null, null, null]);
    expect(out.rankings!.models[3]!.tokens).toBe(rankingsView().models[3]!.tokens);
  });

  it('references: a damaged reference is left out and the list says so', () => {
    const refs = raw(referencesView([modelRef('openai/gpt-5'), modelRef('qwen/qwen3-coder', { refId: 'r2' })]));
    refs.refs.push({ refId: 7, id: null });
    const out = intake.references(refs);
    expect(out.refs.map((r) => r.id)).toEqual(['openai/gpt-5', 'qwen/qwen3-coder']);
    expect(out.note).toBe('Some references could not be read and are not listed.');
    expect(intake.references(referencesView()).note).toBeNull();
  });
});

describe('intake: a message that is not a snapshot is a clear error state', () => {
  it.each([null, 42, 'snapshot', [], true])('%j becomes the empty snapshot with an error notice', (junk) => {
    const out = intake.snapshot(junk);
    expect(out.catalog).toBeNull();
    expect(Object.keys(out.resources).sort()).toEqual(['activity', 'credits', 'key', 'models', 'rankings', 'userModels']);
    expect(intake.unreadableParts(out)).toEqual(['message']);
    const b = banners(out, NOW)[0];
    expect(b).toMatchObject({ id: 'unreadable', severity: 'error', title: 'Model Radar could not read the data the extension sent.' });
    expect(b!.actions.map((a) => a.command)).toEqual(['refresh', 'showLog']);
  });

  it('through the bridge: NaN and Infinity survive postMessage, and are still refused as figures', () => {
    const target = new EventTarget();
    const api: VsCodeApi = { postMessage: () => undefined, getState: () => undefined, setState: () => undefined };
    const bridge = new HostBridge(api, target as unknown as Window, { defaultView: 'sidebar' });
    const seen: Notification[] = [];
    bridge.onNotification((n) => seen.push(n));
    const s = raw(managementSnapshot());
    s.usage.key.daily = Number.NaN;
    s.activity.total = Number.POSITIVE_INFINITY;
    target.dispatchEvent(new MessageEvent('message', { data: { type: 'notification', method: 'snapshot/didChange', params: s } }));
    bridge.dispose();
    const pushed = seen[0]!.params as Snapshot;
    expect(pushed.usage!.key!.daily).toBeNull();
    expect(pushed.activity!.total).toBeNaN();
    expect(pushed.activity!.days).toEqual(activityView().days);
    expect([...intake.unreadableParts(pushed)].sort()).toEqual(['activity', 'usage']);
  });
});

describe('intake: what a user sees', () => {
  let consoleError: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => consoleError.mockRestore());

  it('one broken model does not blank the sidebar: the others render, and a notice names what was left out', async () => {
    const snapshot = raw(liveSnapshot());
    snapshot.rankings.models[0] = { permaslug: null };
    await renderApp({ init: initPayload({ snapshot: snapshot as Snapshot }) });
    const notice = document.querySelector('[data-banner="unreadable"]');
    expect(notice?.textContent).toContain('Some rankings data could not be read.');
    const leaders = screen.getByRole('region', { name: 'Leaders' });
    expect(within(leaders).getAllByRole('listitem').length).toBeGreaterThan(0);
    expect(screen.getByRole('region', { name: 'Your models' })).toBeTruthy();
  });

  it('a garbage init shows an error notice, not an empty view without a word', async () => {
    await renderApp({ init: 'garbage' as unknown as InitPayload });
    const notice = document.querySelector('[data-banner="unreadable"]');
    expect(notice?.textContent).toContain('Model Radar could not read the data the extension sent.');
    expect(screen.getByRole('region', { name: 'Spend' })).toBeTruthy();
  });

  it('the store-side twin: a catalog model from core is the same after intake', () => {
    const m = catalogModel('deepseek/deepseek-v4-flash');
    expect(intake.catalogModel(structuredClone(m))).toEqual(m);
  });
});
