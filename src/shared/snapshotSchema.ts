// The one shape layer: what a snapshot (and the rest the host pushes to a webview) may hold, as valibot schemas.
// The snapshot store checks its persisted parts against these, and the webview checks every host message
// against the same ones; src/shared/types.ts names the types, and the checks at the bottom fail the build when
// the two drift apart (which is also the moment to bump the store's SNAPSHOT_STORAGE_VERSION).
//
// Each schema exists in two builds of one description:
// - strict: the value fits or it is refused. The store drops a persisted part that does not fit; the webview
//   takes a message that fits as it is.
// - repair (the webview only, for a message that did not fit): a field that does not fit takes the field's
//   stated fallback (null, or NaN where the type has no null, so the UI prints "—"), a list element that does not
//   fit is left out and the rest kept, and the view says that something could not be read.
import * as v from 'valibot';
import { MAX_ACCOUNT_USD, MAX_SNAPSHOT_ITEMS, MAX_TOKEN_DIGITS } from './bounds';
import { sanitizeServerText } from './sanitize';
import { mixHistorySchema, unpricedPartSchema } from './spendSchemas';
import {
  BALANCE_STATUSES,
  BINDINGS,
  DATA_SOURCES,
  ERROR_KINDS,
  KEY_SOURCES,
  MANAGEMENT_KEY_KINDS,
  MIX_SOURCES,
  ALLOWED_UNKNOWN_REASONS,
  RANKINGS_MODES,
  REF_TOOLS,
  REGIONS,
  RESOURCE_NAMES,
  type ActivityView,
  type AllowedModelsState,
  type CatalogModel,
  type CatalogView,
  type CompareResult,
  type ErrorInfo,
  type KeysState,
  type ModelPrice,
  type RankingsView,
  type ReferencesView,
  type ResourceName,
  type ResourceState,
  type Snapshot,
  type UsageView,
  type WatchView,
} from './types';
import { TREND_REGIONS, type TrendState } from './trend';

type Schema<T> = v.GenericSchema<unknown, T>;

export function emptyResourceState(): ResourceState {
  return { fetchedAt: null, error: null, stale: false, loading: false };
}

export function emptySnapshot(): Snapshot {
  const resources = {} as Record<ResourceName, ResourceState>;
  for (const resource of RESOURCE_NAMES) resources[resource] = emptyResourceState();
  return { keys: { inference: 'none', management: false }, catalog: null, rankings: null, usage: null, activity: null, resources };
}

const NO_PRICE: ModelPrice = { input: null, output: null, cacheRead: null, cacheWrite: null, reasoning: null, request: null, webSearch: null, image: null };

/** The first path segment of a model id, without "~": the author when the data names none. */
const authorOf = (id: string): string => id.replace(/^~/, '').split('/')[0] ?? '';

