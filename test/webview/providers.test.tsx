// The dashboard's Providers section (issue #15 item 3): the models the workspace and the spend history name,
// nothing fetched until a model is opened, the table with the cheapest and the fastest marked, missing figures
// as "—", and every other state (loading, failure, rate limit, budget, unknown model, no providers, no models)
// said in words instead of a figure.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ProvidersResult, ReferencesView, Snapshot, TokenMix } from '../../src/shared/types';
import { parseEndpointsResponse } from '../../src/core/openrouter/endpointsSchema';
import { buildProvidersView } from '../../src/core/providers/view';
import { DEFAULT_MIX } from '../../src/core/market/compare';
import { buildEndpointsResponse, type EndpointRowOptions } from '../fake-openrouter/builders';
import { renderApp, NOW, type Handlers } from './support/fakeHost';
import { initPayload, liveSnapshot, managementSnapshot, modelRef, referencesView } from '../support/snapshotBuilders';

const QWEN = 'qwen/qwen3-coder';

function providers(modelId: string, rows: readonly EndpointRowOptions[], mix: TokenMix = DEFAULT_MIX): ProvidersResult {
  const parsed = parseEndpointsResponse(
    buildEndpointsResponse({ id: modelId, name: 'Qwen: Qwen3 Coder', created: 1, pricing: { prompt: '0.000001', completion: '0.000004' } }, rows),
  );
  if (!parsed.ok) throw new Error(parsed.message);
  return { status: 'ok', view: buildProvidersView({ modelId, endpointModel: modelId.replace(/:.*$/, ''), parsed: parsed.value, model: null, mix, fetchedAt: NOW - 2 * 60_000 }) };
}

const ROWS: EndpointRowOptions[] = [
  { provider: 'Steady', priceFactor: 1, latencyMs: 640, throughput: 62, uptime30m: 99.5, quantization: 'bf16' },
  { provider: 'Bargain', priceFactor: 0.5, latencyMs: 1500, throughput: 35, uptime30m: 97.25, quantization: 'fp8' },
  { provider: 'Rocket', priceFactor: 1.5, latencyMs: 210, throughput: 185, uptime30m: 99.9 },
  { provider: 'Quiet', priceFactor: 0.8, latencyMs: null, throughput: null, uptime30m: null },
];

const unavailable = (over: Partial<Extract<ProvidersResult, { status: 'unavailable' }>>): ProvidersResult => ({
  status: 'unavailable',
  modelId: QWEN,
  reason: 'failed',
  idError: null,
  cause: null,
  retryAt: null,
  ...over,
});

async function dashboard(handler: Handlers['providers/get'], snapshot: Snapshot = liveSnapshot(), references: ReferencesView = referencesView()) {
  return renderApp({ init: initPayload({ view: 'dashboard', snapshot, references }), handlers: { 'providers/get': handler, 'spend/history': () => ({ status: 'unavailable', reason: 'noManagementKey', cause: null }) } });
}

const section = (): HTMLElement => screen.getByRole('region', { name: 'Providers' });

function open(modelId: string): void {
  const item = section().querySelector(`li[data-model="${modelId}"]`);
  if (item === null) throw new Error(`no entry for ${modelId}`);
  const details = item.querySelector('details') as HTMLDetailsElement;
  details.open = true;
  fireEvent(details, new Event('toggle'));
}

