// What the key may use, in the views: Compare marks cheaper models the key may not use and offers no Swap for them,
// Savings never suggests one as the saving, both say when the check has not run and why, and a change in what the
// key may use asks for the comparison again. Presets read as presets, not as ids missing from the catalog.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RequestParams } from '../../src/shared/protocol';
import type { AllowedModelsState, CompareResult, TokenMix } from '../../src/shared/types';
import { renderApp, type Handlers } from './support/fakeHost';
import { compareResult, initPayload, managementSnapshot, modelRef, referencesView } from '../support/snapshotBuilders';

const MIX: TokenMix = { input: 4_212_000, output: 280_800, cacheRead: 0, source: 'activity' };
const NOT_FLASH: AllowedModelsState = { status: 'known', fetchedAt: Date.parse('2026-07-29T09:00:00Z'), allowedCount: 120, notAllowed: ['deepseek/deepseek-v4-flash'], error: null };

/** As core answers: the models the key may use first, the excluded after them, marked. */
function marked(modelId: string, allowed: string[], excluded: string[]): CompareResult {
  const result = compareResult(modelId, [...allowed, ...excluded], MIX);
  result.alternatives = result.alternatives.map((a) => (excluded.includes(a.id) ? { ...a, notAllowed: true } : a));
  return result;
}

function handlers(answer: (p: RequestParams<'compare/alternatives'>) => CompareResult): Handlers {
  return { 'compare/alternatives': answer, 'model/swap': () => ({ applied: true, message: 'Swapped.' }) };
}

const compareRegion = (): HTMLElement => screen.getByRole('region', { name: 'Compare' });
const savingsRegion = (): HTMLElement => screen.getByRole('region', { name: 'Savings' });

describe('Compare', () => {
  it('lists the models the key may use, then the excluded ones apart, marked, without Swap', async () => {
    await renderApp({
      init: initPayload({ snapshot: managementSnapshot({ allowedModels: NOT_FLASH }) }),
      handlers: handlers((p) => marked(p.modelId, ['xiaomi/mimo-v2.5', 'deepseek/deepseek-v4-pro'], ['deepseek/deepseek-v4-flash'])),
    });
    const usable = await within(compareRegion()).findByRole('list', { name: 'Cheaper alternatives to Anthropic: Claude Sonnet 4.5' });
    expect(within(usable).getAllByRole('listitem').map((li) => li.textContent)).toEqual([expect.stringContaining('MiMo'), expect.stringContaining('DeepSeek V4 Pro')]);
    const excluded = within(compareRegion()).getByRole('list', { name: 'Cheaper, but not allowed by this key’s settings' });
    const [flash] = within(excluded).getAllByRole('listitem');
    expect(flash!.textContent).toContain('DeepSeek: DeepSeek V4 Flash');
    expect(within(flash!).getByText('not allowed by this key’s settings').getAttribute('title')).toMatch(/guardrails, provider preferences or privacy settings/);
    expect(within(flash!).queryByRole('button')).toBeNull();
    expect(within(compareRegion()).queryByRole('button', { name: /for deepseek\/deepseek-v4-flash$/ })).toBeNull();
    expect(within(compareRegion()).queryByText(/Not checked/)).toBeNull();
  });

  it('only excluded models are cheaper: says none the key may use is, and still shows them marked', async () => {
    await renderApp({
      init: initPayload({ snapshot: managementSnapshot({ allowedModels: NOT_FLASH }) }),
      handlers: handlers((p) => marked(p.modelId, [], ['deepseek/deepseek-v4-flash'])),
    });
    expect(await within(compareRegion()).findByText('No cheaper model with a similar or better coding index that this key may use.')).toBeTruthy();
    expect(within(compareRegion()).getByRole('list', { name: 'Cheaper, but not allowed by this key’s settings' })).toBeTruthy();
  });

  it('while the check has not run: nothing marked, and it says why', async () => {
    await renderApp({
      init: initPayload({ snapshot: managementSnapshot({ allowedModels: { status: 'unknown', reason: 'failed', error: { kind: 'unauthorized', message: 'x', status: 401 } } }) }),
      handlers: handlers((p) => marked(p.modelId, ['deepseek/deepseek-v4-flash'], [])),
    });
    await within(compareRegion()).findByRole('list', { name: /Cheaper alternatives/ });
    expect(within(compareRegion()).getByText('Not checked which models your key may use: OpenRouter rejected the API key.')).toBeTruthy();
    expect(within(compareRegion()).queryByText('not allowed by this key’s settings')).toBeNull();
  });

  it('asks again when what the key may use changes', async () => {
    const snapshot = managementSnapshot({ allowedModels: { status: 'unknown', reason: 'pending', error: null } });
    const { host } = await renderApp({ init: initPayload({ snapshot }), handlers: handlers((p) => marked(p.modelId, ['deepseek/deepseek-v4-flash'], [])) });
    await within(compareRegion()).findByRole('list', { name: /Cheaper alternatives/ });
    const before = host.requests('compare/alternatives').length;
    await host.push('snapshot/didChange', { ...snapshot, allowedModels: NOT_FLASH });
    expect(host.requests('compare/alternatives').length).toBe(before + 1);
  });
});