function build(repair: boolean) {
  /** The field's fallback in the repair build; strict, the schema itself. */
  const or = <T>(schema: Schema<T>, fallback: T | (() => T)): Schema<T> => (repair ? v.fallback(schema, fallback as T) : schema);
  /** An optional field: absent stays absent; in the repair build, a value that does not fit is dropped. */
  const opt = <T>(schema: Schema<T>) => {
    const optional = v.optional(schema);
    return repair ? (v.fallback(optional, undefined) as unknown as typeof optional) : optional;
  };
  /** Strict: every element fits and there are not absurdly many. Repair: the elements that fit, up to the bound. */
  const list = <T>(item: Schema<T>): Schema<T[]> =>
    repair
      ? (v.pipe(
          v.fallback(v.array(v.unknown()), () => []),
          v.transform((items: unknown[]): T[] => {
            const out: T[] = [];
            for (const x of items.slice(0, MAX_SNAPSHOT_ITEMS)) {
              const r = v.safeParse(item, x);
              if (r.success) out.push(r.output);
            }
            return out;
          }),
        ))
      : v.pipe(v.array(item), v.maxLength(MAX_SNAPSHOT_ITEMS));

  const num = v.pipe(v.number(), v.finite());
  /** Parts of a mix a model could not price exactly: absent when none, never an empty or partial list. */
  const unpricedList = v.pipe(v.array(unpricedPartSchema), v.minLength(1), v.maxLength(8));
  const nonNegative = v.pipe(num, v.minValue(0));
  const maybeNum = or(v.nullable(num), null);
  const nanOr = or(num, Number.NaN);
  const maybeStr = or(v.nullable(v.string()), null);
  const flag = or(v.boolean(), false);
  const id = v.pipe(v.string(), v.minLength(1));
  const tokens = v.pipe(v.string(), v.regex(new RegExp(`^\\d{1,${MAX_TOKEN_DIGITS}}$`)));
  const maybeTokens = or(v.nullable(tokens), null);
  const region = or(v.picklist(REGIONS), 'UNKNOWN');
  // Spend is never negative or absurd; what is left (a cap, a balance) may be below zero, never absurd; counts are
  // whole; text shown to people goes through the one sanitiser (an older version stored it raw).
  const spend = v.pipe(num, v.minValue(0), v.maxValue(MAX_ACCOUNT_USD));
  const maybeSpend = or(v.nullable(spend), null);
  const leftUsd = v.pipe(num, v.minValue(-MAX_ACCOUNT_USD), v.maxValue(MAX_ACCOUNT_USD));
  const maybeLeftUsd = or(v.nullable(leftUsd), null);
  const count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
  const display = v.pipe(v.string(), v.transform((s: string) => sanitizeServerText(s)));
  /** Display text the repair build may leave empty: the model's own fill-in (its id, its author) takes over. */
  const displayOrEmpty = or(display, '');
  /** Prices: OpenRouter's "-1" (variable) sentinel never reaches a snapshot, so a negative price is not a price. */
  const price = or(v.nullable(nonNegative), null);

  const modelPrice = or(
    v.object({ input: price, output: price, cacheRead: price, cacheWrite: price, reasoning: price, request: price, webSearch: price, image: price }),
    () => ({ ...NO_PRICE }),
  );

  const catalogModel = v.pipe(
    v.object({
      id,
      canonicalSlug: or(v.string(), ''),
      name: displayOrEmpty,
      author: displayOrEmpty,
      lab: displayOrEmpty,
      region,
      created: nanOr,
      contextLength: or(v.nullable(nonNegative), null),
      price: modelPrice,
      variable: flag,
      free: flag,
      overrides: list(
        v.object({
          minPromptTokens: maybeNum,
          utcStart: maybeNum,
          utcEnd: maybeNum,
          input: maybeNum,
          output: maybeNum,
          cacheRead: maybeNum,
          cacheWrite: maybeNum,
        }),
      ),
      variant: maybeStr,
      aliasTarget: maybeStr,
      intelligenceIndex: maybeNum,
      codingIndex: maybeNum,
      agenticIndex: maybeNum,
      expirationDate: maybeStr,
      inputModalities: list(v.string()),
      outputModalities: list(v.string()),
      tools: flag,
    }),
    // A model always has a name, an author and a lab to show: empty ones fall back to what its id says.
    v.transform((m) => {
      const author = m.author || authorOf(m.id);
      return { ...m, canonicalSlug: m.canonicalSlug || m.id, name: m.name || m.id, author, lab: m.lab || author };
    }),
  );

  const catalogView = v.object({
    models: list(catalogModel),
    source: or(v.picklist(DATA_SOURCES), 'cache'),
    asOf: maybeStr,
  });

  const rankedModel = v.pipe(
    v.object({
      rank: nanOr,
      permaslug: id,
      id: maybeStr,
      name: or(v.nullable(display), null),
      author: displayOrEmpty,
      region,
      tokens: maybeTokens,
      prevTokens: maybeTokens,
      change: maybeNum,
      share: maybeNum,
      // Kept only when every entry is a variant name and a token total.
      variantTokens: opt(v.record(v.pipe(v.string(), v.maxLength(64)), tokens)),
    }),
    v.transform((r) => (r.author ? r : { ...r, author: authorOf(r.permaslug) })),
  );

  const coverage = v.object({
    requestedDays: num,
    daysWithData: num,
    firstDay: maybeStr,
    lastDay: maybeStr,
    missingDays: list(v.string()),
    duplicateRows: or(num, 0),
    droppedRows: or(num, 0),
  });

  const regionTokens = or(tokens, '0');
  const rankingsView = v.object({
    mode: or(v.picklist(RANKINGS_MODES), 'order'),
    window: or(v.nullable(v.object({ start: v.string(), end: v.string() })), null),
    asOf: maybeStr,
    citation: maybeStr,
    totalTokens: maybeTokens,
    unattributedTokens: maybeTokens,
    unattributedShare: maybeNum,
    models: list(rankedModel),
    regions: list(v.object({ region, tokens, share: nanOr, prevTokens: maybeTokens, change: maybeNum })),
    authors: list(
      v.pipe(
        v.object({ author: v.pipe(display, v.minLength(1)), lab: displayOrEmpty, region, tokens, share: nanOr }),
        v.transform((a) => (a.lab ? a : { ...a, lab: a.author })),
      ),
    ),
    daily: list(
      v.object({
        date: v.string(),
        // A day without data is a gap: it stays null, never becomes zeros.
        regions: or(v.nullable(v.object({ CN: regionTokens, US: regionTokens, EU: regionTokens, OTHER: regionTokens, UNKNOWN: regionTokens })), null),
        unattributed: maybeTokens,
      }),
    ),
    // Saved before coverage existed: unknown, not complete.
    coverage: v.optional(or(v.nullable(coverage), null), null),
    source: v.optional(or(v.picklist(DATA_SOURCES), 'live'), 'live'),
  });

  const usageView = v.object({
    key: or(
      v.nullable(
        v.object({
          label: displayOrEmpty,
          isManagementKey: flag,
          isFreeTier: or(v.nullable(v.boolean()), null),
          limit: maybeSpend,
          limitRemaining: maybeLeftUsd,
          limitReset: or(v.nullable(display), null),
          usage: or(spend, Number.NaN),
          daily: maybeSpend,
          weekly: maybeSpend,
          monthly: maybeSpend,
          byokDaily: maybeSpend,
          byokWeekly: maybeSpend,
          byokMonthly: maybeSpend,
          expiresAt: maybeStr,
        }),
      ),
      null,
    ),
    balanceStatus: or(v.picklist(BALANCE_STATUSES), 'unavailable'),
    balance: or(v.nullable(v.object({ totalCredits: or(spend, Number.NaN), totalUsage: or(spend, Number.NaN), balance: or(leftUsd, Number.NaN) })), null),
    effectiveRemaining: maybeLeftUsd,
    binding: or(v.nullable(v.picklist(BINDINGS)), null),
    burnRatePerDay: maybeSpend,
    monthEndProjection: maybeSpend,
  });

  const money = or(spend, Number.NaN);
  const whole = or(count, Number.NaN);
  const activityModelDay = v.object({
    model: id,
    modelId: opt(v.nullable(v.string())),
    usage: money,
    byokUsage: money,
    requests: whole,
    promptTokens: whole,
    completionTokens: whole,
    reasoningTokens: whole,
  });

  const activityView = v.object({
    days: list(v.object({ date: v.string(), models: list(activityModelDay), total: money, byokTotal: money })),
    byModel: list(activityModelDay),
    total: money,
    byokTotal: money,
    droppedRows: or(count, 0),
    outsideWindowRows: or(count, 0),
  });

  const errorInfo = v.object({
    kind: or(v.picklist(ERROR_KINDS), 'server'),
    message: or(v.string(), ''),
    status: opt(num),
    retryAfterMs: opt(num),
  });

  const resourceState = or(
    v.object({ fetchedAt: maybeNum, error: or(v.nullable(errorInfo), null), stale: flag, loading: flag }),
    emptyResourceState,
  );
  const resources = or(
    v.object(Object.fromEntries(RESOURCE_NAMES.map((r) => [r, resourceState]))) as unknown as Schema<Record<ResourceName, ResourceState>>,
    () => emptySnapshot().resources,
  );

  const keys = or(
    v.object({
      inference: or(v.picklist(KEY_SOURCES), 'none'),
      management: flag,
      managementKind: opt(v.picklist(MANAGEMENT_KEY_KINDS)),
    }),
    () => ({ inference: 'none' as const, management: false }),
  );

  const trendRegion = v.picklist(TREND_REGIONS);
  const trendNumbers = <T>(item: Schema<T>) => v.object({ CN: item, US: item, EU: item, OTHER: item });
  const trendView = v.object({
    weeks: list(
      v.object({
        week: v.string(),
        // A week without data is a gap: null, never zeros.
        tokens: or(v.nullable(trendNumbers(tokens)), null),
        unattributed: maybeTokens,
        total: maybeTokens,
        shares: or(v.nullable(trendNumbers(v.pipe(num, v.minValue(0), v.maxValue(1)))), null),
        leader: or(v.nullable(trendRegion), null),
        tied: list(trendRegion),
      }),
    ),
    window: v.object({ start: v.string(), end: v.string() }),
    missingWeeks: list(v.string()),
    streak: or(
      v.nullable(v.object({ leader: trendRegion, weeks: count, since: v.string(), through: v.string(), missingInside: count, openStart: v.boolean() })),
      null,
    ),
    noStreakReason: or(v.nullable(v.picklist(['noData', 'tie'] as const)), null),
    lastChange: or(v.nullable(v.object({ week: v.string(), from: v.nullable(trendRegion), to: trendRegion, previousWeek: v.string() })), null),
    asOf: maybeStr,
    citation: or(display, ''),
    droppedRows: or(count, 0),
  });
  const trendState = v.object({ view: or(v.nullable(trendView), null), fetchedAt: maybeNum, attemptedAt: maybeNum, error: or(v.nullable(errorInfo), null) });

  // What the key may use: a part that does not fit reads as "not known" (nothing marked), never as "all allowed".
  const allowedModels: Schema<AllowedModelsState> = or(
    v.variant('status', [
      v.object({ status: v.literal('known'), fetchedAt: num, allowedCount: count, notAllowed: list(id), error: or(v.nullable(errorInfo), null) }),
      v.object({ status: v.literal('unknown'), reason: or(v.picklist(ALLOWED_UNKNOWN_REASONS), 'failed'), error: or(v.nullable(errorInfo), null) }),
    ]),
    () => ({ status: 'unknown' as const, reason: 'failed' as const, error: null }),
  );

  /** Each part of a snapshot on its own, so a reader can say which part did not fit. */
  const snapshotParts = {
    keys,
    catalog: or(v.nullable(catalogView), null),
    rankings: or(v.nullable(rankingsView), null),
    usage: or(v.nullable(usageView), null),
    activity: or(v.nullable(activityView), null),
    resources,
    trend: opt(v.nullable(trendState)),
    allowedModels: opt(v.nullable(allowedModels)),
  };
  const snapshot = or(v.object(snapshotParts), emptySnapshot);

  const modelRef = v.pipe(
    v.object({
      refId: id,
      file: or(v.string(), ''),
      line: nanOr,
      column: nanOr,
      raw: or(v.string(), ''),
      id,
      known: flag,
      tool: or(v.picklist(REF_TOOLS), 'code'),
      keyPath: maybeStr,
      // Core's answer to which catalog model the id names (absent from an older host).
      modelId: opt(v.nullable(v.string())),
      // The OpenRouter preset the value names: the views call it a preset, not an id missing from the catalog.
      preset: opt(v.string()),
    }),
    v.transform((r) => (r.raw ? r : { ...r, raw: r.id })),
  );

  const references = or(
    v.object({ refs: list(modelRef), scanning: flag, files: or(count, 0), note: maybeStr }),
    () => ({ refs: [], scanning: false, files: 0, note: null }),
  );

  const alternative = v.pipe(
    v.object({
      id,
      name: displayOrEmpty,
      region,
      codingIndex: maybeNum,
      price: modelPrice,
      cost: nanOr,
      saving: nanOr,
      savingPct: nanOr,
      rank: maybeNum,
      unpriced: opt(unpricedList),
      notAllowed: opt(v.boolean()),
    }),
    v.transform((a) => (a.name ? a : { ...a, name: a.id })),
  );

  const mixAmount = or(nonNegative, 0);
  const compareResult = v.object({
    modelId: id,
    mix: or(
      v.object({
        input: mixAmount,
        output: mixAmount,
        cacheRead: mixAmount,
        requests: opt(v.nullable(nonNegative)),
        source: or(v.picklist(MIX_SOURCES), 'default'),
        cacheWrite: opt(v.nullable(nonNegative)),
        reasoning: opt(nonNegative),
        history: opt(mixHistorySchema),
      }),
      () => ({ input: 0, output: 0, cacheRead: 0, source: 'default' as const }),
    ),
    baseCost: maybeNum,
    alternatives: list(alternative),
    baseUnpriced: opt(unpricedList),
  });

  // The sidebar's Changes list (src/core/watch/). A change is whole or left out: no field of one is filled in.
  const watchPrice = v.object({ input: v.nullable(nonNegative), output: v.nullable(nonNegative) });
  const changeBase = { seq: count, at: v.pipe(v.string(), v.isoTimestamp()), modelId: id, name: displayOrEmpty };
  const retirement = v.nullable(v.pipe(v.string(), v.isoDate()));
  const watchChange = v.variant('kind', [
    v.object({ ...changeBase, kind: v.literal('price'), from: watchPrice, to: watchPrice }),
    v.object({ ...changeBase, kind: v.literal('expiration'), from: retirement, to: retirement }),
    v.object({ ...changeBase, kind: v.literal('context'), from: v.nullable(count), to: v.nullable(count) }),
    v.object({ ...changeBase, kind: v.literal('removed'), from: watchPrice, to: v.null() }),
  ]);
  const watchView = or(
    v.object({ changes: list(watchChange), watching: or(count, 0), since: maybeStr, note: or(v.nullable(display), null) }),
    () => ({ changes: [], watching: 0, since: null, note: null }),
  );

  return { catalogModel, catalogView, rankingsView, usageView, activityView, errorInfo, keys, snapshotParts, snapshot, references, compareResult, trendState, watchView, allowedModels };
}

