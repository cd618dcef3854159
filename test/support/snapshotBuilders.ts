// Typed builders of Snapshot and friends for tests. Values are taken from real OpenRouter captures
// (test/fixtures/openrouter/models-2026-07-29.json, rankings-daily-2026-07-06_2026-07-26.json: the week
// 2026-07-20..26 against 2026-07-13..19) so a test reads like the product's real data, and a change in
// the shared types breaks the build here instead of silently drifting in hand-typed blobs.
import type { InitPayload, WebviewSettings } from '../../src/shared/protocol';
import type { TrendState } from '../../src/shared/trend';
import type { ApiRankingRow } from '../../src/core/openrouter/apiTypes';
import { RESOURCE_NAMES } from '../../src/shared/types';
import { buildTrendView } from '../../src/core/market/trend';
import type {
  ActivityModelDay,
  ActivityView,
  Alternative,
  CatalogModel,
  CatalogView,
  CompareResult,
  ErrorInfo,
  ErrorKind,
  KeyUsage,
  ModelPrice,
  ModelRefView,
  RankedModel,
  RankingsView,
  ReferencesView,
  Region,
  RegionShare,
  ResourceName,
  ResourceState,
  Snapshot,
  TokenMix,
  UsageView,
  DailyRegionTokens,
} from '../../src/shared/types';

interface ModelSeed {
  id: string;
  canonicalSlug: string;
  name: string;
  lab: string;
  region: Region;
  created: number;
  contextLength: number | null;
  /** $/1M: input, output, cache read, cache write. */
  prices: [number | null, number | null, number | null, number | null];
  codingIndex: number | null;
  intelligenceIndex: number | null;
  inputModalities: string[];
}

