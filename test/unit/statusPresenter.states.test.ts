// Every status-bar state, its precedence and the transitions between them, pinned: the staleness line
// (exactly 2 poll intervals), the store's stale flag, which check wins when several apply, and that a balance
// from anything but a verified management key never reads as "$0.00 left · out of credits".
import { describe, expect, it } from 'vitest';
import { presentStatus, type StatusState } from '../../src/core/status/presenter';
import { evaluateAlerts, initialAlertState } from '../../src/core/status/alerts';
import type { KeysState, Snapshot } from '../../src/shared/types';
import {
  errorInfo,
  errorSnapshot,
  keyUsage,
  liveSnapshot,
  loadingSnapshot,
  managementSnapshot,
  noKeySnapshot,
  resources,
  usageView,
} from '../support/snapshotBuilders';
import { FETCHED, MIN, NOW, withSettings as settingsWith } from '../support/statusFixtures';


/** A management-only user whose /credits answered 0/0: the balance reads $0.00 if trusted. */
function zeroBalance(keys: KeysState): Snapshot {
  return managementSnapshot({
    keys,
    usage: usageView({
      key: null,
      balanceStatus: 'ok',
      balance: { totalCredits: 0, totalUsage: 0, balance: 0 },
      effectiveRemaining: 0,
      binding: 'balance',
      burnRatePerDay: null,
      monthEndProjection: null,
    }),
  });
}

/** The API key's figures plus a verified management key whose balance is spent. */
function exhausted(): Snapshot {
  return managementSnapshot({
    usage: usageView({ management: true, balance: { totalCredits: 20, totalUsage: 20, balance: 0 }, effectiveRemaining: 0, binding: 'balance' }),
  });
}

const managementOnly: KeysState = { inference: 'none', management: true, managementKind: 'management' };

interface Row {
  name: string;
  snapshot: Snapshot;
  now?: number;
  state: StatusState;
  text: string | RegExp;
  command: string;
  background: 'none' | 'warning' | 'error';
}

const ROWS: Row[] = [
  { name: 'no key', snapshot: noKeySnapshot(), state: 'noKey', text: '$(graph) Model Radar: set key', command: 'modelRadar.setApiKey', background: 'none' },
  { name: 'loading', snapshot: loadingSnapshot(), state: 'loading', text: '$(sync~spin) Model Radar', command: 'modelRadar.openDashboard', background: 'none' },
  { name: 'live', snapshot: liveSnapshot(), state: 'live', text: '$(graph) $1.84 today · $74.50 left', command: 'modelRadar.openDashboard', background: 'none' },
  {
    name: 'stale, with its age',
    snapshot: liveSnapshot({ resources: resources({ stale: true }) }),
    now: FETCHED + 7 * MIN,
    state: 'stale',
    text: '$(graph) $1.84 today · $74.50 left · 7 min old',
    command: 'modelRadar.openDashboard',
    background: 'none',
  },
  { name: 'key rejected', snapshot: errorSnapshot('unauthorized'), state: 'rejected', text: '$(error) Model Radar: key rejected', command: 'modelRadar.setApiKey', background: 'error' },
  {
    name: 'out of credits, from a verified management key',
    snapshot: exhausted(),
    state: 'outOfCredits',
    text: '$(graph) $1.84 today · $0.00 left · out of credits',
    command: 'modelRadar.openDashboard',
    background: 'error',
  },
  {
    name: 'offline with cached figures',
    snapshot: errorSnapshot('offline'),
    now: FETCHED + 4 * MIN,
    state: 'offline',
    text: '$(graph) $1.84 today · $74.50 left · offline, 4 min old',
    command: 'modelRadar.openDashboard',
    background: 'none',
  },
  {
    name: 'offline with nothing cached',
    snapshot: loadingSnapshot({ resources: resources({ fetchedAt: null }, { key: { error: errorInfo('offline') } }) }),
    state: 'offline',
    text: '$(cloud-offline) Model Radar: offline',
    command: 'modelRadar.refresh',
    background: 'none',
  },
  {
    name: 'blocked by the browser (web host) with cached figures',
    snapshot: errorSnapshot('blocked'),
    now: FETCHED + 4 * MIN,
    state: 'blocked',
    text: '$(graph) $1.84 today · $74.50 left · blocked by the browser, 4 min old',
    command: 'modelRadar.openDashboard',
    background: 'none',
  },
  {
    name: 'blocked by the browser (web host) with nothing cached',
    snapshot: loadingSnapshot({ resources: resources({ fetchedAt: null }, { key: { error: errorInfo('blocked') } }) }),
    state: 'blocked',
    text: '$(circle-slash) Model Radar: blocked by the browser',
    command: 'modelRadar.refresh',
    background: 'none',
  },
  {
    name: 'balance unavailable: the management slot holds an ordinary key',
    snapshot: zeroBalance({ inference: 'none', management: true, managementKind: 'notManagement' }),
    state: 'notManagementKey',
    text: '$(warning) Model Radar: balance unavailable',
    command: 'modelRadar.setManagementKey',
    background: 'none',
  },
  {
    name: 'balance unavailable: /credits answered 403 (typed error on the credits resource)',
    snapshot: managementSnapshot({
      keys: managementOnly,
      usage: null,
      resources: resources({}, { credits: { fetchedAt: null, error: errorInfo('notManagementKey') } }),
    }),
    state: 'notManagementKey',
    text: '$(warning) Model Radar: balance unavailable',
    command: 'modelRadar.setManagementKey',
    background: 'none',
  },
  {
    name: 'invalid values from /key, nothing cached',
    snapshot: loadingSnapshot({ resources: resources({ fetchedAt: null }, { key: { error: errorInfo('badResponse') } }) }),
    state: 'invalid',
    text: '$(warning) Model Radar: invalid data',
    command: 'modelRadar.refresh',
    background: 'none',
  },
  {
    name: 'invalid values from /key, last good figures kept with their age',
    snapshot: errorSnapshot('badResponse'),
    now: FETCHED + 3 * MIN,
    state: 'invalid',
    text: '$(graph) $1.84 today · $74.50 left · invalid data, 3 min old',
    command: 'modelRadar.openDashboard',
    background: 'none',
  },
  {
    name: 'other failure, nothing cached',
    snapshot: loadingSnapshot({ resources: resources({ fetchedAt: null }, { key: { error: errorInfo('server') } }) }),
    state: 'error',
    text: '$(warning) Model Radar: unavailable',
    command: 'modelRadar.refresh',
    background: 'none',
  },
];

