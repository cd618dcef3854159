// The edge between the host's messages and the components. Payloads are typed by the protocol, but a
// version skew, a bug or a hand-edited cache can still deliver missing fields, nulls or strings where
// numbers belong. Everything is coerced here, once, into the shared types: unknown numbers become null
// (or NaN where the type has no null) so the UI prints "—", unknown regions become UNKNOWN, and nothing
// downstream needs to defend itself again.
import type { WebviewSettings, InitPayload, ViewKind } from '../../../src/shared/protocol';
import type {
  ActivityModelDay,
  ActivityView,
  Alternative,
  AuthorShare,
  BalanceInfo,
  CatalogModel,
  CatalogView,
  CompareResult,
  DailyRegionTokens,
  ErrorInfo,
  ErrorKind,
  KeySource,
  KeyUsage,
  KeysState,
  ModelPrice,
  ModelRefView,
  PriceOverride,
  RankedModel,
  RankingsCoverage,
  RankingsView,
  ReferencesView,
  Region,
  RegionShare,
  ResourceName,
  ResourceState,
  Snapshot,
  TokenMix,
  UsageView,
  ManagementKeyKind,
  RefTool,
} from '../../../src/shared/types';
import { readMixHistory, readUnpriced } from '../../../src/shared/spendSchemas';

type Rec = Record<string, unknown>;

const REGION_SET: readonly Region[] = ['CN', 'US', 'EU', 'OTHER', 'UNKNOWN'];
const RESOURCES: readonly ResourceName[] = ['models', 'rankings', 'key', 'credits', 'activity'];
const ERROR_KINDS: readonly ErrorKind[] = [
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
  'notManagementKey',
];
const REF_TOOLS: readonly RefTool[] = ['continue', 'aider', 'opencode', 'litellm', 'zed', 'claude-code', 'codex', 'dotenv', 'vscode', 'code'];

/** Bounds how much a malformed or hostile payload can make the UI render. */
const MAX_ITEMS = 5000;

function rec(v: unknown): Rec | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : null;
}

function list<T>(v: unknown, item: (x: unknown) => T | null): T[] {
  if (!Array.isArray(v)) return [];
  const out: T[] = [];
  for (const x of v.slice(0, MAX_ITEMS)) {
    const y = item(x);
    if (y !== null) out.push(y);
  }
  return out;
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Counts of things (rows left out): a non-negative integer, else 0. */
function count(v: unknown): number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : 0;
}

/** For fields typed `number` without null: NaN keeps the type and formats as "—". */
function numOrNaN(v: unknown): number {
  return num(v) ?? Number.NaN;
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function bool(v: unknown): boolean {
  return v === true;
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], fallback: T): T {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
}

/** Token totals travel as decimal strings; anything else is unknown. */
function decimal(v: unknown): string | null {
  if (typeof v === 'string' && /^\d{1,40}$/.test(v)) return v;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return String(v);
  return null;
}

export function region(v: unknown): Region {
  return oneOf(v, REGION_SET, 'UNKNOWN');
}

function price(v: unknown): ModelPrice {
  const r = rec(v) ?? {};
  // Negative prices are OpenRouter's "variable" sentinel; they must never be shown as a price.
  const p = (x: unknown): number | null => {
    const n = num(x);
    return n === null || n < 0 ? null : n;
  };
  return {
    input: p(r.input),
    output: p(r.output),
    cacheRead: p(r.cacheRead),
    cacheWrite: p(r.cacheWrite),
    reasoning: p(r.reasoning),
    request: p(r.request),
    webSearch: p(r.webSearch),
    image: p(r.image),
  };
}

function override(v: unknown): PriceOverride | null {
  const r = rec(v);
  if (!r) return null;
  return {
    minPromptTokens: num(r.minPromptTokens),
    utcStart: num(r.utcStart),
    utcEnd: num(r.utcEnd),
    input: num(r.input),
    output: num(r.output),
    cacheRead: num(r.cacheRead),
    cacheWrite: num(r.cacheWrite),
  };
}

function strings(v: unknown): string[] {
  return list(v, str);
}

