// The dashboard's Spend section and the real-workload lines in Savings: each state says where its figures come
// from (this key this month vs the whole account over N days), the truncated and fallback notes, and without a
// management key what is missing and why, with no figure in its place.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RequestParams } from '../../src/shared/protocol';
import type { SpendHistoryResult, SpendWindow, TokenMix } from '../../src/shared/types';
import { buildSpendHistory } from '../../src/core/spend/history';
import type { AnalyticsRow } from '../../src/core/openrouter/schemas';
import { renderApp, NOW, type Handlers } from './support/fakeHost';
import { compareResult, initPayload, liveSnapshot, managementSnapshot, usageView, keyUsage } from '../support/snapshotBuilders';

const row = (over: Partial<AnalyticsRow> = {}): AnalyticsRow => ({
  date: '2026-07-28',
  model: 'deepseek/deepseek-v4-pro',
  totalUsage: 96.35,
  byokUsage: 0,
  requests: '1200',
  promptTokens: '120000000',
  completionTokens: '8000000',
  reasoningTokens: '500000',
  cachedTokens: '60000000',
  cacheHitRate: 0.42,
  ...over,
});

function history(window: SpendWindow, over: { truncated?: boolean; rows?: AnalyticsRow[] } = {}): SpendHistoryResult {
  const rows = over.rows ?? [row(), row({ date: '2026-07-20', model: 'qwen/qwen3-coder', totalUsage: 25.5, cacheHitRate: null, cachedTokens: '0' })];
  return { status: 'ok', view: buildSpendHistory({ rows, truncated: over.truncated ?? false, dropped: 0 }, { requested: window, now: NOW, fetchedAt: NOW - 5 * 60_000 }) };
}

const compare = (): Handlers['compare/alternatives'] => (p: RequestParams<'compare/alternatives'>) => compareResult(p.modelId, [], { input: 1, output: 1, cacheRead: 0, source: 'default' });

async function dashboard(snapshot = managementSnapshot(), spend: Handlers['spend/history'] = (p) => history(p.window)) {
  return renderApp({ init: initPayload({ view: 'dashboard', snapshot }), handlers: { 'spend/history': spend, 'compare/alternatives': compare() } });
}

const section = (): HTMLElement => screen.getByRole('region', { name: 'Spend' });

