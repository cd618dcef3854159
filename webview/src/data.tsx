// SWR is the webview's cache. Resource data arrives by push (init, then */didChange) and is written
// into the cache with mutate; the only fetches are requests over postMessage (compare results, and a
// snapshot/get fallback when no init ever came). Nothing here is persisted: resource data lives only as
// long as the view.
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import useSWR, { SWRConfig, useSWRConfig, type SWRConfiguration } from 'swr';
import type { RequestMethod, RequestParams, RequestResult, ViewKind, WebviewSettings } from '../../src/shared/protocol';
import type { CompareResult, ProvidersResult, ReferencesView, Snapshot, SpendHistoryResult, SpendWindow, WatchView } from '../../src/shared/types';
import { HostRequestError, type HostBridge } from './host';
import { configureL10n } from './l10n';
import type { MixInput, UiStateStore } from './uiState';

export interface AppServices {
  bridge: HostBridge;
  store: UiStateStore;
  /** Wall clock, injectable so ages render deterministically in tests. */
  now: () => number;
}

const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('Model Radar services are missing: render inside <DataProvider>');
  return s;
}

export const SNAPSHOT_KEY = 'snapshot';
export const REFERENCES_KEY = 'references';
export const SETTINGS_KEY = 'settings';
export const WATCH_KEY = 'watch';
/** The model whose providers the host asked to show (the hover's link), with when: the same model twice is two asks. */
export const PROVIDERS_FOCUS_KEY = 'providers/focus';
const COMPARE = 'compare/alternatives';
const SPEND_HISTORY = 'spend/history';
const PROVIDERS = 'providers/get';

/** Pushed resources never refetch on their own: the host owns freshness. */
const PUSHED: SWRConfiguration = { revalidateOnMount: false, revalidateIfStale: false, revalidateOnFocus: false, revalidateOnReconnect: false };

export function DataProvider({ services, children }: { services: AppServices; children: ReactNode }): ReactElement {
  return (
    <ServicesContext.Provider value={services}>
      <SWRConfig
        value={{
          // One cache per mounted app, so two views (or two tests) never share data.
          provider: () => new Map(),
          revalidateOnFocus: false,
          revalidateOnReconnect: false,
          shouldRetryOnError: false,
          dedupingInterval: 500,
        }}
      >
        {children}
      </SWRConfig>
    </ServicesContext.Provider>
  );
}

export function useSnapshot(): Snapshot | undefined {
  const { bridge } = useServices();
  return useSWR<Snapshot>(SNAPSHOT_KEY, () => bridge.request('snapshot/get', {}), PUSHED).data;
}

export function useReferences(): ReferencesView | undefined {
  const { bridge } = useServices();
  return useSWR<ReferencesView>(REFERENCES_KEY, () => bridge.request('references/get', {}), PUSHED).data;
}

/** The catalog watch's Changes list; undefined until the host sends one (or when it has no watch). */
export function useWatch(): WatchView | undefined {
  return useSWR<WatchView>(WATCH_KEY, null, PUSHED).data;
}

/** The last "show the providers of" ask from the host, or undefined. */
export function useProvidersFocus(): { modelId: string; at: number } | undefined {
  return useSWR<{ modelId: string; at: number }>(PROVIDERS_FOCUS_KEY, null, PUSHED).data;
}

export function useSettings(): WebviewSettings | undefined {
  return useSWR<WebviewSettings>(SETTINGS_KEY, null, PUSHED).data;
}

/** What a comparison depends on, besides the model: prices and the user's own mix. */
function comparisonBasis(s: Snapshot): string {
  return `${s.catalog?.asOf ?? ''}|${s.catalog?.models.length ?? 0}|${s.activity?.total ?? ''}|${s.rankings?.asOf ?? ''}`;
}

/**
 * Applies host pushes to the cache, then says `ready`. Subscribing first matters: the bridge hands
 * over anything that arrived earlier, and nothing posted in answer to `ready` can slip past.
 */