export function catalogModel(v: unknown): CatalogModel | null {
  const r = rec(v);
  const id = r ? str(r.id) : null;
  if (!r || !id) return null;
  const author = str(r.author) ?? id.replace(/^~/, '').split('/')[0] ?? '';
  return {
    id,
    canonicalSlug: str(r.canonicalSlug) ?? id,
    name: str(r.name) ?? id,
    author,
    lab: str(r.lab) ?? author,
    region: region(r.region),
    created: numOrNaN(r.created),
    contextLength: num(r.contextLength),
    price: price(r.price),
    variable: bool(r.variable),
    free: bool(r.free),
    overrides: list(r.overrides, override),
    variant: str(r.variant),
    aliasTarget: str(r.aliasTarget),
    intelligenceIndex: num(r.intelligenceIndex),
    codingIndex: num(r.codingIndex),
    agenticIndex: num(r.agenticIndex),
    expirationDate: str(r.expirationDate),
    inputModalities: strings(r.inputModalities),
    outputModalities: strings(r.outputModalities),
    tools: bool(r.tools),
  };
}

function catalog(v: unknown): CatalogView | null {
  const r = rec(v);
  if (!r) return null;
  return {
    models: list(r.models, catalogModel),
    source: oneOf(r.source, ['live', 'cache', 'bundled'] as const, 'cache'),
    asOf: str(r.asOf),
  };
}

function rankedModel(v: unknown): RankedModel | null {
  const r = rec(v);
  const permaslug = r ? str(r.permaslug) ?? str(r.id) : null;
  if (!r || !permaslug) return null;
  return {
    rank: numOrNaN(r.rank),
    permaslug,
    id: str(r.id),
    name: str(r.name),
    author: str(r.author) ?? permaslug.split('/')[0] ?? '',
    region: region(r.region),
    tokens: decimal(r.tokens),
    prevTokens: decimal(r.prevTokens),
    change: num(r.change),
    share: num(r.share),
    ...variantTokens(r.variantTokens),
  };
}

/** Kept only when every entry is a variant name and a decimal token count. */
function variantTokens(v: unknown): { variantTokens?: Record<string, string> } {
  const r = rec(v);
  if (!r) return {};
  const out: Record<string, string> = {};
  for (const [k, t] of Object.entries(r)) {
    const d = decimal(t);
    if (d === null || k.length > 64) return {};
    out[k] = d;
  }
  return { variantTokens: out };
}

function regionShare(v: unknown): RegionShare | null {
  const r = rec(v);
  if (!r) return null;
  const tokens = decimal(r.tokens);
  if (tokens === null) return null;
  return { region: region(r.region), tokens, share: numOrNaN(r.share), prevTokens: decimal(r.prevTokens), change: num(r.change) };
}

function authorShare(v: unknown): AuthorShare | null {
  const r = rec(v);
  const author = r ? str(r.author) : null;
  const tokens = r ? decimal(r.tokens) : null;
  if (!r || !author || tokens === null) return null;
  return { author, lab: str(r.lab) ?? author, region: region(r.region), tokens, share: numOrNaN(r.share) };
}

function daily(v: unknown): DailyRegionTokens | null {
  const r = rec(v);
  const date = r ? str(r.date) : null;
  if (!r || !date) return null;
  // A day without data is a gap: it stays null, never becomes zeros.
  const regions = rec(r.regions);
  if (regions === null) return { date, regions: null, unattributed: null };
  const out = {} as Record<Region, string>;
  for (const reg of REGION_SET) out[reg] = decimal(regions[reg]) ?? '0';
  return { date, regions: out, unattributed: decimal(r.unattributed) ?? '0' };
}

function coverage(v: unknown): RankingsCoverage | null {
  const r = rec(v);
  if (!r) return null;
  const requestedDays = num(r.requestedDays);
  const daysWithData = num(r.daysWithData);
  if (requestedDays === null || daysWithData === null) return null;
  return {
    requestedDays,
    daysWithData,
    firstDay: str(r.firstDay),
    lastDay: str(r.lastDay),
    missingDays: list(r.missingDays, str),
    duplicateRows: num(r.duplicateRows) ?? 0,
    droppedRows: num(r.droppedRows) ?? 0,
  };
}

function rankings(v: unknown): RankingsView | null {
  const r = rec(v);
  if (!r) return null;
  const w = rec(r.window);
  const start = w ? str(w.start) : null;
  const end = w ? str(w.end) : null;
  return {
    mode: oneOf(r.mode, ['tokens', 'order'] as const, 'order'),
    window: start && end ? { start, end } : null,
    asOf: str(r.asOf),
    citation: str(r.citation),
    totalTokens: decimal(r.totalTokens),
    unattributedTokens: decimal(r.unattributedTokens),
    unattributedShare: num(r.unattributedShare),
    models: list(r.models, rankedModel),
    regions: list(r.regions, regionShare),
    authors: list(r.authors, authorShare),
    daily: list(r.daily, daily),
    coverage: coverage(r.coverage),
    source: oneOf(r.source, ['live', 'cache', 'bundled'] as const, 'live'),
  };
}