describe('Savings', () => {
  const dashboard = (allowedModels: AllowedModelsState, answer: (p: RequestParams<'compare/alternatives'>) => CompareResult) =>
    renderApp({ init: initPayload({ view: 'dashboard', snapshot: managementSnapshot({ allowedModels }) }), handlers: handlers(answer) });

  it('never suggests an excluded model as the saving: the line names it as not allowed, with no Swap', async () => {
    await dashboard(NOT_FLASH, (p) => (p.modelId === 'anthropic/claude-sonnet-4.5' ? marked(p.modelId, [], ['deepseek/deepseek-v4-flash']) : marked(p.modelId, [], [])));
    const line = (await within(savingsRegion()).findByText(/is not allowed by this key’s settings/)).closest('li')!;
    expect(line.textContent).toContain('Anthropic: Claude Sonnet 4.5: the cheaper DeepSeek: DeepSeek V4 Flash is not allowed by this key’s settings, so there is no saving to suggest.');
    expect(within(line).queryByRole('button')).toBeNull();
    expect(within(savingsRegion()).queryByText(/Switching .*DeepSeek V4 Flash/)).toBeNull();
  });

  it('the saving is the cheapest model the key may use', async () => {
    await dashboard(NOT_FLASH, (p) => (p.modelId === 'anthropic/claude-sonnet-4.5' ? marked(p.modelId, ['deepseek/deepseek-v4-pro'], ['deepseek/deepseek-v4-flash']) : marked(p.modelId, [], [])));
    const line = (await within(savingsRegion()).findByText(/Switching/)).closest('li')!;
    expect(line.textContent).toMatch(/Anthropic: Claude Sonnet 4\.5 → DeepSeek: DeepSeek V4 Pro/);
    expect(within(line).getByRole('button', { name: 'Swap anthropic/claude-sonnet-4.5 for deepseek/deepseek-v4-pro' })).toBeTruthy();
  });

  it('says when the check has not run', async () => {
    await dashboard({ status: 'unknown', reason: 'managementKeyOnly', error: null }, (p) => marked(p.modelId, [], []));
    expect(within(savingsRegion()).getByText(/^Not checked which models your key may use: only a management key is set/)).toBeTruthy();
  });
});

describe('presets', () => {
  it('"@preset/coding" is tagged as a preset in Your models, not as an id missing from the catalog', async () => {
    const refs = referencesView([
      modelRef('@preset/coding', { refId: 'p1', raw: '@preset/coding', known: false, modelId: null, preset: 'coding' }),
      modelRef('nobody/not-a-model', { refId: 'p2', known: false, modelId: null }),
    ]);
    await renderApp({ init: initPayload({ snapshot: managementSnapshot({ activity: null }), references: refs }), handlers: handlers((p) => marked(p.modelId, [], [])) });
    const yours = screen.getByRole('region', { name: 'Your models' });
    const preset = within(yours).getByRole('listitem', { name: '@preset/coding' });
    expect(within(preset).getByText('preset').getAttribute('title')).toContain('the preset coding in your OpenRouter settings picks the model');
    expect(within(preset).queryByText('not in catalog')).toBeNull();
    const unknown = within(yours).getByRole('listitem', { name: 'nobody/not-a-model' });
    expect(within(unknown).getByText('not in catalog')).toBeTruthy();
  });
});
