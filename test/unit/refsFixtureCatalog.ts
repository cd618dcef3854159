// The real 2026-07-29 /models capture as the catalog the reference tests resolve against.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalog, createCatalogIndex, type CatalogIndex } from '../../src/core/market/catalog';
import type { ApiModel } from '../../src/core/openrouter/apiTypes';

export const MODELS_FIXTURE = join(__dirname, '../fixtures/openrouter/models-2026-07-29.json');

let cached: CatalogIndex | null = null;

export function fixtureCatalog(): CatalogIndex {
  cached ??= createCatalogIndex(buildCatalog((JSON.parse(readFileSync(MODELS_FIXTURE, 'utf8')) as { data: ApiModel[] }).data));
  return cached;
}