function keyUsage(v: unknown): KeyUsage | null {
  const r = rec(v);
  if (!r) return null;
  return {
    label: str(r.label) ?? '',
    isManagementKey: bool(r.isManagementKey),
    isFreeTier: typeof r.isFreeTier === 'boolean' ? r.isFreeTier : null,
    limit: num(r.limit),
    limitRemaining: num(r.limitRemaining),
    limitReset: str(r.limitReset),
    usage: numOrNaN(r.usage),
    daily: num(r.daily),
    weekly: num(r.weekly),
    monthly: num(r.monthly),
    byokDaily: num(r.byokDaily),
    byokWeekly: num(r.byokWeekly),
    byokMonthly: num(r.byokMonthly),
    expiresAt: str(r.expiresAt),
  };
}

function balance(v: unknown): BalanceInfo | null {
  const r = rec(v);
  if (!r) return null;
  return { totalCredits: numOrNaN(r.totalCredits), totalUsage: numOrNaN(r.totalUsage), balance: numOrNaN(r.balance) };
}

function usage(v: unknown): UsageView | null {
  const r = rec(v);
  if (!r) return null;
  const binding = r.binding === 'key' || r.binding === 'balance' ? r.binding : null;
  return {
    key: keyUsage(r.key),
    balanceStatus: oneOf(r.balanceStatus, ['ok', 'unavailable', 'notManagementKey'] as const, 'unavailable'),
    balance: balance(r.balance),
    effectiveRemaining: num(r.effectiveRemaining),
    binding,
    burnRatePerDay: num(r.burnRatePerDay),
    monthEndProjection: num(r.monthEndProjection),
  };
}

function activityRow(v: unknown): ActivityModelDay | null {
  const r = rec(v);
  const model = r ? str(r.model) : null;
  if (!r || !model) return null;
  return {
    model,
    usage: numOrNaN(r.usage),
    byokUsage: numOrNaN(r.byokUsage),
    requests: numOrNaN(r.requests),
    promptTokens: numOrNaN(r.promptTokens),
    completionTokens: numOrNaN(r.completionTokens),
    reasoningTokens: numOrNaN(r.reasoningTokens),
  };
}

function activity(v: unknown): ActivityView | null {
  const r = rec(v);
  if (!r) return null;
  return {
    days: list(r.days, (d) => {
      const x = rec(d);
      const date = x ? str(x.date) : null;
      if (!x || !date) return null;
      return { date, models: list(x.models, activityRow), total: numOrNaN(x.total), byokTotal: numOrNaN(x.byokTotal) };
    }),
    byModel: list(r.byModel, activityRow),
    total: numOrNaN(r.total),
    byokTotal: numOrNaN(r.byokTotal),
    droppedRows: count(r.droppedRows),
    outsideWindowRows: count(r.outsideWindowRows),
  };
}

export function errorInfo(v: unknown): ErrorInfo | null {
  const r = rec(v);
  if (!r) return null;
  const out: ErrorInfo = { kind: oneOf(r.kind, ERROR_KINDS, 'server'), message: str(r.message) ?? '' };
  const status = num(r.status);
  const retry = num(r.retryAfterMs);
  if (status !== null) out.status = status;
  if (retry !== null) out.retryAfterMs = retry;
  return out;
}

function resourceState(v: unknown): ResourceState {
  const r = rec(v) ?? {};
  return { fetchedAt: num(r.fetchedAt), error: errorInfo(r.error), stale: bool(r.stale), loading: bool(r.loading) };
}

function keys(v: unknown): KeysState {
  const r = rec(v) ?? {};
  return {
    inference: oneOf<KeySource>(r.inference, ['none', 'stored', 'environment'], 'none'),
    management: bool(r.management),
    managementKind: oneOf<ManagementKeyKind>(r.managementKind, ['unverified', 'management', 'notManagement'], 'unverified'),
  };
}

export function snapshot(v: unknown): Snapshot {
  const r = rec(v) ?? {};
  const res = rec(r.resources) ?? {};
  const resources = {} as Record<ResourceName, ResourceState>;
  for (const name of RESOURCES) resources[name] = resourceState(res[name]);
  return {
    keys: keys(r.keys),
    catalog: catalog(r.catalog),
    rankings: rankings(r.rankings),
    usage: usage(r.usage),
    activity: activity(r.activity),
    resources,
  };
}

