// The data service: OpenRouter client → poller tasks → snapshot store. Pure (web globals only): the host
// injects keys, storage, settings and logging. Data flows one way, into the store; everything else reads it.
import type { AllowedModelsState, CompareResult, ErrorKind, KeysState, ManagementKeyKind, ResourceName, Snapshot, SpendHistoryResult, SpendWindow, TokenMix } from '../../shared/types';
import type { ApiActivityItem, ApiKeyData, ApiModel, ApiRankingRow } from '../openrouter/apiTypes';
import { createOpenRouterClient, type CreditsData, type OpenRouterClient } from '../openrouter/client';
import { OpenRouterError, toErrorInfo } from '../openrouter/errors';
import { createPoller, type Poller, type PollerClock } from './poller';
import { createSnapshotStore, trackPollerEvents, type SnapshotStorage, type SnapshotStore } from './snapshotStore';
import { buildCatalog, createCatalogIndex, type CatalogIndex } from '../market/catalog';
import { createRegionResolver, type RegionResolver } from '../market/regions';
import { buildOrderView, buildRankingsView, defaultWindows } from '../market/rankings';
import { buildTrendView, DEFAULT_TREND_WEEKS, trendWindow } from '../market/trend';
import { bundledRankingsView, parseBundledRankings, type BundledRankings } from '../data/bundledRankings';
import { buildUsageView } from '../account/usage';
import { buildActivityView, resolveActivityModels, tokenMixFromActivity } from '../account/activity';
import { alternatives, DEFAULT_MIX } from '../market/compare';
import { classifyKeyCheck, isManagementKeyData, type KeyCheck } from '../account/keyCheck';
import type { L10n } from '../l10n';
import { refreshIntervalsMs, type Settings } from './settings';
import { trustedUsage } from '../status/levels';
import { createSpendHistoryCache, type SpendHistoryCache } from '../spend/historyCache';
import { historyMix } from '../spend/reprice';
import { createAllowedMatcher, knownAllowedState, type AllowedMatcher } from '../market/allowed';
import { allowanceLookup } from '../../shared/allowed';

/** The window whose spend history gives a model's real token mix (workloadMix). */
const WORKLOAD_WINDOW = 30;
import { createProvidersService, type ProvidersService } from '../providers/service';
import type { ProvidersResult } from '../../shared/types';

export interface RadarKeys {
  inference(): Promise<string | undefined>;
  management(): Promise<string | undefined>;
  state(): Promise<KeysState>;
  /**
   * Persists what GET /key (or a 403) showed the management slot's key to be. Stored beside the key, never
   * with it; a key saved later replaces it.
   */
  setManagementKind?(kind: ManagementKeyKind): Promise<void>;
}

export interface BundledCatalog {
  /** "YYYY-MM-DD" of the capture. */
  capturedAt: string;
  models: ApiModel[];
}

export interface RadarOptions {
  keys: RadarKeys;
  storage?: SnapshotStorage;
  settings: () => Settings;
  /** Loads the catalog snapshot shipped with the extension; used only until a live or cached catalog exists. */
  bundledCatalog?: () => Promise<BundledCatalog | null>;
  /** Loads the rankings snapshot shipped with the extension (JSON, checked here); shown until live or cached rankings exist. */
  bundledRankings?: () => Promise<unknown>;
  log?: (level: 'debug' | 'info' | 'warn', line: string) => void;
  fetch?: typeof fetch;
  now?: () => number;
  clock?: PollerClock;
  random?: () => number;
  /** Client options for tests (short timeouts, injected sleep). */
  clientOptions?: { timeoutMs?: number; maxRetries?: number; sleep?: (ms: number, signal?: AbortSignal) => Promise<void>; crossOrigin?: boolean; isOnline?: () => boolean };
}


/** The weekly trend changes once a week: one period=week request a day at most, cached with the snapshot. */
export const TREND_MIN_GAP_MS = 24 * 60 * 60_000;

