// Odd account values: the schemas refuse what cannot be money instead of coercing it, the activity view counts
// what it leaves out, and every total is the sum of what it claims to sum (a property, over arbitrary rows).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildActivityView } from '../../src/core/account/activity';
import { parseActivityResponse, parseCreditsResponse, parseKeyResponse } from '../../src/core/openrouter/schemas';
import type { ApiActivityItem } from '../../src/core/openrouter/apiTypes';
import { buildUsageView } from '../../src/core/account/usage';
import { isManagementKeyData } from '../../src/core/account/keyCheck';
import { buildInferenceKeyData } from '../fake-openrouter/builders';
import { oddActivityRows } from '../fake-openrouter/scenarios';

const NOW = Date.parse('2026-07-27T10:00:00Z'); // window: 2026-06-27 .. 2026-07-26

describe('/key: money fields are never coerced', () => {
  const base = buildInferenceKeyData();

  it.each([
    ['usage', -5],
    ['usage', '25.5'],
    ['usage_daily', -5],
    ['usage_daily', '0.87'],
    ['usage_weekly', Number.POSITIVE_INFINITY],
    ['usage_monthly', true],
    ['byok_usage', -0.01],
    ['byok_usage_daily', '5'],
    ['byok_usage_weekly', -3],
    ['byok_usage_monthly', {}],
    ['limit', -1],
  ])('%s = %o is refused with its path and no value in the message', (field, value) => {
    const parsed = parseKeyResponse({ data: { ...base, [field]: value } });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.path).toBe(`data.${field}`);
    expect(parsed.message).not.toContain(String(value));
  });

  it('absent or null period fields stay unknown (older /key responses lack them), not $0', () => {
    const { usage_daily: _d, usage_weekly: _w, ...older } = base;
    const parsed = parseKeyResponse({ data: { ...older, usage_monthly: null, byok_usage_daily: null } });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.usage_daily).toBeUndefined();
    expect(parsed.value.usage_monthly).toBeUndefined();
    expect(parsed.value.byok_usage_daily).toBeUndefined();
    const view = buildUsageView({ key: parsed.value, credits: null, creditsFromManagementKey: false, now: NOW });
    expect(view.key?.daily).toBeNull();
    expect(view.key?.monthly).toBeNull();
  });

  it('zero spend is a real zero', () => {
    const parsed = parseKeyResponse({ data: { ...base, usage: 0, usage_daily: 0 } });
    expect(parsed.ok && parsed.value.usage_daily).toBe(0);
  });

  it('/credits with a negative figure is refused', () => {
    expect(parseCreditsResponse({ data: { total_credits: 10, total_usage: -1 } }).ok).toBe(false);
    expect(parseCreditsResponse({ data: { total_credits: '10', total_usage: 1 } }).ok).toBe(false);
  });
});

describe("a key's kind, one reading everywhere", () => {
  it.each<[string, { is_management_key?: boolean; is_provisioning_key?: boolean }, boolean]>([
    ['is_management_key true', { is_management_key: true, is_provisioning_key: true }, true],
    ['an older response with only the alias', { is_provisioning_key: true }, true],
    ['the current field wins over the deprecated alias', { is_management_key: false, is_provisioning_key: true }, false],
    ['neither field', {}, false],
  ])('%s', (_name, data, expected) => {
    expect(isManagementKeyData(data)).toBe(expected);
    const key = { ...buildInferenceKeyData(), is_management_key: undefined, is_provisioning_key: undefined, ...data };
    expect(buildUsageView({ key, credits: null, creditsFromManagementKey: false, now: NOW }).key?.isManagementKey).toBe(expected);
  });
});

describe('/credits figures count only from a verified management key', () => {
  it.each([
    ['0/0', { total_credits: 0, total_usage: 0 }],
    ['a funded-looking figure', { total_credits: 50, total_usage: 10 }],
  ])('%s from an unverified key is "unavailable"', (_name, credits) => {
    const view = buildUsageView({ key: null, credits, creditsFromManagementKey: false, now: NOW });
    expect(view.balanceStatus).toBe('unavailable');
    expect(view.balance).toBeNull();
    expect(view.effectiveRemaining).toBeNull();
  });

  it('an ordinary key in the management slot is "notManagementKey", whatever /credits said', () => {
    const view = buildUsageView({ key: null, credits: { total_credits: 0, total_usage: 0 }, creditsFromManagementKey: false, notManagementKey: true, now: NOW });
    expect(view.balanceStatus).toBe('notManagementKey');
    expect(view.balance).toBeNull();
  });

  it('a verified management key with 0/0 is an empty account', () => {
    const view = buildUsageView({ key: null, credits: { total_credits: 0, total_usage: 0 }, creditsFromManagementKey: true, now: NOW });
    expect(view).toMatchObject({ balanceStatus: 'ok', effectiveRemaining: 0, binding: 'balance' });
  });
});

