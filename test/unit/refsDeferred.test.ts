// The workspace references' code is a chunk loaded after the first paint (src/host/modelRefs/deferred.ts): the
// stand-in the composition root holds until then must say the scan has not started (never "no references"), load
// the chunk once, at its time or as soon as a caller needs it, forward everything afterwards, and say so plainly
// when the chunk cannot load.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as fake from '../support/fakeVscode';
import * as register from '../../src/host/modelRefs/register';
import { deferModelReferences } from '../../src/host/modelRefs/deferred';
import type { ModelReferences } from '../../src/host/modelRefs/register';
import type { ReferencesView, Snapshot } from '../../src/shared/types';
import { DEFAULT_REFS_SETTINGS, fixtureCatalogSnapshot, useFakeWorkspace } from '../support/fakeWorkspace';

const files = new Map<string, string>([['/ws/.env', 'OPENROUTER_MODEL=openai/gpt-5\n']]);
const snapshot: Snapshot = fixtureCatalogSnapshot();
let log: ReturnType<typeof fake.window.createOutputChannel>;
const made: ModelReferences[] = [];

const deps = () => ({
  context: fake.fakeExtensionContext() as never,
  log: log as never,
  snapshot: { current: () => snapshot, onDidChange: new fake.EventEmitter<Snapshot>().event as never },
  settings: { current: () => DEFAULT_REFS_SETTINGS, onDidChange: new fake.EventEmitter<void>().event as never },
});

/** The real chunk, counted. */
const loader = () => {
  const calls = { n: 0 };
  const load = async () => {
    calls.n++;
    return {
      registerModelReferences: (d: Parameters<typeof register.registerModelReferences>[0]) => {
        const r = register.registerModelReferences(d);
        made.push(r);
        return r;
      },
    };
  };
  return { calls, load };
};

beforeEach(() => {
  vi.useFakeTimers();
  fake.workspace.isTrusted = true;
  log = fake.window.createOutputChannel('test');
  useFakeWorkspace({ paths: () => [...files.keys()], read: (p) => files.get(p) });
});
afterEach(() => {
  for (const r of made.splice(0)) r.dispose();
  vi.useRealTimers();
});

describe('the deferred workspace references', () => {
  it('say the scan is about to start, load the chunk once after the delay, and then show the scan', async () => {
    const { calls, load } = loader();
    const refs = deferModelReferences(deps(), { load, delayMs: 1_000 });
    const seen: ReferencesView[] = [];
    refs.onDidChange((v) => seen.push(v));
    const before = refs.view();
    // Not "no references found": the webview shows a scan in progress with the note.
    expect(before).toEqual({ refs: [], scanning: true, files: 0, note: 'The workspace scan starts in a moment.' });
    await vi.advanceTimersByTimeAsync(999);
    expect(calls.n).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.n).toBe(1);
    // The wait is over: the chunk's first scan runs at once, not a second later again.
    await vi.advanceTimersByTimeAsync(50);
    expect(refs.view().refs.map((r) => r.id)).toEqual(['openai/gpt-5']);
    // Listeners that subscribed to the stand-in hear the chunk's changes.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(seen.at(-1)?.refs.map((r) => r.file)).toEqual(['.env']);
    expect(calls.n).toBe(1);
    refs.dispose();
  });

  it('load at once when a caller needs them (a swap before the delay), and only once for concurrent callers', async () => {
    const { calls, load } = loader();
    const refs = deferModelReferences(deps(), { load, delayMs: 60_000 });
    fake.window.showQuickPick = (async () => undefined) as never;
    const [a, b] = await Promise.all([refs.reveal('r999'), refs.reveal('r998')]);
    expect([a, b]).toEqual([false, false]);
    expect(calls.n).toBe(1);
    expect(made).toHaveLength(1);
    refs.dispose();
  });

  it('say plainly when the chunk cannot load: the view, the log, a refused swap that writes nothing', async () => {
    const refs = deferModelReferences(deps(), { load: () => Promise.reject(new Error('Cannot find module ./host/register-X.mjs')), delayMs: 10 });
    await vi.advanceTimersByTimeAsync(10);
    await vi.waitFor(() => expect(refs.view().note).toBe('Model references are unavailable: Cannot find module ./host/register-X.mjs'));
    expect(refs.view()).toMatchObject({ refs: [], scanning: false });
    const outcome = await refs.swap({ modelId: 'openai/gpt-5', targetId: 'x-ai/grok-4.5' });
    expect(outcome).toMatchObject({ kind: 'refused', applied: false, reason: 'unavailable' });
    refs.dispose();
  });

  it('an untrusted workspace says so before the chunk loads, as after', () => {
    fake.workspace.isTrusted = false;
    const refs = deferModelReferences(deps(), { load: loader().load, delayMs: 60_000 });
    expect(refs.view().note).toBe('This workspace is not trusted: model references are shown, swaps are off.');
    refs.dispose();
  });

  it('disposed before the chunk arrives: registers nothing', async () => {
    const { calls, load } = loader();
    const refs = deferModelReferences(deps(), { load, delayMs: 10 });
    refs.dispose();
    await vi.advanceTimersByTimeAsync(100);
    expect(calls.n).toBe(0);
    expect(made).toHaveLength(0);
  });
});