describe('status bar: every state', () => {
  it.each(ROWS)('$name', (row) => {
    const p = presentStatus(row.snapshot, settingsWith(), row.now ?? NOW);
    expect(p.state).toBe(row.state);
    if (typeof row.text === 'string') expect(p.text).toBe(row.text);
    else expect(p.text).toMatch(row.text);
    expect(p.command).toBe(row.command);
    expect(p.background).toBe(row.background);
    expect(p.ariaLabel).not.toContain('$(');
  });

  it('the table covers every state the presenter can return', () => {
    const all: StatusState[] = ['noKey', 'loading', 'live', 'stale', 'rejected', 'outOfCredits', 'offline', 'blocked', 'invalid', 'notManagementKey', 'error'];
    expect(new Set(ROWS.map((r) => r.state))).toEqual(new Set(all));
  });
});

describe('status bar: a request the browser blocked (web host)', () => {
  it('says so in the tooltip and to a screen reader, never as offline or an empty state', () => {
    const cached = presentStatus(errorSnapshot('blocked'), settingsWith(), FETCHED + 4 * MIN);
    expect(cached.tooltipMarkdown).toContain('Your browser blocked this request to OpenRouter (cross-origin). Showing the last data, 4 min old.');
    expect(cached.ariaLabel).toMatch(/^Model Radar: blocked by the browser, last known \$1\.84 spent today/);
    const empty = presentStatus(loadingSnapshot({ resources: resources({ fetchedAt: null }, { key: { error: errorInfo('blocked') } }) }), settingsWith(), NOW);
    expect(empty.tooltipMarkdown).toMatch(/Your browser blocked this request to OpenRouter \(cross-origin\), so nothing reached Model Radar\./);
    expect(empty.ariaLabel).toBe('Model Radar: your browser blocked the request. Activate to retry.');
    expect(empty.text).not.toMatch(/offline|loading/i);
  });
});

