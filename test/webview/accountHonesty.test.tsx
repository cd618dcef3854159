// The Spend section and the banners for the account cases: an ordinary key in the management slot, activity
// rows that could not be read, and bring-your-own-key spend shown beside OpenRouter's.
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './support/fakeHost';
import { activityView, errorInfo, initPayload, keyUsage, liveSnapshot, managementSnapshot, resources, usageView } from '../support/snapshotBuilders';
import type { ActivityView } from '../../src/shared/types';

function spend(): HTMLElement {
  return screen.getByRole('region', { name: 'Spend' });
}

function stat(label: string): string {
  const dt = within(spend()).getByText(label, { selector: 'dt' });
  return dt.nextElementSibling?.textContent ?? '';
}

const byokKey = keyUsage({ daily: 0, weekly: 0, monthly: 0, byokDaily: 5.25, byokWeekly: 12.5, byokMonthly: 42 });

function byokActivity(): ActivityView {
  const a = activityView();
  const moved = (m: ActivityView['byModel'][number]) => ({ ...m, usage: 0, byokUsage: m.usage });
  return {
    ...a,
    days: a.days.map((d) => ({ ...d, models: d.models.map(moved), total: 0, byokTotal: d.total })),
    byModel: a.byModel.map(moved),
    total: 0,
    byokTotal: a.total,
  };
}

describe('Spend: BYOK', () => {
  it('a BYOK-only user sees BYOK today, this week and this month beside OpenRouter $0.00', async () => {
    const snapshot = liveSnapshot({ usage: usageView({ key: byokKey }) });
    await renderApp({ init: initPayload({ snapshot }) });
    expect(stat('Today')).toBe('$0.00');
    expect(stat('BYOK today')).toBe('$5.25');
    expect(stat('BYOK this week')).toBe('$12.50');
    expect(stat('BYOK this month')).toBe('$42.00');
    expect(within(spend()).getByText(/billed by\s+those providers/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /Spend\s*\$0\.00 \+ \$5\.25 BYOK today/ })).toBeTruthy();
  });

  it('without BYOK spend there is no BYOK row', async () => {
    await renderApp();
    expect(within(spend()).queryByText('BYOK today')).toBeNull();
  });

  it('30 days of BYOK-only activity: the heading and the top models carry the BYOK cost', async () => {
    const activity = byokActivity();
    await renderApp({ init: initPayload({ snapshot: managementSnapshot({ usage: usageView({ management: true, key: byokKey }), activity }) }) });
    const heading = within(spend()).getByText(/^Whole account, last 30 days:/);
    expect(heading.textContent).toBe(`Whole account, last 30 days: $0.00 + $${activity.byokTotal.toFixed(2)} BYOK`);
    const top = within(spend()).getByText('Top models by cost').nextElementSibling as HTMLElement;
    expect(top.textContent).toContain(`$0.00 + $${activity.byModel[0]!.byokUsage.toFixed(2)} BYOK`);
  });
});

describe('Spend: BYOK-only history is not "no spend"', () => {
  it('the chart says no OpenRouter credits were spent and what BYOK cost', async () => {
    const activity = byokActivity();
    await renderApp({ init: initPayload({ snapshot: managementSnapshot({ activity }) }) });
    expect(within(spend()).queryByText('No spend in the last 30 days.')).toBeNull();
    expect(
      within(spend()).getByText(`No OpenRouter credits spent in the last 30 days; BYOK requests cost $${activity.byokTotal.toFixed(2)} at your providers.`),
    ).toBeTruthy();
  });
});

describe('Spend: rows left out', () => {
  it('says how many activity rows could not be read, and how many fell outside the window', async () => {
    const activity = { ...activityView(), droppedRows: 2, outsideWindowRows: 1 };
    await renderApp({ init: initPayload({ snapshot: managementSnapshot({ activity }) }) });
    const note = within(spend()).getByRole('status');
    expect(note.textContent).toBe('2 rows from OpenRouter could not be read and 1 row is dated outside the 30-day window: not included in these figures.');
  });

  it('one unreadable row, singular', async () => {
    await renderApp({ init: initPayload({ snapshot: managementSnapshot({ activity: { ...activityView(), droppedRows: 1 } }) }) });
    expect(within(spend()).getByText('1 row from OpenRouter could not be read: not included in these figures.')).toBeTruthy();
  });

  it('nothing is said when every row was read', async () => {
    await renderApp({ init: initPayload({ snapshot: managementSnapshot() }) });
    expect(within(spend()).queryByText(/could not be read/)).toBeNull();
  });
});

describe('an ordinary key in the management slot', () => {
  const snapshot = liveSnapshot({
    keys: { inference: 'stored', management: true, managementKind: 'notManagement' },
    usage: usageView({ balanceStatus: 'notManagementKey' }),
    resources: resources({}, { credits: { fetchedAt: null, error: errorInfo('notManagementKey') }, activity: { fetchedAt: null, error: errorInfo('notManagementKey') } }),
  });

  it('the balance says why it is missing, never $0.00, and offers the fix', async () => {
    const { host } = await renderApp({ init: initPayload({ snapshot }), handlers: { 'command/run': () => ({ ran: true }) } });
    expect(stat('Balance')).toBe('— unavailable: this is not a management key');
    expect(within(spend()).queryByText(/\$0\.00 left|out of credits/)).toBeNull();
    fireEvent.click(within(spend()).getAllByRole('button', { name: 'Set management key' })[0]!);
    expect(host.requests('command/run').map((r) => r.params.command)).toEqual(['setManagementKey']);
  });

  it('one banner names the problem and the fix', async () => {
    const { host } = await renderApp({ init: initPayload({ snapshot }), handlers: { 'command/run': () => ({ ran: true }) } });
    const b = document.querySelector('[data-banner="notManagementKey"]') as HTMLElement;
    expect(b.textContent).toContain('Balance unavailable: this is not a management key.');
    expect(b.textContent).toContain('balance and activity cannot be read');
    expect(document.querySelector('[data-banner="forbidden"]')).toBeNull();
    fireEvent.click(within(b).getByRole('button', { name: 'Set management key' }));
    expect(host.requests('command/run').map((r) => r.params.command)).toEqual(['setManagementKey']);
  });

  it('an unverified key is being checked, not missing', async () => {
    const unverified = liveSnapshot({ keys: { inference: 'stored', management: true, managementKind: 'unverified' } });
    await renderApp({ init: initPayload({ snapshot: unverified }) });
    expect(stat('Balance')).toBe('— checking the management key…');
  });
});
