// Prices that are not live say how old they are, on every editor surface, from one function.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fake from '../support/fakeVscode';
import { buildCatalog, createCatalogIndex } from '../../src/core/market/catalog';
import type { ApiModel } from '../../src/core/openrouter/apiTypes';
import { findRefs } from '../../src/core/refs/recognize';
import { codeLensTitle, hoverMarkdown } from '../../src/core/refs/present';
import { EditorSurfaces } from '../../src/host/modelRefs/editorSurfaces';
import type { WorkspaceReferences } from '../../src/host/modelRefs/workspaceIndex';
import { priceAgeLabel, snapshotPriceAge } from '../../src/shared/dataLabels';
import { formatAsOfDay } from '../../src/shared/format';
import type { Snapshot } from '../../src/shared/types';
import { liveSnapshot, rankingsView, resources } from '../support/snapshotBuilders';

const models = buildCatalog((JSON.parse(readFileSync(new URL('../fixtures/openrouter/models-2026-07-29.json', import.meta.url), 'utf8')) as { data: ApiModel[] }).data);
const index = createCatalogIndex(models);
const NOV = Date.parse('2026-11-30T12:00:00Z');

describe('priceAgeLabel', () => {
  it('says nothing for live prices and the date and source otherwise', () => {
    expect(priceAgeLabel({ source: 'live', asOf: '2026-11-30T11:00:00Z' }, { nowMs: NOV })).toBeNull();
    expect(priceAgeLabel({ source: 'bundled', asOf: '2026-07-29T00:00:00Z' }, { nowMs: NOV })).toBe('prices as of Jul 29, bundled');
    expect(priceAgeLabel({ source: 'cache', asOf: '2026-11-28T09:00:00Z' }, { nowMs: NOV })).toBe('prices as of Nov 28, cached');
    expect(priceAgeLabel({ source: 'live', asOf: '2026-11-29T09:00:00Z' }, { stale: true, nowMs: NOV })).toBe('prices as of Nov 29, not refreshed');
    // Another year keeps its year; no clock at all keeps it too.
    expect(priceAgeLabel({ source: 'bundled', asOf: '2026-07-29T00:00:00Z' }, { nowMs: Date.parse('2027-01-02T00:00:00Z') })).toBe('prices as of Jul 29, 2026, bundled');
    expect(priceAgeLabel({ source: 'bundled', asOf: '2026-07-29T00:00:00Z' })).toBe('prices as of Jul 29, 2026, bundled');
    expect(priceAgeLabel({ source: 'bundled', asOf: null })).toBe('prices not live (bundled)');
    expect(priceAgeLabel(null)).toBeNull();
    expect(formatAsOfDay('2026-13-01')).toBeNull();
  });

  it('reads the snapshot: catalog source and whether /models is stale', () => {
    const bundled = liveSnapshot({ catalog: { models: [], source: 'bundled', asOf: '2026-07-29T00:00:00Z' } });
    expect(snapshotPriceAge(bundled, NOV)).toBe('prices as of Jul 29, bundled');
    expect(snapshotPriceAge(liveSnapshot({ catalog: { models: [], source: 'live', asOf: '2026-11-30T11:00:00Z' } }), NOV)).toBeNull();
    const stale = liveSnapshot({ catalog: { models: [], source: 'live', asOf: '2026-11-29T11:00:00Z' }, resources: resources({}, { models: { stale: true } }) });
    expect(snapshotPriceAge(stale, NOV)).toBe('prices as of Nov 29, not refreshed');
  });
});

