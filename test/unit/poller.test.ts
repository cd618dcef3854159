// The poller with a hand-driven clock: schedules, activity, single-flight, backoff, the rankings guard.
import { describe, expect, it } from 'vitest';
import { DEFAULT_INTERVALS_MS, RANKINGS_MIN_GAP_MS, createPoller, type PollerClock, type PollerEvent, type PollerOptions, type PollerTask } from '../../src/core/service/poller';
import { RESOURCE_NAMES, type ResourceName } from '../../src/shared/types';

const MIN = 60_000;
const HOUR = 60 * MIN;

const flush = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

class ManualClock implements PollerClock {
  private t = 1_800_000_000_000;
  private nextId = 0;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();
  now(): number {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.nextId;
    this.timers.set(id, { at: this.t + ms, fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  get pending(): number {
    return this.timers.size;
  }
  /** Moves time forward, firing due timers in order and letting the tasks they start settle. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      await flush();
      let next: [number, { at: number; fn: () => void }] | null = null;
      for (const entry of this.timers) if (entry[1].at <= end && (next === null || entry[1].at < next[1].at)) next = entry;
      if (next === null) break;
      this.timers.delete(next[0]);
      this.t = next[1].at;
      next[1].fn();
    }
    this.t = end;
    await flush();
  }
}

/** A task per resource, typed as the poller wants them. */
function tasksFor(make: (resource: ResourceName) => PollerTask): Record<ResourceName, PollerTask> {
  const tasks = {} as Record<ResourceName, PollerTask>;
  for (const resource of RESOURCE_NAMES) tasks[resource] = make(resource);
  return tasks;
}
const resolved: PollerTask = () => Promise.resolve();

interface Harness {
  clock: ManualClock;
  calls: Record<ResourceName, number[]>;
  events: PollerEvent[];
  poller: ReturnType<typeof createPoller>;
  start: number;
}

function harness(opts: Partial<Omit<PollerOptions, 'clock'>> & { clock?: ManualClock; fail?: Partial<Record<ResourceName, () => unknown>> } = {}): Harness {
  const clock = opts.clock ?? new ManualClock();
  const start = clock.now();
  const calls = Object.fromEntries(RESOURCE_NAMES.map((r) => [r, [] as number[]])) as Record<ResourceName, number[]>;
  const events: PollerEvent[] = [];
  const tasks = tasksFor((r) => () => {
    calls[r].push(clock.now() - start);
    const fail = opts.fail?.[r];
    return fail ? Promise.reject(fail()) : Promise.resolve();
  });
  const poller = createPoller({ tasks, clock, random: () => 0, onEvent: (e) => events.push(e), ...opts });
  return { clock, calls, events, poller, start };
}

describe('schedules', () => {
  it('makes no request until active, then fetches everything enabled at once', async () => {
    const h = harness({ enabled: (r) => r !== 'credits' && r !== 'activity' });
    await h.clock.advance(2 * HOUR);
    expect(Object.values(h.calls).flat()).toEqual([]);
    h.poller.setActive(true);
    await flush();
    expect(h.calls.key).toEqual([2 * HOUR]);
    expect(h.calls.models).toEqual([2 * HOUR]);
    expect(h.calls.rankings).toEqual([2 * HOUR]);
    expect(h.calls.credits).toEqual([]);
    expect(h.calls.activity).toEqual([]);
  });

  it('runs each resource on its own default interval', async () => {
    const h = harness();
    h.poller.setActive(true);
    await h.clock.advance(HOUR);
    expect(h.calls.key).toHaveLength(61);
    expect(h.calls.key[1]).toBe(DEFAULT_INTERVALS_MS.key);
    expect(h.calls.credits).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60].map((m) => m * MIN));
    expect(h.calls.models).toEqual([0, 30 * MIN, 60 * MIN]);
    expect(h.calls.rankings).toEqual([0, HOUR]);
    expect(h.calls.activity).toEqual([0, HOUR]);
  });

  it('stretches intervals by jitter, never shortens them', async () => {
    const h = harness({ random: () => 0.999 });
    h.poller.setActive(true);
    await flush();
    const next = h.poller.nextRunAt('key');
    expect(next).not.toBeNull();
    const wait = (next ?? 0) - h.clock.now();
    expect(wait).toBeGreaterThan(DEFAULT_INTERVALS_MS.key);
    expect(wait).toBeLessThanOrEqual(DEFAULT_INTERVALS_MS.key * 1.1);
  });

  it('lets settings lengthen intervals but not shorten them below the defaults', async () => {
    const h = harness({ intervals: { key: 10_000, models: 2 * HOUR, credits: Number.NaN } });
    expect(h.poller.intervalOf('key')).toBe(DEFAULT_INTERVALS_MS.key);
    expect(h.poller.intervalOf('models')).toBe(2 * HOUR);
    expect(h.poller.intervalOf('credits')).toBe(DEFAULT_INTERVALS_MS.credits);
    h.poller.setActive(true);
    await h.clock.advance(3 * HOUR);
    expect(h.calls.models).toEqual([0, 2 * HOUR]);
    h.poller.setIntervals({ key: 5 * MIN });
    await h.clock.advance(20 * MIN);
    const recent = h.calls.key.filter((t) => t > 3 * HOUR);
    expect(recent.length).toBeLessThanOrEqual(4);
    expect(recent.length).toBeGreaterThanOrEqual(3);
  });

  it('trusts a persisted last success: fresh data is not refetched on start', async () => {
    const clock = new ManualClock();
    const h = harness({ clock, lastSuccess: { models: clock.now() - 10 * MIN, key: clock.now() - 5 * MIN } });
    h.poller.setActive(true);
    await flush();
    expect(h.calls.models).toEqual([]);
    expect(h.calls.key).toEqual([0]);
    await h.clock.advance(20 * MIN);
    expect(h.calls.models).toEqual([20 * MIN]);
  });
});

describe('activity', () => {
  it('stops requesting when inactive and, on return, refreshes only what went stale', async () => {
    const h = harness();
    h.poller.setActive(true);
    await h.clock.advance(MIN / 2);
    h.poller.setActive(false);
    expect(h.clock.pending).toBe(0);
    await h.clock.advance(10 * MIN);
    expect(h.calls.key).toEqual([0]);
    h.poller.setActive(true);
    await flush();
    // key (60 s) and credits (5 min) are stale after 10.5 min; models, rankings, activity are not.
    expect(h.calls.key).toEqual([0, 10.5 * MIN]);
    expect(h.calls.credits).toEqual([0, 10.5 * MIN]);
    expect(h.calls.models).toEqual([0]);
    expect(h.calls.rankings).toEqual([0]);
    await h.clock.advance(20 * MIN);
    expect(h.calls.models).toEqual([0, 30 * MIN]);
  });

  it('a quick blur and focus makes no extra request', async () => {
    const h = harness();
    h.poller.setActive(true);
    await flush();
    h.poller.setActive(false);
    h.poller.setActive(true);
    await flush();
    expect(Object.values(h.calls).map((c) => c.length)).toEqual(RESOURCE_NAMES.map(() => 1));
  });
});

describe('refreshNow and single-flight', () => {
  it('bypasses the schedule, and a second trigger joins the request in flight', async () => {
    const clock = new ManualClock();
    let release: () => void = () => undefined;
    let started = 0;
    const key: PollerTask = () => {
      started++;
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    };
    const poller = createPoller({ tasks: { ...tasksFor(() => resolved), key }, clock, random: () => 0 });
    const first = poller.refreshNow(['key']);
    const second = poller.refreshNow(['key', 'key']);
    poller.setActive(true);
    await flush();
    expect(started).toBe(1);
    release();
    expect(await first).toEqual([{ resource: 'key', status: 'ok' }]);
    expect(await second).toEqual([{ resource: 'key', status: 'ok' }]);
    await clock.advance(10_000);
    const third = poller.refreshNow(['key']);
    await flush();
    expect(started).toBe(2);
    release();
    expect(await third).toEqual([{ resource: 'key', status: 'ok' }]);
    poller.dispose();
  });

  it('reports disabled resources as skipped and never calls them', async () => {
    const h = harness({ enabled: (r) => r === 'key' });
    const outcomes = await h.poller.refreshNow();
    expect(outcomes.find((o) => o.resource === 'credits')).toEqual({ resource: 'credits', status: 'skipped', reason: 'disabled' });
    expect(h.calls.credits).toEqual([]);
    expect(h.calls.key).toEqual([0]);
  });

  it('runs a resource as soon as it becomes enabled (a management key was set)', async () => {
    let management = false;
    const h = harness({ enabled: (r) => management || (r !== 'credits' && r !== 'activity') });
    h.poller.setActive(true);
    await h.clock.advance(5 * MIN);
    expect(h.calls.credits).toEqual([]);
    management = true;
    h.poller.reschedule();
    await flush();
    expect(h.calls.credits).toEqual([5 * MIN]);
    expect(h.calls.activity).toEqual([5 * MIN]);
    management = false;
    h.poller.reschedule();
    await h.clock.advance(2 * HOUR);
    expect(h.calls.credits).toEqual([5 * MIN]);
  });
});

describe('the rankings guard', () => {
  it('allows at most one rankings request per 30 min, even on manual refresh', async () => {
    const h = harness();
    h.poller.setActive(true);
    await flush();
    await h.clock.advance(10 * MIN);
    expect(await h.poller.refreshNow(['rankings'])).toEqual([{ resource: 'rankings', status: 'skipped', reason: 'rateGuard' }]);
    await h.clock.advance(20 * MIN);
    expect(await h.poller.refreshNow(['rankings'])).toEqual([{ resource: 'rankings', status: 'ok' }]);
    expect(h.calls.rankings).toEqual([0, RANKINGS_MIN_GAP_MS]);
  });

  it('stays within 48 requests in any 24 h under constant refreshing and failures', async () => {
    const h = harness({ fail: { rankings: () => new Error('down') } });
    h.poller.setActive(true);
    for (let t = 0; t < 2 * 24 * 60; t++) {
      void h.poller.refreshNow(['rankings']);
      await h.clock.advance(MIN);
    }
    const attempts = h.calls.rankings;
    expect(attempts.length).toBeGreaterThan(90);
    for (const from of attempts) expect(attempts.filter((t) => t >= from && t < from + 24 * HOUR).length).toBeLessThanOrEqual(48);
    for (let i = 1; i < h.calls.rankings.length; i++) expect(h.calls.rankings[i]! - h.calls.rankings[i - 1]!).toBeGreaterThanOrEqual(RANKINGS_MIN_GAP_MS);
  });
});

describe('failures', () => {
  it('backs off exponentially (with equal jitter) and resets after a success', async () => {
    let failing = true;
    const h = harness({ fail: {}, enabled: (r) => r === 'key' });
    const clock = h.clock;
    const poller = createPoller({
      clock,
      random: () => 0,
      enabled: (r) => r === 'key',
      tasks: tasksFor((r) => () => {
        h.calls[r].push(clock.now() - h.start);
        return failing ? Promise.reject(new Error('offline')) : Promise.resolve();
      }),
    });
    poller.setActive(true);
    await clock.advance(8 * MIN);
    // random() = 0 → half of 30 s, 60 s, 120 s, 240 s...
    const gaps = h.calls.key.slice(1).map((t, i) => t - h.calls.key[i]!);
    expect(gaps.slice(0, 4)).toEqual([15_000, 30_000, 60_000, 120_000]);
    failing = false;
    await clock.advance(10 * MIN);
    const last = h.calls.key.at(-1) ?? 0;
    await clock.advance(DEFAULT_INTERVALS_MS.key);
    expect(h.calls.key.at(-1)).toBe(last + DEFAULT_INTERVALS_MS.key);
    poller.dispose();
  });

  it('caps the backoff and respects a longer retryAfterMs', async () => {
    const h = harness({ enabled: (r) => r === 'key', fail: { key: () => Object.assign(new Error('429'), { retryAfterMs: 10 * MIN }) } });
    h.poller.setActive(true);
    await h.clock.advance(25 * MIN);
    expect(h.calls.key).toEqual([0, 10 * MIN, 20 * MIN]);
    const failures = h.events.filter((e) => e.type === 'failure');
    expect(failures[0]).toMatchObject({ resource: 'key', retryAt: h.start + 10 * MIN });
  });

  it('turns a task that throws synchronously into a failure, without unhandled rejections', async () => {
    const h = harness({ enabled: (r) => r === 'models' });
    const poller = createPoller({
      clock: h.clock,
      tasks: {
        ...tasksFor(() => resolved),
        models: () => {
          throw new Error('sync');
        },
      },
    });
    const [outcome] = await poller.refreshNow(['models']);
    expect(outcome!.status).toBe('failed');
    expect((outcome!.error as Error).message).toBe('sync');
  });

  it('keeps polling when an event listener throws', async () => {
    const h = harness({ onEvent: () => { throw new Error('listener'); }, enabled: (r) => r === 'key' });
    h.poller.setActive(true);
    await h.clock.advance(2 * MIN);
    expect(h.calls.key).toEqual([0, MIN, 2 * MIN]);
  });
});

describe('events and dispose', () => {
  it('emits start, success and failure per run', async () => {
    const h = harness({ enabled: (r) => r === 'key' || r === 'models', fail: { models: () => new Error('x') } });
    h.poller.setActive(true);
    await flush();
    expect(h.events.map((e) => `${e.type}:${e.resource}`).sort()).toEqual(['failure:models', 'start:key', 'start:models', 'success:key']);
    expect(h.events.find((e) => e.type === 'start')).toMatchObject({ manual: false });
  });

  it('dispose aborts what is in flight, clears timers and makes later calls no-ops', async () => {
    const clock = new ManualClock();
    let signal: AbortSignal | null = null;
    const poller = createPoller({
      clock,
      enabled: (r) => r === 'key' || r === 'models',
      tasks: {
        ...tasksFor(() => resolved),
        models: (s) => {
          signal = s;
          return new Promise<void>((_resolve, reject) => s.addEventListener('abort', () => reject(new Error('aborted'))));
        },
      },
    });
    poller.setActive(true);
    await flush();
    const pending = poller.refreshNow(['models']);
    poller.dispose();
    expect((signal as AbortSignal | null)?.aborted).toBe(true);
    expect(await pending).toEqual([{ resource: 'models', status: 'skipped', reason: 'disposed' }]);
    expect(clock.pending).toBe(0);
    expect(await poller.refreshNow(['key'])).toEqual([{ resource: 'key', status: 'skipped', reason: 'disposed' }]);
    poller.setActive(true);
    await clock.advance(HOUR);
    expect(clock.pending).toBe(0);
  });
});
