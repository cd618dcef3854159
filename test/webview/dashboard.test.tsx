import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RequestParams } from '../../src/shared/protocol';
import { renderApp, type Handlers } from './support/fakeHost';
import { compareResult, initPayload, largeCatalog, liveSnapshot, managementSnapshot, noKeySnapshot, referencesView } from '../support/snapshotBuilders';

const handlers: Handlers = {
  'compare/alternatives': (p: RequestParams<'compare/alternatives'>) =>
    compareResult(p.modelId, p.modelId === 'anthropic/claude-sonnet-4.5' ? ['deepseek/deepseek-v4-flash'] : [], { input: 4_212_000, output: 280_800, cacheRead: 0, source: 'activity' }),
  'model/swap': () => ({ applied: true, message: 'Swapped.' }),
  'model/copyId': () => ({ copied: true }),
};

function catalog(): HTMLElement {
  return screen.getByRole('region', { name: 'Catalog' });
}

function rowIds(): string[] {
  return within(within(catalog()).getByRole('table'))
    .getAllByRole('rowheader')
    .map((th) => th.querySelector('code')?.textContent ?? '');
}

async function dashboard(snapshot = liveSnapshot(), extra: Partial<Parameters<typeof initPayload>[0]> = {}): Promise<Awaited<ReturnType<typeof renderApp>>> {
  return renderApp({ init: initPayload({ view: 'dashboard', snapshot, ...extra }), handlers });
}

describe('dashboard: catalog table', () => {
  it('pages 420 models 50 at a time', async () => {
    await dashboard(liveSnapshot({ catalog: largeCatalog(420) }));
    expect(rowIds()).toHaveLength(50);
    expect(within(catalog()).getByText(/^Showing 1–50 of 420 models\./)).toBeTruthy();
    fireEvent.click(within(catalog()).getByRole('button', { name: 'Next' }));
    expect(within(catalog()).getByText(/^Showing 51–100 of 420 models\./)).toBeTruthy();
    expect(within(catalog()).getByText('Page 2 of 9')).toBeTruthy();
  });

  it('sorts by weekly tokens by default, unknowns last', async () => {
    await dashboard();
    const ids = rowIds();
    expect(ids.slice(0, 3)).toEqual(['xiaomi/mimo-v2.5', 'deepseek/deepseek-v4-flash', 'tencent/hy3']);
    expect(ids.at(-1)).not.toBe('xiaomi/mimo-v2.5');
    const tokensHeader = within(catalog()).getByRole('columnheader', { name: /Weekly tokens/ });
    expect(tokensHeader.getAttribute('aria-sort')).toBe('descending');
  });

  it('sorts by input price ascending from its header, then descending', async () => {
    await dashboard();
    fireEvent.click(within(catalog()).getByRole('button', { name: /^\$\/1M in/ }));
    let ids = rowIds();
    expect(ids[0]).toBe('inclusionai/ling-3.0-flash:free');
    // The variable-priced router has no price and sorts last.
    expect(ids.at(-1)).toBe('openrouter/auto');
    fireEvent.click(within(catalog()).getByRole('button', { name: /^\$\/1M in/ }));
    ids = rowIds();
    expect(['anthropic/claude-opus-4.8', 'anthropic/claude-opus-4.7', 'openai/gpt-5.6-sol']).toContain(ids[0]);
    expect(ids.at(-1)).toBe('openrouter/auto');
  });

  it('filters by search, region, free and minimum context, and persists the filters', async () => {
    const { host, store } = await dashboard();
    fireEvent.input(within(catalog()).getByRole('searchbox', { name: 'Search models' }), { target: { value: 'deepseek' } });
    expect(rowIds().sort()).toEqual(['deepseek/deepseek-v4-flash', 'deepseek/deepseek-v4-pro']);
    fireEvent.input(within(catalog()).getByRole('searchbox', { name: 'Search models' }), { target: { value: '' } });
    fireEvent.change(within(catalog()).getByRole('combobox', { name: 'Region' }), { target: { value: 'EU' } });
    expect(rowIds()).toEqual(['mistralai/mistral-medium-3-5']);
    fireEvent.change(within(catalog()).getByRole('combobox', { name: 'Region' }), { target: { value: 'CN' } });
    fireEvent.click(within(catalog()).getByRole('checkbox', { name: 'Free only' }));
    expect(rowIds()).toEqual(['inclusionai/ling-3.0-flash:free']);
    fireEvent.click(within(catalog()).getByRole('checkbox', { name: 'Free only' }));
    fireEvent.change(within(catalog()).getByRole('combobox', { name: 'Minimum context' }), { target: { value: '1000000' } });
    expect(rowIds().every((id) => !['tencent/hy3', 'qwen/qwen3-coder', 'inclusionai/ling-3.0-flash:free'].includes(id))).toBe(true);
    expect(host.state).toMatchObject({ catalog: { region: 'CN', minContext: 1_000_000, free: false } });
    expect(store.get().catalog.region).toBe('CN');
    fireEvent.change(within(catalog()).getByRole('combobox', { name: 'Input modality' }), { target: { value: 'video' } });
    expect(rowIds().sort()).toEqual(['minimax/minimax-m3', 'xiaomi/mimo-v2.5']);
    fireEvent.click(within(catalog()).getByRole('button', { name: 'Reset' }));
    expect(rowIds()).toHaveLength(19);
  });

  it('says so when nothing matches', async () => {
    await dashboard();
    fireEvent.input(within(catalog()).getByRole('searchbox', { name: 'Search models' }), { target: { value: 'no-such-model' } });
    expect(within(catalog()).getByText(/No model matches these filters/)).toBeTruthy();
    expect(within(catalog()).queryByRole('table')).toBeNull();
  });

  it('marks your models and copies ids from a row', async () => {
    const { host } = await dashboard();
    const row = within(catalog()).getByRole('rowheader', { name: /Claude Sonnet 4\.5/ }).closest('tr') as HTMLElement;
    expect(row.textContent).toContain('(yours)');
    fireEvent.click(within(row).getByRole('button', { name: 'Copy id anthropic/claude-sonnet-4.5' }));
    expect(host.requests('model/copyId').map((r) => r.params)).toEqual([{ modelId: 'anthropic/claude-sonnet-4.5' }]);
    expect(await within(row).findByText('Copied')).toBeTruthy();
  });
});

