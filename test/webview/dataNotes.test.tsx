// What the views say about how far a figure holds: price age when prices are not live, the bundled rankings
// week, coverage gaps (drawn as gaps, not zeros), and the tokenizer caveat on token shares.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DATA_API_DOCS_URL } from '../../src/shared/dataLabels';
import type { DailyRegionTokens } from '../../src/shared/types';
import { renderApp } from './support/fakeHost';
import { catalogView, compareResult, dailyRegionTokens, initPayload, liveSnapshot, noKeySnapshot, rankingsView, resources } from '../support/snapshotBuilders';

const handlers = {
  'compare/alternatives': (p: { modelId: string }) => compareResult(p.modelId, []),
};
const BUNDLED_PRICES = /^Prices as of Jul 29(, 2026)?, bundled\.$/;

function section(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

const bundledCatalog = catalogView(undefined, { source: 'bundled', asOf: '2026-07-29T00:00:00Z' });
const staleModels = resources({}, { models: { stale: true }, credits: { fetchedAt: null }, activity: { fetchedAt: null } });

describe('price age', () => {
  it('every sidebar section that shows a price says the prices are the bundled July ones', async () => {
    await renderApp({ init: initPayload({ snapshot: liveSnapshot({ catalog: bundledCatalog, resources: staleModels }) }), handlers });
    for (const name of ['Leaders', 'Your models', 'Compare']) {
      expect({ name, label: within(section(name)).getByText(BUNDLED_PRICES).textContent }).toMatchObject({ name });
    }
  });

  it('the dashboard says it on Savings and the catalog', async () => {
    await renderApp({ init: initPayload({ view: 'dashboard', snapshot: liveSnapshot({ catalog: bundledCatalog, resources: staleModels }) }), handlers });
    for (const name of ['Savings', 'Catalog']) expect(within(section(name)).getByText(BUNDLED_PRICES)).toBeTruthy();
  });

  it('cached prices say cached; live prices say nothing', async () => {
    const { unmount } = await renderApp({ init: initPayload({ snapshot: liveSnapshot({ catalog: catalogView(undefined, { source: 'cache', asOf: '2026-11-28T10:00:00Z' }) }) }), handlers });
    expect(within(section('Leaders')).getByText(/^Prices as of Nov 28(, 2026)?, cached\.$/)).toBeTruthy();
    unmount();
    await renderApp({ init: initPayload({ snapshot: liveSnapshot() }), handlers });
    expect(screen.queryByText(/^Prices as of/)).toBeNull();
  });
});

describe('leaders: bundled rankings, coverage and the tokenizer caveat', () => {
  it('a bundled week fills the leaders, labelled as such, with its citation', async () => {
    const rankings = rankingsView({ source: 'bundled', citation: 'Source: OpenRouter (openrouter.ai/rankings), CC BY 4.0, as of 2026-07-26.' });
    await renderApp({ init: initPayload({ snapshot: noKeySnapshot({ rankings }) }), handlers });
    const leaders = section('Leaders');
    expect(within(leaders).getByText(/^Rankings as of Jul 26(, 2026)?, bundled: the snapshot shipped with Model Radar/)).toBeTruthy();
    expect(within(leaders).getByText('Source: OpenRouter (openrouter.ai/rankings), CC BY 4.0, as of 2026-07-26.')).toBeTruthy();
    expect(within(within(leaders).getByRole('list', { name: 'Top China models' })).getAllByRole('listitem').length).toBeGreaterThan(0);
  });

  it('a window with holes claims only its days and names the gaps', async () => {
    const daily = dailyRegionTokens().map((d, i): DailyRegionTokens => (i === 1 || i === 5 ? { date: d.date, regions: null, unattributed: null } : d));
    const rankings = rankingsView({
      daily,
      coverage: { requestedDays: 7, daysWithData: 5, firstDay: '2026-07-20', lastDay: '2026-07-26', missingDays: ['2026-07-21', '2026-07-25'], duplicateRows: 2, droppedRows: 0 },
    });
    await renderApp({ init: initPayload({ snapshot: liveSnapshot({ rankings }) }), handlers });
    const leaders = section('Leaders');
    expect(within(leaders).getByText(/\(data for 5 of 7 days\)/)).toBeTruthy();
    expect(within(leaders).getByText('Data for 5 of 7 days (2026-07-20..2026-07-26); no data for 2026-07-21, 2026-07-25. 2 duplicated rows counted once.')).toBeTruthy();
  });

  it('token shares carry the tokenizer caveat with the Data API link; the order-only view has no shares and no caveat', async () => {
    const { unmount } = await renderApp({ init: initPayload({ snapshot: liveSnapshot() }), handlers });
    const caveat = within(section('Leaders')).getByText(/each provider's own tokenizer, so shares are approximate/);
    expect(within(caveat).getByRole('link').getAttribute('href')).toBe(DATA_API_DOCS_URL);
    unmount();
    await renderApp({ init: initPayload({ snapshot: noKeySnapshot() }), handlers });
    expect(within(section('Leaders')).queryByText(/tokenizer/)).toBeNull();
  });
});

describe('dashboard: daily tokens by region', () => {
  function chart(): HTMLElement {
    return section('Daily tokens by region');
  }

  it('draws each region from its own figures (US and Europe never swap)', async () => {
    const daily = dailyRegionTokens().map((d, i): DailyRegionTokens => ({ ...d, regions: d.regions && { ...d.regions, EU: String(1_000_000_000 * (i + 1)) } }));
    await renderApp({ init: initPayload({ view: 'dashboard', snapshot: liveSnapshot({ rankings: rankingsView({ daily }) }) }), handlers });
    const rows = within(within(chart()).getByRole('table')).getAllByRole('row').slice(1);
    const header = within(within(chart()).getByRole('table')).getAllByRole('columnheader').map((th) => th.textContent);
    const us = header.indexOf('US');
    const eu = header.indexOf('Europe');
    expect(us).toBeGreaterThan(0);
    expect(eu).toBeGreaterThan(0);
    expect(rows[0]!.children[eu]!.textContent).toBe('1B');
    expect(rows[6]!.children[eu]!.textContent).toBe('7B');
    expect(rows[0]!.children[us]!.textContent).not.toBe(rows[0]!.children[eu]!.textContent);
    for (const [i, d] of daily.entries()) {
      expect(within(chart()).getByText(`US, ${['Jul 20', 'Jul 21', 'Jul 22', 'Jul 23', 'Jul 24', 'Jul 25', 'Jul 26'][i]}: ${formatTokensForTest(d.regions?.US)} tokens`)).toBeTruthy();
    }
  });

  it('a day without data is a gap in every line and "no data" in the table, never a zero', async () => {
    const daily = dailyRegionTokens().map((d, i): DailyRegionTokens => (i === 3 ? { date: d.date, regions: null, unattributed: null } : d));
    const rankings = rankingsView({
      daily,
      coverage: { requestedDays: 7, daysWithData: 6, firstDay: '2026-07-20', lastDay: '2026-07-26', missingDays: ['2026-07-23'], duplicateRows: 0, droppedRows: 0 },
    });
    await renderApp({ init: initPayload({ view: 'dashboard', snapshot: liveSnapshot({ rankings }) }), handlers });
    const svg = within(chart()).getByRole('img', { name: /^Daily tokens by region/ });
    expect(svg.getAttribute('aria-label')).toContain('1 of 7 days without data');
    const line = svg.querySelector('path.mr-line[data-region="US"]');
    const d = line?.getAttribute('d') ?? '';
    // Two runs: Jul 20-22 and Jul 24-26.
    expect(d.match(/M /g)).toHaveLength(2);
    expect(d.match(/L /g)).toHaveLength(4);
    expect(within(chart()).queryByText(/Jul 23: /)).toBeNull();
    const gapRow = within(within(chart()).getByRole('table')).getByRole('rowheader', { name: 'Jul 23' }).closest('tr');
    expect(gapRow?.textContent).toBe('Jul 23no data');
    expect(within(chart()).getByText('Data for 6 of 7 days (2026-07-20..2026-07-26); no data for 2026-07-23.')).toBeTruthy();
    expect(within(chart()).getByText(/shares are approximate/)).toBeTruthy();
  });
});

describe('dashboard: a window with no data at all', () => {
  it('draws no chart of zeros and says which days are missing', async () => {
    const daily = dailyRegionTokens().map((d): DailyRegionTokens => ({ date: d.date, regions: null, unattributed: null }));
    const rankings = rankingsView({
      daily,
      coverage: { requestedDays: 7, daysWithData: 0, firstDay: null, lastDay: null, missingDays: daily.map((d) => d.date), duplicateRows: 0, droppedRows: 0 },
    });
    await renderApp({ init: initPayload({ view: 'dashboard', snapshot: liveSnapshot({ rankings }) }), handlers });
    const chart = screen.getByRole('region', { name: 'Daily tokens by region' });
    expect(within(chart).queryByRole('img')).toBeNull();
    expect(within(chart).getByText('No daily figures in this window.')).toBeTruthy();
    expect(within(chart).getByText('No data for any of the 7 days asked.')).toBeTruthy();
  });
});

/** The webview's own token format for the figures above (3 significant digits, T/B). */
function formatTokensForTest(v: string | undefined): string {
  const n = Number(v);
  const [size, unit] = n >= 1e12 ? [1e12, 'T'] : [1e9, 'B'];
  return `${Number((n / size).toPrecision(3))}${unit}`;
}
