import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './support/fakeHost';
import { errorSnapshot, initPayload, liveSnapshot, loadingSnapshot, noKeySnapshot, rankingsView } from '../support/snapshotBuilders';

function leaders(): HTMLElement {
  return screen.getByRole('region', { name: 'Leaders' });
}

function rows(region: 'China' | 'US'): string[] {
  return within(within(leaders()).getByRole('list', { name: `Top ${region} models` }))
    .getAllByRole('listitem')
    .map((li) => li.textContent ?? '');
}

describe('Leaders section', () => {
  it('puts the top Chinese and US models side by side with tokens, change and price', async () => {
    await renderApp();
    const cn = rows('China');
    expect(cn).toHaveLength(5);
    expect(cn[0]).toBe('#1Xiaomi: MiMo-V2.510.5T ▲ +12%$0.14 / $0.28');
    expect(cn[2]).toBe('#3Tencent: Hy33.94T new$0.132 / $0.528');
    expect(cn[3]).toContain('▼ −10%');
    const us = rows('US');
    expect(us[0]).toBe('#7Anthropic: Claude Opus 4.81.44T ▼ −30%$5 / $25');
    expect(us).toHaveLength(5);
  });

  it('shows the regional share bar with a text alternative and the citation with as_of', async () => {
    await renderApp();
    const bar = within(leaders()).getByRole('img', { name: /^Share of tokens:/ });
    expect(bar.getAttribute('aria-label')).toMatch(/^Share of tokens: China 75%, US 15%, Unattributed 10%\.$/);
    expect(bar.querySelectorAll('rect')).toHaveLength(3);
    expect(within(leaders()).getByText('Source: OpenRouter (openrouter.ai/rankings), as of Jul 26, 2026.')).toBeTruthy();
    expect(within(leaders()).getByText(/Tokens served, Jul 20 – Jul 26, 2026/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Leaders\s*CN 75% · US 15%$/ })).toBeTruthy();
  });

  it('without a key shows the popularity order, clearly marked, with no token figures', async () => {
    const { host } = await renderApp({ init: initPayload({ snapshot: noKeySnapshot() }), handlers: { 'command/run': () => ({ ran: true }) } });
    expect(within(leaders()).getByText('Order only — add a key for token figures.')).toBeTruthy();
    expect(rows('China')[0]).toBe('#1Xiaomi: MiMo-V2.5$0.14 / $0.28');
    expect(within(leaders()).queryByText(/10\.5T/)).toBeNull();
    expect(within(leaders()).queryByRole('img', { name: /Share of tokens/ })).toBeNull();
    fireEvent.click(within(leaders()).getByRole('button', { name: 'Set API key' }));
    expect(host.requests('command/run').map((r) => r.params)).toEqual([{ command: 'setApiKey' }]);
  });

  it('follows the leadersTop setting', async () => {
    await renderApp({ init: initPayload({ settings: { budgetDaily: 0, budgetMonthly: 0, lowBalance: 0, leadersTop: 3 } }) });
    expect(rows('China')).toHaveLength(3);
    expect(rows('US')).toHaveLength(3);
  });

  it('loading with nothing cached shows a named progress indicator; a failure says so', async () => {
    const { host } = await renderApp({ init: initPayload({ snapshot: loadingSnapshot() }) });
    expect(within(leaders()).getByRole('progressbar', { name: 'Loading rankings…' })).toBeTruthy();
    await host.push('snapshot/didChange', errorSnapshot('offline', { rankings: null }));
    expect(within(leaders()).queryByRole('progressbar')).toBeNull();
    expect(within(leaders()).getByText(/Rankings could not be loaded/)).toBeTruthy();
  });

  it('keeps showing cached rankings while a refresh fails', async () => {
    await renderApp({ init: initPayload({ snapshot: errorSnapshot('rateLimited') }) });
    expect(rows('China')[0]).toContain('Xiaomi: MiMo-V2.5');
    expect(within(leaders()).queryByRole('progressbar')).toBeNull();
  });

  it('names models missing from the catalog by permaslug and prices them "—"', async () => {
    const base = rankingsView();
    const models = base.models.map((m, i) => (i === 0 ? { ...m, id: null, name: null } : m));
    await renderApp({ init: initPayload({ snapshot: liveSnapshot({ rankings: { ...base, models } }) }) });
    expect(rows('China')[0]).toBe('#1xiaomi/mimo-v2.5-2026042210.5T ▲ +12%—');
  });
});