describe('dashboard Spend section', () => {
  it('labels the key’s month and the account’s window by their source, and tables spend per model', async () => {
    const snapshot = managementSnapshot({ usage: usageView({ management: true, key: keyUsage({ monthly: 25.5 }) }) });
    const { host } = await dashboard(snapshot);
    await within(section()).findByText(/^Whole account, last 30 days: \$121\.85/);
    const keyMonth = within(section()).getByText('This key, this month').closest('p')!;
    expect(within(keyMonth).getByText('$25.50')).toBeTruthy();
    expect(keyMonth.textContent).toContain('through your API key since the 1st (UTC), from GET /key');
    expect(within(section()).getByText(/counts only your API key since the 1st; the two measure different things/)).toBeTruthy();
    const table = within(section()).getByRole('table', { name: /Spend by model, last 30 days/ });
    const ds = within(table).getByRole('rowheader', { name: 'DeepSeek: DeepSeek V4 Pro' }).closest('tr')!;
    expect(within(ds).getByText('$96.35')).toBeTruthy();
    expect(within(ds).getByText('42%')).toBeTruthy();
    expect(within(ds).getByText('60M')).toBeTruthy();
    // 96.35 / 128M tokens = $0.7527/1M, shown to three decimals as prices are
    expect(within(ds).getByText('$0.753/1M')).toBeTruthy();
    const qwen = within(table).getByRole('rowheader', { name: /Qwen3 Coder/ }).closest('tr')!;
    expect(within(qwen).getByText('not reported')).toBeTruthy(); // no cache-hit rate from OpenRouter: unknown, not 0%
    expect(within(qwen).queryByText('0%')).toBeNull();
    expect(host.requests('spend/history')[0]?.params).toEqual({ window: 30 });
  });

  it('the window picker asks for 7 and 90 days', async () => {
    const { host } = await dashboard();
    await within(section()).findByText(/^Whole account, last 30 days/);
    fireEvent.click(within(section()).getByRole('button', { name: 'Last 90 days' }));
    await within(section()).findByText(/^Whole account, last 90 days/);
    fireEvent.click(within(section()).getByRole('button', { name: 'Last 7 days' }));
    await within(section()).findByText(/^Whole account, last 7 days/);
    expect(host.requests('spend/history').map((r) => r.params.window)).toEqual([30, 90, 7]);
  });

  it('Refresh asks the host to query past its cache', async () => {
    const { host } = await dashboard();
    await within(section()).findByText(/^Whole account, last 30 days/);
    fireEvent.click(within(section()).getByRole('button', { name: 'Refresh spend history' }));
    await waitFor(() => expect(host.requests('spend/history').some((r) => r.params.refresh === true)).toBe(true));
  });

  it('says when OpenRouter truncated the answer', async () => {
    await dashboard(managementSnapshot(), (p) => history(p.window, { truncated: true }));
    expect((await within(section()).findByTestId('spend-truncated')).textContent).toMatch(/cut this answer short.*partial/);
  });

  it('says when analytics was refused and /activity stands in, and that the window asked for is not what is shown', async () => {
    await dashboard(managementSnapshot(), (p) => {
      const base = history(p.window);
      if (base.status !== 'ok') return base;
      return { status: 'ok', view: { ...base.view, source: 'activity', days: 30, fallback: { kind: 'forbidden', message: 'analytics refused (403)', status: 403 } } };
    });
    fireEvent.click(await within(section()).findByRole('button', { name: 'Last 90 days' }));
    const note = await within(section()).findByTestId('spend-fallback');
    expect(note.textContent).toMatch(/analytics was not available \(analytics refused \(403\)\), so this is \/activity: the last 30 days only/);
    expect(note.textContent).toContain('You asked for 90 days.');
  });

  it('without a management key: what is missing and why, the key’s own month, and no history figure', async () => {
    const snapshot = liveSnapshot({ usage: usageView({ key: keyUsage({ monthly: 25.5 }) }) });
    const { host } = await dashboard(snapshot);
    const invite = within(section()).getByTestId('spend-no-management');
    expect(invite.textContent).toMatch(/needs a management key: OpenRouter answers its analytics .* only to management keys/);
    expect(within(section()).getByText('This key, this month')).toBeTruthy();
    expect(within(section()).queryByText(/Whole account/)).toBeNull();
    expect(within(section()).queryByRole('table')).toBeNull();
    expect(host.requests('spend/history')).toHaveLength(0);
  });

  it('an ordinary key in the management slot: said, with the way to fix it', async () => {
    await dashboard(managementSnapshot(), () => ({ status: 'unavailable', reason: 'notManagementKey', cause: null }));
    await within(section()).findByText(/the saved management key is an ordinary API key/, {}, { timeout: 3000 }).catch((e: unknown) => {
      throw new Error(`${String(e).slice(0, 200)}\n${section().textContent ?? ''}`);
    });
    expect(within(section()).getByRole('button', { name: 'Set management key' })).toBeTruthy();
    expect(within(section()).queryByText(/Whole account/)).toBeNull();
    expect(within(section()).queryByRole('table')).toBeNull();
  });

  it('both sources failed: the error, never a figure', async () => {
    await dashboard(managementSnapshot(), () => ({ status: 'unavailable', reason: 'error', cause: { kind: 'offline', message: 'could not reach OpenRouter' } }));
    await within(section()).findByText(/neither OpenRouter’s analytics nor \/activity could be read \(could not reach OpenRouter\)/);
    expect(within(section()).queryByRole('table')).toBeNull();
  });

  it('a malformed host answer is refused, not painted', async () => {
    await dashboard(managementSnapshot(), () => ({ status: 'ok', view: { total: 'lots' } }) as unknown as SpendHistoryResult);
    await within(section()).findByText(/Spend history could not be loaded/);
    expect(within(section()).queryByRole('table')).toBeNull();
  });
});

describe('Savings on the real workload', () => {
  const historyMix: TokenMix = {
    input: 60_000_000,
    output: 8_000_000,
    cacheRead: 60_000_000,
    reasoning: 500_000,
    cacheWrite: null,
    requests: 1200,
    source: 'history',
    history: { model: 'anthropic/claude-sonnet-4.5', days: 30, source: 'analytics', spend: 312.4, cacheReadsReported: true },
  };

  it('“last 30 days on X cost $A; the same tokens on Y would have cost $B”, with what could not be priced', async () => {
    const result = compareResult('anthropic/claude-sonnet-4.5', ['deepseek/deepseek-v4-flash'], historyMix);
    result.baseUnpriced = [{ part: 'cacheWrite', reason: 'notReported', tokens: null }];
    result.alternatives[0]!.unpriced = [
      { part: 'cacheWrite', reason: 'notReported', tokens: null },
      { part: 'cacheRead', reason: 'noPrice', tokens: 60_000_000 },
    ];
    await renderApp({
      init: initPayload({ view: 'dashboard', snapshot: managementSnapshot() }),
      handlers: { 'spend/history': (p) => history(p.window), 'compare/alternatives': () => result },
    });
    const savings = screen.getByRole('region', { name: 'Savings' });
    const line = await within(savings).findByText(/^Last 30 days on Anthropic: Claude Sonnet 4\.5 cost \$312\.40; the same tokens on DeepSeek: DeepSeek V4 Flash would have cost \$/);
    const li = line.closest('li')!;
    expect(li.textContent).toContain('Cache writes are not in OpenRouter’s history');
    expect(li.textContent).toContain('DeepSeek: DeepSeek V4 Flash lists no cache-read price: 60M cached tokens priced at its input rate.');
  });

  it('without history the default mix is named as the default', async () => {
    const result = compareResult('anthropic/claude-sonnet-4.5', ['deepseek/deepseek-v4-flash'], { input: 750_000, output: 250_000, cacheRead: 0, source: 'default' });
    await renderApp({
      init: initPayload({ view: 'dashboard', snapshot: liveSnapshot() }),
      handlers: { 'compare/alternatives': () => result },
    });
    const savings = screen.getByRole('region', { name: 'Savings' });
    const line = await within(savings).findByText(/^Switching/);
    expect(line.closest('li')?.textContent).toContain('a default mix (3 input : 1 output tokens; no usage history)');
  });
});

