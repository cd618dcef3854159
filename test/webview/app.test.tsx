import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './support/fakeHost';
import { initPayload, liveSnapshot, loadingSnapshot, referencesView, settings } from '../support/snapshotBuilders';

describe('handshake and first paint', () => {
  it('says ready once and paints the init snapshot without any request', async () => {
    const { host } = await renderApp();
    expect(host.sent.filter((m) => m.type === 'ready')).toHaveLength(1);
    expect(host.sent[0]).toEqual({ type: 'ready' });
    expect(screen.getByRole('region', { name: 'Spend' })).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Leaders' })).getByText('Xiaomi: MiMo-V2.5')).toBeTruthy();
    // Everything came with init: no snapshot/get or references/get round trip (only Compare asks for its own result).
    expect(host.requests('snapshot/get')).toEqual([]);
    expect(host.requests('references/get')).toEqual([]);
    expect(host.sent.filter((m) => m.type === 'request').map((m) => (m.type === 'request' ? m.method : ''))).toEqual(['compare/alternatives']);
  });

  it('shows no loading text before init arrives', async () => {
    const { container, host } = await renderApp({ init: null });
    expect(container.textContent).toBe('');
    expect(screen.queryByRole('progressbar')).toBeNull();
    await host.push('init', initPayload());
    expect(screen.getByRole('region', { name: 'Leaders' })).toBeTruthy();
  });

  it('reports first content once, when the Leaders show data', async () => {
    const { host } = await renderApp({ init: initPayload({ snapshot: loadingSnapshot() }) });
    expect(host.telemetry()).toEqual([]);
    await host.push('snapshot/didChange', liveSnapshot());
    const t = host.telemetry();
    expect(t).toHaveLength(1);
    expect(t[0]!.event).toBe('firstContent');
    expect(t[0]!.ms).toBeGreaterThanOrEqual(0);
    await host.push('snapshot/didChange', liveSnapshot());
    expect(host.telemetry()).toHaveLength(1);
  });

  it('asks for the snapshot itself when the host never sends init', async () => {
    const { host } = await renderApp({
      init: null,
      handlers: { 'snapshot/get': () => liveSnapshot(), 'references/get': () => referencesView() },
    });
    await act(async () => {
      await new Promise((r) => setTimeout(r, 1600));
    });
    expect(host.requests('snapshot/get')).toHaveLength(1);
    expect(host.requests('references/get')).toHaveLength(1);
    expect(await screen.findByRole('region', { name: 'Leaders' })).toBeTruthy();
  });

  it('renders the dashboard when init says so', async () => {
    await renderApp({ init: initPayload({ view: 'dashboard' }) });
    expect(screen.getByRole('heading', { name: 'Model Radar' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Catalog' })).toBeTruthy();
    // The dashboard's own Spend section (the account's history by model), not the sidebar's.
    expect(screen.getByRole('region', { name: 'Spend' }).classList.contains('mr-spend-history')).toBe(true);
  });

  it('applies pushed settings and references', async () => {
    const { host } = await renderApp();
    const leaders = screen.getByRole('region', { name: 'Leaders' });
    expect(within(leaders).getByRole('list', { name: 'Top China models' }).querySelectorAll('li')).toHaveLength(5);
    await host.push('settings/didChange', settings({ leadersTop: 2 }));
    expect(within(leaders).getByRole('list', { name: 'Top China models' }).querySelectorAll('li')).toHaveLength(2);
    await host.push('references/didChange', referencesView([]));
    const models = screen.getByRole('region', { name: 'Your models' });
    expect(within(models).getByText(/No OpenRouter model ids found/)).toBeTruthy();
  });
});
