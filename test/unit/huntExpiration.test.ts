// A retirement date OpenRouter may write as a day ("2026-08-10") or as an ISO timestamp ("2026-08-10T00:00:00Z",
// which the schema accepts): either way the hover and the diagnostics count whole days, never "in NaN days".
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildCatalog } from '../../src/core/market/catalog';
import { parseModelsResponse } from '../../src/core/openrouter/schemas';
import { hoverMarkdown, refProblems } from '../../src/core/refs/present';
import type { ApiModel } from '../../src/core/openrouter/apiTypes';
import type { ModelRef } from '../../src/core/refs/types';
import { MODELS_FIXTURE } from './refsFixtureCatalog';

const TODAY = '2026-07-29';
const real = (JSON.parse(readFileSync(MODELS_FIXTURE, 'utf8')) as { data: ApiModel[] }).data[0];

function modelWith(expiration: string): ReturnType<typeof buildCatalog>[number] {
  const parsed = parseModelsResponse({ data: [{ ...real, expiration_date: expiration }] });
  expect(parsed.ok).toBe(true);
  if (!parsed.ok) throw new Error('unparsed');
  return buildCatalog(parsed.value.models)[0]!;
}

const ref = { id: real!.id, raw: real!.id } as unknown as ModelRef;
const opts = { suggest: () => [], successors: () => [] };

describe('retirement dates written as timestamps', () => {
  it.each(['2026-08-10T00:00:00Z', '2026-08-10T12:30:00+02:00', '2026-08-10 00:00'])('%s counts 12 days', (expiration) => {
    const m = modelWith(expiration);
    expect(m.expirationDate).toBe('2026-08-10');
    const problems = refProblems(ref, m, TODAY, opts);
    expect(problems.map((p) => p.message)).toEqual([`${m.id} retires on Aug 10, 2026 (in 12 days).`]);
    const hover = hoverMarkdown({ ref, model: m, aliasTarget: null, ranked: null, refId: null, suggestions: [], today: TODAY });
    expect(hover).toContain('Retires on Aug 10, 2026 (in 12 days)');
    expect(hover).not.toContain('NaN');
  });

  it('a far-off retirement written as a timestamp raises no diagnostic', () => {
    expect(refProblems(ref, modelWith('2098-12-31T23:59:59Z'), TODAY, opts)).toEqual([]);
  });
});