/** Real entries of the 2026-07-29 /models capture, prices converted to $/1M. */
const SEEDS: readonly ModelSeed[] = [
  { id: 'xiaomi/mimo-v2.5', canonicalSlug: 'xiaomi/mimo-v2.5-20260422', name: 'Xiaomi: MiMo-V2.5', lab: 'Xiaomi', region: 'CN', created: 1776874269, contextLength: 1050000, prices: [0.14, 0.28, 0.0028, null], codingIndex: 56.8, intelligenceIndex: 37.2, inputModalities: ['text', 'audio', 'image', 'video'] },
  { id: 'deepseek/deepseek-v4-flash', canonicalSlug: 'deepseek/deepseek-v4-flash-20260423', name: 'DeepSeek: DeepSeek V4 Flash', lab: 'DeepSeek', region: 'CN', created: 1777000666, contextLength: 1048576, prices: [0.14, 0.28, 0.028, null], codingIndex: 56.2, intelligenceIndex: 40.3, inputModalities: ['text'] },
  { id: 'tencent/hy3', canonicalSlug: 'tencent/hy3-20260706', name: 'Tencent: Hy3', lab: 'Tencent', region: 'CN', created: 1783344048, contextLength: 262144, prices: [0.132, 0.528, 0.033, null], codingIndex: null, intelligenceIndex: null, inputModalities: ['text'] },
  { id: 'z-ai/glm-5.2', canonicalSlug: 'z-ai/glm-5.2-20260616', name: 'Z.ai: GLM 5.2', lab: 'Zhipu AI', region: 'CN', created: 1781631930, contextLength: 1048576, prices: [0.7182, 2.2572, 0.13338, null], codingIndex: 68.8, intelligenceIndex: 51.1, inputModalities: ['text'] },
  { id: 'deepseek/deepseek-v4-pro', canonicalSlug: 'deepseek/deepseek-v4-pro-20260423', name: 'DeepSeek: DeepSeek V4 Pro', lab: 'DeepSeek', region: 'CN', created: 1777000679, contextLength: 1048576, prices: [0.435, 0.87, 0.003625, null], codingIndex: 59.4, intelligenceIndex: 44.3, inputModalities: ['text'] },
  { id: 'minimax/minimax-m3', canonicalSlug: 'minimax/minimax-m3-20260531', name: 'MiniMax: MiniMax M3', lab: 'MiniMax', region: 'CN', created: 1780245374, contextLength: 1048576, prices: [0.3, 1.2, 0.06, null], codingIndex: 58.6, intelligenceIndex: 44.4, inputModalities: ['text', 'image', 'video'] },
  { id: 'moonshotai/kimi-k3', canonicalSlug: 'moonshotai/kimi-k3-20260715', name: 'MoonshotAI: Kimi K3', lab: 'Moonshot AI', region: 'CN', created: 1784215858, contextLength: 1048576, prices: [3, 15, 0.3, null], codingIndex: 76.2, intelligenceIndex: 57.1, inputModalities: ['text', 'image'] },
  { id: 'qwen/qwen3-coder', canonicalSlug: 'qwen/qwen3-coder-480b-a35b-07-25', name: 'Qwen: Qwen3 Coder 480B A35B', lab: 'Alibaba Qwen', region: 'CN', created: 1753230546, contextLength: 262144, prices: [0.3, 1, 0.1, null], codingIndex: null, intelligenceIndex: null, inputModalities: ['text'] },
  { id: 'anthropic/claude-opus-4.8', canonicalSlug: 'anthropic/claude-4.8-opus-20260528', name: 'Anthropic: Claude Opus 4.8', lab: 'Anthropic', region: 'US', created: 1779905091, contextLength: 1000000, prices: [5, 25, 0.5, 6.25], codingIndex: 74.3, intelligenceIndex: 55.7, inputModalities: ['text', 'image', 'file'] },
  { id: 'anthropic/claude-sonnet-5', canonicalSlug: 'anthropic/claude-sonnet-5-20260630', name: 'Anthropic: Claude Sonnet 5', lab: 'Anthropic', region: 'US', created: 1782843083, contextLength: 1000000, prices: [2, 10, 0.2, 2.5], codingIndex: 71.5, intelligenceIndex: 53.4, inputModalities: ['text', 'image', 'file'] },
  { id: 'anthropic/claude-opus-4.7', canonicalSlug: 'anthropic/claude-4.7-opus-20260416', name: 'Anthropic: Claude Opus 4.7', lab: 'Anthropic', region: 'US', created: 1776351100, contextLength: 1000000, prices: [5, 25, 0.5, 6.25], codingIndex: 73.6, intelligenceIndex: 53.5, inputModalities: ['text', 'image', 'file'] },
  { id: 'anthropic/claude-sonnet-4.6', canonicalSlug: 'anthropic/claude-4.6-sonnet-20260217', name: 'Anthropic: Claude Sonnet 4.6', lab: 'Anthropic', region: 'US', created: 1771342990, contextLength: 1000000, prices: [3, 15, 0.3, 3.75], codingIndex: 63, intelligenceIndex: 47.2, inputModalities: ['text', 'image', 'file'] },
  { id: 'anthropic/claude-sonnet-4.5', canonicalSlug: 'anthropic/claude-4.5-sonnet-20250929', name: 'Anthropic: Claude Sonnet 4.5', lab: 'Anthropic', region: 'US', created: 1759161676, contextLength: 1000000, prices: [3, 15, 0.3, 3.75], codingIndex: 52.1, intelligenceIndex: 36.4, inputModalities: ['text', 'image', 'file'] },
  { id: 'google/gemini-3-flash-preview', canonicalSlug: 'google/gemini-3-flash-preview-20251217', name: 'Google: Gemini 3 Flash Preview', lab: 'Google', region: 'US', created: 1765987078, contextLength: 1048576, prices: [0.5, 3, 0.05, 0.0833333], codingIndex: null, intelligenceIndex: null, inputModalities: ['text', 'image', 'file', 'audio', 'video'] },
  { id: 'x-ai/grok-4.5', canonicalSlug: 'x-ai/grok-4.5-20260708', name: 'xAI: Grok 4.5', lab: 'xAI', region: 'US', created: 1783523154, contextLength: 500000, prices: [2, 6, 0.3, null], codingIndex: 72.4, intelligenceIndex: 53.8, inputModalities: ['text', 'image', 'file'] },
  { id: 'openai/gpt-5.6-sol', canonicalSlug: 'openai/gpt-5.6-sol-20260709', name: 'OpenAI: GPT-5.6 Sol', lab: 'OpenAI', region: 'US', created: 1783590850, contextLength: 1050000, prices: [5, 30, 0.5, 6.25], codingIndex: 77.4, intelligenceIndex: 58.9, inputModalities: ['file', 'image', 'text'] },
  { id: 'mistralai/mistral-medium-3-5', canonicalSlug: 'mistralai/mistral-medium-3.5-20260430', name: 'Mistral: Mistral Medium 3.5', lab: 'Mistral AI', region: 'EU', created: 1777570439, contextLength: 262144, prices: [1.5, 7.5, null, null], codingIndex: 46.9, intelligenceIndex: 29.9, inputModalities: ['text', 'image', 'file'] },
  { id: 'inclusionai/ling-3.0-flash:free', canonicalSlug: 'inclusionai/ling-3.0-flash-20260723', name: 'Ling-3.0-flash (free)', lab: 'inclusionAI', region: 'CN', created: 1784818580, contextLength: 262144, prices: [0, 0, null, null], codingIndex: null, intelligenceIndex: null, inputModalities: ['text'] },
];

