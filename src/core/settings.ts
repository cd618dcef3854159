// The one typed, normalising adapter for every `modelRadar.*` setting. The host hands in a getter
// (workspace configuration); everything that decides what a value means lives here, so the host
// has nothing to get wrong. SETTINGS_SCHEMA is the contract package.json mirrors.
import type { WebviewSettings } from '../shared/protocol';
import { sanitizeServerText } from '../shared/sanitize';
import { REGIONS, type Region, type ResourceName } from '../shared/types';
import { STATUS_PLACEHOLDERS, unknownPlaceholders } from './status/format';

export interface Settings {
  /** No trailing slash; https, or http on a loopback host only. */
  apiBaseUrl: string;
  statusBar: { enabled: boolean; format: string };
  /** USD; 0 = off. */
  budget: { daily: number; monthly: number };
  /** lowBalance in USD; 0 = off. */
  alerts: { enabled: boolean; lowBalance: number };
  refresh: {
    keySeconds: number;
    creditsMinutes: number;
    modelsMinutes: number;
    rankingsMinutes: number;
    activityMinutes: number;
  };
  /** Lower-case author (no "~") → region; wins over the built-in table. */
  regions: { overrides: Record<string, Region> };
  leaders: { top: number };
  codeLens: { enabled: boolean; inCode: boolean };
  diagnostics: { enabled: boolean };
  scan: { include: string[]; exclude: string[]; maxFileSizeKB: number };
}

export interface SettingsReadResult {
  settings: Settings;
  /** One human sentence per ignored or adjusted value, naming the setting. */
  problems: string[];
}

export const DEFAULT_API_BASE_URL = 'https://openrouter.ai/api/v1';
export const DEFAULT_STATUS_FORMAT = '$(graph) {today} today · {left} left';

/** Bounds shared by the reader and the schema so the two cannot disagree. */
const LIMITS = {
  usd: { min: 0, max: 1_000_000 },
  // Minimums are the polling floors the API can bear (see docs/openrouter-api.md §9.3, Data API quota);
  // maximums keep intervals under a day and well inside setTimeout's 2^31 ms.
  keySeconds: { min: 60, max: 86_400 },
  creditsMinutes: { min: 5, max: 1_440 },
  modelsMinutes: { min: 30, max: 1_440 },
  rankingsMinutes: { min: 60, max: 1_440 },
  activityMinutes: { min: 60, max: 1_440 },
  leadersTop: { min: 1, max: 20 },
  maxFileSizeKB: { min: 16, max: 16_384 },
  formatLength: { max: 200 },
} as const;

export function defaultSettings(): Settings {
  return {
    apiBaseUrl: DEFAULT_API_BASE_URL,
    statusBar: { enabled: true, format: DEFAULT_STATUS_FORMAT },
    budget: { daily: 0, monthly: 0 },
    alerts: { enabled: true, lowBalance: 5 },
    refresh: {
      keySeconds: LIMITS.keySeconds.min,
      creditsMinutes: LIMITS.creditsMinutes.min,
      modelsMinutes: LIMITS.modelsMinutes.min,
      rankingsMinutes: LIMITS.rankingsMinutes.min,
      activityMinutes: LIMITS.activityMinutes.min,
    },
    regions: { overrides: {} },
    leaders: { top: 5 },
    codeLens: { enabled: true, inCode: false },
    diagnostics: { enabled: true },
    scan: { include: [], exclude: [], maxFileSizeKB: 1_024 },
  };
}

const D = defaultSettings();

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** One `contributes.configuration` property, plus its key. */
export interface SettingDescriptor {
  key: string;
  type: 'string' | 'boolean' | 'number' | 'integer' | 'object' | 'array';
  default: JsonValue;
  markdownDescription: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  format?: 'uri';
  items?: { type: 'string'; minLength: number };
  additionalProperties?: { type: 'string'; enum: readonly string[] };
  /**
   * "application": only user settings count. Used wherever a workspace's .vscode/settings.json (a cloned
   * repository's, say) could change where the key goes or what a figure means or claims: the base URL; the
   * budgets and alert thresholds; the status bar's text (it can print any literal, "$0.00 today" included);
   * the region table behind the CN/US shares; and the refresh intervals, which decide when spend is shown as
   * stale and spend the account's shared Data API quota. The host also reads these through inspect() and
   * ignores (and reports) a workspace value, so the guarantee does not rest on VS Code's scope handling alone.
   */
  scope?: 'application' | 'window' | 'resource';
}

