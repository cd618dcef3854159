// Account figures end to end in Node: fake OpenRouter → client → radar → store → status presenter.
// The management slot's key is checked before /credits counts; odd /key and /activity values surface as
// errors or counted rows, never as money; BYOK spend is shown apart from OpenRouter's.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Radar } from '../../src/core/service/radar';
import { defaultSettings, type Settings } from '../../src/core/service/settings';
import { presentStatus } from '../../src/core/status/presenter';
import { evaluateAlerts, initialAlertState } from '../../src/core/status/alerts';
import { INFERENCE_KEY, MANAGEMENT_KEY, startFakeOpenRouter, type FakeOpenRouter } from '../fake-openrouter/server';
import type { KeysState, ManagementKeyKind } from '../../src/shared/types';

const NOW = Date.parse('2026-07-27T12:00:00Z');
let fake: FakeOpenRouter;

beforeAll(async () => {
  fake = await startFakeOpenRouter({ now: () => new Date(NOW) });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

interface Slots {
  inference?: string;
  management?: string;
  kind?: ManagementKeyKind;
}

function makeRadar(slots: Slots) {
  const settings: Settings = { ...defaultSettings(), apiBaseUrl: fake.baseUrl, alerts: { ...defaultSettings().alerts, lowBalance: 5 } };
  const saved: ManagementKeyKind[] = [];
  const state = (): KeysState =>
    slots.management
      ? { inference: slots.inference ? 'stored' : 'none', management: true, managementKind: slots.kind ?? 'unverified' }
      : { inference: slots.inference ? 'stored' : 'none', management: false };
  const radar = new Radar({
    keys: {
      inference: async () => slots.inference,
      management: async () => slots.management,
      state: async () => state(),
      setManagementKind: async (kind) => {
        saved.push(kind);
        slots.kind = kind;
      },
    },
    settings: () => settings,
    now: () => NOW,
    clientOptions: { timeoutMs: 10_000, maxRetries: 0 },
  });
  return { radar, saved, settings, slots };
}

async function refreshed(radar: Radar): Promise<void> {
  radar.start();
  await radar.onKeysChanged();
  await radar.refreshNow();
}

const mgmtRequests = (): { endpoint: string | null; keyRole: string | null }[] =>
  fake.requests.filter((r) => r.endpoint === 'key' || r.endpoint === 'credits' || r.endpoint === 'activity').map((r) => ({ endpoint: r.endpoint, keyRole: r.keyRole }));

describe('item 1: the management slot is checked before /credits counts', () => {
  it('an ordinary key saved unverified (it would get /credits 0/0): GET /key first, then "not a management key", never $0.00', async () => {
    fake.scenario('ordinaryKeyZeroCredits');
    const { radar, saved, settings } = makeRadar({ management: INFERENCE_KEY });
    await refreshed(radar);
    const s = radar.snapshot();
    expect(s.usage?.balanceStatus).toBe('notManagementKey');
    expect(s.usage?.balance).toBeNull();
    expect(s.keys.managementKind).toBe('notManagement');
    expect(saved).toEqual(['notManagement']);
    expect(s.resources.credits.error?.kind).toBe('notManagementKey');
    expect(s.resources.activity.error?.kind).toBe('notManagementKey');
    // The key was asked about once; an ordinary key is not sent to /credits or /activity at all.
    expect(mgmtRequests()).toEqual([{ endpoint: 'key', keyRole: 'inference' }]);

    const p = presentStatus(s, settings, NOW);
    expect(p.state).toBe('notManagementKey');
    expect(p.text).not.toMatch(/out of credits|\$0\.00/);
    expect(p.command).toBe('modelRadar.setManagementKey');
    expect(evaluateAlerts(s, settings, initialAlertState(), NOW).notifications).toEqual([]);
    radar.dispose();
  });

  it('next to a real API key, the spend stays live and the balance line offers the fix', async () => {
    fake.scenario('ordinaryKeyZeroCredits');
    const { radar, settings } = makeRadar({ inference: INFERENCE_KEY, management: INFERENCE_KEY });
    await refreshed(radar);
    const p = presentStatus(radar.snapshot(), settings, NOW);
    expect(p.state).toBe('live');
    expect(p.text).toBe('$(graph) $0.87 today · $74.50 left');
    expect(p.tooltipMarkdown).toContain('unavailable: this is not a management key. [Set management key](command:modelRadar.setManagementKey)');
    radar.dispose();
  });

  it('a real management key saved unverified is confirmed at the next successful contact, then its balance counts', async () => {
    fake.setFault({ endpoint: 'key', fault: 503, times: 1 });
    const { radar, saved } = makeRadar({ management: MANAGEMENT_KEY });
    await refreshed(radar);
    let s = radar.snapshot();
    // OpenRouter could not be asked: still unverified, and no /credits figure was read.
    expect(s.keys.managementKind).toBe('unverified');
    expect(s.usage?.balance ?? null).toBeNull();
    expect(fake.requests.some((r) => r.endpoint === 'credits')).toBe(false);
    expect(s.resources.credits.error?.kind).toBe('server');

    await radar.refreshNow(['credits', 'activity']);
    s = radar.snapshot();
    expect(s.keys.managementKind).toBe('management');
    expect(saved).toEqual(['management']);
    expect(s.usage?.balanceStatus).toBe('ok');
    expect(s.usage?.balance?.balance).toBeGreaterThan(0);
    expect(s.activity?.byModel.length).toBeGreaterThan(0);
    // Verified once: later refreshes do not ask GET /key again.
    fake.clearRequests();
    await radar.refreshNow(['credits']);
    expect(mgmtRequests()).toEqual([{ endpoint: 'credits', keyRole: 'management' }]);
    radar.dispose();
  });

  it('an older /key answer with only is_provisioning_key still verifies a management key', async () => {
    fake.setKeyData('management', { is_management_key: undefined, is_provisioning_key: true });
    const { radar, saved } = makeRadar({ management: MANAGEMENT_KEY });
    await refreshed(radar);
    expect(saved).toEqual(['management']);
    expect(radar.snapshot().usage?.balanceStatus).toBe('ok');
    radar.dispose();
  });

  it('a 403 from /credits on a key thought verified: the typed "not a management key" state, and the old balance is dropped', async () => {
    // The slot says "management" (say, from another window) but the key is an ordinary one: /credits answers 403.
    const { radar, saved } = makeRadar({ management: INFERENCE_KEY, kind: 'management' });
    await refreshed(radar);
    const s = radar.snapshot();
    expect(s.resources.credits.error).toMatchObject({ kind: 'notManagementKey', status: 403 });
    expect(s.resources.credits.error?.message).toBe('Balance unavailable: this is not a management key.');
    expect(s.usage?.balanceStatus).toBe('notManagementKey');
    expect(saved).toEqual(['notManagement']);
    radar.dispose();
  });

  it('a 403 from /activity alone means the same', async () => {
    const { radar } = makeRadar({ management: MANAGEMENT_KEY, kind: 'management' });
    radar.start();
    await radar.onKeysChanged();
    fake.setFault({ endpoint: 'activity', fault: 403 });
    await radar.refreshNow(['activity']);
    const s = radar.snapshot();
    expect(s.resources.activity.error?.kind).toBe('notManagementKey');
    expect(s.keys.managementKind).toBe('notManagement');
    expect(s.activity).toBeNull();
    radar.dispose();
  });

  it('a key already known to be ordinary is never sent to /credits or /activity', async () => {
    const { radar } = makeRadar({ management: INFERENCE_KEY, kind: 'notManagement' });
    await refreshed(radar);
    expect(mgmtRequests()).toEqual([]);
    expect(radar.snapshot().resources.credits.error?.kind).toBe('notManagementKey');
    radar.dispose();
  });

  it('a check answered for a key the user has since replaced is not recorded against the new key', async () => {
    fake.scenario('ordinaryKeyZeroCredits');
    const slots: Slots = { management: INFERENCE_KEY };
    const { radar, saved } = makeRadar(slots);
    radar.start();
    await radar.onKeysChanged();
    fake.setFault({ endpoint: 'key', fault: 'slow', delayMs: 150, times: 1 });
    const pending = radar.refreshNow(['credits']);
    await new Promise((r) => setTimeout(r, 50));
    slots.management = MANAGEMENT_KEY;
    await pending;
    // GET /key said "ordinary" about the old key: not recorded, not shown as the new key's state.
    expect(saved).toEqual([]);
    expect(radar.snapshot().resources.credits.error?.kind ?? null).not.toBe('notManagementKey');
    expect(fake.requests.some((r) => r.endpoint === 'credits')).toBe(false);
    radar.dispose();
  });
});

describe('item 3: odd account values are errors or counted rows, never money', () => {
  it('/key with a negative spend and a string spend: the key resource is in error (badResponse), no "-$5.00"', async () => {
    const { radar, settings } = makeRadar({ inference: INFERENCE_KEY });
    await refreshed(radar);
    expect(radar.snapshot().usage?.key?.daily).toBe(0.87);

    fake.scenario('oddKeyValues');
    await radar.refreshNow(['key']);
    const s = radar.snapshot();
    expect(s.resources.key.error?.kind).toBe('badResponse');
    // Short, and without the server's values.
    expect(s.resources.key.error?.message).not.toMatch(/-5|6\.42/);
    // The last good figures stay, marked as such; nothing negative reaches the view.
    expect(s.usage?.key?.daily).toBe(0.87);
    const p = presentStatus(s, settings, NOW);
    expect(p.state).toBe('invalid');
    expect(p.text).toBe('$(graph) $0.87 today · $74.50 left · invalid data, <1 min old');
    expect(p.text).not.toContain('-$');
    radar.dispose();
  });

  it.each([
    ['a negative usage_daily', { usage_daily: -5 }],
    ['a string usage_weekly', { usage_weekly: '6.42' }],
    ['a negative byok_usage_monthly', { byok_usage_monthly: -1 }],
    ['a NaN-like usage', { usage: 'NaN' }],
    ['a negative limit', { limit: -10 }],
  ])('/key with %s on first contact: an error state, no figures', async (_name, data) => {
    fake.setKeyData('inference', data as never);
    const { radar, settings } = makeRadar({ inference: INFERENCE_KEY });
    await refreshed(radar);
    const s = radar.snapshot();
    expect(s.resources.key.error?.kind).toBe('badResponse');
    expect(s.usage).toBeNull();
    expect(presentStatus(s, settings, NOW).text).toBe('$(warning) Model Radar: invalid data');
    radar.dispose();
  });

  it('/activity with mistyped and negative rows: they are counted, and the total is the sum of the rows shown', async () => {
    fake.scenario('oddActivityRows');
    const { radar } = makeRadar({ management: MANAGEMENT_KEY, kind: 'management' });
    await refreshed(radar);
    const a = radar.snapshot().activity;
    expect(a).not.toBeNull();
    expect(a!.total).toBe(10.5);
    expect(a!.droppedRows).toBe(3);
    expect(a!.byModel.map((m) => [m.model, m.usage])).toEqual([['anthropic/claude-sonnet-4.5', 10.5]]);
    expect(a!.days.reduce((sum, d) => sum + d.total, 0)).toBe(10.5);
    radar.dispose();
  });
});

describe('item 8: BYOK spend is shown apart, never as $0.00 alone', () => {
  it('a BYOK-only user: OpenRouter $0.00 plus the upstream cost, in the status bar and in activity', async () => {
    fake.scenario('byokOnly');
    const { radar, settings } = makeRadar({ inference: INFERENCE_KEY, management: MANAGEMENT_KEY, kind: 'management' });
    await refreshed(radar);
    const s = radar.snapshot();
    expect(s.usage?.key).toMatchObject({ daily: 0, byokDaily: 5.25, byokWeekly: 12.5, byokMonthly: 42 });
    const p = presentStatus(s, settings, NOW);
    expect(p.text).toMatch(/^\$\(graph\) \$0\.00 \+ \$5\.25 BYOK today · /);
    expect(p.tooltipMarkdown).toContain('| Today | $0.00 | $5.25 |');
    expect(s.activity?.total).toBe(0);
    expect(s.activity?.byokTotal).toBeGreaterThan(0);
    const byokSum = s.activity!.byModel.reduce((sum, m) => sum + Math.round(m.byokUsage * 1e9), 0);
    expect(byokSum).toBe(Math.round(s.activity!.byokTotal * 1e9));
    radar.dispose();
  });
});
