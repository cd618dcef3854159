// The one typed, normalising adapter for every `modelRadar.*` setting. The host hands in a getter
// (workspace configuration); everything that decides what a value means lives here, so the host
// has nothing to get wrong. SETTINGS_SCHEMA is the one place a setting is written: package.json's
// contributes.configuration is generated from it (`npm run sync-manifest`), the `Settings` type is derived
// from it (a key "modelRadar.a.b" is `settings.a.b`, its type is what its reader returns), and readSettings
// walks it. Adding a setting is one entry here (plus `npm run sync-manifest`).
import type { WebviewSettings } from '../../shared/protocol';
import { isRecord } from '../../shared/isRecord';
import { sanitizeServerText } from '../../shared/sanitize';
import { REGIONS, type Region, type ResourceName } from '../../shared/types';
import { DEFAULT_API_BASE_URL, checkApiBaseUrl } from '../openrouter/baseUrl';
import { normalizeAuthor } from '../market/regions';
import { STATUS_PLACEHOLDERS, unknownPlaceholders } from '../status/format';
import { ENGLISH, type L10n } from '../l10n';

export { DEFAULT_API_BASE_URL };
export const DEFAULT_STATUS_FORMAT = '$(graph) {today} today · {left} left';

/** Bounds shared by the readers and the manifest so the two cannot disagree. */
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

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** How a raw value is read: each reader checks, normalises and reports; its return type is the setting's type. */
export type SettingReader = keyof typeof READERS;

/** One `contributes.configuration` property, plus its key and its reader. */
export interface SettingDescriptor {
  key: `modelRadar.${string}`;
  read: SettingReader;
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

/** What a reader gets: the entry it reads, and where to report an ignored or adjusted value. */
interface ReadContext {
  entry: SettingDescriptor;
  problem: (sentence: string) => void;
  /** The sentences are shown to the user (a notification): in their language. */
  l10n: L10n;
}

function describe(value: unknown, l10n: L10n): string {
  // Quoted into a log line and a notification; a workspace's settings file is someone else's text.
  if (typeof value === 'string') return JSON.stringify(sanitizeServerText(value, { max: 41 }));
  if (Array.isArray(value)) return l10n.t('a list');
  if (value === null) return 'null';
  if (typeof value === 'object') return l10n.t('an object');
  // What JSON can still hold here is a number or a boolean; anything else is named by its type.
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
}

function bounds(entry: SettingDescriptor): { min: number; max: number } {
  return { min: entry.minimum ?? 0, max: entry.maximum ?? Number.MAX_SAFE_INTEGER };
}

function readInteger(value: unknown, { entry, problem, l10n }: ReadContext, floorWording: boolean): number {
  const { min, max } = bounds(entry);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problem(l10n.t('{0} must be a whole number from {1} to {2}, not {3}; ignored', entry.key, min, max, describe(value, l10n)));
    return entry.default as number;
  }
  const whole = Math.round(value);
  const clamped = Math.min(max, Math.max(min, whole));
  if (clamped !== value) {
    problem(
      whole < min && floorWording
        ? l10n.t('{0} cannot be shorter than {1}; using {2}', entry.key, min, clamped)
        : l10n.t('{0} must be a whole number from {1} to {2}; using {3}', entry.key, min, max, clamped),
    );
  }
  return clamped;
}

/**
 * The readers. Each gets a value that is present (not undefined or null: those mean the entry's default) and
 * returns what the setting means, reporting anything ignored or adjusted as one sentence naming the key.
 */
