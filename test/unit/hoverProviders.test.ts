// Issue #15 item 3: the hover's "Providers" link opens the dashboard at that model's providers: a command link to
// Open Dashboard whose argument the command accepts (dashboardFocusArg), and none for router pseudo-models.
import { describe, expect, it } from 'vitest';
import { hoverMarkdown } from '../../src/core/refs/present';
import { dashboardFocusArg } from '../../src/core/bridge/protocolGuard';
import type { ModelRef } from '../../src/core/refs/types';
import { fixtureCatalog } from './refsFixtureCatalog';

const TODAY = '2026-07-29';

function hoverFor(id: string): string {
  const model = fixtureCatalog().resolve(id)?.model ?? null;
  const ref = { id, raw: id } as unknown as ModelRef;
  return hoverMarkdown({ ref, model, aliasTarget: null, ranked: null, refId: 'r1', suggestions: [], today: TODAY });
}

function providersLink(markdown: string): { command: string; arg: unknown } | null {
  const m = /\[Providers\]\(command:([^?)]+)\?([^)]+)\)/.exec(markdown);
  if (m === null) return null;
  return { command: m[1]!, arg: JSON.parse(decodeURIComponent(m[2]!)) as unknown };
}

describe('hover: Providers link', () => {
  it('opens the dashboard at the model, with an argument the command accepts', () => {
    const link = providersLink(hoverFor('openai/gpt-oss-20b:free'));
    expect(link?.command).toBe('modelRadar.openDashboard');
    expect(dashboardFocusArg(Array.isArray(link?.arg) ? link.arg[0] : link?.arg)).toBe('openai/gpt-oss-20b:free');
  });

  it('no link for a router (it has no providers of its own) or an id the catalog does not know', () => {
    expect(providersLink(hoverFor('openrouter/auto'))).toBeNull();
    expect(providersLink(hoverFor('acme/unknown-model'))).toBeNull();
  });
});