export const SETTINGS_SCHEMA = [
  {
    key: 'modelRadar.apiBaseUrl',
    type: 'string',
    default: D.apiBaseUrl,
    format: 'uri',
    scope: 'application',
    markdownDescription: 'Base URL of the OpenRouter API. Must be `https://`, or `http://` to a loopback host (for a local proxy or tests). Your key is sent only to this origin. User setting only: a workspace cannot change it.',
  },
  {
    key: 'modelRadar.statusBar.enabled',
    type: 'boolean',
    default: D.statusBar.enabled,
    markdownDescription: 'Show today\'s spend and what is left in the status bar.',
  },
  {
    key: 'modelRadar.statusBar.format',
    type: 'string',
    default: D.statusBar.format,
    maxLength: LIMITS.formatLength.max,
    scope: 'application',
    markdownDescription: 'Status bar text. Placeholders: `{today}` `{week}` `{month}` `{left}` (effective remaining) `{balance}` `{limit}`. Unknown values show as `—`, never `$0.00`. User setting only: a workspace cannot change it.',
  },
  {
    key: 'modelRadar.budget.daily',
    type: 'number',
    default: D.budget.daily,
    minimum: LIMITS.usd.min,
    maximum: LIMITS.usd.max,
    scope: 'application',
    markdownDescription: 'Daily budget in USD (UTC day). You are warned at 80 % and 100 %. `0` turns it off.',
  },
  {
    key: 'modelRadar.budget.monthly',
    type: 'number',
    default: D.budget.monthly,
    minimum: LIMITS.usd.min,
    maximum: LIMITS.usd.max,
    scope: 'application',
    markdownDescription: 'Monthly budget in USD (UTC month). You are warned at 80 % and 100 %. `0` turns it off.',
  },
  {
    key: 'modelRadar.alerts.enabled',
    type: 'boolean',
    default: D.alerts.enabled,
    scope: 'application',
    markdownDescription: 'Show a notification when a budget or the balance threshold is crossed (once per crossing per period).',
  },
  {
    key: 'modelRadar.alerts.lowBalance',
    type: 'number',
    default: D.alerts.lowBalance,
    minimum: LIMITS.usd.min,
    maximum: LIMITS.usd.max,
    scope: 'application',
    markdownDescription: 'Warn when what is left (key limit or account balance, whichever is lower) drops under this many USD. `0` turns it off.',
  },
  {
    key: 'modelRadar.refresh.keySeconds',
    type: 'integer',
    default: D.refresh.keySeconds,
    minimum: LIMITS.keySeconds.min,
    maximum: LIMITS.keySeconds.max,
    scope: 'application',
    markdownDescription: 'How often to read your key\'s spend (`/key`), in seconds. Can be lengthened, not shortened. User setting only: a workspace cannot change it.',
  },
  {
    key: 'modelRadar.refresh.creditsMinutes',
    type: 'integer',
    default: D.refresh.creditsMinutes,
    minimum: LIMITS.creditsMinutes.min,
    maximum: LIMITS.creditsMinutes.max,
    scope: 'application',
    markdownDescription: 'How often to read the account balance (`/credits`, management key), in minutes. User setting only: a workspace cannot change it.',
  },
  {
    key: 'modelRadar.refresh.modelsMinutes',
    type: 'integer',
    default: D.refresh.modelsMinutes,
    minimum: LIMITS.modelsMinutes.min,
    maximum: LIMITS.modelsMinutes.max,
    scope: 'application',
    markdownDescription: 'How often to refresh model prices (`/models`), in minutes. User setting only: a workspace cannot change it.',
  },
  {
    key: 'modelRadar.refresh.rankingsMinutes',
    type: 'integer',
    default: D.refresh.rankingsMinutes,
    minimum: LIMITS.rankingsMinutes.min,
    maximum: LIMITS.rankingsMinutes.max,
    scope: 'application',
    markdownDescription: 'How often to refresh the rankings (Data API, 500 requests/day per account shared by all your apps), in minutes. User setting only: a workspace cannot change it.',
  },
  {
    key: 'modelRadar.refresh.activityMinutes',
    type: 'integer',
    default: D.refresh.activityMinutes,
    minimum: LIMITS.activityMinutes.min,
    maximum: LIMITS.activityMinutes.max,
    scope: 'application',
    markdownDescription: 'How often to refresh the 30-day activity (`/activity`, management key), in minutes. User setting only: a workspace cannot change it.',
  },
  {
    key: 'modelRadar.regions.overrides',
    type: 'object',
    default: {},
    additionalProperties: { type: 'string', enum: REGIONS },
    scope: 'application',
    markdownDescription: 'Override the region of a model author, e.g. `{ "mistralai": "EU" }`. Regions: `CN`, `US`, `EU`, `OTHER`, `UNKNOWN`. User setting only: a workspace cannot change it.',
  },
  {
    key: 'modelRadar.leaders.top',
    type: 'integer',
    default: D.leaders.top,
    minimum: LIMITS.leadersTop.min,
    maximum: LIMITS.leadersTop.max,
    markdownDescription: 'How many leaders to show per region.',
  },
  {
    key: 'modelRadar.codeLens.enabled',
    type: 'boolean',
    default: D.codeLens.enabled,
    markdownDescription: 'Show price and rank above model ids in config files (Continue, Aider, opencode, LiteLLM, Zed, Claude Code, Codex, `.env`).',
  },
  {
    key: 'modelRadar.codeLens.inCode',
    type: 'boolean',
    default: D.codeLens.inCode,
    markdownDescription: 'Also show the CodeLens above model ids in source code.',
  },
  {
    key: 'modelRadar.diagnostics.enabled',
    type: 'boolean',
    default: D.diagnostics.enabled,
    markdownDescription: 'Warn about unknown model ids and models that expire within 30 days, with quick fixes.',
  },
  {
    key: 'modelRadar.scan.include',
    type: 'array',
    default: [],
    items: { type: 'string', minLength: 1 },
    markdownDescription: 'Extra glob patterns of files to scan for model ids.',
  },
  {
    key: 'modelRadar.scan.exclude',
    type: 'array',
    default: [],
    items: { type: 'string', minLength: 1 },
    markdownDescription: 'Glob patterns to leave out of the scan, on top of `files.exclude`, `search.exclude` and the built-in ones (`node_modules`, `.git`, build output).',
  },
  {
    key: 'modelRadar.scan.maxFileSizeKB',
    type: 'integer',
    default: D.scan.maxFileSizeKB,
    minimum: LIMITS.maxFileSizeKB.min,
    maximum: LIMITS.maxFileSizeKB.max,
    markdownDescription: 'Files larger than this are not scanned.',
  },
] as const satisfies readonly SettingDescriptor[];