const READERS = {
  boolean(value: unknown, { entry, problem, l10n }: ReadContext): boolean {
    if (typeof value === 'boolean') return value;
    problem(l10n.t('{0} must be true or false, not {1}; ignored', entry.key, describe(value, l10n)));
    return entry.default as boolean;
  },

  /** USD; 0 = off. */
  usd(value: unknown, { entry, problem, l10n }: ReadContext): number {
    const { min, max } = bounds(entry);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
      problem(l10n.t('{0} must be a non-negative number; ignored', entry.key));
      return entry.default as number;
    }
    if (value > max) {
      problem(l10n.t('{0} must be at most {1}; using {1}', entry.key, max));
      return max;
    }
    // -0 passes every check but does not survive JSON (it comes back as 0): store plain 0.
    return value === 0 ? 0 : value;
  },

  /** A polling interval: a whole number, never under the floor the API can bear. */
  interval(value: unknown, context: ReadContext): number {
    return readInteger(value, context, true);
  },

  integer(value: unknown, context: ReadContext): number {
    return readInteger(value, context, false);
  },

  /** Glob patterns, de-duplicated; an empty or non-string entry is dropped and counted. */
  globs(value: unknown, { entry, problem, l10n }: ReadContext): string[] {
    if (!Array.isArray(value)) {
      problem(l10n.t('{0} must be a list of glob patterns; ignored', entry.key));
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
    if (dropped > 0) {
      problem(
        dropped === 1
          ? l10n.t('{0}: {1} entry is not a non-empty string; ignored', entry.key, dropped)
          : l10n.t('{0}: {1} entries are not a non-empty string; ignored', entry.key, dropped),
      );
    }
    return out;
  },

  /** No trailing slash; https, or http on a loopback host only (the policy is openrouter/baseUrl.ts). */
  baseUrl(value: unknown, { entry, problem, l10n }: ReadContext): string {
    if (typeof value !== 'string') {
      problem(l10n.t('{0} must be a URL, not {1}; using {2}', entry.key, describe(value, l10n), DEFAULT_API_BASE_URL));
      return DEFAULT_API_BASE_URL;
    }
    // An emptied field means "back to the default", not a mistake worth reporting.
    if (value.trim() === '') return DEFAULT_API_BASE_URL;
    const result = checkApiBaseUrl(value);
    if (result.ok) return result.url;
    // The base-URL policy's reason (src/core/openrouter/baseUrl.ts) is English: it names URL parts.
    problem(l10n.t('{0} {1}; using {2}', entry.key, result.reason, DEFAULT_API_BASE_URL));
    return DEFAULT_API_BASE_URL;
  },

  statusFormat(value: unknown, { entry, problem, l10n }: ReadContext): string {
    const fallback = entry.default as string;
    if (typeof value !== 'string' || value.trim() === '') {
      problem(l10n.t('{0} must be non-empty text; using the default', entry.key));
      return fallback;
    }
    const max = entry.maxLength ?? LIMITS.formatLength.max;
    if (value.length > max) {
      problem(l10n.t('{0} is longer than {1} characters; using the default', entry.key, max));
      return fallback;
    }
    const unknown = unknownPlaceholders(value);
    if (unknown.length > 0) {
      const known = STATUS_PLACEHOLDERS.map((p) => `{${p}}`).join(' ');
      const typed = unknown.map((u) => `{${u}}`).join(' ');
      problem(
        unknown.length > 1
          ? l10n.t('{0} has unknown placeholders {1}, shown as typed (known: {2})', entry.key, typed, known)
          : l10n.t('{0} has unknown placeholder {1}, shown as typed (known: {2})', entry.key, typed, known),
      );
    }
    return value;
  },

  /**
   * Lower-case author (no "~") → region; wins over the built-in table. The one place the overrides are
   * validated: createRegionResolver takes this output as it is.
   */
  regionOverrides(value: unknown, { entry, problem, l10n }: ReadContext): Record<string, Region> {
    const out: Record<string, Region> = {};
    if (!isRecord(value)) {
      problem(l10n.t('{0} must be an object of author → region; ignored', entry.key));
      return out;
    }
    for (const [rawAuthor, rawRegion] of Object.entries(value)) {
      const author = normalizeAuthor(rawAuthor);
      if (!AUTHOR_PATTERN.test(author)) {
        problem(l10n.t('{0}: {1} is not a model author prefix; ignored', entry.key, describe(rawAuthor, l10n)));
        continue;
      }
      const region = typeof rawRegion === 'string' ? rawRegion.trim().toUpperCase() : null;
      const match = REGIONS.find((r) => r === region);
      if (!match) {
        problem(l10n.t('{0}: region for "{1}" must be one of {2}, not {3}; ignored', entry.key, author, REGIONS.join(', '), describe(rawRegion, l10n)));
        continue;
      }
      out[author] = match; // AUTHOR_PATTERN admits no "__proto__"
    }
    return out;
  },
} satisfies Record<string, (value: unknown, context: ReadContext) => unknown>;

