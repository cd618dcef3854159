// One model, the sidebar against the host surfaces: the sidebar (webview render) must show the price, weekly tokens
// and region share exactly as the CodeLens, the hover, the swap picker and the CLI report do (test/unit/crossSurface.test.ts).
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './support/fakeHost';
import { buildCatalog, createCatalogIndex } from '../../src/core/market/catalog';
import type { ApiModel, ApiRankingsDailyResponse } from '../../src/core/openrouter/apiTypes';
import { buildRankingsView } from '../../src/core/market/rankings';
import { codeLensTitle, hoverMarkdown, swapTargetSections } from '../../src/core/refs/present';
import { buildReport, formatReportTable } from '../../src/core/market/report';
import { initPayload, liveSnapshot, modelRef, referencesView } from '../support/snapshotBuilders';

// The webview project has no Node types: reach the real captures through a typed dynamic import.
const FS = 'node:fs';
const { readFileSync } = (await import(/* @vite-ignore */ FS)) as { readFileSync(path: string, encoding: 'utf8'): string };
const cwd = (globalThis as unknown as { process: { cwd(): string } }).process.cwd();
const read = <T,>(name: string): T => JSON.parse(readFileSync(`${cwd}/test/fixtures/openrouter/${name}`, 'utf8')) as T;
const daily = read<ApiRankingsDailyResponse>('rankings-daily-2026-07-06_2026-07-26.json');
const models = buildCatalog(read<{ data: ApiModel[] }>('models-2026-07-29.json').data);
const index = createCatalogIndex(models);
const WINDOW = { start: '2026-07-20', end: '2026-07-26' };
const rankings = buildRankingsView(daily.data, { window: WINDOW, index, asOf: daily.meta.as_of ?? null });
const ID = 'deepseek/deepseek-v4-flash';

function fact(container: HTMLElement, label: string): string {
  const toggle = within(container).getByRole('button', { name: /^Details of / });
  if (toggle.getAttribute('aria-expanded') !== 'true') fireEvent.click(toggle);
  return within(container).getByText(label, { selector: 'dt' }).nextElementSibling?.textContent ?? '';
}

describe('one model, sidebar and host surfaces, one rendering', () => {
  it('the sidebar shows the price, tokens and share the CodeLens, hover, swap picker and CLI show', async () => {
    const model = models.find((m) => m.id === ID);
    const ranked = rankings.models.find((r) => r.id === ID);
    if (model === undefined || ranked === undefined) throw new Error('fixture lacks the model');

    // What the host surfaces say, from core (the host providers only copy these strings).
    const lens = codeLensTitle(model, ranked);
    const hover = hoverMarkdown({ ref: { id: ID, raw: ID, known: true } as never, model, aliasTarget: null, ranked, refId: null, suggestions: [], today: '2026-07-29' });
    const picker = swapTargetSections({ models, rankings, currentId: 'anthropic/claude-opus-4.8', compare: null }).flatMap((s) => s.items).find((i) => i.id === ID);
    const cli = formatReportTable(buildReport({ rows: daily.data, asOf: daily.meta.as_of ?? null, window: WINDOW, baseUrl: 'x', index, top: 3 }));
    const cliRow = (cli.split('\n').find((l) => l.includes(ID)) ?? '').split(/\s{2,}/);
    const [cliTokens, cliIn, cliOut] = cliRow.slice(-3);
    const cliShare = /^CN {2}China\s+\S+\s+(\S+)$/m.exec(cli)?.[1];

    await renderApp({
      init: initPayload({
        snapshot: liveSnapshot({ catalog: { models, source: 'live', asOf: '2026-07-29T00:00:00Z' }, rankings }),
        references: referencesView([modelRef(ID)]),
      }),
    });
    const row = within(screen.getByRole('region', { name: 'Your models' })).getByRole('listitem', { name: model.name });
    const sidebarPrice = fact(row, '$/1M in / out').split(' · ')[0];
    const sidebarWeek = fact(row, 'This week');
    const share = within(screen.getByRole('region', { name: 'Leaders' })).getByRole('img', { name: /^Share of tokens:/ }).getAttribute('aria-label') ?? '';

    // Price: one pair, one way.
    expect(sidebarPrice).toBe(`${cliIn} / ${cliOut}`);
    expect(lens).toContain(`${sidebarPrice} per 1M`);
    expect(picker?.detail).toContain(`${sidebarPrice} per 1M`);
    expect(hover).toContain(`in ${cliIn} · out ${cliOut}`);
    // Tokens: the weekly figure.
    expect(sidebarWeek).toContain(`${cliTokens} tokens`);
    expect(hover).toContain(`(${cliTokens} tokens)`);
    // Share: the region's share of the week.
    expect(share).toContain(`China ${cliShare}`);
  });
});