export function HostSync({ onView }: { onView: (view: ViewKind) => void }): null {
  const { bridge } = useServices();
  const { mutate } = useSWRConfig();
  const basis = useRef<string | null>(null);
  const onViewRef = useRef(onView);
  onViewRef.current = onView;
  useEffect(() => {
    const pricesMayHaveChanged = (s: Snapshot): void => {
      const next = comparisonBasis(s);
      if (basis.current !== null && basis.current !== next) {
        void mutate((key) => Array.isArray(key) && key[0] === COMPARE);
      }
      basis.current = next;
    };
    const off = bridge.onNotification((n) => {
      switch (n.method) {
        case 'init':
          // The bundle first: the render the data below triggers is already in the UI language.
          if (n.params.l10n) configureL10n(n.params.l10n);
          onViewRef.current(n.params.view);
          pricesMayHaveChanged(n.params.snapshot);
          void mutate(SNAPSHOT_KEY, n.params.snapshot, { revalidate: false });
          void mutate(REFERENCES_KEY, n.params.references, { revalidate: false });
          void mutate(SETTINGS_KEY, n.params.settings, { revalidate: false });
          if (n.params.watch !== undefined) void mutate(WATCH_KEY, n.params.watch, { revalidate: false });
          break;
        case 'watch/didChange':
          void mutate(WATCH_KEY, n.params, { revalidate: false });
          break;
        case 'providers/focus':
          void mutate(PROVIDERS_FOCUS_KEY, { modelId: n.params.modelId, at: Date.now() }, { revalidate: false });
          break;
        case 'snapshot/didChange':
          pricesMayHaveChanged(n.params);
          void mutate(SNAPSHOT_KEY, n.params, { revalidate: false });
          break;
        case 'references/didChange':
          void mutate(REFERENCES_KEY, n.params, { revalidate: false });
          break;
        case 'settings/didChange':
          void mutate(SETTINGS_KEY, n.params, { revalidate: false });
          break;
        case 'workload/didChange':
          // The host has the user's real token mix now: the comparisons on show priced another one.
          void mutate((key) => Array.isArray(key) && key[0] === COMPARE);
          break;
      }
    });
    bridge.ready();
    return off;
  }, [bridge, mutate]);
  return null;
}

/** Asks the host for what `init` should have brought, for the rare case it never came. */
export function useRequestInitialData(): () => void {
  const { mutate } = useSWRConfig();
  return useCallback(() => {
    void mutate(SNAPSHOT_KEY);
    void mutate(REFERENCES_KEY);
  }, [mutate]);
}

export interface CompareState {
  data: CompareResult | undefined;
  error: HostRequestError | undefined;
  loading: boolean;
  retry: () => void;
}

export function useCompare(modelId: string | null, mix: MixInput | null, limit: number, revision = ''): CompareState {
  const { bridge } = useServices();
  // `revision`: what else the answer depends on (which models the key may use): a change asks again.
  const key = modelId ? ([COMPARE, modelId, mix, limit, revision] as const) : null;
  const { data, error, isLoading, mutate } = useSWR<CompareResult, HostRequestError>(
    key,
    ([, id, m, l]: readonly [string, string, MixInput | null, number, string]) => bridge.request('compare/alternatives', { modelId: id, mix: m, limit: l }),
    { keepPreviousData: true },
  );
  // Kept previous data is fine for a changed mix, but alternatives to another model would mislead.
  const current = isLoading && data && data.modelId !== modelId ? undefined : data;
  return { data: current, error, loading: isLoading, retry: () => void mutate() };
}

export interface ActionState<M extends RequestMethod> {
  run: (params: RequestParams<M>) => Promise<RequestResult<M> | undefined>;
  pending: boolean;
  error: HostRequestError | null;
  result: RequestResult<M> | null;
}