export class Radar {
  readonly store: SnapshotStore;
  private client: OpenRouterClient;
  private poller: Poller | null = null;
  private regions: RegionResolver;
  private index: CatalogIndex | null = null;
  private active = false;
  private disposed = false;
  private keysState: KeysState = { inference: 'none', management: false };
  private keysResolved = false;
  // Raw responses kept in memory so settings changes (region overrides) and a new catalog can recompute views.
  private apiModels: ApiModel[] | null = null;
  private rankingRows: { rows: readonly ApiRankingRow[]; asOf: string | null; dropped: number } | null = null;
  private orderIds: { ids: readonly string[]; asOf: string } | null = null;
  private trendRows: { rows: readonly ApiRankingRow[]; asOf: string | null; dropped: number; at: number } | null = null;
  private bundledRankings: BundledRankings | null = null;
  private keyData: ApiKeyData | null = null;
  private credits: CreditsData | null = null;
  /** One GET /key for the management slot at a time: /credits and /activity both wait for it. */
  private verifying: Promise<ManagementKeyKind | null> | null = null;
  private baseUrl: string;
  private overridesKey: string;
  /** Per-model spend history per window (analytics, or the /activity fallback), cached within rate limits. */
  private readonly history: SpendHistoryCache;
  private readonly workloadListeners = new Set<() => void>();
  /** GET /models/user as last read for the current inference key (memory only: re-read at start and per key). */
  private allowed: { matcher: AllowedMatcher; fetchedAt: number } | null = null;
  /** Bumped on every key change: an answer about an earlier key is not recorded. */
  private keyGeneration = 0;
  /** One model's providers (GET /models/{author}/{slug}/endpoints), on demand, cached within an hourly budget. */
  private readonly providerTables: ProvidersService;

  constructor(private readonly options: RadarOptions) {
    const settings = options.settings();
    this.baseUrl = settings.apiBaseUrl;
    this.overridesKey = JSON.stringify(settings.regions.overrides);
    this.regions = createRegionResolver(settings.regions.overrides);
    this.client = this.createClient();
    this.history = createSpendHistoryCache({
      query: async (body) => {
        const key = await this.options.keys.management();
        if (!key) throw new OpenRouterError({ kind: 'config', path: '/api/v1/analytics/query', message: '/api/v1/analytics/query: no management key is set.' });
        await this.ensureManagementKey(key, new AbortController().signal, 'activity');
        return this.client.queryAnalytics(body, { key });
      },
      activity: () => this.store.get().activity,
      activityError: () => this.store.get().resources.activity.error,
      management: () => (!this.keysState.management ? 'none' : this.managementKind() === 'notManagement' ? 'notManagement' : 'usable'),
      now: this.now,
      // Comparisons price the last 30 days' mix (workloadMix): every view that shows one must ask again.
      onStored: (window, result) => {
        if (window === WORKLOAD_WINDOW && result.status === 'ok') for (const l of [...this.workloadListeners]) l();
      },
    });
    this.providerTables = createProvidersService({
      index: () => this.index,
      // The inference key, when there is one, is what makes OpenRouter fill in latency and throughput.
      fetch: async (model) => this.client.getEndpoints(model, { key: (await this.options.keys.inference()) ?? undefined }),
      mixFor: (modelId) => this.workloadMix(modelId),
      now: this.now,
    });
    this.store = createSnapshotStore({
      storage: options.storage,
      now: this.now,
      intervals: refreshIntervalsMs(settings),
      onError: (err, context) => this.log('warn', `snapshot ${context} failed: ${err instanceof Error ? err.message : String(err)}`),
    });
  }

  private readonly now = (): number => (this.options.now ?? Date.now)();

  private log(level: 'debug' | 'info' | 'warn', line: string): void {
    this.options.log?.(level, line);
  }

  private createClient(): OpenRouterClient {
    return createOpenRouterClient({
      baseUrl: this.baseUrl,
      fetch: this.options.fetch,
      now: this.options.now,
      random: this.options.random,
      ...this.options.clientOptions,
      log: (line) => this.log('debug', line),
    });
  }