export const MODEL_IDS = SEEDS.map((s) => s.id);

function emptyPrice(): ModelPrice {
  return { input: null, output: null, cacheRead: null, cacheWrite: null, reasoning: null, request: null, webSearch: null, image: null };
}

function fromSeed(seed: ModelSeed): CatalogModel {
  const [input, output, cacheRead, cacheWrite] = seed.prices;
  const colon = seed.id.indexOf(':');
  const author = seed.id.split('/')[0]!.replace(/^~/, '');
  return {
    id: seed.id,
    canonicalSlug: seed.canonicalSlug,
    name: seed.name,
    author,
    lab: seed.lab,
    region: seed.region,
    created: seed.created,
    contextLength: seed.contextLength,
    price: { ...emptyPrice(), input, output, cacheRead, cacheWrite },
    variable: false,
    free: input === 0 && output === 0,
    overrides: [],
    variant: colon >= 0 ? seed.id.slice(colon + 1) : null,
    aliasTarget: null,
    intelligenceIndex: seed.intelligenceIndex,
    codingIndex: seed.codingIndex,
    agenticIndex: null,
    expirationDate: null,
    inputModalities: [...seed.inputModalities],
    outputModalities: ['text'],
    tools: true,
  };
}

/** A real catalog model by id, with overrides. Throws for ids not in the seed list so tests cannot drift. */
export function catalogModel(id: string, overrides: Partial<CatalogModel> = {}): CatalogModel {
  const seed = SEEDS.find((s) => s.id === id);
  if (!seed) throw new Error(`snapshotBuilders: no seed for ${id}; add it from the capture`);
  return { ...fromSeed(seed), ...overrides };
}

/** The router pseudo-model: "-1" prices in the capture, i.e. variable. */
export function autoRouterModel(): CatalogModel {
  return {
    ...fromSeed({ id: 'openrouter/auto', canonicalSlug: 'openrouter/auto', name: 'Auto Router', lab: 'OpenRouter', region: 'UNKNOWN', created: 1699401600, contextLength: 2000000, prices: [null, null, null, null], codingIndex: null, intelligenceIndex: null, inputModalities: ['text', 'image', 'audio', 'file', 'video'] }),
    variable: true,
  };
}

export function catalogView(models: CatalogModel[] = [...SEEDS.map(fromSeed), autoRouterModel()], overrides: Partial<CatalogView> = {}): CatalogView {
  return { models, source: 'live', asOf: '2026-07-29T09:00:00.000Z', ...overrides };
}

/**
 * A catalog of `count` models for size tests: the real seeds, then variants of them with distinct ids
 * and prices scaled per copy, so sorting and filtering have something to do.
 */
export function largeCatalog(count: number): CatalogView {
  const models: CatalogModel[] = [];
  for (let i = 0; models.length < count; i++) {
    const seed = SEEDS[i % SEEDS.length];
    const copy = Math.floor(i / SEEDS.length);
    const base = fromSeed(seed!);
    if (copy === 0) {
      models.push(base);
      continue;
    }
    const factor = 1 + copy / 10;
    const scale = (p: number | null): number | null => (p === null ? null : Math.round(p * factor * 1e6) / 1e6);
    const [author, slug] = seed!.id.replace(/:.*$/, '').split('/');
    models.push({
      ...base,
      id: `${author}/${slug}-v${copy}`,
      canonicalSlug: `${author}/${slug}-v${copy}`,
      name: `${base.name} v${copy}`,
      created: base.created - copy * 86400,
      price: { ...base.price, input: scale(base.price.input), output: scale(base.price.output), cacheRead: scale(base.price.cacheRead) },
      free: false,
      variant: null,
      codingIndex: base.codingIndex === null ? null : Math.max(0, Math.round((base.codingIndex - copy) * 10) / 10),
    });
  }
  return catalogView(models);
}

