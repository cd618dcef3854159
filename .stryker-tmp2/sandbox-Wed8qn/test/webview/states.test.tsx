// Every section in every state the host can be in, for both views: renders, names its busy state,
// never shows a spinner over cached data, and never prints $0.00 for a figure it does not know.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ViewKind } from '../../src/shared/protocol';
import type { Snapshot } from '../../src/shared/types';
import { NOW, renderApp } from './support/fakeHost';
import {
  compareResult,
  errorSnapshot,
  initPayload,
  liveSnapshot,
  loadingSnapshot,
  managementSnapshot,
  noKeySnapshot,
  orderOnlyRankings,
  staleSnapshot,
} from '../support/snapshotBuilders';

const STATES: Record<string, () => Snapshot> = {
  'no key': noKeySnapshot,
  'loading, nothing cached': loadingSnapshot,
  live: liveSnapshot,
  stale: () => staleSnapshot(NOW - 2 * 3600_000),
  'key rejected': () => errorSnapshot('unauthorized'),
  offline: () => errorSnapshot('offline'),
  'management key': managementSnapshot,
  'order-only rankings': () => liveSnapshot({ rankings: orderOnlyRankings() }),
};

const SECTIONS: Record<ViewKind, string[]> = {
  sidebar: ['Spend', 'Your models', 'Leaders', 'Compare'],
  dashboard: ['Savings', 'Price vs coding quality', 'Daily tokens by region', 'Catalog'],
};

describe.each(Object.entries(STATES))('state: %s', (_name, make) => {
  it.each(['sidebar', 'dashboard'] as const)('%s renders every section', async (view) => {
    const snapshot = make();
    await renderApp({
      init: initPayload({ view, snapshot }),
      handlers: { 'compare/alternatives': (p) => compareResult(p.modelId, p.modelId === 'anthropic/claude-sonnet-4.5' ? ['deepseek/deepseek-v4-flash'] : []) },
    });
    for (const name of SECTIONS[view]) {
      const section = screen.getByRole('region', { name });
      expect(section.querySelector('.mr-section-error')).toBeNull();
    }
    const spinners = screen.queryAllByRole('progressbar').map((p) => p.getAttribute('aria-label'));
    if (snapshot.catalog) expect(spinners).not.toContain('Loading the catalog…');
    if (snapshot.rankings) expect(spinners).not.toContain('Loading rankings…');
    if (snapshot.usage) expect(spinners).not.toContain('Loading spend…');
    if (view === 'sidebar' && snapshot.usage === null && snapshot.keys.inference !== 'none' && !snapshot.resources.key.error) {
      expect(spinners).toContain('Loading spend…');
    }
    if (view === 'sidebar' && snapshot.keys.inference === 'none') {
      expect(within(screen.getByRole('region', { name: 'Spend' })).queryByText(/\$0\.00/)).toBeNull();
    }
  });
});
