import { describe, expect, it } from 'vitest';
import type { Settings } from '../../src/core/service/settings';
import { TOOLTIP_COMMANDS, presentStatus, type StatusPresentation } from '../../src/core/status/presenter';
import type { Snapshot } from '../../src/shared/types';
import {
  errorInfo,
  errorSnapshot,
  keyUsage,
  liveSnapshot,
  loadingSnapshot,
  managementSnapshot,
  noKeySnapshot,
  resources,
  staleSnapshot,
  usageView,
} from '../support/snapshotBuilders';
import { FETCHED, MIN, NOW, withSettings } from '../support/statusFixtures';


function present(snapshot: Snapshot, settings: Settings = withSettings(), now = NOW): StatusPresentation {
  return presentStatus(snapshot, settings, now);
}

/** A normal key whose figures are given; everything else as the real /key sample. */
function withKey(over: Parameters<typeof keyUsage>[0], usageOver: Parameters<typeof usageView>[0] = {}): Snapshot {
  const key = keyUsage(over);
  return liveSnapshot({ usage: usageView({ key, effectiveRemaining: key.limitRemaining, ...usageOver }) });
}

function commandLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\((command:[^)]*)\)/g)].map((m) => m[1]!);
}

describe('presentStatus: states', () => {
  it('no key: invites to set one, says public data still works, never shows money', () => {
    const p = present(noKeySnapshot());
    expect(p.state).toBe('noKey');
    expect(p.text).toBe('$(graph) Model Radar: set key');
    expect(p.command).toBe('modelRadar.setApiKey');
    expect(p.background).toBe('none');
    expect(p.visible).toBe(true);
    expect(p.tooltipMarkdown).toContain('prices work without one');
    // Offline, without a key, there is no popularity order to give: the tooltip must not promise one.
    expect(p.tooltipMarkdown).not.toMatch(/popularity/i);
    expect(p.tooltipMarkdown).toContain('[$(key) Set key](command:modelRadar.setApiKey)');
    expect(p.tooltipMarkdown).not.toMatch(/\$\d/);
    expect(p.ariaLabel).toBe('Model Radar: no API key set. Activate to set one.');
  });

  it('a management key alone counts as a key', () => {
    const p = present(managementSnapshot({ keys: { inference: 'none', management: true } }));
    expect(p.state).toBe('live');
  });

  it('loading: a spinner, only while nothing is cached', () => {
    const p = present(loadingSnapshot());
    expect(p.state).toBe('loading');
    expect(p.text).toBe('$(sync~spin) Model Radar');
    expect(p.background).toBe('none');
    expect(p.tooltipMarkdown).toContain('Loading your usage');
    expect(p.tooltipMarkdown).toContain('**Updated:** never');
    expect(p.tooltipMarkdown).not.toContain('$0.00');

    const refreshing = liveSnapshot({ resources: resources({ loading: true }) });
    expect(present(refreshing).state).toBe('live');
  });

  it('live: the default format with real figures', () => {
    const p = present(liveSnapshot());
    expect(p.state).toBe('live');
    expect(p.text).toBe('$(graph) $1.84 today · $74.50 left');
    expect(p.background).toBe('none');
    expect(p.command).toBe('modelRadar.openDashboard');
    expect(p.ariaLabel).toBe('Model Radar: $1.84 spent today, $74.50 left');
    expect(p.ariaLabel).not.toContain('$(');
  });

  it('stale: the store says so, with the age', () => {
    const p = present(staleSnapshot(NOW - 12 * MIN));
    expect(p.state).toBe('stale');
    expect(p.text).toBe('$(graph) $1.84 today · $74.50 left · 12 min old');
    expect(p.tooltipMarkdown).toContain('Data is 12 min old.');
    expect(p.ariaLabel).toContain('data 12 min old');
  });

  it('stale: old data is stale even if nobody flagged it (e.g. after sleep)', () => {
    const settings = withSettings();
    const atLimit = present(liveSnapshot(), settings, FETCHED + 2 * 60 * 1000);
    expect(atLimit.state).toBe('live');
    const later = present(liveSnapshot(), settings, FETCHED + 3 * 3_600_000);
    expect(later.state).toBe('stale');
    expect(later.text).toMatch(/ · 3 h old$/);
    // A longer poll interval moves the line.
    const slow = withSettings((s) => (s.refresh.keySeconds = 600));
    expect(present(liveSnapshot(), slow, FETCHED + 15 * MIN).state).toBe('live');
  });

  it('stale: a failed refresh with cached data says why, escaped', () => {
    const snapshot = errorSnapshot('rateLimited');
    const p = present(snapshot, withSettings(), FETCHED + 5 * MIN);
    expect(p.state).toBe('stale');
    expect(p.text).toMatch(/ · 5 min old$/);
    expect(p.tooltipMarkdown).toContain('the last refresh failed (Rate limited by OpenRouter \\(429\\))');
  });

  it('a cancelled request is not a failure', () => {
    const snapshot = liveSnapshot({ resources: resources({}, { key: { error: errorInfo('cancelled') } }) });
    expect(present(snapshot).state).toBe('live');
  });

  it('rejected key (401): error colour, click sets a key', () => {
    const p = present(errorSnapshot('unauthorized'));
    expect(p.state).toBe('rejected');
    expect(p.text).toBe('$(error) Model Radar: key rejected');
    expect(p.background).toBe('error');
    expect(p.command).toBe('modelRadar.setApiKey');
    expect(p.tooltipMarkdown).toContain('OpenRouter rejected the API key (401)');
    expect(p.tooltipMarkdown).toContain('last ones it returned');
    expect(p.ariaLabel).toContain('API key rejected');
  });

  it('out of credits: 402 from OpenRouter, with or without cached figures', () => {
    const withData = present(errorSnapshot('paymentRequired'), withSettings(), FETCHED + 10 * MIN);
    expect(withData.state).toBe('outOfCredits');
    expect(withData.text).toBe('$(graph) $1.84 today · $74.50 left · out of credits · 10 min old');
    expect(withData.background).toBe('error');
    expect(withData.tooltipMarkdown).toContain('402 Payment Required');

    const noData = present(loadingSnapshot({ resources: resources({ fetchedAt: null }, { key: { error: errorInfo('paymentRequired') } }) }));
    expect(noData.state).toBe('outOfCredits');
    expect(noData.text).toBe('$(error) Model Radar: out of credits');
    expect(noData.background).toBe('error');
  });

  it('out of credits: nothing left under the key cap', () => {
    const p = present(withKey({ limit: 30, limitRemaining: 0, daily: 4.2 }));
    expect(p.state).toBe('outOfCredits');
    expect(p.text).toBe('$(graph) $4.20 today · $0.00 left · out of credits');
    expect(p.background).toBe('error');
    expect(p.tooltipMarkdown).toContain('nothing is left to spend');
  });

  it('out of credits: a negative account balance binds', () => {
    const usage = usageView({ management: true, balance: { totalCredits: 10, totalUsage: 10.4, balance: -0.4 }, effectiveRemaining: -0.4 });
    const p = present(managementSnapshot({ usage }));
    expect(p.state).toBe('outOfCredits');
    expect(p.text).toContain('−$0.40 left');
  });

  it('offline with cached data: figures, "offline" and the age', () => {
    const snapshot = errorSnapshot('offline');
    const p = present(snapshot, withSettings(), FETCHED + 20 * MIN);
    expect(p.state).toBe('offline');
    expect(p.text).toBe('$(graph) $1.84 today · $74.50 left · offline, 20 min old');
    expect(p.command).toBe('modelRadar.openDashboard');
    expect(p.tooltipMarkdown).toContain('Showing the last data, 20 min old');
    expect(p.ariaLabel).toContain('offline, last known $1.84 spent today');
  });

  it('offline without cached data: says so, click retries', () => {
    const snapshot = loadingSnapshot({ resources: resources({ fetchedAt: null, loading: false }, { key: { error: errorInfo('offline') } }) });
    const p = present(snapshot);
    expect(p.state).toBe('offline');
    expect(p.text).toBe('$(cloud-offline) Model Radar: offline');
    expect(p.command).toBe('modelRadar.refresh');
    expect(p.background).toBe('none');
    expect(p.tooltipMarkdown).toContain('there is no saved data yet');
  });

  it('error without cached data: calm, explains, click retries', () => {
    const snapshot = loadingSnapshot({ resources: resources({ fetchedAt: null, loading: false }, { key: { error: errorInfo('server') } }) });
    const p = present(snapshot);
    expect(p.state).toBe('error');
    expect(p.text).toBe('$(warning) Model Radar: unavailable');
    expect(p.background).toBe('none');
    expect(p.command).toBe('modelRadar.refresh');
    expect(p.tooltipMarkdown).toContain('Could not load your usage: OpenRouter server error \\(502\\).');
  });

  it('hidden when the status bar is disabled, but still fully computed', () => {
    const p = present(liveSnapshot(), withSettings((s) => (s.statusBar.enabled = false)));
    expect(p.visible).toBe(false);
    expect(p.state).toBe('live');
  });
});