interface RankSeed {
  permaslug: string;
  id: string | null;
  name: string | null;
  author: string;
  region: Region;
  tokens: string;
  prevTokens: string;
}

/** Real weekly totals, 2026-07-20..26 vs 2026-07-13..19, rankings-daily capture. */
const RANK_SEEDS: readonly RankSeed[] = [
  { permaslug: 'xiaomi/mimo-v2.5-20260422', id: 'xiaomi/mimo-v2.5', name: 'Xiaomi: MiMo-V2.5', author: 'xiaomi', region: 'CN', tokens: '10463362117544', prevTokens: '9319513129034' },
  { permaslug: 'deepseek/deepseek-v4-flash-20260423', id: 'deepseek/deepseek-v4-flash', name: 'DeepSeek: DeepSeek V4 Flash', author: 'deepseek', region: 'CN', tokens: '6370682795644', prevTokens: '5384952769104' },
  { permaslug: 'tencent/hy3-20260706', id: 'tencent/hy3', name: 'Tencent: Hy3', author: 'tencent', region: 'CN', tokens: '3937569231371', prevTokens: '0' },
  { permaslug: 'z-ai/glm-5.2-20260616', id: 'z-ai/glm-5.2', name: 'Z.ai: GLM 5.2', author: 'z-ai', region: 'CN', tokens: '3287642816286', prevTokens: '3671677452839' },
  { permaslug: 'deepseek/deepseek-v4-pro-20260423', id: 'deepseek/deepseek-v4-pro', name: 'DeepSeek: DeepSeek V4 Pro', author: 'deepseek', region: 'CN', tokens: '3171917263266', prevTokens: '2710492738036' },
  { permaslug: 'minimax/minimax-m3-20260531', id: 'minimax/minimax-m3', name: 'MiniMax: MiniMax M3', author: 'minimax', region: 'CN', tokens: '2048490367495', prevTokens: '3814204694267' },
  { permaslug: 'anthropic/claude-4.8-opus-20260528', id: 'anthropic/claude-opus-4.8', name: 'Anthropic: Claude Opus 4.8', author: 'anthropic', region: 'US', tokens: '1443244380880', prevTokens: '2070416265177' },
  { permaslug: 'moonshotai/kimi-k3-20260715', id: 'moonshotai/kimi-k3', name: 'MoonshotAI: Kimi K3', author: 'moonshotai', region: 'CN', tokens: '1231313451500', prevTokens: '376645965095' },
  { permaslug: 'anthropic/claude-sonnet-5-20260630', id: 'anthropic/claude-sonnet-5', name: 'Anthropic: Claude Sonnet 5', author: 'anthropic', region: 'US', tokens: '1041158296995', prevTokens: '1073586941279' },
  { permaslug: 'google/gemini-3-flash-preview-20251217', id: 'google/gemini-3-flash-preview', name: 'Google: Gemini 3 Flash Preview', author: 'google', region: 'US', tokens: '974891502207', prevTokens: '953850853237' },
  { permaslug: 'anthropic/claude-4.7-opus-20260416', id: 'anthropic/claude-opus-4.7', name: 'Anthropic: Claude Opus 4.7', author: 'anthropic', region: 'US', tokens: '903743531882', prevTokens: '2171127937003' },
  { permaslug: 'anthropic/claude-4.6-sonnet-20260217', id: 'anthropic/claude-sonnet-4.6', name: 'Anthropic: Claude Sonnet 4.6', author: 'anthropic', region: 'US', tokens: '782813357317', prevTokens: '917803186948' },
  { permaslug: 'x-ai/grok-4.5-20260708', id: 'x-ai/grok-4.5', name: 'xAI: Grok 4.5', author: 'x-ai', region: 'US', tokens: '571369723373', prevTokens: '327695594849' },
  { permaslug: 'openai/gpt-5.6-sol-20260709', id: 'openai/gpt-5.6-sol', name: 'OpenAI: GPT-5.6 Sol', author: 'openai', region: 'US', tokens: '567004636508', prevTokens: '465121275035' },
];
/** The capture's "other" rows for the same week. */
const UNATTRIBUTED = '4102100669391';