describe('sidebar Spend: key and account figures labelled apart', () => {
  it('“This month” is this key; the 30-day history is the whole account, and the section says so', async () => {
    const snapshot = managementSnapshot({ usage: usageView({ management: true, key: keyUsage({ monthly: 25.5 }) }) });
    await renderApp({ init: initPayload({ view: 'sidebar', snapshot }), handlers: { 'compare/alternatives': compare() } });
    const spend = screen.getByRole('region', { name: 'Spend' });
    expect(within(spend).getByText(/^Whole account, last 30 days:/)).toBeTruthy();
    expect(within(spend).getByText('Today, this week and this month above count this API key only; the figures below count the whole account (every key).')).toBeTruthy();
  });
});

describe('sidebar Compare on the real workload', () => {
  it('names the history mix, what it cost, what each alternative would have cost, and what could not be priced', async () => {
    const mix: TokenMix = {
      input: 2_000_000,
      output: 1_000_000,
      cacheRead: 3_000_000,
      reasoning: 100_000,
      cacheWrite: null,
      requests: 100,
      source: 'history',
      history: { model: 'anthropic/claude-sonnet-4.5', days: 30, source: 'analytics', spend: 41.2, cacheReadsReported: true },
    };
    const result = compareResult('anthropic/claude-sonnet-4.5', ['deepseek/deepseek-v4-flash', 'xiaomi/mimo-v2.5'], mix);
    result.baseUnpriced = [{ part: 'cacheWrite', reason: 'notReported', tokens: null }];
    result.alternatives[1]!.unpriced = [{ part: 'cacheRead', reason: 'noPrice', tokens: 3_000_000 }];
    await renderApp({ init: initPayload({ view: 'sidebar', snapshot: managementSnapshot() }), handlers: { 'compare/alternatives': () => result } });
    const cmp = screen.getByRole('region', { name: 'Compare' });
    await within(cmp).findByText(/^Last 30 days on Anthropic: Claude Sonnet 4\.5 cost \$41\.20; the same tokens at today’s list price cost \$[\d.,]+ there\.$/);
    expect(within(cmp).getByText(/^From your last 30 days on this model: 2M in, 1M out, 3M cache read\./)).toBeTruthy();
    expect(within(cmp).getByText(/^The same tokens on DeepSeek: DeepSeek V4 Flash would have cost \$/)).toBeTruthy();
    expect(within(cmp).getByText('Xiaomi: MiMo-V2.5 lists no cache-read price: 3M cached tokens priced at its input rate.')).toBeTruthy();
    expect(within(cmp).getByText(/^Cache writes are not in OpenRouter’s history/)).toBeTruthy();
    // Cache-read notes belong to the one model that lacks the price, not to the others.
    expect(within(cmp).getAllByText(/lists no cache-read price/)).toHaveLength(1);
  });

  it('with the default mix, says it is the default and how to get the real one', async () => {
    const result = compareResult('anthropic/claude-sonnet-4.5', ['deepseek/deepseek-v4-flash'], { input: 750_000, output: 250_000, cacheRead: 0, source: 'default' });
    await renderApp({ init: initPayload({ view: 'sidebar', snapshot: liveSnapshot() }), handlers: { 'compare/alternatives': () => result } });
    const cmp = screen.getByRole('region', { name: 'Compare' });
    await within(cmp).findByText(/^From a default mix \(3 input : 1 output tokens; no usage history\): 750K in, 250K out, 0 cache read\. Add a management key to price your real workload\.$/);
  });
});