describe('presentStatus: colours', () => {
  const daily = (budget: number): Settings => withSettings((s) => (s.budget.daily = budget));
  const monthly = (budget: number): Settings => withSettings((s) => (s.budget.monthly = budget));

  it('warning at 80 % of the daily budget, not below', () => {
    expect(present(withKey({ daily: 1.6 }), daily(2)).background).toBe('warning');
    expect(present(withKey({ daily: 1.58 }), daily(2)).background).toBe('none');
    const p = present(withKey({ daily: 1.84 }), daily(2));
    expect(p.background).toBe('warning');
    expect(p.tooltipMarkdown).toContain('**Daily budget:** $1.84 of $2.00 (92%) $(warning)');
    expect(p.ariaLabel).toContain('Warning: 92% of the daily budget used');
  });

  it('warning at 80 % of the monthly budget', () => {
    const p = present(liveSnapshot(), monthly(30));
    expect(p.background).toBe('warning');
    expect(p.tooltipMarkdown).toContain('**Monthly budget:** $25.50 of $30.00 (85%)');
  });

  it('error at or over the daily or monthly budget', () => {
    expect(present(withKey({ daily: 2 }), daily(2)).background).toBe('error');
    const over = present(withKey({ daily: 2.5 }), daily(2));
    expect(over.background).toBe('error');
    expect(over.state).toBe('live');
    expect(over.tooltipMarkdown).toContain('(125%) $(error)');
    expect(present(liveSnapshot(), monthly(25.5)).background).toBe('error');
  });

  it('a budget of 0 is off', () => {
    expect(present(withKey({ daily: 1000, monthly: 5000, limit: null, limitRemaining: null })).background).toBe('none');
  });

  it('warning when what is left (key cap) is under alerts.lowBalance', () => {
    const low = withKey({ limitRemaining: 3.2 });
    const p = present(low);
    expect(p.background).toBe('warning');
    expect(p.text).toContain('$3.20 left');
    expect(p.tooltipMarkdown).toContain('low balance');
    expect(present(low, withSettings((s) => (s.alerts.lowBalance = 0))).background).toBe('none');
    expect(present(low, withSettings((s) => (s.alerts.lowBalance = 3))).background).toBe('none');
  });

  it('warning when the account balance (management key) is low even if the key cap is not', () => {
    const usage = usageView({ management: true, balance: { totalCredits: 80, totalUsage: 76, balance: 4 }, effectiveRemaining: 4 });
    expect(present(managementSnapshot({ usage })).background).toBe('warning');
  });

  it('the stronger colour wins', () => {
    const p = present(withKey({ limitRemaining: 3, daily: 2.4 }), daily(2));
    expect(p.background).toBe('error');
  });

  it('colours still apply to cached data while stale or offline', () => {
    const stale = staleSnapshot(NOW - 12 * MIN);
    expect(present(stale, monthly(30)).background).toBe('warning');
    expect(present(errorSnapshot('offline'), monthly(30)).background).toBe('warning');
  });
});

