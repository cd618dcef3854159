// A model id written as an alias, a routing variant or a dated permaslug names the same catalog model in the hover
// (core's resolver) and in the webview: core resolves activity rows and references, the webview renders its answer
// and never looks such an id up on its own (webview/src/model/derive.ts).
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { resolveActivityModels } from '../../src/core/account/activity';
import { sidebarFirstSnapshot } from '../../src/core/bridge/payload';
import { buildCatalog, createCatalogIndex } from '../../src/core/market/catalog';
import type { ApiModel } from '../../src/core/openrouter/apiTypes';
import { interpretId } from '../../src/core/refs/idShape';
import type { ActivityView, Snapshot } from '../../src/shared/types';
import { buildYourModels } from '../../webview/src/model/derive';
import * as intake from '../../webview/src/model/intake';
import { renderApp } from './support/fakeHost';
import { initPayload, managementSnapshot } from '../support/snapshotBuilders';

// The webview project has no Node types: reach the real capture through a typed dynamic import.
const FS = 'node:fs';
const { readFileSync } = (await import(/* @vite-ignore */ FS)) as { readFileSync(path: string, encoding: 'utf8'): string };
const fixture = JSON.parse(readFileSync('test/fixtures/openrouter/models-2026-07-29.json', 'utf8')) as { data: ApiModel[] };
const models = buildCatalog(fixture.data);
const index = createCatalogIndex(models);

function activityOf(id: string): ActivityView {
  const row = { model: id, usage: 1.25, byokUsage: 0, requests: 3, promptTokens: 1000, completionTokens: 100, reasoningTokens: 0 };
  return { days: [{ date: '2026-07-28', models: [row], total: 1.25, byokTotal: 0 }], byModel: [row], total: 1.25, byokTotal: 0, droppedRows: 0, outsideWindowRows: 0 };
}

function snapshotFor(id: string): Snapshot {
  return managementSnapshot({ catalog: { models, source: 'live', asOf: '2026-07-29T00:00:00Z' }, activity: resolveActivityModels(activityOf(id), index) });
}

const IDS = [
  // A bare "-latest" alias (without its "~"), and the alias as listed.
  ['anthropic/claude-sonnet-latest', '~anthropic/claude-sonnet-latest'],
  ['~anthropic/claude-sonnet-latest', '~anthropic/claude-sonnet-latest'],
  // Routing variants the catalog does not list: their base model.
  ['deepseek/deepseek-chat:nitro', 'deepseek/deepseek-chat'],
  ['deepseek/deepseek-chat-v3:floor', 'deepseek/deepseek-chat'],
  // A dated permaslug.
  ['deepseek/deepseek-chat-v3', 'deepseek/deepseek-chat'],
  // A ":free" variant the catalog does not list is not the paid model: unknown in both.
  ['deepseek/deepseek-chat:free', null],
] as const;

describe('activity rows: core and the webview name the same model', () => {
  it.each(IDS)('%s', (id, expected) => {
    const core = index.resolve(id)?.model.id ?? null;
    expect(core).toBe(expected);
    // The hover's view of the same id, written in a config file.
    const ref = interpretId(id, 'optional', 'key', index);
    expect(ref?.modelId ?? null).toBe(expected);
    // The webview, after the intake, on the pushed snapshot.
    const pushed = intake.snapshot(structuredClone(snapshotFor(id)));
    expect(intake.unreadableParts(pushed)).toEqual([]);
    const yours = buildYourModels(pushed, undefined).find((e) => e.activity !== null);
    expect(yours?.model?.id ?? null).toBe(expected);
  });

  it('the sidebar shows the resolved model by name, and its first paint carries that model', async () => {
    const snapshot = snapshotFor('anthropic/claude-sonnet-latest');
    const first = sidebarFirstSnapshot(snapshot, undefined);
    expect(first.snapshot.catalog?.models.map((m) => m.id)).toContain('~anthropic/claude-sonnet-latest');
    await renderApp({ init: initPayload({ snapshot: first.snapshot }) });
    const name = index.get('~anthropic/claude-sonnet-latest')!.name;
    const spend = screen.getByRole('region', { name: 'Spend' });
    expect(within(spend).getByText(name, { selector: '.mr-model-name' })).toBeTruthy();
  });

  it('resolution is computed once and kept: the same activity object when nothing changes', () => {
    const resolved = resolveActivityModels(activityOf('deepseek/deepseek-chat:nitro'), index)!;
    expect(resolved.byModel[0]!.modelId).toBe('deepseek/deepseek-chat');
    expect(resolved.days[0]!.models[0]!.modelId).toBe('deepseek/deepseek-chat');
    expect(resolveActivityModels(resolved, index)).toBe(resolved);
    expect(resolveActivityModels(null, index)).toBeNull();
  });
});