describe('status bar: staleness is pinned', () => {
  const interval = 60_000; // refresh.keySeconds default, 60 s

  it('data is live up to exactly 2 poll intervals old and stale 1 ms later', () => {
    const s = settingsWith();
    expect(s.refresh.keySeconds * 1000).toBe(interval);
    expect(presentStatus(liveSnapshot(), s, FETCHED + 2 * interval).state).toBe('live');
    expect(presentStatus(liveSnapshot(), s, FETCHED + 2 * interval + 1).state).toBe('stale');
    expect(presentStatus(liveSnapshot(), s, FETCHED + 2 * interval + 1).text).toBe('$(graph) $1.84 today · $74.50 left · 2 min old');
  });

  it('the line moves with the poll interval: N intervals, never a fixed time', () => {
    const s = settingsWith((x) => (x.refresh.keySeconds = 300));
    expect(presentStatus(liveSnapshot(), s, FETCHED + 2 * 300_000).state).toBe('live');
    expect(presentStatus(liveSnapshot(), s, FETCHED + 2 * 300_000 + 1).state).toBe('stale');
  });

  it("the store's stale flag makes brand-new data stale", () => {
    const flagged = liveSnapshot({ resources: resources({ stale: true }) });
    expect(presentStatus(flagged, settingsWith(), FETCHED).state).toBe('stale');
    expect(presentStatus(liveSnapshot(), settingsWith(), FETCHED).state).toBe('live');
  });

  it('with a management key alone, the balance resource decides freshness', () => {
    const s = managementSnapshot({ keys: managementOnly, usage: usageView({ management: true, key: null }) });
    expect(presentStatus(s, settingsWith(), NOW).state).toBe('live');
    const flagged = { ...s, resources: resources({}, { key: { fetchedAt: null }, credits: { stale: true } }) };
    expect(presentStatus(flagged, settingsWith(), NOW).state).toBe('stale');
  });
});

describe('status bar: precedence', () => {
  it('out of credits (spent balance, last known) wins over offline, and says how old it is', () => {
    const offlineAndSpent: Snapshot = { ...exhausted(), resources: resources({}, { key: { error: errorInfo('offline'), stale: true } }) };
    const p = presentStatus(offlineAndSpent, settingsWith(), FETCHED + 6 * MIN);
    expect(p.state).toBe('outOfCredits');
    expect(p.text).toBe('$(graph) $1.84 today · $0.00 left · out of credits · 6 min old');
  });

  it('a rejected key wins over a spent balance', () => {
    const s: Snapshot = { ...exhausted(), resources: resources({}, { key: { error: errorInfo('unauthorized') } }) };
    expect(presentStatus(s, settingsWith(), NOW).state).toBe('rejected');
  });

  it('offline wins over invalid and stale; a 402 wins over everything but a rejected key', () => {
    const offline = errorSnapshot('offline');
    expect(presentStatus(offline, settingsWith(), FETCHED + 10 * MIN).state).toBe('offline');
    expect(presentStatus(errorSnapshot('paymentRequired'), settingsWith(), NOW).state).toBe('outOfCredits');
  });
});

describe('status bar: never a fake "$0.00 left · out of credits"', () => {
  it.each<[string, KeysState]>([
    ['unverified', { inference: 'none', management: true, managementKind: 'unverified' }],
    ['unverified (saved by an older version, no kind stored)', { inference: 'none', management: true }],
    ['an ordinary key', { inference: 'none', management: true, managementKind: 'notManagement' }],
  ])('a 0/0 balance read with a key that is %s', (_name, keys) => {
    const p = presentStatus(zeroBalance(keys), settingsWith(), NOW);
    expect(p.state).not.toBe('outOfCredits');
    expect(p.text).not.toContain('out of credits');
    expect(p.text).not.toContain('$0.00');
    expect(p.background).not.toBe('error');
    expect(p.tooltipMarkdown).not.toContain('$0.00');
  });

  it.each<[string, KeysState]>([
    ['unverified', { inference: 'none', management: true, managementKind: 'unverified' }],
    ['an ordinary key', { inference: 'none', management: true, managementKind: 'notManagement' }],
  ])('no "out of credits" notification from a 0/0 read with a key that is %s', (_name, keys) => {
    const s = settingsWith((x) => (x.alerts.lowBalance = 5));
    expect(evaluateAlerts(zeroBalance(keys), s, initialAlertState(), NOW).notifications).toEqual([]);
    expect(evaluateAlerts(zeroBalance(managementOnly), s, initialAlertState(), NOW).notifications.map((n) => n.id)).toEqual(['balance.low']);
  });

  it('the same 0/0 from a verified management key is a real empty account', () => {
    expect(presentStatus(zeroBalance(managementOnly), settingsWith(), NOW).state).toBe('outOfCredits');
  });

  it('with an API key too, an ordinary management-slot key leaves the spend live and offers the fix in the tooltip', () => {
    const s = liveSnapshot({ keys: { inference: 'stored', management: true, managementKind: 'notManagement' } });
    const p = presentStatus(s, settingsWith(), NOW);
    expect(p.state).toBe('live');
    expect(p.text).toBe('$(graph) $1.84 today · $74.50 left');
    expect(p.tooltipMarkdown).toContain(
      '**Account balance:** unavailable: this is not a management key. [Set management key](command:modelRadar.setManagementKey)',
    );
  });

  it('an unverified key says it is being checked, not "no balance"', () => {
    const s = liveSnapshot({ keys: { inference: 'stored', management: true, managementKind: 'unverified' }, resources: resources() });
    expect(presentStatus(s, settingsWith(), NOW).tooltipMarkdown).toContain('checking that the saved key is a management key');
  });
});

