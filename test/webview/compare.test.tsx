import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RequestParams } from '../../src/shared/protocol';
import type { TokenMix } from '../../src/shared/types';
import { renderApp, type Handlers } from './support/fakeHost';
import { compareResult, initPayload, managementSnapshot, referencesView } from '../support/snapshotBuilders';

const ACTIVITY_MIX: TokenMix = { input: 4_212_000, output: 280_800, cacheRead: 0, source: 'activity' };
const CHEAPER: Record<string, string[]> = {
  'anthropic/claude-sonnet-4.5': ['deepseek/deepseek-v4-flash', 'xiaomi/mimo-v2.5', 'deepseek/deepseek-v4-pro'],
  'qwen/qwen3-coder': [],
};

function compareHandler(params: RequestParams<'compare/alternatives'>): ReturnType<typeof compareResult> {
  const mix: TokenMix = params.mix ? { ...params.mix, source: 'custom' } : ACTIVITY_MIX;
  return compareResult(params.modelId, CHEAPER[params.modelId] ?? [], mix);
}

const handlers: Handlers = {
  'compare/alternatives': compareHandler,
  'model/swap': () => ({ applied: true, message: 'Swapped in 2 files.' }),
};

function section(): HTMLElement {
  return screen.getByRole('region', { name: 'Compare' });
}

