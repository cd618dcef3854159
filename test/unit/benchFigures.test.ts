// npm run bench's bookkeeping (scripts/benchFigures.mjs): no stale sample is reported, a missing figure says why,
// timed figures carry min/median/max, and any missed or missing target fails the run.
import { describe, expect, it } from 'vitest';

interface Figure {
  value: number | null;
  reason?: string;
  method?: string;
  measuredAt?: string;
  min?: number;
  median?: number;
  max?: number;
  samples?: number;
}
interface BenchFigures {
  timed(samples: number[], method: string, measuredAt?: string): Figure;
  missing(reason: string): Figure;
  figure(value: number, method: string, extra?: Record<string, unknown>): Figure;
  e2eFigure(record: unknown, key: string, runStart: number, problem: string | null): Figure;
  ratioOf(a: Figure, b: Figure, names: [string, string], method: string): Figure;
  checkTargets(figures: Record<string, Figure>, targets: Record<string, [string, number]>): { checks: Record<string, { ok: boolean; reason?: string }>; failed: string[] };
}
const load = async (): Promise<BenchFigures> => (await import('../../scripts/benchFigures.mjs' as string)) as BenchFigures;

const RUN = Date.parse('2026-11-30T22:00:00Z');

describe('bench figures', () => {
  it('reports a timed figure with min, median, max, count, method and time', async () => {
    const { timed } = await load();
    const f = timed([310, 280, 295, 400, 301], 'five fresh starts', '2026-11-30T22:05:00Z');
    expect(f).toMatchObject({ value: 301, min: 280, median: 301, max: 400, samples: 5, method: 'five fresh starts', measuredAt: '2026-11-30T22:05:00Z' });
    expect(timed([4, 2], 'even').median).toBe(3);
    expect(timed([], 'nothing').value).toBeNull();
    expect(timed([NaN], 'nothing').reason).toMatch(/no samples/);
  });

  it('never reports an e2e sample recorded before this run, and says why a figure is missing', async () => {
    const { e2eFigure } = await load();
    const old = { samples: [12, 13, 14], method: 'x', measuredAt: '2026-11-30T21:59:59Z' };
    expect(e2eFigure(old, 'activationMs', RUN, null)).toEqual({ value: null, reason: expect.stringMatching(/before this run/) });
    expect(e2eFigure({ ...old, measuredAt: undefined }, 'activationMs', RUN, null).value).toBeNull();
    expect(e2eFigure(undefined, 'activationMs', RUN, '--no-e2e was given')).toEqual({ value: null, reason: '--no-e2e was given' });
    expect(e2eFigure(undefined, 'activationMs', RUN, null).reason).toMatch(/recorded no activationMs/);
    expect(e2eFigure({ samples: [], method: 'x', measuredAt: '2026-11-30T22:01:00Z' }, 'k', RUN, 'the e2e failed').reason).toBe('the e2e failed');
    const fresh = e2eFigure({ ...old, measuredAt: '2026-11-30T22:01:00Z' }, 'activationMs', RUN, null);
    expect(fresh).toMatchObject({ value: 13, min: 12, max: 14, samples: 3, measuredAt: '2026-11-30T22:01:00Z' });
    expect(fresh.method).toMatch(/^e2e .*: x$/);
  });

  it('divides medians for a ratio, and a ratio of a missing figure is missing with the reason', async () => {
    const { timed, ratioOf, missing } = await load();
    const ours = timed([300, 330, 360], 'ours');
    const floor = timed([200, 220, 240], 'floor');
    expect(ratioOf(ours, floor, ['a', 'b'], 'a ÷ b').value).toBe(1.5);
    expect(ratioOf(ours, missing('e2e failed'), ['a', 'b'], 'a ÷ b')).toEqual({ value: null, reason: 'needs a and b: e2e failed' });
    expect(ratioOf(ours, timed([0], 'zero'), ['a', 'b'], 'm').value).toBeNull();
  });

  it('fails the run on a missed target and on a missing figure, and passes only when all hold', async () => {
    const { checkTargets, figure, missing } = await load();
    const targets: Record<string, [string, number]> = { activationMs: ['<=', 20], sidebarFirstContentRatio: ['<=', 1.5], hostBundleBytes: ['<=', 204800] };
    const good = { activationMs: figure(18, 'm'), sidebarFirstContentRatio: figure(1.5, 'm'), hostBundleBytes: figure(176000, 'm') };
    expect(checkTargets(good, targets).failed).toEqual([]);
    expect(checkTargets({ ...good, activationMs: figure(20.5, 'm') }, targets).failed).toEqual(['activationMs']);
    const res = checkTargets({ ...good, sidebarFirstContentRatio: missing('--no-e2e was given') }, targets);
    expect(res.failed).toEqual(['sidebarFirstContentRatio']);
    expect(res.checks.sidebarFirstContentRatio!.reason).toBe('--no-e2e was given');
    const { hostBundleBytes: _dropped, ...partial } = good;
    expect(checkTargets(partial, targets).failed).toEqual(['hostBundleBytes']);
  });
});
