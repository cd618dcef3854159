import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, NOW } from './support/fakeHost';
import { errorInfo, errorSnapshot, initPayload, liveSnapshot, resources, staleSnapshot } from '../support/snapshotBuilders';

function banner(id: string): HTMLElement {
  const el = document.querySelector(`[data-banner="${id}"]`);
  if (!el) throw new Error(`no ${id} banner`);
  return el as HTMLElement;
}

describe('banners', () => {
  it('none when everything is fresh', async () => {
    await renderApp();
    expect(document.querySelector('[data-banner]')).toBeNull();
  });

  it('stale data: age and Retry, no spinner over cached data', async () => {
    const { host } = await renderApp({ init: initPayload({ snapshot: staleSnapshot(NOW - 3 * 3600_000) }), handlers: { 'command/run': () => ({ ran: true }) } });
    const b = banner('stale');
    expect(b.textContent).toContain('Prices, rankings and key usage are out of date.');
    expect(b.textContent).toContain('Last updated 3 h ago.');
    // Only the compare request (nothing cached for it) may show progress; cached sections do not.
    expect(screen.queryAllByRole('progressbar').map((p) => p.getAttribute('aria-label'))).toEqual(expect.not.arrayContaining(['Loading spend…', 'Loading rankings…']));
    expect(within(screen.getByRole('region', { name: 'Leaders' })).queryByRole('progressbar')).toBeNull();
    expect(within(screen.getByRole('region', { name: 'Spend' })).queryByRole('progressbar')).toBeNull();
    fireEvent.click(within(b).getByRole('button', { name: 'Retry' }));
    expect(host.requests('command/run').map((r) => r.params)).toEqual([{ command: 'refresh' }]);
  });

  it('a rejected key says so and offers Set key and the log', async () => {
    const { host } = await renderApp({ init: initPayload({ snapshot: errorSnapshot('unauthorized') }), handlers: { 'command/run': () => ({ ran: true }) } });
    const b = banner('unauthorized');
    expect(b.getAttribute('role')).toBe('alert');
    expect(b.textContent).toContain('OpenRouter rejected your API key.');
    expect(b.textContent).toContain('Showing data from 30 min ago.');
    fireEvent.click(within(b).getByRole('button', { name: 'Set key' }));
    fireEvent.click(within(b).getByRole('button', { name: 'Open log' }));
    expect(host.requests('command/run').map((r) => r.params.command)).toEqual(['setApiKey', 'showLog']);
    // The failing resources are explained by this banner, not repeated as "stale".
    expect(document.querySelector('[data-banner="stale"]')).toBeNull();
  });

  it('offline: calm notice with the age of what is shown', async () => {
    await renderApp({ init: initPayload({ snapshot: errorSnapshot('offline') }) });
    const b = banner('offline');
    expect(b.getAttribute('role')).toBe('status');
    expect(b.textContent).toContain('Offline: openrouter.ai cannot be reached.');
    expect(within(b).getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('blocked by the browser (web host): an alert that names the browser, with retry and the log, never an empty view', async () => {
    const { host } = await renderApp({
      init: initPayload({ snapshot: liveSnapshot({ resources: resources({}, { models: { error: errorInfo('blocked'), fetchedAt: null }, key: { error: errorInfo('blocked') } }) }) }),
      handlers: { 'command/run': () => ({ ran: true }) },
    });
    const b = banner('blocked');
    expect(b.getAttribute('role')).toBe('alert');
    expect(b.textContent).toContain('Your browser blocked the request for prices and key usage.');
    expect(b.textContent).toContain('The browser refused the cross-origin request to OpenRouter');
    expect(document.querySelector('[data-banner="offline"]')).toBeNull();
    fireEvent.click(within(b).getByRole('button', { name: 'Retry' }));
    expect(host.requests('command/run').map((r) => r.params)).toEqual([{ command: 'refresh' }]);
  });

  it('out of credits tells the user what to do', async () => {
    await renderApp({ init: initPayload({ snapshot: errorSnapshot('paymentRequired') }) });
    const b = banner('paymentRequired');
    expect(b.textContent).toContain('Your OpenRouter account is out of credits.');
    expect(b.textContent).toContain('Add credits on openrouter.ai, then retry.');
    expect(within(b).getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('rate limiting says when it retries', async () => {
    const snapshot = liveSnapshot({ resources: resources({}, { rankings: { error: errorInfo('rateLimited', { retryAfterMs: 42_000 }), stale: true } }) });
    await renderApp({ init: initPayload({ snapshot }) });
    expect(banner('rateLimited').textContent).toContain('OpenRouter is rate-limiting rankings.');
    expect(banner('rateLimited').textContent).toContain('Retrying in 42 s.');
  });

  it('a management-only failure points at the management key', async () => {
    const snapshot = liveSnapshot({ keys: { inference: 'stored', management: true }, resources: resources({}, { credits: { error: errorInfo('unauthorized') }, activity: { error: errorInfo('unauthorized') } }) });
    await renderApp({ init: initPayload({ snapshot }) });
    const b = banner('unauthorized');
    expect(b.textContent).toContain('Your management key was rejected.');
    expect(within(b).getByRole('button', { name: 'Set management key' })).toBeTruthy();
  });

  it('orders several problems by what the user must act on first', async () => {
    const snapshot = liveSnapshot({
      resources: resources({}, { models: { error: errorInfo('server') }, key: { error: errorInfo('unauthorized') }, rankings: { error: errorInfo('offline') } }),
    });
    await renderApp({ init: initPayload({ snapshot }) });
    expect([...document.querySelectorAll('[data-banner]')].map((b) => b.getAttribute('data-banner'))).toEqual(['unauthorized', 'offline', 'server']);
  });

  it('ignores cancelled requests', async () => {
    const snapshot = liveSnapshot({ resources: resources({}, { models: { error: errorInfo('cancelled') } }) });
    await renderApp({ init: initPayload({ snapshot }) });
    expect(document.querySelector('[data-banner]')).toBeNull();
  });
});