function sumTokens(values: string[]): bigint {
  return values.reduce((acc, v) => acc + BigInt(v), 0n);
}

function changeOf(tokens: string, prev: string): number | null {
  const p = Number(prev);
  return p > 0 ? Number(tokens) / p - 1 : null;
}

export function rankingsView(overrides: Partial<RankingsView> = {}): RankingsView {
  const total = sumTokens([...RANK_SEEDS.map((r) => r.tokens), UNATTRIBUTED]);
  const share = (t: string | bigint): number => Number(BigInt(t)) / Number(total);
  const models: RankedModel[] = RANK_SEEDS.map((r, i) => ({
    rank: i + 1,
    permaslug: r.permaslug,
    id: r.id,
    name: r.name,
    author: r.author,
    region: r.region,
    tokens: r.tokens,
    prevTokens: r.prevTokens === '0' ? null : r.prevTokens,
    change: changeOf(r.tokens, r.prevTokens),
    share: share(r.tokens),
  }));
  const regionOrder: Region[] = ['CN', 'US', 'EU', 'OTHER', 'UNKNOWN'];
  const regions: RegionShare[] = regionOrder
    .map((region) => {
      const rows = RANK_SEEDS.filter((r) => r.region === region);
      const tokens = sumTokens(rows.map((r) => r.tokens));
      const prev = sumTokens(rows.map((r) => r.prevTokens));
      return { region, tokens: tokens.toString(), share: share(tokens), prevTokens: prev.toString(), change: prev > 0n ? Number(tokens) / Number(prev) - 1 : null };
    })
    .filter((r) => r.tokens !== '0');
  return {
    mode: 'tokens',
    window: { start: '2026-07-20', end: '2026-07-26' },
    asOf: '2026-07-26T23:59:59Z',
    citation: 'Source: OpenRouter (openrouter.ai/rankings), as of Jul 26, 2026.',
    totalTokens: total.toString(),
    unattributedTokens: UNATTRIBUTED,
    unattributedShare: share(UNATTRIBUTED),
    models,
    regions,
    authors: [],
    daily: dailyRegionTokens(),
    coverage: { requestedDays: 7, daysWithData: 7, firstDay: '2026-07-20', lastDay: '2026-07-26', missingDays: [], duplicateRows: 0, droppedRows: 0 },
    source: 'live',
    ...overrides,
  };
}

/** Seven days whose per-region sums are the weekly totals above, spread with a weekday shape. */
export function dailyRegionTokens(): DailyRegionTokens[] {
  const weights = [14, 15, 15, 15, 14, 13, 14]; // sums to 100
  const dates = ['2026-07-20', '2026-07-21', '2026-07-22', '2026-07-23', '2026-07-24', '2026-07-25', '2026-07-26'];
  const weekly = (region: Region): bigint => sumTokens(RANK_SEEDS.filter((r) => r.region === region).map((r) => r.tokens));
  const part = (total: bigint, i: number): string => ((total * BigInt(weights[i]!)) / 100n).toString();
  return dates.map((date, i) => ({
    date,
    regions: { CN: part(weekly('CN'), i), US: part(weekly('US'), i), EU: '0', OTHER: '0', UNKNOWN: '0' },
    unattributed: part(BigInt(UNATTRIBUTED), i),
  }));
}

/** Public popularity order only (no key): the same models, no figures. */
export function orderOnlyRankings(): RankingsView {
  return {
    mode: 'order',
    window: null,
    asOf: '2026-07-29T09:00:00.000Z',
    citation: null,
    totalTokens: null,
    unattributedTokens: null,
    unattributedShare: null,
    models: RANK_SEEDS.map((r, i) => ({ rank: i + 1, permaslug: r.id ?? r.permaslug, id: r.id, name: r.name, author: r.author, region: r.region, tokens: null, prevTokens: null, change: null, share: null })),
    regions: [],
    authors: [],
    daily: [],
    coverage: null,
    source: 'live',
  };
}