export type SettingKey = (typeof SETTINGS_SCHEMA)[number]['key'];
export const SETTING_KEYS: readonly SettingKey[] = SETTINGS_SCHEMA.map((s) => s.key);
/** Settings only the user's own settings may set (scope "application"): see SettingDescriptor.scope. */
export const USER_ONLY_KEYS: ReadonlySet<SettingKey> = new Set(
  SETTINGS_SCHEMA.filter((s: SettingDescriptor) => s.scope === 'application').map((s) => s.key),
);

/** What VS Code's `WorkspaceConfiguration.inspect()` returns, the layers this reader looks at. */
export interface InspectedSetting {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
  globalLanguageValue?: unknown;
  workspaceLanguageValue?: unknown;
  workspaceFolderLanguageValue?: unknown;
}

/**
 * The value of a user-only setting: the user's own (global) value, never a workspace's. A workspace or folder
 * value (a cloned repository's .vscode/settings.json) is ignored and named in `ignored`, so the user learns
 * why the repository's value has no effect.
 */
export function userOnlyValue(key: SettingKey, inspected: InspectedSetting | undefined): { value: unknown; ignored: string | null } {
  if (inspected === undefined || inspected === null) return { value: undefined, ignored: null };
  const fromWorkspace = [
    inspected.workspaceValue,
    inspected.workspaceFolderValue,
    inspected.workspaceLanguageValue,
    inspected.workspaceFolderLanguageValue,
  ].some((v) => v !== undefined);
  return {
    value: inspected.globalValue,
    ignored: fromWorkspace ? `${key} is set in this workspace's settings; only your user settings can change it, so the workspace value is ignored` : null,
  };
}

export interface ConfigurationProperty {
  type: SettingDescriptor['type'];
  default: JsonValue;
  markdownDescription: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  format?: 'uri';
  items?: { type: 'string'; minLength: number };
  additionalProperties?: { type: 'string'; enum: string[] };
  scope?: SettingDescriptor['scope'];
  order: number;
}

/** The `contributes.configuration` object package.json should carry, generated from the schema. */
export function configurationContribution(): { title: string; properties: Record<string, ConfigurationProperty> } {
  const properties: Record<string, ConfigurationProperty> = {};
  SETTINGS_SCHEMA.forEach((entry: SettingDescriptor, order) => {
    const { key, additionalProperties, ...rest } = entry;
    properties[key] = {
      ...rest,
      ...(additionalProperties ? { additionalProperties: { ...additionalProperties, enum: [...additionalProperties.enum] } } : {}),
      order,
    };
  });
  return { title: 'Model Radar', properties };
}

