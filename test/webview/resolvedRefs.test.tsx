// An id the catalog lists only through core's resolution (a variant it does not list, a dated canonical slug) names
// the same model in the hover and in the sidebar: the webview takes core's answer, it does not guess its own.
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './support/fakeHost';
import { createCatalogIndex } from '../../src/core/market/catalog';
import { interpretId } from '../../src/core/refs/idShape';
import { hoverMarkdown, toRefView } from '../../src/core/refs/present';
import type { ModelRef } from '../../src/core/refs/types';
import { rankOf } from '../../src/shared/variantTokens';
import { catalogView, initPayload, liveSnapshot, referencesView } from '../support/snapshotBuilders';

const catalog = catalogView();
const index = createCatalogIndex(catalog.models);

function refOf(id: string): ModelRef {
  const r = interpretId(id, 'optional', 'key', index);
  if (r === null) throw new Error(`${id} is not a reference`);
  return { file: '/ws/.env', line: 1, column: 18, offset: 17, length: id.length, raw: id, id: r.id, known: r.known, modelId: r.modelId, tool: 'dotenv', keyPath: 'OPENROUTER_MODEL', prefix: '', quote: 'none', role: 'value' } as ModelRef;
}

describe('aliased and variant ids: hover and sidebar name the same model', () => {
  it.each(['deepseek/deepseek-v4-flash:nitro', 'deepseek/deepseek-v4-flash-20260423'])('%s', async (id) => {
    const ref = refOf(id);
    const model = ref.modelId === null ? null : index.get(ref.modelId);
    expect(model?.id).toBe('deepseek/deepseek-v4-flash');
    const snapshot = liveSnapshot();
    const ranked = model === null ? null : rankOf(snapshot.rankings, model);
    const hover = hoverMarkdown({ ref, model, aliasTarget: null, ranked, refId: null, suggestions: [], today: '2026-07-29' });
    expect(hover).toContain(`\`${model?.id ?? 'missing'}\``);

    await renderApp({ init: initPayload({ snapshot, references: referencesView([toRefView(ref, 'r1', '.env')]) }) });
    const section = screen.getByRole('region', { name: 'Your models' });
    const row = within(section).getByRole('listitem', { name: model?.name ?? 'missing' });
    const toggle = within(row).getByRole('button', { name: /^Details of / });
    fireEvent.click(toggle);
    const week = within(row).getByText('This week', { selector: 'dt' }).nextElementSibling?.textContent ?? '';
    expect(week).toContain(`#${ranked?.rank ?? 'unranked'}`);
  });
});