const AUTHOR_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export const SETTINGS_SCHEMA = [
  {
    key: 'modelRadar.apiBaseUrl',
    type: 'string',
    read: 'baseUrl',
    default: DEFAULT_API_BASE_URL,
    format: 'uri',
    scope: 'application',
    markdownDescription: 'Base URL of the OpenRouter API. Must be `https://`, or `http://` to a loopback host (for a local proxy or tests). Your key is sent only to this origin. User setting only: a workspace cannot change it.',
  },
  {
    key: 'modelRadar.statusBar.enabled',
    type: 'boolean',
    read: 'boolean',
    default: true,
    markdownDescription: 'Show today\'s spend and what is left in the status bar.',
  },
  {
    key: 'modelRadar.statusBar.format',
    type: 'string',
    read: 'statusFormat',
    default: DEFAULT_STATUS_FORMAT,
    maxLength: LIMITS.formatLength.max,
    scope: 'application',
    markdownDescription: 'Status bar text. Placeholders: `{today}` `{week}` `{month}` `{left}` (effective remaining) `{balance}` `{limit}`. Unknown values show as `—`, never `$0.00`. User setting only: a workspace cannot change it.',
  },
  {
    key: 'modelRadar.budget.daily',
    type: 'number',
    read: 'usd',
    default: 0,
    minimum: LIMITS.usd.min,
    maximum: LIMITS.usd.max,
    scope: 'application',
    markdownDescription: 'Daily budget in USD (UTC day). You are warned at 80 % and 100 %. `0` turns it off.',
  },
  {
    key: 'modelRadar.budget.monthly',
    type: 'number',
    read: 'usd',
    default: 0,
    minimum: LIMITS.usd.min,
    maximum: LIMITS.usd.max,
    scope: 'application',
    markdownDescription: 'Monthly budget in USD (UTC month). You are warned at 80 % and 100 %. `0` turns it off.',
  },
  {
    key: 'modelRadar.alerts.enabled',
    type: 'boolean',
    read: 'boolean',
    default: true,
    scope: 'application',
    markdownDescription: 'Show a notification when a budget or the balance threshold is crossed (once per crossing per period).',
  },
  {
    key: 'modelRadar.alerts.lowBalance',
    type: 'number',
    read: 'usd',
    default: 5,
    minimum: LIMITS.usd.min,
    maximum: LIMITS.usd.max,
    scope: 'application',
    markdownDescription: 'Warn when what is left (key limit or account balance, whichever is lower) drops under this many USD. `0` turns it off.',
  },
  {
    key: 'modelRadar.refresh.keySeconds',
    type: 'integer',
    read: 'interval',
    default: LIMITS.keySeconds.min,
    minimum: LIMITS.keySeconds.min,
    maximum: LIMITS.keySeconds.max,
    scope: 'application',
    markdownDescription: 'How often to read your key\'s spend (`/key`), in seconds. Can be lengthened, not shortened. User setting only: a workspace cannot change it.',
  },
  {
    key: 'modelRadar.refresh.creditsMinutes',
    type: 'integer',
    read: 'interval',
    default: LIMITS.creditsMinutes.min,
    minimum: LIMITS.creditsMinutes.min,
    maximum: LIMITS.creditsMinutes.max,
    scope: 'application',
    markdownDescription: 'How often to read the account balance (`/credits`, management key), in minutes. User setting only: a workspace cannot change it.',
  },
  {
    key: 'modelRadar.refresh.modelsMinutes',
    type: 'integer',
    read: 'interval',
    default: LIMITS.modelsMinutes.min,
    minimum: LIMITS.modelsMinutes.min,
    maximum: LIMITS.modelsMinutes.max,
    scope: 'application',
    markdownDescription: 'How often to refresh model prices (`/models`), in minutes. User setting only: a workspace cannot change it.',
  },
  {
    key: 'modelRadar.refresh.rankingsMinutes',
    type: 'integer',
    read: 'interval',
    default: LIMITS.rankingsMinutes.min,
    minimum: LIMITS.rankingsMinutes.min,
    maximum: LIMITS.rankingsMinutes.max,
    scope: 'application',
    markdownDescription: 'How often to refresh the rankings (Data API, 500 requests/day per account shared by all your apps), in minutes. User setting only: a workspace cannot change it.',
  },
  {
    key: 'modelRadar.refresh.activityMinutes',
    type: 'integer',
    read: 'interval',
    default: LIMITS.activityMinutes.min,
    minimum: LIMITS.activityMinutes.min,
    maximum: LIMITS.activityMinutes.max,
    scope: 'application',
    markdownDescription: 'How often to refresh the 30-day activity (`/activity`, management key), in minutes. User setting only: a workspace cannot change it.',
  },
  {
    key: 'modelRadar.regions.overrides',
    type: 'object',
    read: 'regionOverrides',
    default: {},
    additionalProperties: { type: 'string', enum: REGIONS },
    scope: 'application',
    markdownDescription: 'Override the region of a model author, e.g. `{ "mistralai": "EU" }`. Regions: `CN`, `US`, `EU`, `OTHER`, `UNKNOWN`. User setting only: a workspace cannot change it.',
  },
  {
    key: 'modelRadar.leaders.top',
    type: 'integer',
    read: 'integer',
    default: 5,
    minimum: LIMITS.leadersTop.min,
    maximum: LIMITS.leadersTop.max,
    markdownDescription: 'How many leaders to show per region.',
  },
  {
    key: 'modelRadar.codeLens.enabled',
    type: 'boolean',
    read: 'boolean',
    default: true,
    markdownDescription: 'Show price and rank above model ids in config files (Continue, Aider, opencode, LiteLLM, Zed, Claude Code, Codex, `.env`).',
  },
  {
    key: 'modelRadar.codeLens.inCode',
    type: 'boolean',
    read: 'boolean',
    default: false,
    markdownDescription: 'Also show the CodeLens above model ids in source code.',
  },
  {
    key: 'modelRadar.diagnostics.enabled',
    type: 'boolean',
    read: 'boolean',
    default: true,
    markdownDescription: 'Warn about unknown model ids and models that expire within 30 days, with quick fixes.',
  },
  {
    key: 'modelRadar.scan.include',
    type: 'array',
    read: 'globs',
    default: [],
    items: { type: 'string', minLength: 1 },
    markdownDescription: 'Extra glob patterns of files to scan for model ids.',
  },
  {
    key: 'modelRadar.scan.exclude',
    type: 'array',
    read: 'globs',
    default: [],
    items: { type: 'string', minLength: 1 },
    markdownDescription: 'Glob patterns to leave out of the scan, on top of `files.exclude`, `search.exclude` and the built-in ones (`node_modules`, `.git`, build output).',
  },
  {
    key: 'modelRadar.scan.maxFileSizeKB',
    type: 'integer',
    read: 'integer',
    default: 1_024,
    minimum: LIMITS.maxFileSizeKB.min,
    maximum: LIMITS.maxFileSizeKB.max,
    markdownDescription: 'Files larger than this are not scanned.',
  },
  {
    key: 'modelRadar.scan.useRipgrep',
    type: 'boolean',
    read: 'boolean',
    default: true,
    markdownDescription: "Find files with VS Code's ripgrep (local, trusted workspaces): only files that can hold a model id are read. Off: every candidate file is read. Same results.",
  },
] as const satisfies readonly SettingDescriptor[];