export type Shapes = ReturnType<typeof build>;

/** The strict build: the store's persisted parts and the webview's messages fit these, or they are not taken as they are. */
export const SHAPES: Shapes = build(false);

let repairShapes: Shapes | undefined;
/** The repair build, made on first need (a message that did not fit): field fallbacks, bad list elements left out. */
export function repairShapesOf(): Shapes {
  return (repairShapes ??= build(true));
}

/** The parts of a snapshot the store persists, each with its strict schema. */
export const PERSISTED_PART_SHAPES: { [P in 'catalog' | 'rankings' | 'usage' | 'activity' | 'trend']: Schema<Snapshot[P]> } = {
  // Optional in a snapshot (an older host has none), so the same here: absent restores as nothing.
  trend: v.optional(v.nullable(SHAPES.trendState)),
  catalog: SHAPES.catalogView,
  rankings: SHAPES.rankingsView,
  usage: SHAPES.usageView,
  activity: SHAPES.activityView,
};

// The schemas and src/shared/types.ts describe the same data: each direction is checked.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
type Out<K extends Exclude<keyof Shapes, 'snapshotParts'>> = v.InferOutput<Shapes[K]>;
export type _ShapeChecks = [
  Assert<Same<Out<'catalogModel'>, CatalogModel>>,
  Assert<Same<Out<'catalogView'>, CatalogView>>,
  Assert<Same<Out<'rankingsView'>, RankingsView>>,
  Assert<Same<Out<'usageView'>, UsageView>>,
  Assert<Same<Out<'activityView'>, ActivityView>>,
  Assert<Same<Out<'errorInfo'>, ErrorInfo>>,
  Assert<Same<Out<'keys'>, KeysState>>,
  Assert<Same<Out<'snapshot'>, Snapshot>>,
  Assert<Same<Out<'trendState'>, TrendState>>,
  Assert<Same<Out<'allowedModels'>, AllowedModelsState>>,
  Assert<Same<Out<'references'>, ReferencesView>>,
  Assert<Same<Out<'compareResult'>, CompareResult>>,
  Assert<Same<Out<'watchView'>, WatchView>>,
];
