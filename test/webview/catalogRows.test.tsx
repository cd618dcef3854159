// Catalog rows show their own weekly tokens (a variant never repeats its base model's figure), and with no figure
// anywhere the table does not pretend to sort by them.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CatalogModel, RankingsView } from '../../src/shared/types';
import { renderApp } from './support/fakeHost';
import { catalogModel, catalogView, initPayload, liveSnapshot, rankingsView } from '../support/snapshotBuilders';

function catalog(): HTMLElement {
  return screen.getByRole('region', { name: 'Catalog' });
}

/** Row header code (id) → the "Weekly tokens" cell. */
function weeklyCells(): Map<string, HTMLElement> {
  const table = within(catalog()).getByRole('table');
  const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent ?? '');
  const col = headers.findIndex((h) => h.startsWith('Weekly tokens'));
  const out = new Map<string, HTMLElement>();
  for (const row of within(table).getAllByRole('row').slice(1)) {
    const id = row.querySelector('th code')?.textContent ?? '';
    out.set(id, row.children[col] as HTMLElement);
  }
  return out;
}

function variant(base: CatalogModel, suffix: string, name: string): CatalogModel {
  return { ...base, id: `${base.id}:${suffix}`, name, variant: suffix, free: suffix === 'free' };
}

const opus = catalogModel('anthropic/claude-opus-4.8');
const mimo = catalogModel('xiaomi/mimo-v2.5');
const models = [opus, variant(opus, 'batch', 'Anthropic: Claude Opus 4.8 (batch)'), mimo, variant(mimo, 'free', 'Xiaomi: MiMo-V2.5 (free)')];

function rankingsWithSplit(): RankingsView {
  const base = rankingsView();
  return {
    ...base,
    models: base.models.map((m) => {
      if (m.id === 'anthropic/claude-opus-4.8') return { ...m, variantTokens: { '': m.tokens ?? '0' } };
      if (m.id === 'xiaomi/mimo-v2.5') return { ...m, tokens: '10000000000000', variantTokens: { '': '7000000000000', free: '3000000000000' } };
      return m;
    }),
  };
}

describe('catalog: weekly tokens per row', () => {
  it('each row shows its own figure; a variant outside the rankings shows "—" with the reason, never the base figure', async () => {
    await renderApp({ init: initPayload({ view: 'dashboard', snapshot: liveSnapshot({ catalog: catalogView(models), rankings: rankingsWithSplit() }) }) });
    const cells = weeklyCells();
    expect(cells.get('xiaomi/mimo-v2.5')?.textContent).toBe('7T');
    expect(cells.get('xiaomi/mimo-v2.5:free')?.textContent).toBe('3T');
    expect(cells.get('anthropic/claude-opus-4.8')?.textContent).toBe('1.44T');
    const batch = cells.get('anthropic/claude-opus-4.8:batch');
    expect(batch?.textContent).toMatch(/^—/);
    expect(batch?.textContent).not.toContain('1.44T');
    expect(batch?.getAttribute('title')).toMatch(/:batch.*not in OpenRouter’s daily top-50/);
    // No two rows of one model repeat a figure.
    const figures = [...cells.values()].map((c) => c.textContent).filter((t) => t && !t.startsWith('—'));
    expect(new Set(figures).size).toBe(figures.length);
  });

  it('sorts by each row\'s own figure', async () => {
    await renderApp({ init: initPayload({ view: 'dashboard', snapshot: liveSnapshot({ catalog: catalogView(models), rankings: rankingsWithSplit() }) }) });
    expect([...weeklyCells().keys()]).toEqual(['xiaomi/mimo-v2.5', 'xiaomi/mimo-v2.5:free', 'anthropic/claude-opus-4.8', 'anthropic/claude-opus-4.8:batch']);
  });
});

describe('catalog: no weekly figures anywhere', () => {
  it('ranked by popularity order only, the column shows "#N" and sorts by it', async () => {
    const order = { ...rankingsView(), mode: 'order' as const, models: rankingsView().models.map((m) => ({ ...m, tokens: null, prevTokens: null, change: null, share: null })) };
    await renderApp({ init: initPayload({ view: 'dashboard', snapshot: liveSnapshot({ catalog: catalogView(), rankings: order }) }) });
    const shown = [...weeklyCells().values()].map((c) => c.textContent ?? '');
    expect(shown.slice(0, 3)).toEqual(['#1', '#2', '#3']);
    expect((within(catalog()).getByRole('combobox', { name: 'Sort by' }) as HTMLSelectElement).value).toBe('tokens');
  });

  it.each([
    ['offline (no rankings)', null],
    ['rankings that match no catalog model', { ...rankingsView(), models: [] }],
  ])('%s: sorts newest first and says so, instead of "weekly tokens" over a column of "—"', async (_name, rankings) => {
    const all = catalogView().models;
    await renderApp({ init: initPayload({ view: 'dashboard', snapshot: liveSnapshot({ catalog: catalogView(all), rankings }) }) });
    const sortBy = within(catalog()).getByRole('combobox', { name: 'Sort by' }) as HTMLSelectElement;
    expect(sortBy.value).toBe('newest');
    expect(within(catalog()).getByRole('columnheader', { name: /Added/ }).getAttribute('aria-sort')).toBe('descending');
    expect(within(catalog()).getByRole('columnheader', { name: /Weekly tokens/ }).getAttribute('aria-sort')).toBeNull();
    expect(within(catalog()).getByText(/No weekly token figures are available/)).toBeTruthy();
    const created = [...weeklyCells().keys()].map((id) => all.find((m) => m.id === id)?.created ?? 0);
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });
});