type SchemaEntry = (typeof SETTINGS_SCHEMA)[number];
export type SettingKey = SchemaEntry['key'];
type PathOf<K extends SettingKey> = K extends `modelRadar.${infer P}` ? P : never;
type SettingPath = PathOf<SettingKey>;
type GroupOf<P extends string> = P extends `${infer G}.${string}` ? G : P;
type LeafOf<G extends string> = SettingPath extends infer P ? (P extends `${G}.${infer L}` ? L : never) : never;
type ValueOf<K extends SettingKey> = ReturnType<(typeof READERS)[Extract<SchemaEntry, { key: K }>['read']]>;

/** Every setting, normalised: `modelRadar.a` is `settings.a`, `modelRadar.a.b` is `settings.a.b`. Derived from SETTINGS_SCHEMA. */
export type Settings = {
  [G in GroupOf<SettingPath>]: `modelRadar.${G}` extends SettingKey
    ? ValueOf<`modelRadar.${G}`>
    : { [L in LeafOf<G>]: ValueOf<Extract<`modelRadar.${G}.${L}`, SettingKey>> };
};

export interface SettingsReadResult {
  settings: Settings;
  /** One human sentence per ignored or adjusted value, naming the setting. */
  problems: string[];
}


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
export function userOnlyValue(key: SettingKey, inspected: InspectedSetting | undefined, l10n: L10n = ENGLISH): { value: unknown; ignored: string | null } {
  if (inspected === undefined || inspected === null) return { value: undefined, ignored: null };
  const fromWorkspace = [
    inspected.workspaceValue,
    inspected.workspaceFolderValue,
    inspected.workspaceLanguageValue,
    inspected.workspaceFolderLanguageValue,
  ].some((v) => v !== undefined);
  return {
    value: inspected.globalValue,
    ignored: fromWorkspace ? l10n.t("{0} is set in this workspace's settings; only your user settings can change it, so the workspace value is ignored", key) : null,
  };
}