export function keyUsage(overrides: Partial<KeyUsage> = {}): KeyUsage {
  return {
    label: 'sk-or-v1-au7...890',
    isManagementKey: false,
    isFreeTier: false,
    limit: 100,
    limitRemaining: 74.5,
    limitReset: 'monthly',
    usage: 25.5,
    daily: 1.84,
    weekly: 9.12,
    monthly: 25.5,
    byokDaily: 0,
    byokWeekly: 0,
    byokMonthly: 0,
    expiresAt: null,
    ...overrides,
  };
}

export function usageView(options: { management?: boolean } & Partial<UsageView> = {}): UsageView {
  const { management = false, ...overrides } = options;
  const key = keyUsage();
  if (!management) {
    return { key, balanceStatus: 'unavailable', balance: null, effectiveRemaining: key.limitRemaining, binding: 'key', burnRatePerDay: 0.98, monthEndProjection: 30.4, ...overrides };
  }
  return {
    key,
    balanceStatus: 'ok',
    balance: { totalCredits: 80, totalUsage: 61.25, balance: 18.75 },
    effectiveRemaining: 18.75,
    binding: 'balance',
    burnRatePerDay: 0.98,
    monthEndProjection: 30.4,
    ...overrides,
  };
}

function activityRow(model: string, usage: number, promptTokens: number, completionTokens: number, requests: number): ActivityModelDay {
  return { model, usage, byokUsage: 0, requests, promptTokens, completionTokens, reasoningTokens: Math.round(completionTokens * 0.2) };
}

/** 30 days of a developer's usage: mostly Claude Sonnet 4.5, some DeepSeek V4 Flash, a little Qwen3 Coder. */
export function activityView(endDate = '2026-07-28'): ActivityView {
  const end = Date.parse(`${endDate}T00:00:00Z`);
  const days: ActivityView['days'] = [];
  for (let i = 29; i >= 0; i--) {
    const date = new Date(end - i * 86_400_000).toISOString().slice(0, 10);
    const weekday = new Date(end - i * 86_400_000).getUTCDay();
    const busy = weekday === 0 || weekday === 6 ? 0.3 : 1;
    // Sonnet 4.5: 3 $/1M in, 15 $/1M out.
    const sIn = Math.round(180_000 * busy);
    const sOut = Math.round(12_000 * busy);
    const sonnet = activityRow('anthropic/claude-sonnet-4.5', round6((sIn * 3 + sOut * 15) / 1e6), sIn, sOut, Math.round(40 * busy));
    const fIn = Math.round(400_000 * busy);
    const fOut = Math.round(30_000 * busy);
    const flash = activityRow('deepseek/deepseek-v4-flash', round6((fIn * 0.14 + fOut * 0.28) / 1e6), fIn, fOut, Math.round(60 * busy));
    const models = [sonnet, flash];
    if (i % 3 === 0) {
      models.push(activityRow('qwen/qwen3-coder', round6((90_000 * 0.3 + 8_000 * 1) / 1e6), 90_000, 8_000, 12));
    }
    days.push({ date, models, total: round6(models.reduce((a, m) => a + m.usage, 0)), byokTotal: 0 });
  }
  const byModelMap = new Map<string, ActivityModelDay>();
  for (const d of days) {
    for (const m of d.models) {
      const acc = byModelMap.get(m.model) ?? activityRow(m.model, 0, 0, 0, 0);
      acc.usage = round6(acc.usage + m.usage);
      acc.requests += m.requests;
      acc.promptTokens += m.promptTokens;
      acc.completionTokens += m.completionTokens;
      acc.reasoningTokens += m.reasoningTokens;
      byModelMap.set(m.model, acc);
    }
  }
  const byModel = [...byModelMap.values()].sort((a, b) => b.usage - a.usage);
  return { days, byModel, total: round6(days.reduce((a, d) => a + d.total, 0)), byokTotal: 0, droppedRows: 0, outsideWindowRows: 0 };
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

export function resourceState(overrides: Partial<ResourceState> = {}): ResourceState {
  return { fetchedAt: Date.parse('2026-07-29T09:00:00Z'), error: null, stale: false, loading: false, ...overrides };
}

export function resources(each: Partial<ResourceState> = {}, per: Partial<Record<ResourceName, Partial<ResourceState>>> = {}): Record<ResourceName, ResourceState> {
  // GET /models/user: the builders' snapshots carry no allowedModels, so nothing was fetched for it unless a test says so.
  const fresh: Partial<Record<ResourceName, Partial<ResourceState>>> = { userModels: { fetchedAt: null, stale: false } };
  return Object.fromEntries(RESOURCE_NAMES.map((n) => [n, resourceState({ ...each, ...fresh[n], ...per[n] })])) as Record<ResourceName, ResourceState>;
}

const ERROR_MESSAGES: Record<ErrorKind, string> = {
  offline: 'Could not reach openrouter.ai',
  timeout: 'OpenRouter did not answer in time',
  unauthorized: 'OpenRouter rejected the API key (401)',
  paymentRequired: 'Your OpenRouter account is out of credits (402)',
  forbidden: 'This key may not call this endpoint (403)',
  notFound: 'Not found (404)',
  rateLimited: 'Rate limited by OpenRouter (429)',
  server: 'OpenRouter server error (502)',
  badResponse: 'OpenRouter sent a response that did not match its schema',
  cancelled: 'Cancelled',
  config: 'Invalid setting',
  notManagementKey: 'Balance unavailable: this is not a management key.',
  blocked: '/api/v1/key: your browser blocked this request to OpenRouter (cross-origin).',
};

export function errorInfo(kind: ErrorKind, overrides: Partial<ErrorInfo> = {}): ErrorInfo {
  const status: Partial<Record<ErrorKind, number>> = { unauthorized: 401, paymentRequired: 402, forbidden: 403, notFound: 404, rateLimited: 429, server: 502, notManagementKey: 403 };
  return { kind, message: ERROR_MESSAGES[kind], ...(status[kind] ? { status: status[kind] } : {}), ...overrides };
}

/** A signed-in user with a normal inference key: live catalog, rankings, key usage; no balance or activity. */
export function liveSnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    keys: { inference: 'stored', management: false },
    catalog: catalogView(),
    rankings: rankingsView(),
    usage: usageView(),
    activity: null,
    resources: resources({}, { credits: { fetchedAt: null }, activity: { fetchedAt: null } }),
    ...overrides,
  };
}