describe('status bar: BYOK', () => {
  it('a BYOK-only user sees their upstream spend beside OpenRouter $0.00, never $0.00 alone', () => {
    const key = keyUsage({ daily: 0, weekly: 0, monthly: 0, byokDaily: 5.25, byokWeekly: 12.5, byokMonthly: 42, limit: null, limitRemaining: null });
    const s = liveSnapshot({ usage: usageView({ key, effectiveRemaining: null, binding: null }) });
    const p = presentStatus(s, settingsWith(), NOW);
    expect(p.text).toBe('$(graph) $0.00 + $5.25 BYOK today · — left');
    expect(p.tooltipMarkdown).toContain('| Spend (UTC) | OpenRouter | BYOK |');
    expect(p.tooltipMarkdown).toContain('| Today | $0.00 | $5.25 |');
    expect(p.tooltipMarkdown).toContain('| This month | $0.00 | $42.00 |');
    expect(p.tooltipMarkdown).toContain('billed by those providers');
    expect(p.ariaLabel).toContain('$0.00 + $5.25 BYOK spent today');
  });

  it('without BYOK the figure stays plain', () => {
    expect(presentStatus(liveSnapshot(), settingsWith(), NOW).text).toBe('$(graph) $1.84 today · $74.50 left');
  });
});

describe('status bar: transitions', () => {
  it('loading → live → stale → offline → live → rejected → live', () => {
    const s = settingsWith();
    const steps: [Snapshot, number, StatusState][] = [
      [loadingSnapshot(), NOW, 'loading'],
      [liveSnapshot(), NOW, 'live'],
      [liveSnapshot(), FETCHED + 2 * MIN + 1, 'stale'],
      [errorSnapshot('offline'), FETCHED + 5 * MIN, 'offline'],
      [liveSnapshot({ resources: resources({ fetchedAt: FETCHED + 6 * MIN }) }), FETCHED + 6 * MIN, 'live'],
      [errorSnapshot('unauthorized'), FETCHED + 7 * MIN, 'rejected'],
      [liveSnapshot({ resources: resources({ fetchedAt: FETCHED + 8 * MIN }) }), FETCHED + 8 * MIN, 'live'],
    ];
    expect(steps.map(([snap, at]) => presentStatus(snap, s, at).state)).toEqual(steps.map(([, , state]) => state));
  });

  it('unverified 0/0 → checked: ordinary key (balance unavailable) or management key (out of credits)', () => {
    const s = settingsWith();
    const before = presentStatus(zeroBalance({ inference: 'none', management: true, managementKind: 'unverified' }), s, NOW);
    const ordinary = presentStatus(
      managementSnapshot({
        keys: { inference: 'none', management: true, managementKind: 'notManagement' },
        usage: usageView({ key: null, balanceStatus: 'notManagementKey', balance: null, effectiveRemaining: null, binding: null }),
        resources: resources({}, { credits: { error: errorInfo('notManagementKey') } }),
      }),
      s,
      NOW,
    );
    const management = presentStatus(zeroBalance(managementOnly), s, NOW);
    expect([before.state, ordinary.state, management.state]).toEqual(['loading', 'notManagementKey', 'outOfCredits']);
  });

  it('invalid → live once a good answer arrives', () => {
    const s = settingsWith();
    expect(presentStatus(errorSnapshot('badResponse'), s, NOW).state).toBe('invalid');
    expect(presentStatus(liveSnapshot(), s, NOW).state).toBe('live');
  });
});