/** One property of package.json's `contributes.configuration`: the descriptor without our own fields. */
export type ConfigurationProperty = Omit<SettingDescriptor, 'key' | 'read' | 'additionalProperties'> & {
  additionalProperties?: { type: 'string'; enum: string[] };
  order: number;
};

/** The package.nls.json key of a setting's description: package.json carries `%key%`, VS Code fills in the language's text. */
export function settingDescriptionKey(key: SettingKey): string {
  return `${key}.markdownDescription`;
}

/**
 * The `contributes.configuration` object package.json should carry, generated from the schema. Descriptions are
 * `%key%` placeholders (settingDescriptionKey); their English text goes to package.nls.json (configurationStrings).
 */
export function configurationContribution(): { title: string; properties: Record<string, ConfigurationProperty> } {
  const properties: Record<string, ConfigurationProperty> = {};
  SETTINGS_SCHEMA.forEach((entry: SettingDescriptor, order) => {
    const { key, read: _read, additionalProperties, ...rest } = entry;
    properties[key] = {
      ...rest,
      markdownDescription: `%${settingDescriptionKey(key as SettingKey)}%`,
      ...(additionalProperties ? { additionalProperties: { ...additionalProperties, enum: [...additionalProperties.enum] } } : {}),
      order,
    };
  });
  return { title: 'Model Radar', properties };
}

/** The English text of every setting's description, by its package.nls.json key: written there by `npm run sync-manifest`. */
export function configurationStrings(): Record<string, string> {
  return Object.fromEntries(SETTINGS_SCHEMA.map((entry: SettingDescriptor) => [settingDescriptionKey(entry.key as SettingKey), entry.markdownDescription]));
}

/** The place in Settings a key names: "modelRadar.budget.daily" → ["budget", "daily"]. */
export function settingPath(key: SettingKey): string[] {
  return key.slice('modelRadar.'.length).split('.');
}

function copyOf(value: JsonValue): unknown {
  return typeof value === 'object' && value !== null ? structuredClone(value) : value;
}

/** Sets `value` at `path`, creating the group objects on the way. */
function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  path.forEach((part, i) => {
    if (i === path.length - 1) {
      node[part] = value;
      return;
    }
    if (!isRecord(node[part])) node[part] = {};
    node = node[part] as Record<string, unknown>;
  });
}

/** Reads and normalises every `modelRadar.*` setting, walking SETTINGS_SCHEMA. Never throws; ignored values are reported in `problems`. */
export function readSettings(get: (key: string) => unknown, l10n: L10n = ENGLISH): SettingsReadResult {
  const problems: string[] = [];
  const tree: Record<string, unknown> = {};
  for (const entry of SETTINGS_SCHEMA as readonly SettingDescriptor[]) {
    let value: unknown;
    try {
      value = get(entry.key);
    } catch {
      problems.push(l10n.t('{0} could not be read; using the default', entry.key));
      value = undefined;
    }
    const normalised =
      value === undefined || value === null ? copyOf(entry.default) : READERS[entry.read](value, { entry, problem: (p) => problems.push(p), l10n });
    setAt(tree, settingPath(entry.key as SettingKey), normalised);
  }
  return { settings: tree as Settings, problems };
}

/** Every setting at its default, from the schema's defaults. */
export function defaultSettings(): Settings {
  return readSettings(() => undefined).settings;
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
    // What the key may use (GET /models/user) is read at the catalog's pace: a catalog model is judged against it.
    userModels: r.modelsMinutes * 60_000,
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