describe('/activity: unreadable rows are counted and said, never $0', () => {
  it('rows with a string usage, a negative usage or a string count are dropped by the schema and counted', () => {
    const rows = oddActivityRows(new Date(NOW));
    const parsed = parseActivityResponse({ data: rows });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.items).toHaveLength(1);
    expect(parsed.value.dropped).toBe(3);
    const view = buildActivityView(parsed.value.items, { now: NOW, droppedRows: parsed.value.dropped });
    expect(view.total).toBe(10.5);
    expect(view.droppedRows).toBe(3);
  });

  it.each([
    ['a negative byok_usage_inference', { byok_usage_inference: -1 }],
    ['a string prompt_tokens', { prompt_tokens: '10' }],
    ['a negative requests', { requests: -1 }],
    ['a negative reasoning_tokens', { reasoning_tokens: -4 }],
  ])('%s drops the row', (_name, over) => {
    const [good] = oddActivityRows(new Date(NOW)) as Record<string, unknown>[];
    const parsed = parseActivityResponse({ data: [good, { ...good, ...over }] });
    expect(parsed.ok && parsed.value.dropped).toBe(1);
  });

  it('rows that reach the view unvalidated are guarded the same way', () => {
    const good: ApiActivityItem = { date: '2026-07-20', model: 'a/b', usage: 1.25, byok_usage_inference: 0.5, requests: 2, prompt_tokens: 10, completion_tokens: 5 };
    const view = buildActivityView(
      [good, { ...good, usage: -3 }, { ...good, usage: Number.NaN }, { ...good, byok_usage_inference: -1 }, { ...good, requests: '2' as unknown as number }],
      { now: NOW, droppedRows: 2 },
    );
    expect(view.total).toBe(1.25);
    expect(view.byokTotal).toBe(0.5);
    expect(view.droppedRows).toBe(2 + 4);
  });
});

// --- property: totals equal the sums of what they claim to sum --------------------------------------------

const days = Array.from({ length: 34 }, (_, i) => new Date(Date.parse('2026-06-25T00:00:00Z') + i * 86_400_000).toISOString().slice(0, 10));
const amount = fc.oneof(
  fc.double({ min: 0, max: 500, noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1e6),
  fc.constantFrom(0, 0.1, 0.2, 0.3, 1e-9, 17.38),
);
const oddValue = fc.constantFrom<unknown>(-1, -0.000001, Number.NaN, Number.POSITIVE_INFINITY, '1.5', null, true);
const row = fc.record({
  date: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...days) }, { weight: 1, arbitrary: fc.constantFrom('garbage', '') }),
  model: fc.constantFrom('a/x', 'b/y', 'c/z', ' a/x ', ''),
  usage: fc.oneof({ weight: 8, arbitrary: amount }, { weight: 1, arbitrary: oddValue }),
  byok_usage_inference: fc.oneof({ weight: 8, arbitrary: amount }, { weight: 1, arbitrary: oddValue }, { weight: 1, arbitrary: fc.constant(undefined) }),
  requests: fc.nat(1000),
  prompt_tokens: fc.nat(1_000_000),
  completion_tokens: fc.nat(1_000_000),
});

const units = (usd: number): number => Math.round(usd * 1e9);
const sumUnits = (xs: readonly number[]): number => xs.reduce((a, x) => a + units(x), 0);

describe('activity totals (property)', () => {
  it('every total is exactly the sum of the figures shown, and every row is shown or counted', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.nat(5), (rows, preDropped) => {
        const items = rows as unknown as ApiActivityItem[];
        const view = buildActivityView(items, { now: NOW, droppedRows: preDropped });
        // Totals = sums of the rows they stand for, for OpenRouter spend and BYOK alike.
        expect(units(view.total)).toBe(sumUnits(view.byModel.map((m) => m.usage)));
        expect(units(view.total)).toBe(sumUnits(view.days.map((d) => d.total)));
        expect(units(view.byokTotal)).toBe(sumUnits(view.byModel.map((m) => m.byokUsage)));
        for (const d of view.days) {
          expect(units(d.total)).toBe(sumUnits(d.models.map((m) => m.usage)));
          expect(units(d.byokTotal)).toBe(sumUnits(d.models.map((m) => m.byokUsage)));
        }
        // Nothing negative or non-finite is ever shown.
        for (const m of [...view.byModel, ...view.days.flatMap((d) => d.models)]) {
          expect(Number.isFinite(m.usage) && m.usage >= 0).toBe(true);
          expect(Number.isFinite(m.byokUsage) && m.byokUsage >= 0).toBe(true);
        }
        // Every row is in the figures, or counted as dropped or outside the window.
        const requestsShown = view.byModel.reduce((a, m) => a + m.requests, 0);
        const readable = rows.filter(
          (r) =>
            /^\d{4}-\d{2}-\d{2}$/.test(r.date) &&
            typeof r.usage === 'number' && Number.isFinite(r.usage) && r.usage >= 0 &&
            (r.byok_usage_inference === undefined || r.byok_usage_inference === null || (typeof r.byok_usage_inference === 'number' && Number.isFinite(r.byok_usage_inference) && r.byok_usage_inference >= 0)),
        );
        const inWindow = readable.filter((r) => r.date >= '2026-06-27' && r.date <= '2026-07-26');
        expect(view.droppedRows).toBe(preDropped + rows.length - readable.length);
        expect(view.outsideWindowRows).toBe(readable.length - inWindow.length);
        expect(requestsShown).toBe(inWindow.reduce((a, r) => a + r.requests, 0));
        // And the money shown matches the readable rows in the window, to the nano-dollar.
        expect(units(view.total)).toBe(inWindow.reduce((a, r) => a + units(r.usage as number), 0));
      }),
      { numRuns: 300 },
    );
  });

  it('the issue example: rows worth $17.00 naively, $10.50 readable: the total is $10.50 and 3 rows are said', () => {
    const parsed = parseActivityResponse({ data: oddActivityRows(new Date(NOW)) });
    if (!parsed.ok) throw new Error('expected a parse');
    const view = buildActivityView(parsed.value.items, { now: NOW, droppedRows: parsed.value.dropped });
    expect([view.total, sumUnits(view.byModel.map((m) => m.usage)) / 1e9, view.droppedRows]).toEqual([10.5, 10.5, 3]);
  });
});