describe('presentStatus: unknown values and the format', () => {
  it('shows — for unknown values, never $0.00', () => {
    const key = keyUsage({ daily: null, weekly: null, monthly: null, limit: null, limitRemaining: null });
    const snapshot = liveSnapshot({ usage: usageView({ key, effectiveRemaining: null, binding: null, burnRatePerDay: null, monthEndProjection: null }) });
    const p = present(snapshot);
    expect(p.text).toBe('$(graph) — today · — left');
    expect(p.tooltipMarkdown).not.toContain('$0.00');
    expect(p.tooltipMarkdown).toContain('| Today | — |');
    expect(p.ariaLabel).toBe('Model Radar: unknown spent today, unknown left');
    expect(p.state).toBe('live');
  });

  it('a known zero is $0.00', () => {
    expect(present(withKey({ daily: 0 })).text).toBe('$(graph) $0.00 today · $74.50 left');
  });

  it('fills every placeholder of a custom format; unknown ones stay as typed', () => {
    const settings = withSettings((s) => (s.statusBar.format = '$(pulse) {week}/{month} · {balance} of {limit} · {left} {nope}'));
    expect(present(managementSnapshot(), settings).text).toBe('$(pulse) $9.12/$25.50 · $18.75 of $100.00 · $18.75 {nope}');
    // No management key: the balance is unknown; an unlimited key has no cap.
    const unlimited = withKey({ limit: null, limitRemaining: null }, { effectiveRemaining: null, binding: null });
    expect(present(unlimited, settings).text).toBe('$(pulse) $9.12/$25.50 · — of ∞ · — {nope}');
  });

  it('keeps the custom format in stale and offline states', () => {
    const settings = withSettings((s) => (s.statusBar.format = '{month} mo'));
    expect(present(staleSnapshot(NOW - 2 * 3_600_000), settings).text).toBe('$25.50 mo · 2 h old');
  });
});

