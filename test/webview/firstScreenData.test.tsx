// The data the host writes into the sidebar's page for its first screen carries only the catalog entries that
// screen reads (src/core/bridge/payload.ts firstScreenSnapshot): the leaders it lists and the models referenced or
// spent on. Cut down that far, the screen must read exactly as it does from the whole snapshot, whatever the ids
// look like (prefixes, variants, case, aliases) and however many leaders it lists.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstScreenSnapshot, sidebarFirstSnapshot } from '../../src/core/bridge/payload';
import { renderSidebarFirstScreen } from '../../webview/src/first/firstScreen';
import type { ReferencesView, Snapshot } from '../../src/shared/types';
import { MODEL_IDS, catalogModel, catalogView, largeCatalog, liveSnapshot, modelRef, noKeySnapshot, orderOnlyRankings, referencesView, settings } from '../support/snapshotBuilders';

const NOW = Date.parse('2026-07-29T12:00:00Z');

function withBigCatalog(base: Snapshot): Snapshot {
  return { ...base, catalog: catalogView([...(base.catalog?.models ?? []), ...largeCatalog(300).models]) };
}

function render(snapshot: Snapshot, references: ReferencesView, top: number): string | null {
  return renderSidebarFirstScreen({ snapshot, references, settings: settings({ leadersTop: top }), nowMs: NOW });
}

/** Every way a workspace or an account may write an id the catalog knows. */
const idForm = fc.tuple(fc.constantFrom(...MODEL_IDS, 'openrouter/auto', 'nobody/unknown-model'), fc.constantFrom('', 'openrouter/', '~'), fc.constantFrom('', ':free', ':thinking'), fc.boolean(), fc.boolean()).map(([id, prefix, variant, upper, spaced]) => {
  const s = `${prefix}${id}${variant}`;
  return `${spaced ? ' ' : ''}${upper ? s.toUpperCase() : s}`;
});

describe('the first screen from the data written into the page', () => {
  const bases: [string, Snapshot][] = [
    ['with a key', withBigCatalog(liveSnapshot())],
    ['no key', withBigCatalog(noKeySnapshot())],
    ['order only', withBigCatalog(noKeySnapshot({ rankings: orderOnlyRankings() }))],
  ];

  it.each(bases)('reads the same as from the whole snapshot (%s), with far fewer catalog entries', (_name, snapshot) => {
    const refs = referencesView([modelRef('openrouter/anthropic/claude-opus-4.7'), modelRef('moonshotai/kimi-k3:free', { refId: 'r2' })]);
    for (const top of [1, 3, 5, 20]) {
      const cut = firstScreenSnapshot(snapshot, refs, top);
      const html = render(snapshot, refs, top);
      expect(html).not.toBeNull();
      expect(render(cut, refs, top)).toBe(html);
      // Less than the sidebar's first snapshot, which carries every ranked model's entry (the same when all are listed).
      const ranked = sidebarFirstSnapshot(snapshot, refs).snapshot.catalog?.models.length ?? 0;
      if (top <= 5) expect(cut.catalog?.models.length ?? 0).toBeLessThan(ranked);
      else expect(cut.catalog?.models.length ?? 0).toBeLessThanOrEqual(ranked);
    }
  });

  it('reads the same for any references, written any way, and any number of leaders', () => {
    const snapshot = withBigCatalog(liveSnapshot({ catalog: catalogView([catalogModel(MODEL_IDS[0] as string)]) }));
    fc.assert(
      fc.property(fc.array(idForm, { maxLength: 8 }), fc.integer({ min: 1, max: 20 }), fc.boolean(), (ids, top, withModelId) => {
        const refs = referencesView(ids.map((id, i) => modelRef(id, { refId: `r${i + 1}`, ...(withModelId ? { modelId: id.trim().toLowerCase() } : {}) })));
        const full = { ...liveSnapshot(), catalog: withBigCatalog(liveSnapshot()).catalog };
        expect(render(firstScreenSnapshot(full, refs, top), refs, top)).toBe(render(full, refs, top));
        expect(render(firstScreenSnapshot(snapshot, refs, top), refs, top)).toBe(render(snapshot, refs, top));
      }),
      { numRuns: 60 },
    );
  });

  it('leaves a snapshot without a catalog as it is', () => {
    const none = noKeySnapshot({ catalog: null });
    expect(firstScreenSnapshot(none, referencesView(), 5)).toBe(none);
  });
});