describe('Compare section', () => {
  it('asks the host for cheaper alternatives to the first of your models and shows the saving', async () => {
    const { host } = await renderApp({ handlers });
    expect(host.requests('compare/alternatives').map((r) => r.params)).toEqual([{ modelId: 'anthropic/claude-sonnet-4.5', mix: null, limit: 5 }]);
    const list = await within(section()).findByRole('list', { name: 'Cheaper alternatives to Anthropic: Claude Sonnet 4.5' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    // 4.212M in × $3 + 0.2808M out × $15 = $16.85; on V4 Flash: 4.212 × 0.14 + 0.2808 × 0.28 = $0.67.
    expect(within(section()).getByText('$16.85')).toBeTruthy();
    expect(items[0]!.textContent).toContain('DeepSeek: DeepSeek V4 Flash');
    expect(items[0]!.textContent).toContain('$0.67 saves $16.18 (−96%)');
    const mixSummary = within(section()).getByText('From your last 30 days of usage: 4.21M in, 281K out, 0 cache read.');
    // The mix from activity is a one-line summary; its fields wait behind the disclosure.
    expect((mixSummary.closest('details') as HTMLDetailsElement).open).toBe(false);
    expect(within(section()).getByText(/List prices; quality differs/)).toBeTruthy();
  });

  it('asks again when the host says the real token mix arrived, and shows the figures priced on it', async () => {
    let history = false;
    const HISTORY_MIX: TokenMix = { input: 9_000_000, output: 1_000_000, cacheRead: 0, source: 'history' };
    const { host } = await renderApp({
      handlers: { ...handlers, 'compare/alternatives': (p: RequestParams<'compare/alternatives'>) => compareResult(p.modelId, CHEAPER[p.modelId] ?? [], history ? HISTORY_MIX : ACTIVITY_MIX) },
    });
    expect(await within(section()).findByText('$16.85')).toBeTruthy();
    history = true;
    await host.push('workload/didChange', null);
    // 9M in × $3 + 1M out × $15 = $42.00 on the same model, the sidebar agreeing with the dashboard's history.
    expect(await within(section()).findByText('$42.00')).toBeTruthy();
    expect(host.requests('compare/alternatives')).toHaveLength(2);
  });

  it('switches model, remembers the choice, and asks again', async () => {
    const { host } = await renderApp({ handlers });
    await within(section()).findByRole('list', { name: /Cheaper alternatives/ });
    fireEvent.change(within(section()).getByRole('combobox', { name: 'Model to compare' }), { target: { value: 'qwen/qwen3-coder' } });
    expect(await within(section()).findByText('No cheaper model with a similar or better coding index.')).toBeTruthy();
    expect(host.requests('compare/alternatives').map((r) => r.params.modelId)).toEqual(['anthropic/claude-sonnet-4.5', 'qwen/qwen3-coder']);
    expect(host.state).toMatchObject({ compareModel: 'qwen/qwen3-coder' });
  });

  it('restores the chosen model from the saved UI state', async () => {
    const { host } = await renderApp({ handlers, state: { compareModel: 'qwen/qwen3-coder' } });
    expect(host.requests('compare/alternatives').map((r) => r.params.modelId)).toEqual(['qwen/qwen3-coder']);
  });

  it('prices a custom token mix, and can reset it', async () => {
    const { host } = await renderApp({ handlers });
    await within(section()).findByRole('list', { name: /Cheaper alternatives/ });
    fireEvent.change(within(section()).getByRole('textbox', { name: 'Input tokens' }), { target: { value: '1M' } });
    const custom = await within(section()).findByText('From your custom mix: 1M in, 281K out, 0 cache read.');
    // A custom mix stays open, so the user sees what they changed.
    expect((custom.closest('details') as HTMLDetailsElement).open).toBe(true);
    expect(host.requests('compare/alternatives').at(-1)?.params).toEqual({ modelId: 'anthropic/claude-sonnet-4.5', mix: { input: 1_000_000, output: 280_800, cacheRead: 0 }, limit: 5 });
    expect(host.state).toMatchObject({ customMix: { input: 1_000_000, output: 280_800, cacheRead: 0 } });
    fireEvent.click(within(section()).getByRole('button', { name: 'Reset mix' }));
    await within(section()).findByText(/^From your last 30 days of usage/);
    expect(host.state).toMatchObject({ customMix: null });
    // The fields show grouped figures, and read them back.
    expect((within(section()).getByRole('textbox', { name: 'Input tokens' }) as HTMLInputElement).value).toBe('4,212,000');
  });

  it('refuses a token count it cannot read, without asking the host', async () => {
    const { host } = await renderApp({ handlers });
    await within(section()).findByRole('list', { name: /Cheaper alternatives/ });
    const before = host.requests('compare/alternatives').length;
    const field = within(section()).getByRole('textbox', { name: 'Output tokens' });
    fireEvent.change(field, { target: { value: 'lots' } });
    expect(within(section()).getByRole('alert').textContent).toMatch(/Enter a whole number of tokens/);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(host.requests('compare/alternatives')).toHaveLength(before);
  });

  it('swaps to an alternative by model id and target id', async () => {
    const { host } = await renderApp({ handlers });
    const list = await within(section()).findByRole('list', { name: /Cheaper alternatives/ });
    fireEvent.click(within(list).getByRole('button', { name: 'Swap anthropic/claude-sonnet-4.5 for deepseek/deepseek-v4-flash' }));
    expect(host.requests('model/swap').map((r) => r.params)).toEqual([{ modelId: 'anthropic/claude-sonnet-4.5', targetId: 'deepseek/deepseek-v4-flash' }]);
    expect(await within(list).findByText('Swapped in 2 files.')).toBeTruthy();
  });

  it('shows a failed comparison with a Retry that asks again', async () => {
    let calls = 0;
    const { host } = await renderApp({
      handlers: {
        'compare/alternatives': (p) => (++calls === 1 ? { error: { kind: 'failed', message: 'prices are not loaded yet' } } : compareHandler(p)),
      },
    });
    expect(await within(section()).findByText('Could not compare: prices are not loaded yet')).toBeTruthy();
    fireEvent.click(within(section()).getByRole('button', { name: 'Retry' }));
    await within(section()).findByRole('list', { name: /Cheaper alternatives/ });
    expect(host.requests('compare/alternatives')).toHaveLength(2);
  });

  it('asks again when pushed prices change', async () => {
    const { host } = await renderApp({ handlers });
    await within(section()).findByRole('list', { name: /Cheaper alternatives/ });
    const snapshot = managementSnapshot();
    await host.push('snapshot/didChange', { ...snapshot, catalog: snapshot.catalog && { ...snapshot.catalog, asOf: '2026-07-29T10:00:00.000Z' } });
    await waitFor(() => expect(host.requests('compare/alternatives').length).toBeGreaterThanOrEqual(2));
  });

  it('without any model to compare says how to get one', async () => {
    await renderApp({ init: initPayload({ references: referencesView([]) }), handlers });
    expect(within(section()).getByText(/Reference an OpenRouter model in your config files/)).toBeTruthy();
  });
});