describe('presentStatus: tooltip', () => {
  it('normal key: spend, cap and reset, balance unavailable with why, burn, update time, source, links', () => {
    const md = present(liveSnapshot()).tooltipMarkdown;
    expect(md).toContain('**Model Radar** · Up to date.');
    expect(md).toContain('| Today | $1.84 |');
    expect(md).toContain('| This week | $9.12 |');
    expect(md).toContain('| This month | $25.50 |');
    expect(md).not.toContain('BYOK');
    expect(md).toContain('**Key:** sk\\-or\\-v1\\-au7\\.\\.\\.890');
    expect(md).toContain('**Key cap:** $100.00, resets monthly (midnight UTC) · $74.50 left (a spending cap, not a balance)');
    expect(md).toContain('**Account balance:** —, needs a management key. [Set management key](command:modelRadar.setManagementKey)');
    expect(md).toContain('**Binds first:** the key cap, $74.50 left');
    expect(md).toContain('**Burn rate:** $0.98/day this month · projected $30.40 by month end');
    expect(md).toContain('**Updated:** 2026-07-29 09:00 UTC (just now)');
    expect(md).toContain('**Source:** openrouter\\.ai');
    expect(commandLinks(md)).toEqual([
      'command:modelRadar.setManagementKey',
      'command:modelRadar.refresh',
      'command:modelRadar.openDashboard',
      'command:modelRadar.setApiKey',
    ]);
  });

  it('management key: account balance and which one binds', () => {
    const md = present(managementSnapshot(), withSettings(), FETCHED + 7 * MIN).tooltipMarkdown;
    expect(md).toContain('**Account balance:** $18.75 ($80.00 bought − $61.25 used)');
    expect(md).toContain('**Binds first:** the account balance, $18.75 left');
    expect(md).toContain('(7 min ago)');
    expect(md).not.toContain('needs a management key');
  });

  it('says how old the balance is when its own refresh is behind', () => {
    const behind = managementSnapshot({ resources: resources({}, { credits: { fetchedAt: FETCHED - 40 * MIN, stale: true } }) });
    expect(present(behind).tooltipMarkdown).toContain('($80.00 bought − $61.25 used) · 40 min old');
    expect(present(managementSnapshot()).tooltipMarkdown).not.toMatch(/used\) · \d/);
  });

  it('management key whose balance request failed or was rejected says so', () => {
    const failed = managementSnapshot({
      usage: usageView({ management: true, balanceStatus: 'unavailable', balance: null, effectiveRemaining: 74.5, binding: 'key' }),
      resources: resources({}, { credits: { error: errorInfo('server'), stale: true } }),
    });
    expect(present(failed).tooltipMarkdown).toContain('**Account balance:** —, the last request failed (OpenRouter server error \\(502\\)).');
    const rejected = managementSnapshot({
      usage: usageView({ management: true, balanceStatus: 'unavailable', balance: null, effectiveRemaining: 74.5, binding: 'key' }),
      resources: resources({}, { credits: { error: errorInfo('unauthorized') } }),
    });
    const md = present(rejected).tooltipMarkdown;
    expect(md).toContain('OpenRouter rejected the management key (401)');
    expect(present(rejected).state).toBe('live');
    const zeros = managementSnapshot({
      usage: usageView({ management: true, balanceStatus: 'unavailable', balance: null, effectiveRemaining: 74.5, binding: 'key' }),
    });
    expect(present(zeros).tooltipMarkdown).toContain('OpenRouter returned no balance for this key');
  });

  it('BYOK spend gets its own column when there is any', () => {
    const md = present(withKey({ byokDaily: 17.38, byokWeekly: 17.38, byokMonthly: 17.38 })).tooltipMarkdown;
    expect(md).toContain('| Spend (UTC) | OpenRouter | BYOK |');
    expect(md).toContain('| Today | $1.84 | $17.38 |');
  });

  it('an unlimited key and a key that never resets are described, with expiry', () => {
    expect(present(withKey({ limit: null, limitRemaining: null }, { effectiveRemaining: null, binding: null })).tooltipMarkdown).toContain(
      '**Key cap:** none, this key has no spending limit',
    );
    const md = present(withKey({ limitReset: null, expiresAt: '2027-12-31T23:59:59Z' })).tooltipMarkdown;
    expect(md).toContain('never resets');
    expect(md).toContain('expires Dec 31, 2027');
    expect(md).not.toMatch(/T23|59Z/);
  });

  it('escapes text from the API so it cannot add links, icons or markup', () => {
    const label = 'evil [run](command:workbench.action.terminal.new) $(alert) <b>x</b>\n# big';
    const p = present(withKey({ label, limitReset: '[x](https://evil.example)' }));
    const links = commandLinks(p.tooltipMarkdown);
    for (const target of links) expect(TOOLTIP_COMMANDS.map((c) => `command:${c}`)).toContain(target);
    expect(p.tooltipMarkdown).not.toContain('](https://');
    expect(p.tooltipMarkdown).not.toContain('<b>');
    expect(p.tooltipMarkdown).not.toMatch(/\n# big/);
    expect(p.tooltipMarkdown).toContain('evil \\[run\\]\\(command\\:workbench');
    expect(p.trustedCommands).toEqual(TOOLTIP_COMMANDS);
  });

  it('names the configured source host', () => {
    const local = withSettings((s) => (s.apiBaseUrl = 'http://127.0.0.1:8787/api/v1'));
    expect(present(liveSnapshot(), local).tooltipMarkdown).toContain('**Source:** 127\\.0\\.0\\.1\\:8787');
    expect(present(noKeySnapshot(), local).tooltipMarkdown).toContain('**Source:** 127\\.0\\.0\\.1\\:8787');
  });

  it('offers "Change key" once a key is set', () => {
    expect(present(liveSnapshot()).tooltipMarkdown).toContain('[$(key) Change key](command:modelRadar.setApiKey)');
  });

  it('only ever links to the trusted commands, in every state', () => {
    const snapshots = [
      noKeySnapshot(),
      loadingSnapshot(),
      liveSnapshot(),
      managementSnapshot(),
      staleSnapshot(NOW - 30 * MIN),
      errorSnapshot('offline'),
      errorSnapshot('unauthorized'),
      errorSnapshot('paymentRequired'),
      errorSnapshot('server'),
    ];
    const states = new Set<string>();
    for (const snapshot of snapshots) {
      const p = present(snapshot, withSettings((s) => ((s.budget.daily = 1), (s.budget.monthly = 20))));
      states.add(p.state);
      for (const target of commandLinks(p.tooltipMarkdown)) expect(TOOLTIP_COMMANDS.map((c) => `command:${c}`)).toContain(target);
      expect(JSON.parse(JSON.stringify(p))).toEqual(p);
    }
    expect(states.size).toBeGreaterThanOrEqual(7);
  });
});