  /** Restores the last good snapshot (synchronous, so the first paint has data), then starts work in the background. */
  start(): void {
    const report = this.store.load();
    if (report.restored.length) this.log('info', `restored cached ${report.restored.join(', ')}`);
    if (report.dropped.length) this.log('warn', `dropped unreadable cached ${report.dropped.join(', ')}`);
    const catalog = this.store.get().catalog;
    if (catalog) {
      this.index = createCatalogIndex(catalog.models, { regions: this.regions });
      this.resolveActivity();
    }
    void this.init();
  }

  private async init(): Promise<void> {
    if (!this.store.get().catalog && this.options.bundledCatalog) {
      try {
        const bundled = await this.options.bundledCatalog();
        if (bundled && !this.store.get().catalog) {
          this.apiModels = bundled.models;
          this.setCatalog('bundled', `${bundled.capturedAt}T00:00:00Z`);
        }
      } catch (err) {
        this.log('warn', `bundled catalog unavailable: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    // Not awaited: reading the shipped week must not hold up the first fetch; it only fills an empty view.
    void this.loadBundledRankings();
    await this.onKeysChanged();
  }

  snapshot(): Snapshot {
    return this.store.get();
  }

  /** False until the key state has been read once: before that, "no key" would be a guess. */
  get keysKnown(): boolean {
    return this.keysResolved;
  }

  /** Window focused, or a Model Radar view visible: only then is anything fetched. */
  setActive(active: boolean): void {
    this.active = active;
    this.poller?.setActive(active);
    if (active) this.store.refreshStale();
  }

  async refreshNow(resources?: readonly ResourceName[]): Promise<void> {
    if (!this.poller) await this.onKeysChanged();
    const outcomes = await this.poller?.refreshNow(resources);
    for (const o of outcomes ?? []) {
      if (o.status === 'skipped' && o.reason === 'rateGuard') this.log('info', `${o.resource}: skipped, fetched less than 30 minutes ago (Data API quota)`);
    }
  }

  /** Keys were set or cleared (here or in another window): drop what belonged to the old keys, restart polling. */
  async onKeysChanged(): Promise<void> {
    const state = await this.options.keys.state();
    if (this.disposed) return;
    const before = this.keysState;
    this.keysState = state;
    this.keysResolved = true;
    // The history belonged to the account of the old key.
    this.history.clear();
    // So did the list of models it may use: not known again until it is read for the new key.
    this.keyGeneration++;
    this.allowed = null;
    this.setAllowedState({ status: 'unknown', reason: state.inference !== 'none' ? 'pending' : state.management ? 'managementKeyOnly' : 'noKey', error: null });
    if (state.inference === 'none') this.store.setError('userModels', null);
    // Performance figures depend on whether a key was sent.
    this.providerTables.cache.clear();
    const inferenceChanged = before.inference !== state.inference || this.poller === null;
    if (state.inference === 'none') {
      this.keyData = null;
      this.rankingRows = null;
    }
    if (!state.management) {
      this.credits = null;
    }
    this.store.update((s) => ({
      ...s,
      keys: state,
      // A cached balance counts only while the management slot holds a verified management key.
      usage: state.inference === 'none' && !state.management ? null : trustedUsage(s.usage, state),
      activity: state.management ? s.activity : null,
      rankings: state.inference === 'none' && s.rankings?.mode === 'tokens' && s.rankings.source !== 'bundled' ? null : s.rankings,
    }));
    // Figures that belonged to the key are gone: the shipped week stands in until the public order arrives.
    if (this.store.get().rankings === null) this.recomputeRankings();
    if (state.inference === 'none') this.store.setError('key', null);
    if (!state.management) {
      this.store.setError('credits', null);
      this.store.setError('activity', null);
    }
    this.recomputeUsage();
    this.restartPoller(inferenceChanged);
  }

  private restartPoller(rankingsModeChanged: boolean): void {
    this.poller?.dispose();
    const s = this.store.get();
    const settings = this.options.settings();
    const track = trackPollerEvents(this.store, toErrorInfo);
    this.poller = createPoller({
      tasks: {
        models: (signal) => this.fetchModels(signal),
        rankings: (signal) => this.fetchRankings(signal),
        key: (signal) => this.fetchKey(signal),
        credits: (signal) => this.fetchCredits(signal),
        activity: (signal) => this.fetchActivity(signal),
        userModels: (signal) => this.fetchUserModels(signal),
      },
      enabled: (r) => this.enabled(r),
      intervals: refreshIntervalsMs(settings),
      clock: this.options.clock,
      random: this.options.random,
      // Cached data that is still fresh is not fetched again at start; user data is always re-read for new keys.
      lastSuccess: {
        models: s.catalog?.source === 'bundled' ? null : s.resources.models.fetchedAt,
        rankings: rankingsModeChanged ? null : s.resources.rankings.fetchedAt,
      },
      onEvent: (event) => {
        track(event);
        if (event.type === 'failure') {
          const info = toErrorInfo(event.error);
          // Expected states, not faults: an ordinary key in the management slot fails the same way every poll.
          const calm = info.kind === 'rateLimited' || info.kind === 'offline' || info.kind === 'notManagementKey';
          this.log(calm ? 'info' : 'warn', `${event.resource}: ${info.message}`);
        }
      },
    });
    this.poller.setActive(this.active);
  }

  private enabled(resource: ResourceName): boolean {
    switch (resource) {
      case 'key':
      case 'userModels':
        return this.keysState.inference !== 'none';
      case 'credits':
      case 'activity':
        return this.keysState.management;
      default:
        return true;
    }
  }

  settingsChanged(): void {
    const settings = this.options.settings();
    const intervals = refreshIntervalsMs(settings);
    this.store.setIntervals(intervals);
    this.poller?.setIntervals(intervals);
    const overridesKey = JSON.stringify(settings.regions.overrides);
    if (overridesKey !== this.overridesKey) {
      this.overridesKey = overridesKey;
      this.regions = createRegionResolver(settings.regions.overrides);
      this.recomputeTrend();
      const source = this.store.get().catalog;
      if (this.apiModels && source) this.setCatalog(source.source, source.asOf);
      else this.recomputeRankings();
    }
    if (settings.apiBaseUrl !== this.baseUrl) {
      this.baseUrl = settings.apiBaseUrl;
      this.client = this.createClient();
      this.log('info', `API base URL changed to ${new URL(this.baseUrl).origin}; refreshing`);
      this.rankingRows = null;
      this.orderIds = null;
      this.history.clear();
      this.providerTables.cache.clear();
      this.restartPoller(true);
      void this.refreshNow();
    }
  }

  // --- tasks -------------------------------------------------------------------------------------------

  private async fetchModels(signal: AbortSignal): Promise<void> {
    const result = await this.client.listModels({ signal });
    if (result.dropped > 0) this.log('warn', `/models: ${result.dropped} entries failed validation and were left out`);
    this.apiModels = result.data;
    this.setCatalog('live', new Date(this.now()).toISOString());
  }

  private setCatalog(source: 'live' | 'cache' | 'bundled', asOf: string | null): void {
    if (!this.apiModels) return;
    const models = buildCatalog(this.apiModels, { regions: this.regions });
    const index = createCatalogIndex(models, { regions: this.regions });
    this.index = index;
    this.store.update((s) => ({ ...s, catalog: { models, source, asOf }, activity: resolveActivityModels(s.activity, index) }));
    this.recomputeAllowed();
    this.recomputeRankings();
  }

  // --- what the key may use (GET /models/user) -------------------------------------------------------------

  private setAllowedState(state: AllowedModelsState): void {
    this.store.update((s) => ({ ...s, allowedModels: state }));
  }

  /** A new catalog is judged against the list already read: no request. */
  private recomputeAllowed(): void {
    const a = this.allowed;
    if (a === null) return;
    const prev = this.store.get().allowedModels;
    this.setAllowedState(knownAllowedState(this.index, a.matcher, a.fetchedAt, prev?.status === 'known' ? prev.error : null));
  }

  /**
   * Read with the inference key: the list reflects that key's guardrails (intersected with the account's), and it
   * is the key requests go out with. A failure that says nothing about the key (offline, rate limited, a 5xx)
   * keeps the list already read for this key; a refusal (401, 403) or a first failure leaves it unknown.
   */
  private async fetchUserModels(signal: AbortSignal): Promise<void> {
    const generation = this.keyGeneration;
    const key = await this.options.keys.inference();
    if (!key) return;
    try {
      const result = await this.client.getUserModels({ key, signal });
      if (generation !== this.keyGeneration) return;
      if (!result.complete || result.dropped > 0) {
        this.log('warn', `/models/user: ${result.dropped > 0 ? `${result.dropped} entries could not be read` : `${result.models.length} of ${result.totalCount ?? '?'} models read`}; no model is marked`);
        this.allowed = null;
        this.setAllowedState({ status: 'unknown', reason: 'incomplete', error: null });
        return;
      }
      const matcher = createAllowedMatcher(result.models);
      const at = this.now();
      this.allowed = { matcher, fetchedAt: at };
      this.setAllowedState(knownAllowedState(this.index, matcher, at));
    } catch (err) {
      if (generation === this.keyGeneration) {
        const error = toErrorInfo(err);
        const prev = this.store.get().allowedModels;
        if (error.kind !== 'cancelled') {
          if (this.allowed !== null && prev?.status === 'known' && KEEP_ALLOWED_ON.includes(error.kind)) this.setAllowedState({ ...prev, error });
          else {
            this.allowed = null;
            this.setAllowedState({ status: 'unknown', reason: 'failed', error });
          }
        }
      }
      throw err;
    }
  }

  private async fetchRankings(signal: AbortSignal): Promise<void> {
    const key = this.keysState.inference !== 'none' ? await this.options.keys.inference() : undefined;
    if (key) {
      const windows = defaultWindows(this.now());
      try {
        const result = await this.client.rankingsDaily({ startDate: windows.fetch.start, endDate: windows.fetch.end, key, signal });
        this.rankingRows = { rows: result.data, asOf: result.meta.as_of ?? null, dropped: result.dropped };
        if (result.dropped > 0) this.log('warn', `/datasets/rankings-daily: ${result.dropped} rows failed validation and were left out`);
        this.orderIds = null;
        this.recomputeRankings();
        await this.fetchTrendIfDue(key, signal);
        return;
      } catch (err) {
        // A key the Data API refuses still leaves the public popularity order; the key's own state says why.
        if (!(OpenRouterError.is(err) && (err.kind === 'unauthorized' || err.kind === 'forbidden'))) throw err;
        this.log('info', 'rankings: the Data API refused the key; showing the public popularity order');
      }
    }
    const ids = await this.client.topWeeklyOrder({ signal });
    this.orderIds = { ids, asOf: new Date(this.now()).toISOString() };
    this.rankingRows = null;
    this.recomputeRankings();
  }

  /**
   * The weekly trend rides on the rankings task with the same key, but asks at most once a day (the last
   * attempt is persisted with the snapshot, so a restart does not ask again). A failure is recorded beside the
   * last good view, never over it, and never fails the daily rankings.
   */
  private async fetchTrendIfDue(key: string, signal: AbortSignal): Promise<void> {
    const now = this.now();
    const last = this.store.get().trend?.attemptedAt ?? null;
    if (last !== null && now - last < TREND_MIN_GAP_MS && now >= last) return;
    this.store.update((s) => ({ ...s, trend: { view: s.trend?.view ?? null, fetchedAt: s.trend?.fetchedAt ?? null, attemptedAt: now, error: s.trend?.error ?? null } }));
    const win = trendWindow(now, DEFAULT_TREND_WEEKS);
    try {
      const result = await this.client.rankingsDaily({ startDate: win.start, endDate: win.end, period: 'week', key, signal });
      if (result.dropped > 0) this.log('warn', `/datasets/rankings-daily?period=week: ${result.dropped} rows failed validation and were left out`);
      this.trendRows = { rows: result.data, asOf: result.meta.as_of ?? null, dropped: result.dropped, at: now };
      this.recomputeTrend();
    } catch (err) {
      const error = toErrorInfo(err);
      this.log('info', `weekly trend: ${error.message}`);
      this.store.update((s) => ({ ...s, trend: { view: s.trend?.view ?? null, fetchedAt: s.trend?.fetchedAt ?? null, attemptedAt: now, error } }));
    }
  }

  private recomputeTrend(): void {
    const t = this.trendRows;
    if (t === null) return;
    const view = buildTrendView(t.rows, { now: t.at, asOf: t.asOf, regions: this.regions, droppedRows: t.dropped });
    this.store.update((s) => ({ ...s, trend: { view, fetchedAt: t.at, attemptedAt: s.trend?.attemptedAt ?? t.at, error: null } }));
  }

  /** Before a key, or offline, the leaders show the shipped week, labelled as such, rather than nothing. */
  private async loadBundledRankings(): Promise<void> {
    if (this.store.get().rankings || !this.options.bundledRankings) return;
    try {
      const parsed = parseBundledRankings(await this.options.bundledRankings());
      if (parsed === null) {
        this.log('warn', 'bundled rankings snapshot unreadable; leaders wait for live data');
        return;
      }
      this.bundledRankings = parsed;
      this.recomputeRankings();
    } catch (err) {
      this.log('warn', `bundled rankings unavailable: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private recomputeRankings(): void {
    if (this.rankingRows) {
      const windows = defaultWindows(this.now());
      const view = buildRankingsView(this.rankingRows.rows, { window: windows.current, asOf: this.rankingRows.asOf, index: this.index, regions: this.regions, now: this.now(), droppedRows: this.rankingRows.dropped });
      this.store.update((s) => ({ ...s, rankings: view }));
    } else if (this.orderIds) {
      const view = buildOrderView(this.orderIds.ids, { index: this.index, regions: this.regions, asOf: this.orderIds.asOf });
      this.store.update((s) => ({ ...s, rankings: view }));
    } else if (this.bundledRankings) {
      const bundled = this.bundledRankings;
      // Only in place of nothing, or of an earlier bundled view: never over cached or live rankings.
      const currentSource = this.store.get().rankings?.source;
      if (currentSource !== undefined && currentSource !== 'bundled') return;
      const view = bundledRankingsView(bundled, { index: this.index, regions: this.regions });
      this.store.update((s) => ({ ...s, rankings: view }));
    }
  }

  private async fetchKey(signal: AbortSignal): Promise<void> {
    const key = await this.options.keys.inference();
    if (!key) return;
    this.keyData = await this.client.getKey({ key, signal });
    this.recomputeUsage();
  }

  private async fetchCredits(signal: AbortSignal): Promise<void> {
    const key = await this.options.keys.management();
    if (!key) return;
    await this.ensureManagementKey(key, signal, 'credits');
    try {
      this.credits = await this.client.getCredits({ key, signal });
    } catch (err) {
      throw await this.forbiddenMeansOrdinaryKey(err, key, 'credits');
    }
    this.recomputeUsage();
  }

  private managementKind(): ManagementKeyKind {
    return this.keysState.managementKind ?? 'unverified';
  }

  /**
   * /credits and /activity figures count only from a key GET /key confirmed as a management key. An unverified
   * key (saved while OpenRouter could not be asked) is checked at this, the next contact; an ordinary one is
   * not sent to them at all.
   */
  private async ensureManagementKey(key: string, signal: AbortSignal, resource: 'credits' | 'activity'): Promise<void> {
    let kind: ManagementKeyKind | null = this.managementKind();
    if (kind === 'unverified') {
      this.verifying ??= this.verifyManagementKey(key, signal).finally(() => {
        this.verifying = null;
      });
      kind = await this.verifying;
    }
    // The key changed while it was being checked: this run is about a key that is gone.
    if (kind === null) throw new OpenRouterError({ kind: 'cancelled', path: `/api/v1/${resource}`, message: `/api/v1/${resource}: the management key changed; checking the new one.` });
    if (kind === 'notManagement') throw notManagementKeyError(resource);
  }

  /** What GET /key says the key is; null when the slot holds another key by the time it answers. */
  private async verifyManagementKey(key: string, signal: AbortSignal): Promise<ManagementKeyKind | null> {
    const data = await this.client.getKey({ key, signal });
    const kind: ManagementKeyKind = isManagementKeyData(data) ? 'management' : 'notManagement';
    return (await this.recordManagementKind(key, kind)) ? kind : null;
  }

  /** A 403 from /credits or /activity is OpenRouter's "only management keys can perform this operation". */
  private async forbiddenMeansOrdinaryKey(err: unknown, key: string, resource: 'credits' | 'activity'): Promise<unknown> {
    if (!OpenRouterError.is(err, 'forbidden')) return err;
    await this.recordManagementKind(key, 'notManagement');
    return notManagementKeyError(resource);
  }

  /** False when the slot no longer holds `key`: nothing is recorded then. */
  private async recordManagementKind(key: string, kind: ManagementKeyKind): Promise<boolean> {
    // The user may have set another key while we asked: what we learnt is about the old one.
    if ((await this.options.keys.management()) !== key || this.disposed) return false;
    if (this.managementKind() === kind) return true;
    this.log('info', kind === 'management' ? 'management key verified with GET /key' : 'the management key slot holds an ordinary key; balance and activity are unavailable');
    this.keysState = { ...this.keysState, managementKind: kind };
    if (kind === 'notManagement') {
      // Figures read with an ordinary key are not the account's: an ordinary key gets /credits 0/0.
      this.credits = null;
      this.store.update((s) => ({ ...s, keys: this.keysState, activity: null, usage: trustedUsage(s.usage, this.keysState) }));
    } else {
      this.store.update((s) => ({ ...s, keys: this.keysState }));
    }
    this.recomputeUsage();
    try {
      await this.options.keys.setManagementKind?.(kind);
    } catch (err) {
      this.log('warn', `could not save the management key check: ${err instanceof Error ? err.name : 'error'}`);
    }
    return true;
  }

  private recomputeUsage(): void {
    const notManagementKey = this.keysState.management && this.managementKind() === 'notManagement';
    if (!this.keyData && !this.credits && !notManagementKey) return;
    const view = buildUsageView({
      key: this.keyData,
      credits: this.credits,
      creditsFromManagementKey: this.keysState.management && this.managementKind() === 'management',
      notManagementKey,
      now: this.now(),
    });
    this.store.update((s) => ({ ...s, usage: view }));
  }

  private async fetchActivity(signal: AbortSignal): Promise<void> {
    const key = await this.options.keys.management();
    if (!key) return;
    await this.ensureManagementKey(key, signal, 'activity');
    let result;
    try {
      result = await this.client.getActivity({ key, signal });
    } catch (err) {
      throw await this.forbiddenMeansOrdinaryKey(err, key, 'activity');
    }
    const items: readonly ApiActivityItem[] = result.data;
    const view = buildActivityView(items, { now: this.now(), droppedRows: result.dropped });
    this.store.update((s) => ({ ...s, activity: resolveActivityModels(view, this.index) }));
  }

  /** Activity rows name models as OpenRouter bills them: the catalog's resolver says which catalog model each is. */
  private resolveActivity(): void {
    this.store.update((s) => {
      const activity = resolveActivityModels(s.activity, this.index);
      return activity === s.activity ? s : { ...s, activity };
    });
  }

  // --- queries for the host ----------------------------------------------------------------------------

  async checkKey(key: string, l10n?: L10n): Promise<KeyCheck> {
    try {
      const data = await this.client.getKey({ key });
      return classifyKeyCheck({ ok: true, data }, l10n);
    } catch (err) {
      return classifyKeyCheck({ ok: false, error: toErrorInfo(err) }, l10n);
    }
  }

  catalogIndex(): CatalogIndex | null {
    return this.index;
  }

  isCatalogModel(id: string): boolean {
    return this.index?.has(id) ?? false;
  }

  /** The spend history of a window (7, 30 or 90 days): cached for 15 minutes unless `refresh`. Never rejects. */
  spendHistory(window: SpendWindow, refresh = false): Promise<SpendHistoryResult> {
    return this.history.get(window, { refresh });
  }

  /**
   * The user's real token mix on a model: the last 30 days of the spend history when it has been read (cache
   * reads included), else the /activity mix, else null (callers use the default mix and say so). Rows match
   * the model through the catalog, so a dated permaslug in the history finds its routable id.
   */
  workloadMix(modelId: string): TokenMix | null {
    const snap = this.store.get();
    const cached = this.history.peek(WORKLOAD_WINDOW);
    if (cached === null && this.keysState.management) void this.history.get(WORKLOAD_WINDOW);
    if (cached?.status === 'ok') {
      const index = this.index;
      const target = index?.resolve(modelId)?.model.id ?? null;
      const same = index && target !== null ? (m: string): boolean => index.resolve(m)?.model.id === target : undefined;
      const mix = historyMix(cached.view, modelId, same);
      if (mix) return mix;
    }
    return snap.activity ? tokenMixFromActivity(snap.activity, modelId) : null;
  }

  /**
   * The real token mixes changed (a 30-day spend history arrived, asked for by a comparison or by the dashboard):
   * comparisons made before priced the default or the /activity mix and must be asked again, in every view.
   */
  onDidChangeWorkload(listener: () => void): { dispose(): void } {
    this.workloadListeners.add(listener);
    return { dispose: () => this.workloadListeners.delete(listener) };
  }

  /** One model's providers (price on the user's mix, latency, throughput, uptime), cheapest and fastest marked. Never rejects. */
  providers(modelId: string, refresh = false): Promise<ProvidersResult> {
    return this.providerTables.get(modelId, refresh);
  }

  compare(modelId: string, mix: Omit<TokenMix, 'source'> | null, limit: number): CompareResult {
    const snap = this.store.get();
    const chosen: TokenMix = mix ? { ...mix, source: 'custom' } : (this.workloadMix(modelId) ?? DEFAULT_MIX);
    if (!this.index) return { modelId, mix: chosen, baseCost: null, alternatives: [] };
    const allowance = allowanceLookup(snap.allowedModels);
    const notAllowed = allowance.excludesAny ? (m: { id: string }): boolean => allowance.of(m.id) === 'notAllowed' : undefined;
    return alternatives(this.index, modelId, chosen, { limit, rankings: snap.rankings, now: this.now(), notAllowed });
  }

  dispose(): void {
    this.disposed = true;
    this.poller?.dispose();
    this.poller = null;
    void this.store.flush().finally(() => this.store.dispose());
  }
}

/** Failures that say nothing about what the key may use: the list already read for it stays. */
const KEEP_ALLOWED_ON: readonly ErrorKind[] = ['offline', 'timeout', 'rateLimited', 'server', 'badResponse', 'notFound'];

function notManagementKeyError(resource: 'credits' | 'activity'): OpenRouterError {
  return new OpenRouterError({
    kind: 'notManagementKey',
    status: 403,
    path: `/api/v1/${resource}`,
    message: `${resource === 'credits' ? 'Balance' : 'Activity'} unavailable: this is not a management key.`,
  });
}
