// UI state that survives the webview being hidden or reloaded: what is collapsed, filters, sort, the
// chosen compare model and a custom token mix. Only this goes to vscode.setState — never resource data,
// which always comes fresh from the host.
import type { Region, TokenMix } from '../../src/shared/types';
import type { VsCodeApi } from './host';
import { asRecord as rec } from '../../src/shared/isRecord';

export type SectionId = 'spend' | 'models' | 'leaders' | 'compare' | 'catalog' | 'scatter' | 'daily' | 'savings' | 'changes' | 'trend' | 'providers';
export const SECTION_IDS: readonly SectionId[] = ['spend', 'models', 'leaders', 'compare', 'catalog', 'scatter', 'daily', 'savings', 'changes', 'trend', 'providers'];

export type CatalogSort = 'input' | 'output' | 'context' | 'tokens' | 'coding' | 'newest';
export const CATALOG_SORTS: readonly CatalogSort[] = ['input', 'output', 'context', 'tokens', 'coding', 'newest'];

export interface CatalogFilters {
  query: string;
  region: Region | 'all';
  author: string;
  free: boolean;
  tools: boolean;
  minContext: number;
  modality: string;
  sort: CatalogSort;
  descending: boolean;
  page: number;
}

export type MixInput = Omit<TokenMix, 'source'>;

export interface UiState {
  collapsed: Partial<Record<SectionId, boolean>>;
  catalog: CatalogFilters;
  compareModel: string | null;
  customMix: MixInput | null;
}

export const DEFAULT_FILTERS: CatalogFilters = {
  query: '',
  region: 'all',
  author: 'all',
  free: false,
  tools: false,
  minContext: 0,
  modality: 'all',
  sort: 'tokens',
  descending: true,
  page: 0,
};

function nonNegative(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;
}

/** State from an older version or a corrupted store falls back field by field, never as a whole. */
export function parseUiState(raw: unknown): UiState {
  const r = rec(raw) ?? {};
  const collapsed: Partial<Record<SectionId, boolean>> = {};
  const c = rec(r.collapsed) ?? {};
  for (const id of SECTION_IDS) if (typeof c[id] === 'boolean') collapsed[id] = c[id];
  const f = rec(r.catalog) ?? {};
  const d = DEFAULT_FILTERS;
  const regions: readonly string[] = ['all', 'CN', 'US', 'EU', 'OTHER', 'UNKNOWN'];
  const catalog: CatalogFilters = {
    query: typeof f.query === 'string' ? f.query.slice(0, 200) : d.query,
    region: typeof f.region === 'string' && regions.includes(f.region) ? (f.region as CatalogFilters['region']) : d.region,
    author: typeof f.author === 'string' ? f.author : d.author,
    free: typeof f.free === 'boolean' ? f.free : d.free,
    tools: typeof f.tools === 'boolean' ? f.tools : d.tools,
    minContext: nonNegative(f.minContext) ?? d.minContext,
    modality: typeof f.modality === 'string' ? f.modality : d.modality,
    sort: typeof f.sort === 'string' && (CATALOG_SORTS as readonly string[]).includes(f.sort) ? (f.sort as CatalogSort) : d.sort,
    descending: typeof f.descending === 'boolean' ? f.descending : d.descending,
    page: Number.isInteger(f.page) && (f.page as number) >= 0 ? (f.page as number) : d.page,
  };
  const m = rec(r.customMix);
  const input = nonNegative(m?.input);
  const output = nonNegative(m?.output);
  const cacheRead = nonNegative(m?.cacheRead);
  return {
    collapsed,
    catalog,
    compareModel: typeof r.compareModel === 'string' ? r.compareModel : null,
    customMix: input !== null && output !== null && cacheRead !== null ? { input, output, cacheRead } : null,
  };
}

/** `get` and `subscribe` are properties, not methods: useSyncExternalStore takes them unbound. */
export interface UiStateStore {
  get: () => UiState;
  update(change: (s: UiState) => UiState): void;
  subscribe: (listener: () => void) => () => void;
}

export function createUiStateStore(api: Pick<VsCodeApi, 'getState' | 'setState'>): UiStateStore {
  let state = parseUiState(safeGet(api));
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    update(change) {
      const next = change(state);
      if (next === state) return;
      state = next;
      api.setState(state);
      for (const l of [...listeners]) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function safeGet(api: Pick<VsCodeApi, 'getState'>): unknown {
  try {
    return api.getState();
  } catch (_err) {
    return undefined;
  }
}