/** Inference key plus a management key GET /key verified: balance and 30 days of activity. */
export function managementSnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return liveSnapshot({
    keys: { inference: 'stored', management: true, managementKind: 'management' },
    usage: usageView({ management: true }),
    activity: activityView(),
    resources: resources(),
    ...overrides,
  });
}

/** No key at all: the public catalog and the popularity order only. */
export function noKeySnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    keys: { inference: 'none', management: false },
    catalog: catalogView(),
    rankings: orderOnlyRankings(),
    usage: null,
    activity: null,
    resources: resources({}, { key: { fetchedAt: null }, credits: { fetchedAt: null }, activity: { fetchedAt: null } }),
    ...overrides,
  };
}

/** First start with a key, nothing cached yet, every request in flight. */
export function loadingSnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    keys: { inference: 'stored', management: false },
    catalog: null,
    rankings: null,
    usage: null,
    activity: null,
    resources: resources({ fetchedAt: null, loading: true }),
    ...overrides,
  };
}

/** Cached data whose refresh is overdue, e.g. after the laptop slept. */
export function staleSnapshot(fetchedAt: number, overrides: Partial<Snapshot> = {}): Snapshot {
  return liveSnapshot({
    resources: resources({ fetchedAt, stale: true }, { credits: { fetchedAt: null, stale: false }, activity: { fetchedAt: null, stale: false } }),
    ...overrides,
  });
}

/** Cached data and a failing refresh of the given kind on the key-bound resources. */
export function errorSnapshot(kind: ErrorKind, overrides: Partial<Snapshot> = {}): Snapshot {
  const error = errorInfo(kind);
  const failing: Partial<ResourceState> = { error, stale: true };
  return liveSnapshot({
    resources: resources({}, { models: kind === 'offline' ? failing : {}, rankings: failing, key: failing, credits: { fetchedAt: null }, activity: { fetchedAt: null } }),
    ...overrides,
  });
}

