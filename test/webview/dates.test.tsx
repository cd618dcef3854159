// Where a date is meant, the views show a date a person reads ("Nov 30, 2026"), never an ISO timestamp.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './support/fakeHost';
import { initPayload, liveSnapshot, rankingsView } from '../support/snapshotBuilders';
import { citationFor } from '../../src/core/market/rankings';

const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

describe('dates in the views', () => {
  it('Leaders ranked by popularity only: "as of Nov 30, 2026", not the fetch timestamp', async () => {
    const order = { ...rankingsView(), mode: 'order' as const, citation: null, window: null, asOf: '2026-11-30T21:24:43.094Z', models: rankingsView().models.map((m) => ({ ...m, tokens: null, prevTokens: null, change: null, share: null })) };
    await renderApp({ init: initPayload({ snapshot: liveSnapshot({ rankings: order }) }) });
    const section = screen.getByRole('region', { name: /Leaders/ });
    expect(within(section).getByText(/as of Nov 30, 2026\./)).toBeTruthy();
    expect(section.textContent).not.toMatch(ISO);
  });

  it('the rankings citation reads a date, at any precision of as_of', () => {
    expect(citationFor('2026-11-30T21:24:43.094Z')).toBe('Source: OpenRouter (openrouter.ai/rankings), as of Nov 30, 2026.');
    expect(citationFor('2026-07-26')).toBe('Source: OpenRouter (openrouter.ai/rankings), as of Jul 26, 2026.');
    expect(citationFor('soon')).toBe('Source: OpenRouter (openrouter.ai/rankings).');
  });

  it('the whole sidebar and dashboard show no ISO timestamp', async () => {
    for (const view of ['sidebar', 'dashboard'] as const) {
      const { unmount } = await renderApp({ init: initPayload({ view, snapshot: liveSnapshot({ rankings: { ...rankingsView(), citation: citationFor('2026-11-29T23:59:59Z'), asOf: '2026-11-29T23:59:59Z' } }) }) });
      expect(document.body.textContent).not.toMatch(ISO);
      unmount();
    }
  });
});