describe('editor texts', () => {
  const model = index.get('deepseek/deepseek-v4-flash');

  it('the CodeLens puts the age right after the price', () => {
    expect(model).not.toBeNull();
    if (model === null) return;
    expect(codeLensTitle(model, null, 'prices as of Jul 29, bundled')).toMatch(/^\$[\d.]+ \/ \$[\d.]+ per 1M \(prices as of Jul 29, bundled\) · CN$/);
    expect(codeLensTitle(model, null)).not.toContain('as of');
  });

  it('the hover says it under the price', () => {
    if (model === null) return;
    const ref = findRefs('/ws/.env', `OPENROUTER_MODEL=${model.id}\n`, index)[0]!;
    const md = hoverMarkdown({ ref, model, aliasTarget: null, ranked: null, refId: null, suggestions: [], today: '2026-11-30', priceAge: 'prices as of Jul 29, bundled' });
    const lines = md.split('\n\n');
    const price = lines.findIndex((l) => l.startsWith('Per 1M tokens:'));
    // Markdown-escaped like everything from data; it renders without the backslashes.
    expect(lines[price + 1]!.replace(/\\/g, '')).toBe('$(history) Prices as of Jul 29, bundled');
  });
});

describe('host: hover and CodeLens read the age from the snapshot', () => {
  let hover: { provideHover(doc: unknown, pos: unknown): { contents: fake.MarkdownString } | null } | undefined;
  let lens: { provideCodeLenses(doc: unknown): { command?: { title: string } }[] } | undefined;
  let snapshot: Snapshot;
  let surfaces: EditorSurfaces;
  const original = { ...fake.languages };

  beforeAll(() => {
    Object.assign(fake.languages, {
      registerHoverProvider: (_s: unknown, p: typeof hover) => ((hover = p), new fake.Disposable(() => undefined)),
      registerCodeLensProvider: (_s: unknown, p: typeof lens) => ((lens = p), new fake.Disposable(() => undefined)),
    });
    const refs = {
      currentCatalog: () => index,
      refsForDocument: (doc: { uri: fake.Uri; getText(): string }) => ({
        entries: findRefs(doc.uri.path, doc.getText(), index).map((ref) => ({ refId: '', ref, uri: doc.uri, file: doc.uri.path })),
        indexed: false,
      }),
      onDidChangeFile: new fake.EventEmitter<unknown>().event,
    } as unknown as WorkspaceReferences;
    surfaces = new EditorSurfaces({
      refs,
      snapshot: () => snapshot,
      settings: () => ({ scanInclude: [], scanExclude: [], maxFileBytes: 1 << 20, codeLensConfig: true, codeLensCode: true, diagnostics: false }),
      canEdit: () => false,
    });
  });
  afterAll(() => {
    surfaces.dispose();
    Object.assign(fake.languages, original);
  });

  const text = 'OPENROUTER_MODEL=deepseek/deepseek-v4-flash\n';
  const doc = {
    uri: fake.Uri.file('/elsewhere/.env'),
    getText: () => text,
    offsetAt: (p: { character: number }) => p.character,
    lineAt: () => ({ text }),
    languageId: 'dotenv',
    version: 1,
  };

  it('bundled catalog: both say "as of Jul 29, bundled"; live: neither does', () => {
    snapshot = liveSnapshot({ catalog: { models, source: 'bundled', asOf: '2026-07-29T00:00:00Z' } });
    const h = hover?.provideHover(doc, new fake.Position(0, 20));
    expect(h?.contents.value.replace(/\\/g, '')).toMatch(/Prices as of Jul 29(, 2026)?, bundled/);
    expect(lens?.provideCodeLenses(doc)[0]!.command?.title).toMatch(/\(prices as of Jul 29(, 2026)?, bundled\)/);
    snapshot = liveSnapshot({ catalog: { models, source: 'live', asOf: new Date().toISOString() } });
    expect(hover?.provideHover(doc, new fake.Position(0, 20))?.contents.value).not.toContain('as of');
    expect(lens?.provideCodeLenses(doc)[0]!.command?.title).not.toContain('as of');
  });

  it('ranks from the bundled July week are not called "this week"', () => {
    snapshot = liveSnapshot({ catalog: { models, source: 'live', asOf: new Date().toISOString() } });
    expect(lens?.provideCodeLenses(doc)[0]!.command?.title).toMatch(/#\d+ this week/);
    snapshot = { ...snapshot, rankings: rankingsView({ source: 'bundled' }) };
    expect(lens?.provideCodeLenses(doc)[0]!.command?.title).not.toContain('this week');
    expect(hover?.provideHover(doc, new fake.Position(0, 20))?.contents.value).not.toContain('this week');
  });
});