describe('figures whose time is unknown, and the tooltip lines around them', () => {
  // Figures restored without a fetch time: the state says what happened, and no age is made up.
  const undated = (key: Partial<Parameters<typeof resources>[0]>): Snapshot => liveSnapshot({ resources: resources({ fetchedAt: null }, { key }) });

  it('offline with figures of unknown age: "offline" without an age, in the bar and the tooltip', () => {
    const p = presentStatus(undated({ error: errorInfo('offline'), stale: true }), settingsWith(), NOW);
    expect(p.state).toBe('offline');
    expect(p.text).toBe('$(graph) $1.84 today · $74.50 left · offline');
    expect(p.tooltipMarkdown).toContain('Offline: OpenRouter cannot be reached. Showing the last data.');
    expect(p.tooltipMarkdown).not.toContain(' old');
  });

  it('blocked by the browser beside figures of unknown age: "blocked" without an age, in the bar and the tooltip', () => {
    const p = presentStatus(undated({ error: errorInfo('blocked'), stale: true }), settingsWith(), NOW);
    expect(p.state).toBe('blocked');
    expect(p.text).toBe('$(graph) $1.84 today · $74.50 left · blocked by the browser');
    expect(p.tooltipMarkdown).toContain('Your browser blocked this request to OpenRouter (cross-origin). Showing the last data.');
    expect(p.tooltipMarkdown).not.toContain(' old');
  });

  it('invalid data beside figures of unknown age: the reason, and "the last good figures" without an age', () => {
    const p = presentStatus(undated({ error: errorInfo('badResponse'), stale: true }), settingsWith(), NOW);
    expect(p.state).toBe('invalid');
    expect(p.text).toBe('$(graph) $1.84 today · $74.50 left · invalid data');
    expect(p.tooltipMarkdown).toContain(
      "OpenRouter's last answer could not be read (OpenRouter sent a response that did not match its schema); nothing from it is shown. Showing the last good figures.",
    );
  });

  it('a failed refresh of figures of unknown age: "may be out of date", with the failure', () => {
    const p = presentStatus(undated({ error: errorInfo('server'), stale: true }), settingsWith(), NOW);
    expect(p.state).toBe('stale');
    expect(p.text).toBe('$(graph) $1.84 today · $74.50 left · stale');
    expect(p.tooltipMarkdown).toMatch(/· Data may be out of date: the last refresh failed \(.+\)\.\n/);
    expect(p.tooltipMarkdown).not.toMatch(/Data is .* old/);
  });

  it('a management key without an expiry date is named as such, with no "expires"', () => {
    const s = liveSnapshot({ usage: usageView({ key: keyUsage({ isManagementKey: true, expiresAt: null }) }) });
    const p = presentStatus(s, settingsWith(), NOW);
    expect(p.tooltipMarkdown).toContain('**Key:** sk\\-or\\-v1\\-au7\\.\\.\\.890 (management key)  \n');
    expect(p.tooltipMarkdown).not.toContain('expires');
    const dated = presentStatus(liveSnapshot({ usage: usageView({ key: keyUsage({ isManagementKey: true, expiresAt: '2026-12-31T00:00:00Z' }) }) }), settingsWith(), NOW);
    expect(dated.tooltipMarkdown).toContain('**Key:** sk\\-or\\-v1\\-au7\\.\\.\\.890 (management key) · expires Dec 31, 2026');
  });

  it('a verified management key whose balance has not arrived yet: "loading…", not $0.00', () => {
    const s = managementSnapshot({
      usage: usageView({ balanceStatus: 'ok', balance: null, effectiveRemaining: null, binding: null }),
      resources: resources({}, { credits: { fetchedAt: null } }),
    });
    const p = presentStatus(s, settingsWith(), NOW);
    expect(p.tooltipMarkdown).toContain('**Account balance:** —, loading…');
    expect(p.tooltipMarkdown).not.toContain('$0.00');
  });

  it('the source line names the API host, or the setting as written when it is not a URL', () => {
    expect(presentStatus(liveSnapshot(), settingsWith((x) => (x.apiBaseUrl = 'https://eu.openrouter.ai/api/v1')), NOW).tooltipMarkdown).toContain('**Source:** eu\\.openrouter\\.ai\n');
    expect(presentStatus(liveSnapshot(), settingsWith((x) => (x.apiBaseUrl = 'not a url')), NOW).tooltipMarkdown).toContain('**Source:** not a url\n');
  });
});

