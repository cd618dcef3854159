import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './support/fakeHost';
import { initPayload, liveSnapshot, managementSnapshot, modelRef, orderOnlyRankings, referencesView } from '../support/snapshotBuilders';

function section(): HTMLElement {
  return screen.getByRole('region', { name: 'Your models' });
}

function item(name: string): HTMLElement {
  return within(section()).getByRole('listitem', { name });
}

/** Facts sit behind each row's Details toggle, as a user would find them. */
function fact(container: HTMLElement, label: string): string {
  const toggle = within(container).getByRole('button', { name: /^Details of / });
  if (toggle.getAttribute('aria-expanded') !== 'true') fireEvent.click(toggle);
  return within(container).getByText(label, { selector: 'dt' }).nextElementSibling?.textContent ?? '';
}

async function renderFlashRanked(): Promise<HTMLElement> {
  await renderApp({ init: initPayload({ references: referencesView([modelRef('deepseek/deepseek-v4-flash')]) }) });
  return within(section()).getByRole('listitem', { name: 'DeepSeek: DeepSeek V4 Flash' });
}

describe('Your models section', () => {
  it('lists referenced models with prices, context, lab, weekly rank and coding index', async () => {
    await renderApp();
    const sonnet = item('Anthropic: Claude Sonnet 4.5');
    expect(fact(sonnet, '$/1M in / out')).toBe('$3 / $15 · cache read $0.30/1M');
    expect(fact(sonnet, 'Context')).toBe('1M');
    expect(fact(sonnet, 'Lab')).toBe('US · Anthropic');
    expect(fact(sonnet, 'Coding index')).toBe('52.1');
    // Not in this week's top list.
    expect(fact(sonnet, 'This week')).toBe('—');
    expect(within(sonnet).getAllByRole('button', { name: /^Go to reference/ }).map((b) => b.textContent)).toEqual(['.continue/config.yaml:12', 'opencode.json:5']);
    const qwen = item('Qwen: Qwen3 Coder 480B A35B');
    expect(fact(qwen, 'Coding index')).toBe('—');
  });

  it('shows each model as a compact row: short name, one meta line, reference links, icon actions with names and tooltips', async () => {
    await renderApp();
    const sonnet = item('Anthropic: Claude Sonnet 4.5');
    expect(sonnet.querySelector('.mr-model-name')?.textContent).toBe('Claude Sonnet 4.5');
    expect(sonnet.querySelector('.mr-model-name')?.getAttribute('title')).toBe('Anthropic: Claude Sonnet 4.5\nanthropic/claude-sonnet-4.5');
    // Region as text ("US", full name for screen readers), not colour only.
    expect(sonnet.querySelector('.mr-model-meta')?.textContent).toBe('$3 / $15 per 1M · US Anthropic · coding 52.1');
    const actions = within(sonnet).getAllByRole('button').filter((b) => b.classList.contains('mr-icon-button'));
    expect(actions.map((b) => [b.getAttribute('aria-label'), b.getAttribute('title')])).toEqual([
      ['Swap anthropic/claude-sonnet-4.5…', 'Swap for another model…'],
      ['Copy id anthropic/claude-sonnet-4.5', 'Copy id'],
      ['Open anthropic/claude-sonnet-4.5 on openrouter.ai', 'Open on openrouter.ai'],
      ['Details of anthropic/claude-sonnet-4.5', 'Details'],
    ]);
    const details = within(sonnet).getByRole('button', { name: 'Details of anthropic/claude-sonnet-4.5' });
    expect(details.getAttribute('aria-expanded')).toBe('false');
    expect(within(sonnet).queryByText('Context', { selector: 'dt' })).toBeNull();
    fireEvent.click(details);
    expect(details.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(details.getAttribute('aria-controls') ?? '')?.hidden).toBe(false);
    expect(within(sonnet).getByText('anthropic/claude-sonnet-4.5', { selector: 'code' })).toBeTruthy();
  });

  it('the meta line carries the weekly rank and the region code, with the region name for screen readers', async () => {
    const flash = await renderFlashRanked();
    expect(flash.querySelector('.mr-model-meta')?.textContent).toBe('$0.14 / $0.28 per 1M · CNChina DeepSeek · #2 · coding 56.2');
    expect(flash.querySelector('.mr-visually-hidden')?.textContent).toBe('China');
  });

  it('folds a long list to its first four models, so the leaders stay within reach', async () => {
    const ids = ['anthropic/claude-sonnet-4.5', 'qwen/qwen3-coder', 'deepseek/deepseek-v4-flash', 'deepseek/deepseek-v4-pro', 'z-ai/glm-5.2', 'x-ai/grok-4.5'];
    await renderApp({ init: initPayload({ references: referencesView(ids.map((id, i) => modelRef(id, { refId: `r${i}`, line: i + 1 }))) }) });
    const rowsShown = (): number => within(section()).getAllByRole('listitem').filter((li) => li.classList.contains('mr-model')).length;
    expect(rowsShown()).toBe(4);
    const more = within(section()).getByRole('button', { name: 'Show all (6)' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(rowsShown()).toBe(6);
    fireEvent.click(within(section()).getByRole('button', { name: 'Show fewer' }));
    expect(rowsShown()).toBe(4);
  });

  it('does not fold five models', async () => {
    const ids = ['anthropic/claude-sonnet-4.5', 'qwen/qwen3-coder', 'deepseek/deepseek-v4-flash', 'deepseek/deepseek-v4-pro', 'z-ai/glm-5.2'];
    await renderApp({ init: initPayload({ references: referencesView(ids.map((id, i) => modelRef(id, { refId: `r${i}`, line: i + 1 }))) }) });
    expect(within(section()).getAllByRole('listitem').filter((li) => li.classList.contains('mr-model'))).toHaveLength(5);
    expect(within(section()).queryByRole('button', { name: /^Show all/ })).toBeNull();
  });

  it('includes models used in the last 30 days, spend first', async () => {
    await renderApp({ init: initPayload({ snapshot: managementSnapshot(), references: referencesView([]) }) });
    const names = within(section())
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('mr-model'))
      .map((li) => li.getAttribute('aria-label'));
    expect(names).toEqual(['Anthropic: Claude Sonnet 4.5', 'DeepSeek: DeepSeek V4 Flash', 'Qwen: Qwen3 Coder 480B A35B']);
    const flash = item('DeepSeek: DeepSeek V4 Flash');
    expect(fact(flash, 'This week')).toBe('#2 · 6.37T tokens');
    expect(fact(flash, 'Last 30 days')).toMatch(/^\$\d+\.\d\d · [\d,]+ requests$/);
    // No references: nothing to swap, but the id can still be copied.
    expect(within(flash).queryByRole('button', { name: /^Swap/ })).toBeNull();
    expect(within(flash).getByRole('button', { name: 'Copy id deepseek/deepseek-v4-flash' })).toBeTruthy();
  });

  it('shows the popularity rank only in order-only mode', async () => {
    await renderApp({ init: initPayload({ snapshot: liveSnapshot({ rankings: orderOnlyRankings() }), references: referencesView([modelRef('deepseek/deepseek-v4-flash')]) }) });
    expect(fact(item('DeepSeek: DeepSeek V4 Flash'), 'This week')).toBe('#2 by popularity');
  });

  it('posts typed actions that name a model id or a refId, never a path', async () => {
    const { host } = await renderApp({
      handlers: {
        'model/swap': () => ({ applied: true, message: 'Replaced 2 references.' }),
        'model/copyId': () => ({ copied: true }),
        'model/openOnWeb': () => ({ opened: true }),
        'reference/reveal': () => ({ revealed: true }),
      },
    });
    const sonnet = item('Anthropic: Claude Sonnet 4.5');
    fireEvent.click(within(sonnet).getByRole('button', { name: 'Swap anthropic/claude-sonnet-4.5…' }));
    fireEvent.click(within(sonnet).getByRole('button', { name: 'Copy id anthropic/claude-sonnet-4.5' }));
    fireEvent.click(within(sonnet).getByRole('button', { name: 'Open anthropic/claude-sonnet-4.5 on openrouter.ai' }));
    fireEvent.click(within(sonnet).getByRole('button', { name: 'Go to reference opencode.json:5' }));
    // Swapping one reference of several is a detail: it sits behind the row's Details toggle.
    expect(within(sonnet).queryByRole('button', { name: /^Swap anthropic\/claude-sonnet-4\.5 in / })).toBeNull();
    fireEvent.click(within(sonnet).getByRole('button', { name: 'Details of anthropic/claude-sonnet-4.5' }));
    fireEvent.click(within(sonnet).getByRole('button', { name: 'Swap anthropic/claude-sonnet-4.5 in .continue/config.yaml:12…' }));
    expect(host.requests('model/swap').map((r) => r.params)).toEqual([{ modelId: 'anthropic/claude-sonnet-4.5' }, { modelId: 'anthropic/claude-sonnet-4.5', refId: 'r1' }]);
    expect(host.requests('model/copyId').map((r) => r.params)).toEqual([{ modelId: 'anthropic/claude-sonnet-4.5' }]);
    expect(host.requests('model/openOnWeb').map((r) => r.params)).toEqual([{ modelId: 'anthropic/claude-sonnet-4.5' }]);
    expect(host.requests('reference/reveal').map((r) => r.params)).toEqual([{ refId: 'r3' }]);
    await waitFor(() => expect(within(sonnet).getAllByText('Replaced 2 references.')).toHaveLength(2));
  });

  it('shows why an action failed', async () => {
    await renderApp({ handlers: { 'model/swap': () => ({ error: { kind: 'refused', message: 'This workspace is not trusted, so files are not edited.' } }) } });
    const qwen = item('Qwen: Qwen3 Coder 480B A35B');
    fireEvent.click(within(qwen).getByRole('button', { name: 'Swap qwen/qwen3-coder…' }));
    expect(await within(qwen).findByText('This workspace is not trusted, so files are not edited.')).toBeTruthy();
  });

  it('marks ids that are not in the catalog', async () => {
    await renderApp({ init: initPayload({ references: referencesView([modelRef('acme/imaginary-model', { known: false })]) }) });
    const acme = item('acme/imaginary-model');
    expect(within(acme).getByText('not in catalog')).toBeTruthy();
    expect(fact(acme, '$/1M in / out')).toBe('— / —');
    expect(within(acme).queryByRole('button', { name: /openrouter\.ai/ })).toBeNull();
  });

  it('with nothing found offers a rescan, and shows scanning progress and notes', async () => {
    const { host } = await renderApp({ init: initPayload({ references: referencesView([]) }), handlers: { 'command/run': () => ({ ran: true }) } });
    fireEvent.click(within(section()).getByRole('button', { name: 'Rescan workspace' }));
    expect(host.requests('command/run').map((r) => r.params)).toEqual([{ command: 'rescanWorkspace' }]);
    await host.push('references/didChange', referencesView([], { scanning: true, files: 1234, note: 'This workspace is not trusted: references are shown but never edited.' }));
    expect(within(section()).getByText('Scanning the workspace… 1,234 files so far.')).toBeTruthy();
    expect(within(section()).getByText(/not trusted/)).toBeTruthy();
    expect(within(section()).queryByRole('button', { name: 'Rescan workspace' })).toBeNull();
  });
});
