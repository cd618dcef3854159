// Plain data shared by the extension host, the core and the webview.
// Everything here must survive JSON (postMessage, Memento): no bigint, no Date, no Map.
// Token totals can exceed 2^53 over long windows, so they travel as decimal strings.
import type { TrendState } from './trend';

// Enum lists are written once, as const arrays: the types derive from them, and so do the schemas
// (src/shared/snapshotSchema.ts) that check the same data at runtime.
export const REGIONS = ['CN', 'US', 'EU', 'OTHER', 'UNKNOWN'] as const;
export type Region = (typeof REGIONS)[number];
/** The one name of each region every surface shows (sidebar, dashboard, CLI). */
export const REGION_LABELS: Readonly<Record<Region, string>> = {
  CN: 'China',
  US: 'US',
  EU: 'Europe',
  OTHER: 'Other',
  UNKNOWN: 'Unknown',
};

/** Why a request to OpenRouter failed. Decided by status and error_type, never by message text. */
export const ERROR_KINDS = [
  'offline',
  'timeout',
  'unauthorized',
  'paymentRequired',
  'forbidden',
  'notFound',
  'rateLimited',
  'server',
  'badResponse',
  'cancelled',
  'config',
  /** The key in the management slot is an ordinary key: /credits and /activity are not for it (a 403, or GET /key says so). */
  'notManagementKey',
  /** The browser refused the request (cross-origin, in the web extension host): no response reached Model Radar. */
  'blocked',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface ErrorInfo {
  kind: ErrorKind;
  /** Human-readable, never contains a key. */
  message: string;
  status?: number;
  retryAfterMs?: number;
}

/** Prices in US dollars per 1M tokens; per-unit prices (request, web search, image) in US dollars per unit. */
export interface ModelPrice {
  input: number | null;
  output: number | null;
  cacheRead: number | null;
  cacheWrite: number | null;
  reasoning: number | null;
  /** USD per request. */
  request: number | null;
  /** USD per web search. */
  webSearch: number | null;
  /** USD per input image. */
  image: number | null;
}

/** A conditional price tier (long context, or a UTC time window). Prices in $/1M. */
export interface PriceOverride {
  minPromptTokens: number | null;
  /** HHMM, half-open window, may wrap midnight. */
  utcStart: number | null;
  utcEnd: number | null;
  input: number | null;
  output: number | null;
  cacheRead: number | null;
  cacheWrite: number | null;
}

export interface CatalogModel {
  /** Routable id, lower case as OpenRouter lists it: "deepseek/deepseek-v4-flash-0731", "~anthropic/claude-sonnet-latest". */
  id: string;
  /** Dated permaslug, joins with rankings. */
  canonicalSlug: string;
  name: string;
  /** Author prefix without "~": "deepseek". */
  author: string;
  lab: string;
  region: Region;
  /** Unix seconds. */
  created: number;
  contextLength: number | null;
  price: ModelPrice;
  /** Router pseudo-models with "-1" prices: the price depends on the route. */
  variable: boolean;
  free: boolean;
  overrides: PriceOverride[];
  /** ":free", ":thinking"... without the colon, or null. */
  variant: string | null;
  /** For "~author/...-latest" aliases: the id they point at. */
  aliasTarget: string | null;
  intelligenceIndex: number | null;
  codingIndex: number | null;
  agenticIndex: number | null;
  /** "YYYY-MM-DD" deprecation date. */
  expirationDate: string | null;
  inputModalities: string[];
  outputModalities: string[];
  tools: boolean;
}

export interface CatalogView {
  models: CatalogModel[];
  /** live: fetched this session; cache: last good from a previous session; bundled: shipped snapshot. */
  source: DataSource;
  /** ISO date-time of the data (fetch time, or the capture date of the bundled snapshot). */
  asOf: string | null;
}

export interface RankedModel {
  rank: number;
  /** Lower-cased permaslug without variant, or the model id in order-only mode. */
  permaslug: string;
  /** Catalog id when the permaslug joins the catalog. */
  id: string | null;
  name: string | null;
  author: string;
  region: Region;
  /** Decimal string; null in order-only mode. */
  tokens: string | null;
  /** Tokens in the previous window of the same length; null when unknown. */
  prevTokens: string | null;
  /** Week-over-week change as a fraction (0.12 = +12%); null when unknown or new. */
  change: number | null;
  /** Share of the window's total including unattributed; null in order-only mode. */
  share: number | null;
  /**
   * `tokens` split by the variants the Data API ranks separately: "" the base model, "free", "thinking", …
   * (decimal strings). Absent in order-only mode. A catalog row shows its own variant's figure from here.
   */
  variantTokens?: Readonly<Record<string, string>>;
}

export interface RegionShare {
  region: Region;
  tokens: string;
  share: number;
  prevTokens: string | null;
  change: number | null;
}

export interface AuthorShare {
  author: string;
  lab: string;
  region: Region;
  tokens: string;
  share: number;
}

export interface DailyRegionTokens {
  date: string;
  /** Decimal strings per region; null when the data has no row for this day (a gap, not a zero). */
  regions: Record<Region, string> | null;
  /** Null on a day without data. */
  unattributed: string | null;
}

/** How much of the asked window the rankings rows cover, and what was set aside on the way. */
export interface RankingsCoverage {
  /** Days in the asked window. */
  requestedDays: number;
  /** Days of the window with at least one readable row: the only span a figure may claim. */
  daysWithData: number;
  /** First and last day of the window that has data; null when none has. */
  firstDay: string | null;
  lastDay: string | null;
  /** Days of the window without any row, oldest first. */
  missingDays: string[];
  /** Rows repeating a (date, permaslug) already read: counted once. */
  duplicateRows: number;
  /** Rows that could not be read (tokens not a non-negative whole number, bad date, no model): left out. */
  droppedRows: number;
}

export interface RankingsView {
  /** tokens: Data API figures (key needed); order: public popularity order only, no figures. */
  mode: RankingsMode;
  /** Inclusive UTC days; null in order mode. */
  window: { start: string; end: string } | null;
  asOf: string | null;
  /** "Source: OpenRouter (openrouter.ai/rankings), as of {as_of}." in tokens mode. */
  citation: string | null;
  totalTokens: string | null;
  unattributedTokens: string | null;
  unattributedShare: number | null;
  models: RankedModel[];
  regions: RegionShare[];
  authors: AuthorShare[];
  daily: DailyRegionTokens[];
  /** Tokens mode: what the rows cover; null in order mode. */
  coverage: RankingsCoverage | null;
  /** live: fetched this session; cache: last good from a previous session; bundled: the snapshot shipped with the extension. */
  source: DataSource;
}

/** Where a figure comes from. */
export const DATA_SOURCES = ['live', 'cache', 'bundled'] as const;
export type DataSource = (typeof DATA_SOURCES)[number];
export const RANKINGS_MODES = ['tokens', 'order'] as const;
export type RankingsMode = (typeof RANKINGS_MODES)[number];

export interface KeyUsage {
  label: string;
  isManagementKey: boolean;
  isFreeTier: boolean | null;
  /** USD spending cap; null = unlimited. */
  limit: number | null;
  limitRemaining: number | null;
  limitReset: string | null;
  usage: number;
  daily: number | null;
  weekly: number | null;
  monthly: number | null;
  byokDaily: number | null;
  byokWeekly: number | null;
  byokMonthly: number | null;
  expiresAt: string | null;
}

/**
 * What the key in the management slot is. unverified: saved without a successful GET /key (offline, 5xx, 402)
 * or by an older version; management: GET /key said is_management_key; notManagement: an ordinary key.
 */
export const MANAGEMENT_KEY_KINDS = ['unverified', 'management', 'notManagement'] as const;
export type ManagementKeyKind = (typeof MANAGEMENT_KEY_KINDS)[number];
export const BALANCE_STATUSES = ['ok', 'unavailable', 'notManagementKey'] as const;
export const BINDINGS = ['key', 'balance'] as const;

export interface BalanceInfo {
  totalCredits: number;
  totalUsage: number;
  balance: number;
}

export interface UsageView {
  key: KeyUsage | null;
  /**
   * ok: from a verified management key; unavailable: no management key, not verified yet, or unreadable;
   * notManagementKey: the management slot holds an ordinary key, so there is no balance to show.
   */
  balanceStatus: (typeof BALANCE_STATUSES)[number];
  balance: BalanceInfo | null;
  /** The lower of key remaining and balance; null when neither is known. */
  effectiveRemaining: number | null;
  binding: (typeof BINDINGS)[number] | null;
  /** USD per day, averaged over this month so far. */
  burnRatePerDay: number | null;
  /** Projected spend by the end of the current UTC month. */
  monthEndProjection: number | null;
}

export interface ActivityModelDay {
  model: string;
  /**
   * The catalog model core resolved `model` to (dated permaslugs, aliases, variants), so every view and the hover
   * agree on which model a row names; null when the catalog does not know it, absent before the catalog is known.
   */
  modelId?: string | null;
  usage: number;
  byokUsage: number;
  requests: number;
  promptTokens: number;
  completionTokens: number;
  reasoningTokens: number;
}

export interface ActivityView {
  /** Last 30 completed UTC days, oldest first. `total` and `byokTotal` are the sums of that day's `models`. */
  days: { date: string; models: ActivityModelDay[]; total: number; byokTotal: number }[];
  /** Totals per model over the window, by spend descending. */
  byModel: ActivityModelDay[];
  /** OpenRouter credits spent: the sum of `byModel[].usage` (and of `days[].total`). */
  total: number;
  /** Upstream cost of bring-your-own-key requests, billed by the providers: the sum of `byModel[].byokUsage`. */
  byokTotal: number;
  /** Rows OpenRouter sent that could not be read (wrong types, negative amounts): not in any figure. */
  droppedRows: number;
  /** Readable rows dated outside the 30-day window: not in any figure. */
  outsideWindowRows: number;
}

export const RESOURCE_NAMES = ['models', 'rankings', 'key', 'credits', 'activity', 'userModels'] as const;
export type ResourceName = (typeof RESOURCE_NAMES)[number];

export interface ResourceState {
  /** Epoch ms of the last successful fetch. */
  fetchedAt: number | null;
  /** The last attempt's failure, cleared by a success. */
  error: ErrorInfo | null;
  /** Data exists but is older than the resource's interval allows, or the last refresh failed. */
  stale: boolean;
  /** A request is in flight. */
  loading: boolean;
}

export const KEY_SOURCES = ['none', 'stored', 'environment'] as const;
export type KeySource = (typeof KEY_SOURCES)[number];

export interface KeysState {
  inference: KeySource;
  management: boolean;
  /** Only meaningful when `management` is true; absent reads as 'unverified'. */
  managementKind?: ManagementKeyKind;
}

export interface Snapshot {
  keys: KeysState;
  catalog: CatalogView | null;
  rankings: RankingsView | null;
  usage: UsageView | null;
  activity: ActivityView | null;
  resources: Record<ResourceName, ResourceState>;
  /** Weekly region shares and the lead streak (Data API, period=week); absent from an older host. */
  trend?: TrendState | null;
  /** Which catalog models the inference key may use (GET /models/user); absent from an older host. */
  allowedModels?: AllowedModelsState | null;
}

// --- What the inference key may use (GET /models/user) ----------------------------------------------------

/**
 * Why it is not known which models the key may use. noKey: no API key; managementKeyOnly: only a management key,
 * which makes no requests (the answer is about the key the requests use); pending: not fetched yet for this key;
 * failed: the last fetch failed (`error` says how); incomplete: OpenRouter's list could not be read in full.
 */
export const ALLOWED_UNKNOWN_REASONS = ['noKey', 'managementKeyOnly', 'pending', 'failed', 'incomplete'] as const;
export type AllowedUnknownReason = (typeof ALLOWED_UNKNOWN_REASONS)[number];

export type AllowedModelsState =
  /**
   * notAllowed: the catalog ids the key's guardrails, provider preferences or privacy settings exclude. A model
   * added to the catalog after the fetch is in neither list until the next one: never guessed.
   */
  | { status: 'known'; fetchedAt: number; allowedCount: number; notAllowed: string[]; error: ErrorInfo | null }
  | { status: 'unknown'; reason: AllowedUnknownReason; error: ErrorInfo | null };

export const MIX_SOURCES = ['activity', 'default', 'custom', 'history'] as const;

/** A token mix: how many tokens of each kind a workload uses. */
export interface TokenMix {
  input: number;
  output: number;
  cacheRead: number;
  /** Requests behind the mix, when known: lets long-context price tiers apply by average prompt size. */
  requests?: number | null;
  /** Where the mix came from, for the UI. */
  source: (typeof MIX_SOURCES)[number];
  /** Prompt tokens written to a cache; absent or null when unknown (OpenRouter's history does not report them). */
  cacheWrite?: number | null;
  /** Reasoning tokens, a part of `output`: priced at the model's reasoning price when it has one. */
  reasoning?: number;
  /** For a history mix: the model it was spent on, the days it covers and what it actually cost. */
  history?: { model: string; days: number; source: 'analytics' | 'activity'; spend: number; cacheReadsReported: boolean };
}

export interface Alternative {
  id: string;
  name: string;
  region: Region;
  codingIndex: number | null;
  price: ModelPrice;
  cost: number;
  saving: number;
  savingPct: number;
  rank: number | null;
  /** Parts of the mix this model could not price exactly (absent when none). */
  unpriced?: UnpricedPart[];
  /** The key's settings exclude this model (GET /models/user); absent when allowed or not known. */
  notAllowed?: boolean;
}

export interface CompareResult {
  modelId: string;
  mix: TokenMix;
  /** Cost of the mix on the chosen model; null when the model's price is variable or unknown. */
  baseCost: number | null;
  alternatives: Alternative[];
  /** Parts of the mix the chosen model could not price exactly (absent when none). */
  baseUnpriced?: UnpricedPart[];
}

/**
 * Which tool's config a reference sits in: the one list (core's rules return these, the webview reads a
 * reference's tool against it). `RefTool` is derived from it, so a tool added here is known everywhere.
 */
export const REF_TOOLS = ['continue', 'aider', 'opencode', 'litellm', 'zed', 'claude-code', 'codex', 'dotenv', 'vscode', 'code'] as const;
export type RefTool = (typeof REF_TOOLS)[number];

/** A model id found in a workspace file, as the webview sees it (no absolute paths). */
export interface ModelRefView {
  /** Opaque id the host issued; the only way the webview can name a reference. */
  refId: string;
  /** Workspace-relative path for display. */
  file: string;
  line: number;
  column: number;
  raw: string;
  id: string;
  known: boolean;
  tool: RefTool;
  keyPath: string | null;
  /**
   * The catalog model the host resolved `id` to (aliases, variants, `openrouter/` and `~` forms), so the views and
   * the hover agree on which model an id names; null when the catalog does not know it.
   */
  modelId?: string | null;
  /** The OpenRouter preset the value names ("@preset/<slug>", or "model@preset/<slug>"), when it names one. */
  preset?: string;
}

export interface ReferencesView {
  refs: ModelRefView[];
  scanning: boolean;
  /** Files scanned so far. */
  files: number;
  /** Why the index is incomplete or disabled, e.g. untrusted workspace. */
  note: string | null;
}

/** What the catalog watch saw change for one model (src/core/watch/). */
export type WatchChangeKind = 'price' | 'expiration' | 'context' | 'removed';

/** Input and output price in $/1M; null when the catalog has none (or the price is variable). */
export interface WatchPrice {
  input: number | null;
  output: number | null;
}

interface WatchChangeBase {
  /** Increases by one per change recorded; what "already notified" is counted in. */
  seq: number;
  /** ISO date-time the change was first seen (the catalog fetch that showed it). */
  at: string;
  modelId: string;
  /** Display name as the catalog had it. */
  name: string;
}

export type WatchChange =
  | (WatchChangeBase & { kind: 'price'; from: WatchPrice; to: WatchPrice })
  /** "YYYY-MM-DD" retirement dates; null when there was none (or it was withdrawn). */
  | (WatchChangeBase & { kind: 'expiration'; from: string | null; to: string | null })
  | (WatchChangeBase & { kind: 'context'; from: number | null; to: number | null })
  /** The model left the catalog; `from` is its last known price. */
  | (WatchChangeBase & { kind: 'removed'; from: WatchPrice; to: null });

/** The sidebar's "Changes" list: changes to the models the workspace names or the key used, newest first. */
export interface WatchView {
  changes: WatchChange[];
  /** Models watched now (workspace references and the last 30 days of /activity). */
  watching: number;
  /** ISO date-time of the first catalog the history holds; null before any live catalog was seen. */
  since: string | null;
  /** Why the history is incomplete (started fresh after an unreadable file, …); null when all is well. */
  note: string | null;
}

// --- Spend history (POST /analytics/query, or /activity as the fallback) ------------------------------------

/** The windows the dashboard offers for the spend history, in completed UTC days. */
export const SPEND_WINDOWS = [7, 30, 90] as const;
export type SpendWindow = (typeof SPEND_WINDOWS)[number];

/** One model's figures over the window. Token counts are decimal strings (bigint sums); money in USD. */
export interface SpendModelTotals {
  /** As OpenRouter reports it (analytics: the model dimension; activity: the routable id). */
  model: string;
  /** Everything the requests cost: OpenRouter credits plus BYOK upstream cost. */
  spend: number;
  /** The BYOK part of `spend`, billed by the user's own providers. */
  byokSpend: number;
  requests: string;
  promptTokens: string;
  completionTokens: string;
  /** Included in completionTokens. */
  reasoningTokens: string;
  /** Prompt tokens read from a cache (included in promptTokens); null when the source does not report them (/activity). */
  cachedTokens: string | null;
  /** 0–1, OpenRouter's cache_hit_rate averaged over requests; null when unknown. */
  cacheHitRate: number | null;
  /** USD per 1M tokens (prompt + completion) actually paid; null without tokens. */
  effectivePerMillion: number | null;
}

export interface SpendHistoryDay {
  /** YYYY-MM-DD, UTC. */
  date: string;
  /** Spend per model that day, by spend descending. */
  models: { model: string; spend: number }[];
  total: number;
}

export interface SpendHistoryView {
  /** analytics: POST /analytics/query; activity: GET /activity, used when analytics was refused or failed. */
  source: 'analytics' | 'activity';
  /** The window the user asked for. */
  requested: SpendWindow;
  /** Completed UTC days the figures cover (30 with /activity, whatever was asked). */
  days: number;
  start: string;
  end: string;
  /** Every day of the window, oldest first (zero days included). */
  daily: SpendHistoryDay[];
  /** By spend descending. */
  byModel: SpendModelTotals[];
  total: number;
  byokTotal: number;
  /** OpenRouter said the answer was cut short (metadata.truncated): every figure is partial. */
  truncated: boolean;
  /** Rows that could not be read (counts not numeric, negative money…): in no figure. */
  droppedRows: number;
  /** Why analytics was not used, when source is 'activity'. */
  fallback: ErrorInfo | null;
  /** Epoch ms of the fetch behind this view. */
  fetchedAt: number;
}

/**
 * The answer to `spend/history`. unavailable says what is missing and why: no management key, an ordinary key
 * in the management slot, or both sources failed (error).
 */
export type SpendHistoryResult =
  | { status: 'ok'; view: SpendHistoryView }
  | { status: 'unavailable'; reason: 'noManagementKey' | 'notManagementKey' | 'error'; cause: ErrorInfo | null };

/** A part of a workload a target model could not price exactly, and what was done instead. */
export interface UnpricedPart {
  part: 'cacheRead' | 'cacheWrite';
  /** noPrice: the model has no price for it, so it was priced at the input rate; notReported: the history has no count of it. */
  reason: 'noPrice' | 'notReported';
  /** Tokens concerned; null when not reported. */
  tokens: number | null;
}

// --- Providers of a model (GET /models/{author}/{slug}/endpoints) -------------------------------------------

/** Why an id cannot name an endpoints path (src/core/providers/endpointPath.ts). */
export const ENDPOINT_ID_ERRORS = ['empty', 'malformed', 'preset', 'router', 'unresolvedAlias'] as const;
export type EndpointIdError = (typeof ENDPOINT_ID_ERRORS)[number];

/** One provider (endpoint) of a model. Prices in $/1M after OpenRouter's discount; a missing figure is null, never 0. */
export interface ProviderRow {
  provider: string;
  /** OpenRouter's endpoint tag ("deepinfra/fp8"); null when absent. */
  tag: string | null;
  quantization: string | null;
  input: number | null;
  output: number | null;
  cacheRead: number | null;
  /** 0–1 when OpenRouter applies one (already in the prices above); null when none. */
  discount: number | null;
  /** The mix (ProvidersView.mix) priced on this provider, USD; null when its price is variable or unknown. */
  mixCost: number | null;
  /** Time to first token, median over the last 30 minutes, in ms (OpenRouter's unit per its spec). */
  latencyP50Ms: number | null;
  /** Tokens per second, median over the last 30 minutes. */
  throughputP50: number | null;
  /** Share of successful requests over the last 30 minutes, 0–1. */
  uptime30m: number | null;
  contextLength: number | null;
  maxOutput: number | null;
  /** OpenRouter's endpoint status: 0 operational, negative degraded (each code's meaning is undocumented). */
  status: number | null;
  cheapest: boolean;
  fastest: boolean;
}

/**
 * How a mark was decided: marked (some rows carry it), tie (every row with the figure has the same one, so none is
 * marked), single (only one row has the figure), missing (no row has it).
 */
export const PROVIDER_MARKS = ['marked', 'tie', 'single', 'missing'] as const;
export type ProviderMark = (typeof PROVIDER_MARKS)[number];

export interface ProvidersView {
  /** The id asked about (a catalog id, as the dashboard names it). */
  modelId: string;
  /** "author/slug": the model whose endpoints these are (variant stripped, alias resolved). */
  endpointModel: string;
  /** The model's name as OpenRouter's answer gives it; null when absent. */
  name: string | null;
  /** Cheapest first (on the mix), unpriced last. */
  providers: ProviderRow[];
  /** The token mix the cheapest is decided on: the user's real mix when the history has one, else the default. */
  mix: TokenMix;
  cheapest: ProviderMark;
  /** Fastest = highest median throughput (tokens/s) over the last 30 minutes. */
  fastest: ProviderMark;
  /** Rows OpenRouter sent that could not be read, per reason. */
  dropped: { reason: 'notAnObject' | 'noProvider' | 'badPricing' | 'other'; count: number }[];
  /** Epoch ms of the fetch behind this view. */
  fetchedAt: number;
}

/** Why a providers answer has no table. */
export const PROVIDERS_FAILURES = ['badId', 'unknownModel', 'offline', 'rateLimited', 'budget', 'failed'] as const;
export type ProvidersFailure = (typeof PROVIDERS_FAILURES)[number];

/** The answer to `providers/get`. */
export type ProvidersResult =
  | { status: 'ok'; view: ProvidersView }
  | {
      status: 'unavailable';
      modelId: string;
      reason: ProvidersFailure;
      /** For badId: why the id names no endpoints path. */
      idError: EndpointIdError | null;
      /** The client's typed error, when a request failed. */
      cause: ErrorInfo | null;
      /** Epoch ms before which asking again is pointless (429 Retry-After, or the hourly budget); null when any time. */
      retryAt: number | null;
    };