function modelRef(v: unknown): ModelRefView | null {
  const r = rec(v);
  const refId = r ? str(r.refId) : null;
  const id = r ? str(r.id) : null;
  if (!r || !refId || !id) return null;
  return {
    refId,
    file: str(r.file) ?? '',
    line: numOrNaN(r.line),
    column: numOrNaN(r.column),
    raw: str(r.raw) ?? id,
    id,
    known: bool(r.known),
    tool: oneOf(r.tool, REF_TOOLS, 'code'),
    keyPath: str(r.keyPath),
    // Core's answer to which catalog model the id names; absent from an older host, so the exact-id lookup stays.
    ...(r.modelId === null || typeof r.modelId === 'string' ? { modelId: r.modelId } : {}),
  };
}

export function references(v: unknown): ReferencesView {
  const r = rec(v) ?? {};
  return { refs: list(r.refs, modelRef), scanning: bool(r.scanning), files: num(r.files) ?? 0, note: str(r.note) };
}

export const DEFAULT_SETTINGS: WebviewSettings = { budgetDaily: 0, budgetMonthly: 0, lowBalance: 0, leadersTop: 5 };

export function settings(v: unknown): WebviewSettings {
  const r = rec(v) ?? {};
  const nonNeg = (x: unknown, d: number): number => {
    const n = num(x);
    return n !== null && n >= 0 ? n : d;
  };
  const top = num(r.leadersTop);
  return {
    budgetDaily: nonNeg(r.budgetDaily, DEFAULT_SETTINGS.budgetDaily),
    budgetMonthly: nonNeg(r.budgetMonthly, DEFAULT_SETTINGS.budgetMonthly),
    lowBalance: nonNeg(r.lowBalance, DEFAULT_SETTINGS.lowBalance),
    leadersTop: top !== null && top >= 1 ? Math.min(20, Math.floor(top)) : DEFAULT_SETTINGS.leadersTop,
  };
}

export function viewKind(v: unknown): ViewKind | null {
  return v === 'sidebar' || v === 'dashboard' ? v : null;
}

/** The init push; `view` is null when the host sent none, and the page's data-view attribute decides. */
export type NormalizedInit = Omit<InitPayload, 'view'> & { view: ViewKind | null };

export function initPayload(v: unknown): NormalizedInit {
  const r = rec(v) ?? {};
  return { view: viewKind(r.view), snapshot: snapshot(r.snapshot), references: references(r.references), settings: settings(r.settings) };
}

function mix(v: unknown): TokenMix {
  const r = rec(v) ?? {};
  const n = (x: unknown): number => {
    const y = num(x);
    return y !== null && y >= 0 ? y : 0;
  };
  const out: TokenMix = { input: n(r.input), output: n(r.output), cacheRead: n(r.cacheRead), source: oneOf(r.source, ['activity', 'default', 'custom', 'history'] as const, 'default') };
  // The spend-history fields (reasoning, cache writes, where the mix came from): kept when well-formed.
  const requests = num(r.requests);
  if (requests !== null && requests > 0) out.requests = requests;
  if (r.reasoning !== undefined) out.reasoning = n(r.reasoning);
  if (r.cacheWrite === null || typeof r.cacheWrite === 'number') out.cacheWrite = r.cacheWrite === null ? null : n(r.cacheWrite);
  const history = readMixHistory(r.history);
  if (history) out.history = history;
  else if (out.source === 'history') out.source = 'default';
  return out;
}

function alternative(v: unknown): Alternative | null {
  const r = rec(v);
  const id = r ? str(r.id) : null;
  if (!r || !id) return null;
  return {
    id,
    name: str(r.name) ?? id,
    region: region(r.region),
    codingIndex: num(r.codingIndex),
    price: price(r.price),
    cost: numOrNaN(r.cost),
    saving: numOrNaN(r.saving),
    savingPct: numOrNaN(r.savingPct),
    rank: num(r.rank),
    ...(readUnpriced(r.unpriced) ? { unpriced: readUnpriced(r.unpriced) } : {}),
  };
}

export function compareResult(v: unknown): CompareResult {
  const r = rec(v);
  if (!r || !str(r.modelId)) throw new TypeError('compare result without a model id');
  const out: CompareResult = { modelId: str(r.modelId) as string, mix: mix(r.mix), baseCost: num(r.baseCost), alternatives: list(r.alternatives, alternative) };
  const baseUnpriced = readUnpriced(r.baseUnpriced);
  if (baseUnpriced) out.baseUnpriced = baseUnpriced;
  return out;
}
