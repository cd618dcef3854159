// `providers/get`: from a model id to the answer the dashboard shows. The id is resolved through the catalog
// (an id it does not know is refused here, before any request), the endpoints come through the cache (TTL and
// hourly budget), and the view prices the user's own mix on each provider.
import type { ProvidersResult, TokenMix } from '../../shared/types';
import type { CatalogIndex } from '../market/catalog';
import { DEFAULT_MIX } from '../market/compare';
import type { ParsedEndpoints } from '../openrouter/endpointsSchema';
import { createProvidersCache, type ProvidersCache } from './cache';
import { endpointPathFor } from './endpointPath';
import { buildProvidersView } from './view';

export interface ProvidersServiceDeps {
  index(): CatalogIndex | null;
  fetch(model: { author: string; slug: string }): Promise<ParsedEndpoints>;
  /** The user's real mix on a model (spend history, else activity); null: the default mix, labelled as such. */
  mixFor(modelId: string): TokenMix | null;
  now(): number;
}

export interface ProvidersService {
  get(modelId: string, refresh?: boolean): Promise<ProvidersResult>;
  readonly cache: ProvidersCache;
}

export function createProvidersService(deps: ProvidersServiceDeps): ProvidersService {
  const cache = createProvidersCache({ fetch: (m) => deps.fetch(m), now: () => deps.now() });
  return {
    cache,
    async get(modelId, refresh = false) {
      const unavailable = (reason: 'badId' | 'unknownModel', idError: Extract<ProvidersResult, { status: 'unavailable' }>['idError'] = null): ProvidersResult => ({
        status: 'unavailable',
        modelId,
        reason,
        idError,
        cause: null,
        retryAt: null,
      });
      const index = deps.index();
      // The webview names models; only ones the catalog knows are asked about (no request for an arbitrary string).
      const hit = index?.resolve(modelId) ?? null;
      if (index === null || hit === null) return unavailable('unknownModel');
      const path = endpointPathFor(modelId, index);
      if (!path.ok) return unavailable('badId', path.error);
      const fetched = await cache.get(path, { refresh });
      if (!fetched.ok) return { status: 'unavailable', modelId, reason: fetched.reason, idError: null, cause: fetched.error, retryAt: fetched.retryAt };
      const model = index.resolve(path.model)?.model ?? hit.model;
      return {
        status: 'ok',
        view: buildProvidersView({
          modelId,
          endpointModel: path.model,
          parsed: fetched.parsed,
          model,
          mix: deps.mixFor(model.id) ?? DEFAULT_MIX,
          fetchedAt: fetched.fetchedAt,
          now: deps.now(),
        }),
      };
    },
  };
}
