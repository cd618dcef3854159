// The dashboard's weekly trend block: shares per week, the streak and the last lead change; without data, what
// is missing and why, never a figure.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/shared/types';
import type { TrendView } from '../../src/shared/trend';
import { buildTrendView } from '../../src/core/market/trend';
import { renderApp } from './support/fakeHost';
import { errorInfo, initPayload, liveSnapshot, noKeySnapshot, trendState } from '../support/snapshotBuilders';

async function dashboard(snapshot: Snapshot): Promise<HTMLElement> {
  await renderApp({ init: initPayload({ view: 'dashboard', snapshot }) });
  return screen.getByRole('region', { name: 'Weekly share by region' });
}

const PERCENT = /\d+(\.\d+)?\s?%/;

describe('dashboard: weekly trend', () => {
  it('says who leads, for how long, and when the lead last changed hands; one table row per week', async () => {
    const block = await dashboard(liveSnapshot({ trend: trendState() }));
    expect(within(block).getByText(/^China has led OpenRouter tokens 3 weeks in a row, through the week of Nov 23, 2026 \(\d+(\.\d+)?\s?%\)\.$/)).toBeTruthy();
    // Week of Nov 2 has no data: the change fell somewhere between Oct 26 (US) and Nov 9 (China).
    expect(within(block).getByText('The lead last changed hands between the weeks of Oct 26, 2026 and Nov 9, 2026 (US → China); the weeks between have no data.')).toBeTruthy();
    expect(within(block).getByText('1 of 6 weeks have no data; the lines break there.')).toBeTruthy();
    const rows = within(block).getAllByRole('row').filter((r) => r.hasAttribute('data-day'));
    expect(rows).toHaveLength(6);
    expect(within(rows[2]!).getByText('no data')).toBeTruthy();
    expect(within(rows[0]!).getByText('tie: China, US')).toBeTruthy();
    expect(within(rows[5]!).getByText('China')).toBeTruthy();
    // One line per region present, and a missing week breaks it (two "M" moves for China).
    const cn = block.querySelector('path[data-region="CN"]')?.getAttribute('d') ?? '';
    expect(cn.match(/M /g)).toHaveLength(2);
    expect(block.querySelector('[data-testid="lead-change"]')).not.toBeNull();
    expect(within(block).getByText(/^Source: OpenRouter \(openrouter\.ai\/rankings\)/)).toBeTruthy();
  });

  it('counts the rows it could not read in the words every coverage note uses: one row, or a formatted count', async () => {
    const base = trendState();
    const one = await dashboard(liveSnapshot({ trend: { ...base, view: { ...(base.view as TrendView), droppedRows: 1 } } }));
    expect(within(one).getByText('1 unreadable row left out.')).toBeTruthy();
  });

  it('counts many unreadable rows with the thousands separator', async () => {
    const base = trendState();
    const many = await dashboard(liveSnapshot({ trend: { ...base, view: { ...(base.view as TrendView), droppedRows: 12345 } } }));
    expect(within(many).getByText('12,345 unreadable rows left out.')).toBeTruthy();
    expect(many.textContent).not.toMatch(/unreadable row(s)? were/);
  });

  it('without a key and without a cached trend: says a key is needed, shows no figure', async () => {
    const block = await dashboard(noKeySnapshot());
    expect(within(block).getByText(/needs an API key \(any key\)/)).toBeTruthy();
    expect(within(block).getByRole('button', { name: 'Set API key' })).toBeTruthy();
    expect(block.textContent).not.toMatch(PERCENT);
    expect(block.querySelector('svg.mr-chart-svg')).toBeNull();
  });

  it('a failed request with nothing cached: says it failed, why, and when it is asked again', async () => {
    const attemptedAt = Date.parse('2026-12-01T09:00:00Z');
    const block = await dashboard(liveSnapshot({ trend: { view: null, fetchedAt: null, attemptedAt, error: errorInfo('rateLimited', { message: 'Rate limited by OpenRouter.' }) } }));
    expect(within(block).getByText('No weekly trend: the request failed (Rate limited by OpenRouter.). It is asked for at most once a day; next attempt after 2026-12-02 09:00 UTC.')).toBeTruthy();
    expect(block.textContent).not.toMatch(PERCENT);
  });

  it('a failed refresh over a cached trend keeps the figures and says how old they are', async () => {
    const block = await dashboard(liveSnapshot({ trend: trendState({ error: errorInfo('offline', { message: 'OpenRouter is unreachable.' }) }) }));
    expect(within(block).getByText(/^China has led OpenRouter tokens 3 weeks in a row/)).toBeTruthy();
    expect(within(block).getByText('The last refresh failed (OpenRouter is unreachable.); these figures were fetched 2026-12-01 09:00 UTC.')).toBeTruthy();
  });

  it('with a key the Data API refused (public order only): says so instead of loading forever', async () => {
    const order = noKeySnapshot().rankings;
    const block = await dashboard(liveSnapshot({ rankings: order }));
    expect(order?.mode).toBe('order');
    expect(within(block).getByText(/did not accept the key/)).toBeTruthy();
    expect(within(block).queryByText('Loading the weekly trend…')).toBeNull();
    expect(block.textContent).not.toMatch(PERCENT);
  });

  it('with a key but no trend yet: loading, no figure', async () => {
    const block = await dashboard(liveSnapshot());
    expect(within(block).getByText('Loading the weekly trend…')).toBeTruthy();
    expect(block.textContent).not.toMatch(PERCENT);
  });

  it('weeks without any rows: says no figures came back, draws no chart', async () => {
    const view = buildTrendView([], { now: Date.parse('2026-12-01T10:00:00Z'), weeks: 52 });
    const block = await dashboard(liveSnapshot({ trend: { view, fetchedAt: 1, attemptedAt: 1, error: null } }));
    expect(within(block).getByText('No weekly figures from Dec 1, 2025 to Nov 29, 2026: OpenRouter returned no ranking rows for these weeks.')).toBeTruthy();
    expect(block.querySelector('svg.mr-chart-svg')).toBeNull();
    expect(block.textContent).not.toMatch(PERCENT);
  });

  it('a tie in the latest week names the tied regions and claims no streak', async () => {
    const rows = [
      { date: '2026-11-23', model_permaslug: 'deepseek/deepseek-v4-flash-20260423', total_tokens: '500' },
      { date: '2026-11-23', model_permaslug: 'anthropic/claude-4.5-sonnet-20250929', total_tokens: '500' },
    ];
    const view = buildTrendView(rows, { now: Date.parse('2026-12-01T10:00:00Z'), weeks: 4 });
    const block = await dashboard(liveSnapshot({ trend: { view, fetchedAt: 1, attemptedAt: 1, error: null } }));
    expect(within(block).getByText('No region led in the week of Nov 23, 2026: China, US tied.')).toBeTruthy();
    expect(within(block).queryByText(/has led/)).toBeNull();
  });
});