describe('freshness: the key figures and, beside them, the balance', () => {
  it('figures without a fetch time and without an error are not passed off as live', () => {
    const p = presentStatus(liveSnapshot({ resources: resources({ fetchedAt: null }) }), settingsWith(), NOW);
    expect(p.state).toBe('stale');
    expect(p.text).toBe('$(graph) $1.84 today · $74.50 left · stale');
  });

  it('a refresh error on recent figures makes them stale, not live', () => {
    const p = presentStatus(liveSnapshot({ resources: resources({}, { key: { error: errorInfo('server') } }) }), settingsWith(), NOW);
    expect(p.state).toBe('stale');
  });

  // An API key plus a verified management key: the "left" figure may be the balance, polled on its own schedule.
  const withBalance = (credits: Parameters<typeof resources>[0]): Snapshot => managementSnapshot({ resources: resources({}, { credits }) });
  const creditsInterval = settingsWith().refresh.creditsMinutes * MIN;

  it('live while the balance is within 2 of its own poll intervals, stale beyond, with the balance\'s age', () => {
    const at = FETCHED + 2 * creditsInterval;
    // The key itself was fetched just now; only the balance is old.
    const keyNow = (credits: Parameters<typeof resources>[0]): Snapshot => managementSnapshot({ resources: resources({}, { key: { fetchedAt: at }, credits }) });
    expect(presentStatus(keyNow({}), settingsWith(), at).state).toBe('live');
    const old = presentStatus(keyNow({}), settingsWith(), at + 1);
    expect(old.state).toBe('stale');
    expect(old.text).toMatch(/ · \d+ min old$/);
  });

  it('a balance whose last poll failed or was flagged stale makes the bar stale though the key is fresh', () => {
    expect(presentStatus(withBalance({ error: errorInfo('server') }), settingsWith(), NOW).state).toBe('stale');
    expect(presentStatus(withBalance({ stale: true }), settingsWith(), NOW).state).toBe('stale');
    expect(presentStatus(withBalance({}), settingsWith(), NOW).state).toBe('live');
    expect(creditsInterval).toBeGreaterThan(0);
  });

  it('when both are behind, the bar shows the older of the two ages', () => {
    const now = FETCHED + 10 * MIN;
    const snap = managementSnapshot({ resources: resources({}, { key: { stale: true }, credits: { fetchedAt: FETCHED + 9 * MIN, error: errorInfo('server') } }) });
    expect(presentStatus(snap, settingsWith(), now).text).toMatch(/ · 10 min old$/);
    const older = managementSnapshot({ resources: resources({}, { key: { fetchedAt: FETCHED + 9 * MIN, stale: true }, credits: { error: errorInfo('server') } }) });
    expect(presentStatus(older, settingsWith(), now).text).toMatch(/ · 10 min old$/);
  });

  it('a balance never fetched keeps the key\'s own age; without a trusted balance the balance\'s age does not count', () => {
    const never = presentStatus(withBalance({ fetchedAt: null }), settingsWith(), NOW);
    expect(never.state).toBe('stale');
    expect(never.text).toBe('$(graph) $1.84 today · $18.75 left · <1 min old');
    const untrusted = managementSnapshot({
      usage: usageView({ balanceStatus: 'notManagementKey', balance: null, effectiveRemaining: 74.5, binding: 'key' }),
      resources: resources({}, { credits: { error: errorInfo('server'), stale: true } }),
    });
    expect(presentStatus(untrusted, settingsWith(), NOW).state).toBe('live');
  });
});

describe('"balance unavailable" needs a management slot alone, holding an ordinary key, and nothing to show', () => {
  const nothingYet = (keys: KeysState, per: Parameters<typeof resources>[1]): Snapshot =>
    loadingSnapshot({ keys, usage: null, resources: resources({ fetchedAt: null }, per) });
  const unverified: KeysState = { inference: 'none', management: true, managementKind: 'unverified' };

  it('known from a 403 on /activity or /credits, or from the check of the key', () => {
    expect(presentStatus(nothingYet(unverified, { activity: { error: errorInfo('notManagementKey') } }), settingsWith(), NOW).state).toBe('notManagementKey');
    expect(presentStatus(nothingYet({ ...unverified, managementKind: 'notManagement' }, {}), settingsWith(), NOW).state).toBe('notManagementKey');
    expect(presentStatus(nothingYet(unverified, {}), settingsWith(), NOW).state).toBe('loading');
  });

  it('next to an API key whose figures are still loading, it is "loading", not "balance unavailable"', () => {
    const both: KeysState = { inference: 'stored', management: true, managementKind: 'unverified' };
    expect(presentStatus(nothingYet(both, { activity: { error: errorInfo('notManagementKey') } }), settingsWith(), NOW).state).toBe('loading');
    expect(presentStatus(nothingYet({ ...both, managementKind: 'notManagement' }, {}), settingsWith(), NOW).state).toBe('loading');
  });
});

