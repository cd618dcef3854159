// The catalog shipped with the extension: shown until the first live /models fetch succeeds, and used by the
// CLI's --offline. Regenerate with `node scripts/make-bundled-catalog.mjs`.
import type { ApiModel } from '../openrouter/apiTypes';
import type { CatalogView } from '../../shared/types';
import { buildCatalog } from '../market/catalog';
import type { RegionResolver } from '../market/regions';
import snapshot from './catalogSnapshot.json';

/** "YYYY-MM-DD" of the capture the snapshot was trimmed from. */
export const BUNDLED_CAPTURED_AT: string = (snapshot as { capturedAt: string }).capturedAt;

/** The raw (trimmed) entries, for callers that run their own normalisation. */
export function bundledApiModels(): ApiModel[] {
  return (snapshot as { models: ApiModel[] }).models;
}

export function bundledCatalog(regions?: RegionResolver): CatalogView {
  return {
    models: buildCatalog(bundledApiModels(), { regions }),
    source: 'bundled',
    asOf: `${BUNDLED_CAPTURED_AT}T00:00:00Z`,
  };
}
