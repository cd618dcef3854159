// The sidebar's Changes list (catalog watch): date, model, old → new through the shared formatter; pushes update it;
// entries of a shape it does not know are left out; an empty list says what is watched and since when.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './support/fakeHost';
import { initPayload } from '../support/snapshotBuilders';
import type { WatchChange, WatchView } from '../../src/shared/types';

const at = '2026-07-28T10:00:00.000Z';
const price: WatchChange = { seq: 1, at, modelId: 'deepseek/deepseek-v4-pro', name: 'DeepSeek V4 Pro', kind: 'price', from: { input: 0.435, output: 0.87 }, to: { input: 0.3, output: 0.6 } };
const expiring: WatchChange = { seq: 2, at: '2026-07-29T08:00:00.000Z', modelId: 'anthropic/claude-sonnet-4.5', name: 'Claude Sonnet 4.5', kind: 'expiration', from: null, to: '2026-08-12' };
const removed: WatchChange = { seq: 3, at: '2026-07-29T09:00:00.000Z', modelId: 'qwen/qwen3-coder', name: 'Qwen3 Coder', kind: 'removed', from: { input: 0.3, output: 1 }, to: null };

const view = (changes: WatchChange[], over: Partial<WatchView> = {}): WatchView => ({ changes, watching: 4, since: '2026-07-01T00:00:00.000Z', note: null, ...over });
const section = (): HTMLElement => screen.getByRole('region', { name: 'Changes' });
const rows = (): string[] => within(section()).queryAllByRole('listitem').map((li) => `${li.getAttribute('aria-label') ?? ''} | ${li.textContent ?? ''}`);

describe('Changes section', () => {
  it('lists each change with its date, model and old → new', async () => {
    await renderApp({ init: initPayload({ watch: view([removed, expiring, price]) }) });
    expect(rows()).toEqual([
      'qwen/qwen3-coder | Jul 29 qwen/qwen3-coderRemoved: left the catalog (was $0.30 / $1 per 1M)',
      'anthropic/claude-sonnet-4.5 | Jul 29 anthropic/claude-sonnet-4.5Retirement date: no retirement date → Aug 12, 2026',
      'deepseek/deepseek-v4-pro | Jul 28 deepseek/deepseek-v4-proPrice: $0.435 / $0.87 per 1M → $0.30 / $0.60 per 1M',
    ]);
    expect(within(section()).getByRole('button', { name: /Changes/ }).textContent).toContain('3');
  });

  it('updates when the host pushes a new list', async () => {
    const app = await renderApp({ init: initPayload({ watch: view([price]) }) });
    expect(rows().length).toBe(1);
    await app.host.push('watch/didChange', view([expiring, price]));
    expect(rows().map((r) => r.split(' | ')[0])).toEqual(['anthropic/claude-sonnet-4.5', 'deepseek/deepseek-v4-pro']);
  });

  it('leaves out entries it cannot read, and shows the rest', async () => {
    const bad = [{ ...price, seq: 9, kind: 'renamed' }, { ...price, seq: 10, from: { input: '0.4', output: 1 } }, { seq: 11 }] as unknown as WatchChange[];
    await renderApp({ init: initPayload({ watch: view([...bad, expiring]) }) });
    expect(rows().map((r) => r.split(' | ')[0])).toEqual(['anthropic/claude-sonnet-4.5']);
  });

  it('leaves out changes that are not whole (bad dates, negative or text prices, fractional context) and says some could not be read', async () => {
    const bad = [
      { ...expiring, seq: 12, to: 'soon' },
      { ...price, seq: 13, to: { input: -0.3, output: 0.6 } },
      { ...removed, seq: 14, to: { input: 0, output: 0 } },
      { seq: 15, at: 'yesterday', modelId: 'x/y', name: 'Y', kind: 'context', from: 1000, to: 2000 },
      { seq: 16, at, modelId: 'x/y', name: 'Y', kind: 'context', from: 1000.5, to: 2000 },
      { ...price, seq: 17, modelId: '' },
    ] as unknown as WatchChange[];
    await renderApp({ init: initPayload({ watch: view([...bad, removed]) }) });
    expect(rows().map((r) => r.split(' | ')[0])).toEqual(['qwen/qwen3-coder']);
    expect(section().textContent).toContain('Some changes could not be read and are not listed.');
  });

  it('a push that is not a watch view at all empties the list instead of breaking the sidebar', async () => {
    const app = await renderApp({ init: initPayload({ watch: view([price]) }) });
    await app.host.push('watch/didChange', 'garbage' as unknown as WatchView);
    expect(rows()).toEqual([]);
    expect(screen.getByRole('region', { name: 'Leaders' })).toBeTruthy();
  });

  it('without changes says how many models are watched and since when; before any catalog, what will happen', async () => {
    const app = await renderApp({ init: initPayload({ watch: view([]) }) });
    expect(section().textContent).toContain('No changes to the 4 models you use since Jul 1, 2026.');
    await app.host.push('watch/didChange', view([], { since: null, note: 'The catalog history started afresh on Jul 29, 2026: the previous file could not be read (see the log).' }));
    expect(section().textContent).toContain('watched from the first live catalog on');
    expect(section().textContent).toContain('started afresh');
  });

  it('is absent when the host has no watch', async () => {
    await renderApp();
    expect(screen.queryByRole('region', { name: 'Changes' })).toBeNull();
  });
});