describe('dashboard Providers section', () => {
  it('lists the workspace’s models and fetches nothing until one is opened', async () => {
    const { host } = await dashboard(() => providers(QWEN, ROWS));
    const entries = [...section().querySelectorAll('li[data-model]')].map((li) => li.getAttribute('data-model'));
    expect(entries).toEqual(expect.arrayContaining(['anthropic/claude-sonnet-4.5', QWEN]));
    expect(within(section()).getByText('2 of your models')).toBeTruthy();
    expect(host.requests('providers/get')).toHaveLength(0);
    open(QWEN);
    await within(section()).findByRole('table', { name: 'Providers of Qwen: Qwen3 Coder' });
    expect(host.requests('providers/get').map((r) => r.params)).toEqual([{ modelId: QWEN }]);
  });

  it('marks the cheapest on the mix and the fastest by throughput; a missing figure reads "—", never 0', async () => {
    await dashboard(() => providers(QWEN, ROWS));
    open(QWEN);
    const table = await within(section()).findByRole('table', { name: 'Providers of Qwen: Qwen3 Coder' });
    const row = (name: string): HTMLElement => within(table).getByRole('rowheader', { name: new RegExp(`^${name}`) }).closest('tr')!;
    expect(within(row('Bargain')).getByText('Cheapest')).toBeTruthy();
    expect(within(row('Rocket')).getByText('Fastest')).toBeTruthy();
    expect(within(table).getAllByText('Cheapest')).toHaveLength(1);
    expect(within(table).getAllByText('Fastest')).toHaveLength(1);
    // Bargain: $0.50 / $2 per 1M; 750K in + 250K out = $0.875.
    expect(within(row('Bargain')).getByText('$0.50 / $2')).toBeTruthy();
    expect(within(row('Bargain')).getByText('$0.88')).toBeTruthy();
    expect(within(row('Bargain')).getByText('1.5 s')).toBeTruthy();
    expect(within(row('Bargain')).getByText('35 tok/s')).toBeTruthy();
    expect(within(row('Bargain')).getByText('97%')).toBeTruthy();
    expect(within(row('Bargain')).getByText('fp8')).toBeTruthy();
    expect(within(row('Rocket')).getByText('210 ms')).toBeTruthy();
    const quiet = row('Quiet');
    expect(within(quiet).getAllByText('—').length).toBeGreaterThanOrEqual(4);
    expect(within(quiet).queryByText(/^0( ms| tok\/s|%)$/)).toBeNull();
    // The mix is named: no history here, so the default mix, said so.
    expect(within(table).getByRole('columnheader', { name: 'On the default mix' })).toBeTruthy();
    expect(within(section()).getByText(/a default mix \(3 input : 1 output tokens; no usage history\) would cost on each provider/)).toBeTruthy();
    expect(within(section()).getByText(/Fastest: highest median throughput \(tokens per second\) over the last 30 minutes/)).toBeTruthy();
    expect(within(section()).getByText(/fetched 2 min ago/)).toBeTruthy();
  });

  it('with the user’s own history mix, the column and the note say so', async () => {
    const mine: TokenMix = { input: 100_000, output: 900_000, cacheRead: 0, source: 'history', history: { model: QWEN, days: 30, source: 'analytics', spend: 4.2, cacheReadsReported: true } };
    await dashboard(() => providers(QWEN, ROWS, mine));
    open(QWEN);
    const table = await within(section()).findByRole('table');
    expect(within(table).getByRole('columnheader', { name: 'On your mix' })).toBeTruthy();
    expect(within(section()).getByText(/your last 30 days on this model would cost on each provider/)).toBeTruthy();
  });

  it('shows a loading state while the host answers', async () => {
    const { host } = await dashboard(() => providers(QWEN, ROWS));
    host.autoRespond = false;
    open(QWEN);
    expect(await within(section()).findByRole('progressbar', { name: `Loading providers of ${QWEN}…` })).toBeTruthy();
  });

  it('says when OpenRouter sent no performance figures, and when every provider ties', async () => {
    await dashboard(() => providers(QWEN, [{ provider: 'A', throughput: null, latencyMs: null }, { provider: 'B', throughput: null, latencyMs: null }]));
    open(QWEN);
    await within(section()).findByRole('table');
    expect(within(section()).getByText(/Every provider costs the same on this mix, so none is marked cheapest/)).toBeTruthy();
    expect(within(section()).getByText(/OpenRouter sent no throughput figures \(it sends latency and throughput only to requests with an API key\)/)).toBeTruthy();
    expect(within(section()).queryByText('Cheapest')).toBeNull();
    expect(within(section()).queryByText('Fastest')).toBeNull();
  });

  it('a model with no providers says so', async () => {
    await dashboard(() => providers(QWEN, []));
    open(QWEN);
    expect(await within(section()).findByText(`OpenRouter lists no providers for ${QWEN} right now.`)).toBeTruthy();
  });

  it.each([
    ['rate limited, with the wait', unavailable({ reason: 'rateLimited', cause: { kind: 'rateLimited', status: 429, retryAfterMs: 120_000, message: '/api/v1/models/qwen/qwen3-coder/endpoints: OpenRouter is rate-limiting requests (429).' }, retryAt: NOW + 120_000 }), /OpenRouter is rate-limiting requests .*Try again in 2 min\./],
    ['offline', unavailable({ reason: 'offline', cause: { kind: 'offline', message: 'could not reach OpenRouter (ECONNREFUSED).' } }), /OpenRouter could not be reached .*ECONNREFUSED.*No provider figure is shown rather than an old or guessed one/],
    ['unknown to OpenRouter (404)', unavailable({ reason: 'unknownModel', cause: { kind: 'notFound', status: 404, message: 'Not Found' } }), /OpenRouter does not know qwen\/qwen3-coder \(Not Found\): it may have been removed or renamed/],
    ['the hourly budget', unavailable({ reason: 'budget', retryAt: NOW + 25 * 60_000 }), /at most 30 provider tables an hour, and that is used up\. Try again in 25 min\./],
    ['a router', unavailable({ reason: 'badId', idError: 'router' }), /is a router: it sends each request to another model/],
    ['a server failure', unavailable({ reason: 'failed', cause: { kind: 'server', status: 502, message: 'OpenRouter had a server error (502).' } }), /Providers could not be read: OpenRouter had a server error \(502\)/],
  ])('%s: says what happened, with no figure', async (_name, result, text) => {
    await dashboard(() => result);
    open(QWEN);
    const note = await within(section()).findByTestId('providers-unavailable');
    expect(note.textContent).toMatch(text);
    expect(within(section()).queryByRole('table')).toBeNull();
  });

  it('a failed request is shown as an error, and Refresh asks the host past its cache', async () => {
    let calls = 0;
    const { host } = await dashboard(() => {
      calls++;
      return calls === 1 ? { error: { kind: 'failed', message: 'boom' } } : providers(QWEN, ROWS);
    });
    open(QWEN);
    expect((await within(section()).findByRole('alert')).textContent).toContain('Providers could not be loaded: boom');
    fireEvent.click(within(section()).getByRole('button', { name: `Refresh providers of ${QWEN}` }));
    await within(section()).findByRole('table');
    expect(host.requests('providers/get').at(-1)?.params).toEqual({ modelId: QWEN, refresh: true });
  });

  it('a malformed answer from the host paints no figure', async () => {
    await dashboard(() => ({ status: 'ok', view: { modelId: QWEN, providers: [{ provider: 'X', mixCost: 'cheap' }] } }) as unknown as ProvidersResult);
    open(QWEN);
    expect((await within(section()).findByRole('alert')).textContent).toMatch(/Providers could not be loaded: providers\/get: providers result: .* is invalid/);
  });

  it('models only the spend names are listed too; with none anywhere, the empty state says why', async () => {
    const spentOnly = managementSnapshot();
    await dashboard(() => providers(QWEN, ROWS), spentOnly, referencesView([]));
    const ids = [...section().querySelectorAll('li[data-model]')].map((li) => li.getAttribute('data-model'));
    expect(ids.length).toBeGreaterThan(0);
    expect(within(section()).getAllByText('in your spend history').length).toBe(ids.length);
  });

  it('no models: the empty state', async () => {
    await dashboard(() => providers(QWEN, ROWS), liveSnapshot(), referencesView([]));
    expect(within(section()).getByTestId('providers-empty').textContent).toMatch(/No models yet: none is named in this workspace’s config files, and the spend history names none/);
  });

  it('variants of one model are one entry; a model not in the catalog is said so and not fetched', async () => {
    const refs = referencesView([modelRef(QWEN, { refId: 'r1' }), modelRef(`${QWEN}:nitro`, { refId: 'r2', modelId: QWEN }), modelRef('acme/unknown-model', { refId: 'r3', known: false, modelId: null })]);
    const { host } = await dashboard(() => providers(QWEN, ROWS), liveSnapshot(), refs);
    const ids = [...section().querySelectorAll('li[data-model]')].map((li) => li.getAttribute('data-model'));
    expect(ids).toEqual([QWEN, 'acme/unknown-model']);
    open('acme/unknown-model');
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
    expect(within(section()).getByText('acme/unknown-model is not in the OpenRouter catalog, so it has no providers to list.')).toBeTruthy();
    await waitFor(() => expect(host.requests('providers/get')).toHaveLength(0));
  });

  it('the hover’s "Providers" link: the host’s focus opens that model and loads it, even with the section folded', async () => {
    const { host, store } = await dashboard(() => providers(QWEN, ROWS));
    store.update((st) => ({ ...st, collapsed: { ...st.collapsed, providers: true } }));
    await host.push('providers/focus', { modelId: QWEN });
    const table = await within(section()).findByRole('table', { name: 'Providers of Qwen: Qwen3 Coder' });
    expect(table.closest('li')?.getAttribute('data-focused')).toBe('true');
    expect(host.requests('providers/get').map((r) => r.params)).toEqual([{ modelId: QWEN }]);
  });

  it('a focus on a model in neither list adds it first, said to come from the editor', async () => {
    const { host } = await dashboard(() => providers('deepseek/deepseek-v4-flash', ROWS));
    await host.push('providers/focus', { modelId: 'deepseek/deepseek-v4-flash' });
    const first = section().querySelector('li[data-model]');
    expect(first?.getAttribute('data-model')).toBe('deepseek/deepseek-v4-flash');
    expect(within(first as HTMLElement).getByText('opened from the editor')).toBeTruthy();
    await waitFor(() => expect(host.requests('providers/get').map((r) => r.params.modelId)).toEqual(['deepseek/deepseek-v4-flash']));
  });
});
