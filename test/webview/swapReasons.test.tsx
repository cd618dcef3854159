// A Savings or Compare row for a model the workspace does not name has no Swap link, and says why.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RequestParams } from '../../src/shared/protocol';
import { renderApp, type Handlers } from './support/fakeHost';
import { compareResult, initPayload, managementSnapshot } from '../support/snapshotBuilders';

// deepseek/deepseek-v4-flash is spent on (activity) but named in no workspace file; claude-sonnet-4.5 is both.
const handlers: Handlers = {
  'compare/alternatives': (p: RequestParams<'compare/alternatives'>) =>
    compareResult(p.modelId, p.modelId === 'anthropic/claude-sonnet-4.5' ? ['deepseek/deepseek-v4-flash'] : p.modelId === 'deepseek/deepseek-v4-flash' ? ['inclusionai/ling-3.0-flash:free'] : []),
};

describe('rows without a Swap link say why', () => {
  it('Savings: a model used only through the key gets the reason instead of the link; a referenced one the link', async () => {
    await renderApp({ init: initPayload({ view: 'dashboard', snapshot: managementSnapshot() }), handlers });
    const section = screen.getByRole('region', { name: 'Savings' });
    const byModel = (name: RegExp): HTMLElement | undefined => [...section.querySelectorAll('li')].find((li) => name.test(li.textContent ?? ''));
    await waitFor(() => expect(byModel(/^Switching DeepSeek: DeepSeek V4 Flash →/)).toBeTruthy());
    const flash = byModel(/^Switching DeepSeek: DeepSeek V4 Flash →/) as HTMLElement;
    expect(within(flash).queryByRole('button', { name: /^Swap/ })).toBeNull();
    expect(flash.textContent).toMatch(/No Swap: this model is used through your key but named in none of this workspace’s files\.$/);
    const sonnet = byModel(/^Switching Anthropic: Claude Sonnet 4\.5 →/) as HTMLElement;
    expect(within(sonnet).getByRole('button', { name: /^Swap anthropic\/claude-sonnet-4\.5 for/ })).toBeTruthy();
    expect(sonnet.textContent).not.toMatch(/No Swap/);
  });

  it('Compare: choosing a model used only through the key says once why no row has Swap…', async () => {
    await renderApp({ init: initPayload({ view: 'sidebar', snapshot: managementSnapshot() }), handlers });
    const section = screen.getByRole('region', { name: 'Compare' });
    fireEvent.change(within(section).getByRole('combobox', { name: 'Model to compare' }), { target: { value: 'deepseek/deepseek-v4-flash' } });
    const list = await within(section).findByRole('list', { name: /Cheaper alternatives to/ });
    expect(within(list).queryByRole('button', { name: /^Swap/ })).toBeNull();
    expect(within(section).getAllByText(/^No Swap: /)).toHaveLength(1);
  });
});