/** A user action sent to the host; failures become state the component shows, never a throw. */
export function useAction<M extends RequestMethod>(method: M): ActionState<M> {
  const { bridge } = useServices();
  const [state, setState] = useState<{ pending: boolean; error: HostRequestError | null; result: RequestResult<M> | null }>({ pending: false, error: null, result: null });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(
    async (params: RequestParams<M>): Promise<RequestResult<M> | undefined> => {
      setState({ pending: true, error: null, result: null });
      try {
        const result = await bridge.request(method, params);
        if (mounted.current) setState({ pending: false, error: null, result });
        return result;
      } catch (err) {
        const error = err instanceof HostRequestError ? err : new HostRequestError('failed', err instanceof Error ? err.message : String(err));
        if (mounted.current) setState({ pending: false, error, result: null });
        return undefined;
      }
    },
    [bridge, method],
  );
  return { ...state, run };
}

export interface SpendHistoryState {
  data: SpendHistoryResult | undefined;
  error: HostRequestError | undefined;
  loading: boolean;
  /** Asks the host to query again now, past its 15-minute cache. */
  refresh: () => void;
}

/**
 * The spend history of a window. `keyState` is part of the cache key, so setting or changing the management
 * key asks again; null asks nothing (no management key). A history that arrives re-runs the comparisons: they price the user's real mix from it.
 */
export function useSpendHistory(window: SpendWindow, keyState: string | null): SpendHistoryState {
  const { bridge } = useServices();
  const { mutate: mutateAll } = useSWRConfig();
  const { data, error, isLoading, mutate } = useSWR<SpendHistoryResult, HostRequestError>(
    keyState === null ? null : ([SPEND_HISTORY, window, keyState] as const),
    ([, w]: readonly [string, SpendWindow, string]) => bridge.request('spend/history', { window: w }),
    { keepPreviousData: false, revalidateIfStale: false, onSuccess: (r) => {
      if (r.status === 'ok') void mutateAll((key) => Array.isArray(key) && key[0] === COMPARE);
    } },
  );
  const [refreshing, setRefreshing] = useState<{ pending: boolean; error: HostRequestError | undefined }>({ pending: false, error: undefined });
  const refresh = useCallback(() => {
    setRefreshing({ pending: true, error: undefined });
    bridge.request('spend/history', { window, refresh: true }).then(
      (r) => {
        setRefreshing({ pending: false, error: undefined });
        void mutate(r, { revalidate: false });
        if (r.status === 'ok') void mutateAll((key) => Array.isArray(key) && key[0] === COMPARE);
      },
      (err: unknown) => setRefreshing({ pending: false, error: err instanceof HostRequestError ? err : new HostRequestError('failed', String(err)) }),
    );
  }, [bridge, mutate, mutateAll, window]);
  return { data, error: refreshing.error ?? error, loading: isLoading || refreshing.pending, refresh };
}

export interface ProvidersState {
  data: ProvidersResult | undefined;
  error: HostRequestError | undefined;
  loading: boolean;
  /** Asks the host again now, past its 15-minute cache (its hourly budget and a 429's Retry-After still hold). */
  refresh: () => void;
}

/**
 * One model's providers, asked for only when `modelId` is set (the user opened that model): nothing is fetched for
 * models nobody looks at. `keyState` is part of the cache key: a new key may add the performance figures.
 */
export function useProviders(modelId: string | null, keyState: string): ProvidersState {
  const { bridge } = useServices();
  const { data, error, isLoading, mutate } = useSWR<ProvidersResult, HostRequestError>(
    modelId === null ? null : ([PROVIDERS, modelId, keyState] as const),
    ([, id]: readonly [string, string, string]) => bridge.request('providers/get', { modelId: id }),
    { keepPreviousData: false, revalidateIfStale: false },
  );
  const [refreshing, setRefreshing] = useState<{ pending: boolean; error: HostRequestError | undefined }>({ pending: false, error: undefined });
  const refresh = useCallback(() => {
    if (modelId === null) return;
    setRefreshing({ pending: true, error: undefined });
    bridge.request('providers/get', { modelId, refresh: true }).then(
      (r) => {
        setRefreshing({ pending: false, error: undefined });
        void mutate(r, { revalidate: false });
      },
      (err: unknown) => setRefreshing({ pending: false, error: err instanceof HostRequestError ? err : new HostRequestError('failed', String(err)) }),
    );
  }, [bridge, modelId, mutate]);
  return { data, error: refreshing.error ?? error, loading: isLoading || refreshing.pending, refresh };
}