function isLoopbackHost(hostname: string): boolean {
  // WHATWG URL has already canonicalised the host: IPv4 in dotted decimal, IPv6 compressed in brackets.
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** Why a base URL is refused, or the normalised URL. Exported for the "Set base URL" input validation. */
export function normalizeApiBaseUrl(raw: string): { ok: true; url: string } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: 'is not a valid URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: 'must be an https:// URL' };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'must not contain a user name or password' };
  }
  if (url.search !== '' || url.hash !== '') {
    return { ok: false, reason: 'must not contain a query or fragment' };
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return { ok: false, reason: 'must use https:// (plain http:// only for localhost, 127.0.0.0/8 or [::1]: your key would travel unencrypted)' };
  }
  return { ok: true, url: `${url.origin}${url.pathname}`.replace(/\/+$/, '') };
}

const AUTHOR_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  // Quoted into a log line and a notification; a workspace's settings file is someone else's text.
  if (typeof value === 'string') return JSON.stringify(sanitizeServerText(value, { max: 41 }));
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** Reads and normalises every `modelRadar.*` setting. Never throws; ignored values are reported in `problems`. */
export function readSettings(get: (key: string) => unknown): SettingsReadResult {
  const problems: string[] = [];
  const read = (key: SettingKey): unknown => {
    try {
      return get(key);
    } catch {
      problems.push(`${key} could not be read; using the default`);
      return undefined;
    }
  };

  const bool = (key: SettingKey, fallback: boolean): boolean => {
    const value = read(key);
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'boolean') return value;
    problems.push(`${key} must be true or false, not ${describe(value)}; ignored`);
    return fallback;
  };

  const usd = (key: SettingKey, fallback: number): number => {
    const value = read(key);
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < LIMITS.usd.min) {
      problems.push(`${key} must be a non-negative number; ignored`);
      return fallback;
    }
    if (value > LIMITS.usd.max) {
      problems.push(`${key} must be at most ${LIMITS.usd.max}; using ${LIMITS.usd.max}`);
      return LIMITS.usd.max;
    }
    // -0 passes every check but does not survive JSON (it comes back as 0): store plain 0.
    return value === 0 ? 0 : value;
  };

  const integer = (key: SettingKey, fallback: number, limits: { min: number; max: number }, floorWording: boolean): number => {
    const value = read(key);
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push(`${key} must be a whole number from ${limits.min} to ${limits.max}, not ${describe(value)}; ignored`);
      return fallback;
    }
    const whole = Math.round(value);
    const clamped = Math.min(limits.max, Math.max(limits.min, whole));
    if (clamped !== value) {
      const why =
        whole < limits.min && floorWording
          ? `cannot be shorter than ${limits.min}`
          : `must be a whole number from ${limits.min} to ${limits.max}`;
      problems.push(`${key} ${why}; using ${clamped}`);
    }
    return clamped;
  };

  const globs = (key: SettingKey): string[] => {
    const value = read(key);
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      problems.push(`${key} must be a list of glob patterns; ignored`);
      return [];
    }
    const out: string[] = [];
    let dropped = 0;
    for (const item of value) {
      if (typeof item !== 'string' || item.trim() === '') {
        dropped++;
        continue;
      }
      if (!out.includes(item)) out.push(item);
    }
    if (dropped > 0) problems.push(`${key}: ${dropped} entr${dropped === 1 ? 'y is' : 'ies are'} not a non-empty string; ignored`);
    return out;
  };

  const baseUrl = (): string => {
    const key: SettingKey = 'modelRadar.apiBaseUrl';
    const value = read(key);
    if (value === undefined || value === null) return D.apiBaseUrl;
    if (typeof value !== 'string') {
      problems.push(`${key} must be a URL, not ${describe(value)}; using ${D.apiBaseUrl}`);
      return D.apiBaseUrl;
    }
    // An emptied field means "back to the default", not a mistake worth reporting.
    if (value.trim() === '') return D.apiBaseUrl;
    const result = normalizeApiBaseUrl(value);
    if (result.ok) return result.url;
    problems.push(`${key} ${result.reason}; using ${D.apiBaseUrl}`);
    return D.apiBaseUrl;
  };

  const format = (): string => {
    const key: SettingKey = 'modelRadar.statusBar.format';
    const value = read(key);
    if (value === undefined || value === null) return D.statusBar.format;
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push(`${key} must be non-empty text; using the default`);
      return D.statusBar.format;
    }
    if (value.length > LIMITS.formatLength.max) {
      problems.push(`${key} is longer than ${LIMITS.formatLength.max} characters; using the default`);
      return D.statusBar.format;
    }
    const unknown = unknownPlaceholders(value);
    if (unknown.length > 0) {
      const known = STATUS_PLACEHOLDERS.map((p) => `{${p}}`).join(' ');
      problems.push(
        `${key} has unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `{${u}}`).join(' ')}, shown as typed (known: ${known})`,
      );
    }
    return value;
  };

  const overrides = (): Record<string, Region> => {
    const key: SettingKey = 'modelRadar.regions.overrides';
    const value = read(key);
    const out: Record<string, Region> = {};
    if (value === undefined || value === null) return out;
    if (!isRecord(value)) {
      problems.push(`${key} must be an object of author → region; ignored`);
      return out;
    }
    for (const [rawAuthor, rawRegion] of Object.entries(value)) {
      const author = rawAuthor.trim().toLowerCase().replace(/^~/, '');
      if (!AUTHOR_PATTERN.test(author)) {
        problems.push(`${key}: ${describe(rawAuthor)} is not a model author prefix; ignored`);
        continue;
      }
      const region = typeof rawRegion === 'string' ? rawRegion.trim().toUpperCase() : null;
      const match = REGIONS.find((r) => r === region);
      if (!match) {
        problems.push(`${key}: region for "${author}" must be one of ${REGIONS.join(', ')}, not ${describe(rawRegion)}; ignored`);
        continue;
      }
      out[author] = match;
    }
    return out;
  };

  const settings: Settings = {
    apiBaseUrl: baseUrl(),
    statusBar: { enabled: bool('modelRadar.statusBar.enabled', D.statusBar.enabled), format: format() },
    budget: {
      daily: usd('modelRadar.budget.daily', D.budget.daily),
      monthly: usd('modelRadar.budget.monthly', D.budget.monthly),
    },
    alerts: {
      enabled: bool('modelRadar.alerts.enabled', D.alerts.enabled),
      lowBalance: usd('modelRadar.alerts.lowBalance', D.alerts.lowBalance),
    },
    refresh: {
      keySeconds: integer('modelRadar.refresh.keySeconds', D.refresh.keySeconds, LIMITS.keySeconds, true),
      creditsMinutes: integer('modelRadar.refresh.creditsMinutes', D.refresh.creditsMinutes, LIMITS.creditsMinutes, true),
      modelsMinutes: integer('modelRadar.refresh.modelsMinutes', D.refresh.modelsMinutes, LIMITS.modelsMinutes, true),
      rankingsMinutes: integer('modelRadar.refresh.rankingsMinutes', D.refresh.rankingsMinutes, LIMITS.rankingsMinutes, true),
      activityMinutes: integer('modelRadar.refresh.activityMinutes', D.refresh.activityMinutes, LIMITS.activityMinutes, true),
    },
    regions: { overrides: overrides() },
    leaders: { top: integer('modelRadar.leaders.top', D.leaders.top, LIMITS.leadersTop, false) },
    codeLens: {
      enabled: bool('modelRadar.codeLens.enabled', D.codeLens.enabled),
      inCode: bool('modelRadar.codeLens.inCode', D.codeLens.inCode),
    },
    diagnostics: { enabled: bool('modelRadar.diagnostics.enabled', D.diagnostics.enabled) },
    scan: {
      include: globs('modelRadar.scan.include'),
      exclude: globs('modelRadar.scan.exclude'),
      maxFileSizeKB: integer('modelRadar.scan.maxFileSizeKB', D.scan.maxFileSizeKB, LIMITS.maxFileSizeKB, false),
    },
  };
  return { settings, problems };
}

/** Poll interval per resource in milliseconds, for the poller. */
export function refreshIntervalsMs(settings: Settings): Record<ResourceName, number> {
  const r = settings.refresh;
  return {
    key: r.keySeconds * 1_000,
    credits: r.creditsMinutes * 60_000,
    models: r.modelsMinutes * 60_000,
    rankings: r.rankingsMinutes * 60_000,
    activity: r.activityMinutes * 60_000,
  };
}

/** The subset the webview renders (never secrets, never the base URL). */
export function toWebviewSettings(settings: Settings): WebviewSettings {
  return {
    budgetDaily: settings.budget.daily,
    budgetMonthly: settings.budget.monthly,
    lowBalance: settings.alerts.lowBalance,
    leadersTop: settings.leaders.top,
  };
}

/** The region override for an author, if any; own-property lookup so "constructor" is not a region. */
export function regionOverride(settings: Settings, author: string): Region | null {
  const key = author.toLowerCase().replace(/^~/, '');
  return Object.hasOwn(settings.regions.overrides, key) ? settings.regions.overrides[key] : null;
}
