// One model, every surface: the price, the weekly tokens and the region share read the same in the CodeLens and
// hover (host providers), the swap picker and the CLI report. The sidebar side is test/webview/crossSurface.test.tsx.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as fake from '../support/fakeVscode';
import { buildCatalog, createCatalogIndex } from '../../src/core/market/catalog';
import type { ApiModel, ApiRankingsDailyResponse } from '../../src/core/openrouter/apiTypes';
import { buildRankingsView } from '../../src/core/market/rankings';
import { swapTargetSections } from '../../src/core/refs/present';
import { buildReport, formatReportTable } from '../../src/core/market/report';
import type { ModelReferences } from '../../src/host/modelRefs/register';
import { registerTestReferences, useFakeWorkspace } from '../support/fakeWorkspace';
import { formatPercent, formatPrice, formatTokens } from '../../src/shared/format';
import type { Snapshot } from '../../src/shared/types';
import { liveSnapshot } from '../support/snapshotBuilders';

const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../fixtures/openrouter/${name}`, import.meta.url), 'utf8')) as T;
const daily = read<ApiRankingsDailyResponse>('rankings-daily-2026-07-06_2026-07-26.json');
const models = buildCatalog(read<{ data: ApiModel[] }>('models-2026-07-29.json').data);
const index = createCatalogIndex(models);
const WINDOW = { start: '2026-07-20', end: '2026-07-26' };
const rankings = buildRankingsView(daily.data, { window: WINDOW, index, asOf: daily.meta.as_of ?? null });
const snapshot: Snapshot = liveSnapshot({ catalog: { models, source: 'live', asOf: '2026-07-29T00:00:00Z' }, rankings });

const ID = 'deepseek/deepseek-v4-flash';
const FILE = '/ws/.env';
const TEXT = `OPENROUTER_MODEL=${ID}\n`;

/** What every surface must show for the model: computed once, from the one formatter. */
function expected(): { input: string; output: string; tokens: string; share: string } {
  const model = models.find((m) => m.id === ID);
  const ranked = rankings.models.find((r) => r.id === ID);
  const cn = rankings.regions.find((r) => r.region === 'CN');
  if (model === undefined || ranked === undefined || ranked.tokens === null || cn === undefined) throw new Error('fixture lacks the model');
  return { input: formatPrice(model.price.input), output: formatPrice(model.price.output), tokens: formatTokens(ranked.tokens), share: formatPercent(cn.share) };
}

let refs: ModelReferences;
const doc = { uri: fake.Uri.file(FILE), getText: () => TEXT, offsetAt: () => TEXT.indexOf(ID) + 2, languageId: 'dotenv', version: 1 };

beforeAll(async () => {
  vi.useFakeTimers();
  useFakeWorkspace({ paths: () => [FILE], read: () => TEXT });
  refs = registerTestReferences(snapshot);
  await vi.advanceTimersByTimeAsync(1_500);
});

afterAll(() => {
  refs.dispose();
  vi.useRealTimers();
});

describe('one model, every host surface, one rendering', () => {
  it('the fixture model has figures whose renderings once differed between surfaces', () => {
    const e = expected();
    expect(e).toEqual({ input: '$0.14', output: '$0.28', tokens: expect.stringMatching(/^\d+(\.\d+)?[KMBT]$/), share: expect.stringMatching(/^\d+(\.\d)?%$/) });
  });

  it('CodeLens, hover, swap picker and CLI report show the same price, tokens and share', () => {
    const e = expected();
    const pair = `${e.input} / ${e.output} per 1M`;

    const lenses = fake.recorded.codeLensProviders.at(-1)?.provideCodeLenses(doc) as { command?: { title: string } }[];
    const lens = lenses[0]?.command?.title ?? '';
    expect(lens).toContain(pair);

    const hover = (fake.recorded.hoverProviders.at(-1)?.provideHover(doc, new fake.Position(0, 0)) as { contents: { value: string } } | null)?.contents.value ?? '';
    expect(hover).toContain(`in ${e.input} · out ${e.output}`);
    expect(hover).toContain(`(${e.tokens} tokens)`);

    const picker = swapTargetSections({ models, rankings, currentId: 'anthropic/claude-opus-4.8', compare: null })
      .flatMap((s) => s.items)
      .find((i) => i.id === ID);
    expect(picker?.detail).toContain(pair);

    const cli = formatReportTable(buildReport({ rows: daily.data, asOf: daily.meta.as_of ?? null, window: WINDOW, baseUrl: 'x', index, top: 3 }));
    const row = cli.split('\n').find((l) => l.includes(ID)) ?? '';
    expect(row.split(/\s{2,}/).slice(-3)).toEqual([e.tokens, e.input, e.output]);
    expect(cli).toMatch(new RegExp(`^CN  China\\s+\\S+\\s+${e.share.replace('.', '\\.')}$`, 'm'));
  });
});