export function modelRef(id: string, overrides: Partial<ModelRefView> = {}): ModelRefView {
  return { refId: 'r1', file: '.continue/config.yaml', line: 12, column: 12, raw: id, id, known: true, tool: 'continue', keyPath: 'models[0].model', ...overrides };
}

export function referencesView(refs: ModelRefView[] = defaultRefs(), overrides: Partial<ReferencesView> = {}): ReferencesView {
  return { refs, scanning: false, files: 14, note: null, ...overrides };
}

function defaultRefs(): ModelRefView[] {
  return [
    modelRef('anthropic/claude-sonnet-4.5', { refId: 'r1' }),
    modelRef('qwen/qwen3-coder', { refId: 'r2', file: '.aider.conf.yml', line: 3, column: 8, tool: 'aider', keyPath: 'model', raw: 'openrouter/qwen/qwen3-coder' }),
    modelRef('anthropic/claude-sonnet-4.5', { refId: 'r3', file: 'opencode.json', line: 5, column: 14, tool: 'opencode', keyPath: 'model', raw: 'openrouter/anthropic/claude-sonnet-4.5' }),
  ];
}

export function settings(overrides: Partial<WebviewSettings> = {}): WebviewSettings {
  return { budgetDaily: 0, budgetMonthly: 50, lowBalance: 5, leadersTop: 5, ...overrides };
}

export function initPayload(overrides: Partial<InitPayload> = {}): InitPayload {
  return { view: 'sidebar', snapshot: liveSnapshot(), references: referencesView(), settings: settings(), ...overrides };
}

/** Prices a mix on a catalog model the way the compare service does ($/1M × tokens / 1e6). */
export function mixCost(model: CatalogModel, mix: Omit<TokenMix, 'source'>): number | null {
  const { input, output, cacheRead } = model.price;
  if (model.variable || input === null || output === null) return null;
  return (mix.input * input + mix.output * output + mix.cacheRead * (cacheRead ?? input)) / 1e6;
}

/** A compare result computed from the seeds, so costs and savings agree with the prices shown. */
export function compareResult(modelId: string, alternativeIds: string[], mix: TokenMix = { input: 5_400_000, output: 360_000, cacheRead: 0, source: 'activity' }): CompareResult {
  const base = catalogModel(modelId);
  const baseCost = mixCost(base, mix);
  const rankOf = (id: string): number | null => RANK_SEEDS.findIndex((r) => r.id === id) + 1 || null;
  const alternatives: Alternative[] = alternativeIds.map((id) => {
    const m = catalogModel(id);
    const cost = mixCost(m, mix) ?? 0;
    const saving = baseCost === null ? 0 : baseCost - cost;
    return { id, name: m.name, region: m.region, codingIndex: m.codingIndex, price: m.price, cost, saving, savingPct: baseCost ? saving / baseCost : 0, rank: rankOf(id) };
  });
  return { modelId, mix, baseCost, alternatives };
}

/** A weekly trend as the radar stores it: 6 weeks to the week of 2026-11-23, a lead change, one missing week, a tie. */
export function trendState(overrides: Partial<TrendState> = {}): TrendState {
  const row = (date: string, model_permaslug: string, tokens: number): ApiRankingRow => ({ date, model_permaslug, total_tokens: String(tokens * 1_000_000_000) });
  const week = (date: string, cn: number, us: number, eu: number): ApiRankingRow[] => [
    row(date, 'deepseek/deepseek-v4-flash-20260423', cn),
    row(date, 'anthropic/claude-4.5-sonnet-20250929', us),
    row(date, 'mistralai/mistral-medium-3.1', eu),
    row(date, 'other', 10),
  ];
  const rows = [...week('2026-10-19', 30, 30, 5), ...week('2026-10-26', 30, 50, 5), ...week('2026-11-09', 45, 35, 5), ...week('2026-11-16', 46, 34, 5), ...week('2026-11-23', 48, 33, 6)];
  const view = buildTrendView(rows, { now: Date.parse('2026-12-01T10:00:00Z'), weeks: 6, asOf: '2026-11-29T23:59:59Z' });
  return { view, fetchedAt: Date.parse('2026-12-01T09:00:00Z'), attemptedAt: Date.parse('2026-12-01T09:00:00Z'), error: null, ...overrides };
}
