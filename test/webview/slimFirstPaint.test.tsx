// The sidebar's first paint comes from the slim init (src/core/bridge/payload.ts): it must read exactly as the
// full catalog would make it read, for spend, your models and the leaders.
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from './support/fakeHost';
import { sidebarFirstSnapshot } from '../../src/core/bridge/payload';
import type { Snapshot } from '../../src/shared/types';
import { catalogView, initPayload, largeCatalog, liveSnapshot, managementSnapshot, modelRef, noKeySnapshot, referencesView } from '../support/snapshotBuilders';

afterEach(() => cleanup());

const SECTIONS = ['Spend', 'Your models', 'Leaders'];

async function sectionsText(snapshot: Snapshot, references = referencesView()): Promise<string[]> {
  await renderApp({ init: initPayload({ snapshot, references }) });
  const text = SECTIONS.map((name) => screen.queryByRole('region', { name })?.textContent ?? '');
  cleanup();
  return text;
}

function withBigCatalog(s: Snapshot): Snapshot {
  return { ...s, catalog: catalogView([...(s.catalog?.models ?? []), ...largeCatalog(300).models]) };
}

describe('slim first paint of the sidebar', () => {
  const cases: [string, Snapshot, ReturnType<typeof referencesView>][] = [
    ['management key, activity and references', withBigCatalog(managementSnapshot()), referencesView()],
    ['inference key, prefixed and variant references', withBigCatalog(liveSnapshot()), referencesView([modelRef('openrouter/moonshotai/kimi-k3', { refId: 'a' }), modelRef('z-ai/glm-5.2:free', { refId: 'b' }), modelRef('acme/not-a-model', { refId: 'c', known: false })])],
    ['no key, popularity order only', withBigCatalog(noKeySnapshot()), referencesView([modelRef('qwen/qwen3-coder')])],
  ];
  for (const [name, snapshot, references] of cases) {
    it(`reads the same as with the full catalog: ${name}`, async () => {
      const slim = sidebarFirstSnapshot(snapshot, references);
      expect(slim.partial).toBe(true);
      const full = await sectionsText(snapshot, references);
      expect(full.every((t) => t.length > 0)).toBe(true);
      expect(await sectionsText(slim.snapshot, references)).toEqual(full);
    });
  }
});