describe('dashboard: price vs quality scatter', () => {
  function scatter(): HTMLElement {
    return screen.getByRole('region', { name: 'Price vs coding quality' });
  }

  it('plots models with a price and a coding index, explains the blend, and labels your models', async () => {
    await dashboard();
    const svg = within(scatter()).getByRole('group', { name: 'Price versus coding index scatter plot' });
    // 19 models: 5 lack a coding index (hy3, qwen3-coder, gemini-3-flash-preview, ling free, auto router).
    expect(svg.querySelectorAll('path.mr-point')).toHaveLength(14);
    expect(within(scatter()).getByText(/blended price per 1M tokens = \(3 × input \+ output\) ÷ 4, log scale/)).toBeTruthy();
    expect(within(scatter()).getByText(/Not plotted: 0 free, 5 without a price or coding index/)).toBeTruthy();
    expect(svg.querySelectorAll('.mr-point-yours')).toHaveLength(1);
    expect(within(svg as unknown as HTMLElement).getByText('Claude Sonnet 4.5')).toBeTruthy();
  });

  it('draws the value frontier and lists it in the table alternative', async () => {
    await dashboard();
    expect(within(scatter()).queryByRole('table')).toBeNull();
    const details = within(scatter()).getByText('Show the plotted models as a table').closest('details') as HTMLDetailsElement;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    const table = within(scatter()).getByRole('table');
    const frontier = within(table)
      .getAllByRole('row')
      .filter((r) => r.lastElementChild?.textContent === 'yes')
      .map((r) => r.querySelector('th')?.textContent);
    // MiMo-V2.5 and V4 Flash share the cheapest blended price ($0.175); MiMo scores higher, so only it is on the frontier.
    expect(frontier[0]).toBe('Xiaomi: MiMo-V2.5');
    expect(frontier).toContain('DeepSeek: DeepSeek V4 Pro');
    expect(frontier).toContain('Z.ai: GLM 5.2');
    expect(frontier).toContain('OpenAI: GPT-5.6 Sol');
    expect(frontier).not.toContain('DeepSeek: DeepSeek V4 Flash');
    expect(frontier).not.toContain('Anthropic: Claude Sonnet 4.5 (yours)');
    expect(within(scatter()).getByRole('group', { name: /scatter plot/ }).querySelector('path.mr-frontier')?.getAttribute('d')).toMatch(/^M [\d.]+ [\d.]+( L [\d.]+ [\d.]+)+$/);
  });

  it('steps through points with the keyboard and reads each one out', async () => {
    await dashboard();
    const svg = within(scatter()).getByRole('group', { name: 'Price versus coding index scatter plot' });
    expect(svg.getAttribute('tabindex')).toBe('0');
    fireEvent.keyDown(svg, { key: 'Home' });
    const readout = (): string => scatter().querySelector('.mr-chart-readout')?.textContent ?? '';
    expect(readout()).toBe('Xiaomi: MiMo-V2.5 (xiaomi/mimo-v2.5): $0.175 blended per 1M, coding index 56.8, China, on the value frontier.');
    fireEvent.keyDown(svg, { key: 'ArrowRight' });
    expect(readout()).toBe('DeepSeek: DeepSeek V4 Flash (deepseek/deepseek-v4-flash): $0.175 blended per 1M, coding index 56.2, China.');
    fireEvent.keyDown(svg, { key: 'End' });
    // The most expensive plotted model: GPT-5.6 Sol at (3 × 5 + 30) / 4 = $11.25.
    expect(readout()).toMatch(/^OpenAI: GPT-5\.6 Sol .*\$11\.25 blended per 1M, coding index 77\.4, US, on the value frontier\.$/);
    fireEvent.keyDown(svg, { key: 'Escape' });
    expect(readout()).toBe('Hover or focus a point to see the model.');
  });
});