describe('out of credits beside figures of unknown age', () => {
  it('says "out of credits" without inventing an age', () => {
    const spent = managementSnapshot({
      usage: usageView({ management: true, balance: { totalCredits: 20, totalUsage: 20, balance: 0 }, effectiveRemaining: 0, binding: 'balance' }),
      resources: resources({ fetchedAt: null }),
    });
    const p = presentStatus(spent, settingsWith(), NOW);
    expect(p.state).toBe('outOfCredits');
    expect(p.text).toBe('$(graph) $1.84 today · $0.00 left · out of credits');
  });
});

describe('the tooltip\'s first line names the state in words', () => {
  const headline = (snap: Snapshot, now = NOW): string => presentStatus(snap, settingsWith(), now).tooltipMarkdown.split('\n')[0]!;

  it('for each state, with and without figures or their age', () => {
    expect(headline(liveSnapshot({ resources: resources({ fetchedAt: null }) }))).toBe('**Model Radar** · Data may be out of date.');
    expect(headline(liveSnapshot({ resources: resources({ stale: true }) }), FETCHED + 7 * MIN)).toBe('**Model Radar** · Data is 7 min old.');
    expect(headline(loadingSnapshot({ resources: resources({ fetchedAt: null }, { key: { error: errorInfo('unauthorized') } }) }))).toBe(
      '**Model Radar** · OpenRouter rejected the API key (401). Set a new key.',
    );
    expect(headline(errorSnapshot('unauthorized'))).toBe(
      '**Model Radar** · OpenRouter rejected the API key (401). Set a new key. The figures below are the last ones it returned.',
    );
    expect(headline(loadingSnapshot({ resources: resources({ fetchedAt: null }, { key: { error: errorInfo('badResponse') } }) }))).toBe(
      "**Model Radar** · OpenRouter's last answer could not be read (OpenRouter sent a response that did not match its schema); nothing from it is shown.",
    );
    expect(headline(errorSnapshot('badResponse'), FETCHED + 3 * MIN)).toBe(
      "**Model Radar** · OpenRouter's last answer could not be read (OpenRouter sent a response that did not match its schema); nothing from it is shown. Showing the last good figures, 3 min old.",
    );
    const ordinary = loadingSnapshot({ keys: { inference: 'none', management: true, managementKind: 'notManagement' }, usage: null, resources: resources({ fetchedAt: null }) });
    expect(headline(ordinary)).toBe(
      '**Model Radar** · Balance unavailable: this is not a management key. Balance and activity need one from openrouter.ai/settings/management-keys. [Set management key](command:modelRadar.setManagementKey)',
    );
  });
});

describe('the tooltip\'s spend table, key line and balance line', () => {
  const tip = (snap: Snapshot): string => presentStatus(snap, settingsWith(), NOW).tooltipMarkdown;

  it('a spend table without BYOK has one figure column; any BYOK figure adds the BYOK column and its note', () => {
    expect(tip(liveSnapshot())).toContain('| Spend (UTC) | |\n|:--|--:|\n| Today | $1.84 |\n| This week | $9.12 |\n| This month | $25.50 |\n\n');
    const byok = tip(liveSnapshot({ usage: usageView({ key: keyUsage({ byokMonthly: 3 }) }) }));
    expect(byok).toContain('| Spend (UTC) | OpenRouter | BYOK |\n|:--|--:|--:|\n| Today | $1.84 | $0.00 |\n| This week | $9.12 | $0.00 |\n| This month | $25.50 | $3.00 |\n\n');
    expect(byok).toContain("BYOK is what your own provider keys cost upstream, billed by those providers: not in OpenRouter's figures, the budgets or the balance.");
    expect(tip(liveSnapshot())).not.toContain('BYOK');
  });

  it('an ordinary key is not called a management key, with or without an expiry date', () => {
    const dated = tip(liveSnapshot({ usage: usageView({ key: keyUsage({ expiresAt: '2026-12-31T00:00:00Z' }) }) }));
    expect(dated).toContain('**Key:** sk\\-or\\-v1\\-au7\\.\\.\\.890 · expires Dec 31, 2026  \n');
    expect(tip(liveSnapshot())).toContain('**Key:** sk\\-or\\-v1\\-au7\\.\\.\\.890  \n');
    expect(tip(liveSnapshot())).not.toContain('management key)');
  });

  it('the balance line gives the balance\'s age only when it has one and is behind', () => {
    const behind = (credits: Parameters<typeof resources>[0]): string => tip(managementSnapshot({ resources: resources({}, { credits }) }));
    expect(behind({ stale: true })).toContain('**Account balance:** $18.75 ($80.00 bought − $61.25 used) · <1 min old');
    expect(behind({ stale: true, fetchedAt: null })).toMatch(/\*\*Account balance:\*\* \$18\.75 \(\$80\.00 bought − \$61\.25 used\) {2}\n/);
    expect(behind({})).toMatch(/\*\*Account balance:\*\* \$18\.75 \(\$80\.00 bought − \$61\.25 used\) {2}\n/);
  });
});

