// Adversarial account values (#10 item 3, hostile data): figures too large to be real money, counts that are not
// whole numbers, and a key cap that reports more left than the cap itself. None may crash a view or reach the
// user as money; each is refused and counted like any other unreadable value.
import { describe, expect, it } from 'vitest';
import { buildActivityView } from '../../src/core/account/activity';
import { parseActivityResponse, parseCreditsResponse, parseKeyResponse } from '../../src/core/openrouter/schemas';
import type { ApiActivityItem } from '../../src/core/openrouter/apiTypes';
import { buildUsageView, toKeyUsage } from '../../src/core/account/usage';
import { buildInferenceKeyData } from '../fake-openrouter/builders';

const NOW = Date.parse('2026-07-27T10:00:00Z');
const good: ApiActivityItem = { date: '2026-07-20', model: 'a/b', usage: 1.25, byok_usage_inference: 0.5, requests: 2, prompt_tokens: 10, completion_tokens: 5 };

describe('/activity: absurd figures are dropped and counted, never summed or thrown on', () => {
  it.each([
    ['usage 1e300 (overflows when summed exactly)', { usage: 1e300 }],
    ['usage Number.MAX_VALUE', { usage: Number.MAX_VALUE }],
    ['usage 5e15 (no account spends quadrillions)', { usage: 5e15 }],
    ['byok_usage_inference 1e300', { byok_usage_inference: 1e300 }],
    ['fractional requests', { requests: 1.5 }],
    ['fractional prompt_tokens', { prompt_tokens: 10.25 }],
    ['prompt_tokens beyond 2^53', { prompt_tokens: 1e300 }],
    ['fractional reasoning_tokens', { reasoning_tokens: 0.5 }],
  ])('%s: the schema drops the row', (_name, over) => {
    const parsed = parseActivityResponse({ data: [good, { ...good, ...over }] });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.items).toHaveLength(1);
    expect(parsed.value.dropped).toBe(1);
  });

  it('rows that reach the view unvalidated: no throw, the total is the sum of the readable rows', () => {
    const rows = [good, { ...good, usage: 1e300 }, { ...good, byok_usage_inference: Number.MAX_VALUE }, { ...good, requests: 0.5 }];
    let view: ReturnType<typeof buildActivityView> | undefined;
    expect(() => (view = buildActivityView(rows, { now: NOW }))).not.toThrow();
    expect(view?.total).toBe(1.25);
    expect(view?.byokTotal).toBe(0.5);
    expect(view?.droppedRows).toBe(3);
  });
});

describe('/key and /credits: absurd figures are refused', () => {
  it.each([
    ['usage', 1e300],
    ['usage_daily', 5e15],
    ['limit', 1e300],
    ['byok_usage_monthly', Number.MAX_VALUE],
  ])('%s = %o is refused', (field, value) => {
    expect(parseKeyResponse({ data: { ...buildInferenceKeyData(), [field]: value } }).ok).toBe(false);
  });

  it('a /credits balance of 1e300 is refused', () => {
    expect(parseCreditsResponse({ data: { total_credits: 1e300, total_usage: 1 } }).ok).toBe(false);
  });

  it('limit_remaining above the cap, or absurd, is unknown, not "$1e300 left"', () => {
    for (const remaining of [1e300, 150]) {
      const parsed = parseKeyResponse({ data: { ...buildInferenceKeyData(), limit: 100, limit_remaining: remaining } });
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(toKeyUsage(parsed.value).limitRemaining).toBeNull();
      const view = buildUsageView({ key: parsed.value, credits: null, creditsFromManagementKey: false, now: NOW });
      expect(view.effectiveRemaining).toBeNull();
    }
  });

  it('an overspent cap (negative limit_remaining) is kept: it is the true figure, and reads as exhausted', () => {
    const parsed = parseKeyResponse({ data: { ...buildInferenceKeyData(), limit: 100, limit_remaining: -0.25 } });
    expect(parsed.ok && toKeyUsage(parsed.value).limitRemaining).toBe(-0.25);
  });
});