describe('dashboard: daily tokens and savings', () => {
  it('draws CN and US daily lines with a table alternative', async () => {
    await dashboard();
    const section = screen.getByRole('region', { name: 'Daily tokens by region' });
    const chart = within(section).getByRole('img', { name: /^Daily tokens by region, Jul 20 to Jul 26\. Totals: China 30\.5T, US 6\.28T\.$/ });
    expect(chart.querySelectorAll('path.mr-line')).toHaveLength(2);
    const rows = within(within(section).getByRole('table')).getAllByRole('row');
    expect(rows).toHaveLength(8);
    expect(within(section).getByText(/as of Jul 26, 2026/)).toBeTruthy();
  });

  it('without a key the daily chart says it needs one', async () => {
    await dashboard(noKeySnapshot());
    const section = screen.getByRole('region', { name: 'Daily tokens by region' });
    expect(within(section).getByText(/Order only — add a key for token figures/)).toBeTruthy();
    expect(within(section).queryByRole('img')).toBeNull();
  });

  it('summarises the saving of switching your top model, with the caveat', async () => {
    const { host } = await dashboard(managementSnapshot());
    const section = screen.getByRole('region', { name: 'Savings' });
    const line = await within(section).findByText(/Switching/);
    expect(line.closest('li')?.textContent).toMatch(/^Switching Anthropic: Claude Sonnet 4\.5 → DeepSeek: DeepSeek V4 Flash on your last-30-day mix ≈ \$16\.85 → \$0\.67 \(−96%\)/);
    expect(within(section).getByText(/Quality differs between models/)).toBeTruthy();
    expect(host.requests('compare/alternatives').map((r) => r.params)).toEqual([
      { modelId: 'anthropic/claude-sonnet-4.5', mix: null, limit: 1 },
      { modelId: 'deepseek/deepseek-v4-flash', mix: null, limit: 1 },
      { modelId: 'qwen/qwen3-coder', mix: null, limit: 1 },
    ]);
    fireEvent.click(within(section).getByRole('button', { name: 'Swap anthropic/claude-sonnet-4.5 for deepseek/deepseek-v4-flash' }));
    expect(host.requests('model/swap').map((r) => r.params)).toEqual([{ modelId: 'anthropic/claude-sonnet-4.5', targetId: 'deepseek/deepseek-v4-flash' }]);
  });

  it('with nothing to compare says so', async () => {
    await dashboard(liveSnapshot(), { references: referencesView([]) });
    expect(within(screen.getByRole('region', { name: 'Savings' })).getByText(/Nothing to compare yet/)).toBeTruthy();
  });
});