describe('the tooltip\'s balance, binding and burn-rate lines when figures are missing', () => {
  const tip = (snap: Snapshot): string => presentStatus(snap, settingsWith(), NOW).tooltipMarkdown;
  const noBalance = usageView({ balanceStatus: 'unavailable', balance: null, effectiveRemaining: 74.5, binding: 'key' });
  const withKeys = (managementKind: KeysState['managementKind'], credits: Parameters<typeof resources>[0] = {}, usage = noBalance): Snapshot =>
    liveSnapshot({ keys: { inference: 'stored', management: true, managementKind }, usage, resources: resources({}, { credits }) });
  const line = (snap: Snapshot): string | undefined => tip(snap).split('\n').find((l) => l.startsWith('**Account balance:**'));
  const UNAVAILABLE = '**Account balance:** unavailable: this is not a management key. [Set management key](command:modelRadar.setManagementKey)  ';

  it('an ordinary key in the management slot, known three ways, reads "unavailable"', () => {
    expect(line(withKeys('notManagement'))).toBe(UNAVAILABLE);
    expect(line(withKeys('management', { error: errorInfo('notManagementKey') }))).toBe(UNAVAILABLE);
    expect(line(withKeys('management', {}, usageView({ balanceStatus: 'notManagementKey', balance: null, effectiveRemaining: 74.5, binding: 'key' })))).toBe(UNAVAILABLE);
  });

  it('a key not checked yet, a rejected key, a failed request and an empty answer each say so', () => {
    expect(line(withKeys('unverified'))).toBe('**Account balance:** —, checking that the saved key is a management key…  ');
    expect(line(withKeys(undefined))).toBe('**Account balance:** —, checking that the saved key is a management key…  ');
    expect(line(withKeys('unverified', { error: errorInfo('unauthorized') }))).toBe(
      '**Account balance:** —, OpenRouter rejected the management key (401). [Set management key](command:modelRadar.setManagementKey)  ',
    );
    expect(line(withKeys('management', { error: errorInfo('server') }))).toBe('**Account balance:** —, the last request failed (OpenRouter server error \\(502\\)).  ');
    expect(line(withKeys('management'))).toBe('**Account balance:** —, OpenRouter returned no balance for this key.  ');
  });

  it('no "binds first" line without a binding or a remaining figure; the burn line shows a missing half as —', () => {
    expect(tip(liveSnapshot())).toContain('**Binds first:** the key cap, $74.50 left');
    expect(tip(liveSnapshot({ usage: usageView({ binding: null }) }))).not.toContain('Binds first');
    expect(tip(liveSnapshot({ usage: usageView({ effectiveRemaining: null }) }))).not.toContain('Binds first');
    expect(tip(liveSnapshot({ usage: usageView({ burnRatePerDay: null, monthEndProjection: null }) }))).not.toContain('Burn rate');
    expect(tip(liveSnapshot({ usage: usageView({ burnRatePerDay: null }) }))).toContain('**Burn rate:** —/day this month · projected $30.40 by month end');
    expect(tip(liveSnapshot({ usage: usageView({ monthEndProjection: null }) }))).toContain('**Burn rate:** $0.98/day this month · projected — by month end');
  });
});
