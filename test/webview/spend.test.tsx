import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './support/fakeHost';
import {
  activityView,
  errorSnapshot,
  initPayload,
  keyUsage,
  liveSnapshot,
  loadingSnapshot,
  managementSnapshot,
  noKeySnapshot,
  settings,
  usageView,
} from '../support/snapshotBuilders';

function spend(): HTMLElement {
  return screen.getByRole('region', { name: 'Spend' });
}

function stat(label: string): string {
  const dt = within(spend()).getByText(label, { selector: 'dt' });
  return dt.nextElementSibling?.textContent ?? '';
}

describe('Spend section', () => {
  it('without a key invites to set one and shows no figures', async () => {
    const { host } = await renderApp({ init: initPayload({ snapshot: noKeySnapshot() }), handlers: { 'command/run': () => ({ ran: true }) } });
    expect(within(spend()).getByText(/Add your OpenRouter API key/)).toBeTruthy();
    expect(within(spend()).queryByText(/\$0\.00/)).toBeNull();
    fireEvent.click(within(spend()).getByRole('button', { name: 'Set API key' }));
    expect(host.requests('command/run').map((r) => r.params)).toEqual([{ command: 'setApiKey' }]);
  });

  it('while nothing is cached shows a named progress indicator', async () => {
    await renderApp({ init: initPayload({ snapshot: loadingSnapshot() }) });
    expect(within(spend()).getByRole('progressbar', { name: 'Loading spend…' })).toBeTruthy();
  });

  it('shows today, week, month, limit, remaining and which one binds', async () => {
    await renderApp();
    expect(stat('Today')).toBe('$1.84');
    expect(stat('This week')).toBe('$9.12');
    expect(stat('This month')).toMatch(/^\$25\.50 of \$50\.00 budget$/);
    expect(stat('Key limit')).toBe('$100.00 resets monthly');
    expect(stat('Key remaining')).toBe('$74.50');
    expect(stat('Balance')).toBe('— needs a management key');
    expect(stat('Remaining')).toBe('$74.50 key limit binds');
    expect(screen.getByRole('button', { name: /Spend\s*\$1\.84 today/ })).toBeTruthy();
  });

  it('prints "—", never $0.00, for figures the key did not report', async () => {
    const snapshot = liveSnapshot({ usage: usageView({ key: keyUsage({ daily: null, weekly: null, monthly: null, limit: null }), effectiveRemaining: null, binding: null, burnRatePerDay: null, monthEndProjection: null }) });
    await renderApp({ init: initPayload({ snapshot }) });
    expect(stat('Today')).toBe('—');
    expect(stat('This week')).toBe('—');
    expect(stat('This month')).toBe('—');
    expect(stat('Key limit')).toBe('No limit');
    expect(stat('Remaining')).toBe('—');
    expect(within(spend()).queryByText(/\$0\.00/)).toBeNull();
  });

  it('warns when below the low-balance threshold and over budget', async () => {
    const snapshot = managementSnapshot({ usage: usageView({ management: true, effectiveRemaining: 3.2, key: keyUsage({ daily: 4, monthly: 61 }) }) });
    await renderApp({ init: initPayload({ snapshot, settings: settings({ lowBalance: 5, budgetDaily: 3, budgetMonthly: 50 }) }) });
    expect(stat('Remaining')).toBe('$3.20 balance binds, low');
    expect(within(spend()).getByText('Over your daily budget.')).toBeTruthy();
  });

  it('with a management key shows the balance, a 30-day chart by model and the top models by cost', async () => {
    await renderApp({ init: initPayload({ snapshot: managementSnapshot() }) });
    expect(stat('Balance')).toBe('$18.75');
    const activity = activityView();
    expect(within(spend()).getByText(`Whole account, last 30 days: $${activity.total.toFixed(2)}`)).toBeTruthy();
    const chart = within(spend()).getByRole('img', { name: /Spend per day over the last 30 days, stacked by model/ });
    // 30 days, each a group with a title.
    expect(chart.querySelectorAll('g > title')).toHaveLength(30);
    const top = within(spend()).getByText('Top models by cost').nextElementSibling as HTMLElement;
    const names = within(top).getAllByText(/Anthropic|DeepSeek|Qwen/).map((n) => n.textContent);
    expect(names).toEqual(['Anthropic: Claude Sonnet 4.5', 'DeepSeek: DeepSeek V4 Flash', 'Qwen: Qwen3 Coder 480B A35B']);
    expect(within(spend()).queryByRole('button', { name: 'Set management key' })).toBeNull();
  });

  it('without a management key invites to add one for history', async () => {
    const { host } = await renderApp({ handlers: { 'command/run': () => ({ ran: true }) } });
    expect(within(spend()).queryByRole('img')).toBeNull();
    fireEvent.click(within(spend()).getByRole('button', { name: 'Set management key' }));
    expect(host.requests('command/run').map((r) => r.params.command)).toEqual(['setManagementKey']);
  });

  it('when the key is rejected and nothing is cached, says so instead of spinning', async () => {
    await renderApp({ init: initPayload({ snapshot: errorSnapshot('unauthorized', { usage: null }) }) });
    expect(within(spend()).queryByRole('progressbar')).toBeNull();
    expect(within(spend()).getByText(/Spend could not be loaded/)).toBeTruthy();
    expect(stat('Today')).toBe('—');
  });

  it('collapses, and remembers it through vscode.setState', async () => {
    const { host } = await renderApp();
    const toggle = screen.getByRole('button', { name: /^Spend/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(spend()).queryByText('Today')).toBeNull();
    expect(host.state).toMatchObject({ collapsed: { spend: true } });
  });
});

describe('remembered UI state', () => {
  it('a section collapsed in a previous session starts collapsed', async () => {
    await renderApp({ state: { collapsed: { spend: true } } });
    expect(screen.getByRole('button', { name: /^Spend/ }).getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByRole('button', { name: /^Leaders/ }).getAttribute('aria-expanded')).toBe('true');
  });
});
