import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_API_BASE_URL,
  DEFAULT_STATUS_FORMAT,
  SETTINGS_SCHEMA,
  SETTING_KEYS,
  configurationContribution,
  defaultSettings,
  readSettings,
  refreshIntervalsMs,
  toWebviewSettings,
  type SettingsReadResult,
} from '../../src/core/service/settings';
import { checkApiBaseUrl } from '../../src/core/openrouter/baseUrl';
import { createRegionResolver } from '../../src/core/market/regions';
import { REGIONS } from '../../src/shared/types';

function readFrom(values: Record<string, unknown>): SettingsReadResult {
  return readSettings((key) => values[key]);
}

function only(key: string, value: unknown): SettingsReadResult {
  return readFrom({ [key]: value });
}

describe('readSettings: defaults and the schema contract', () => {
  it('gives the documented defaults and no problems when nothing is set', () => {
    const { settings, problems } = readSettings(() => undefined);
    expect(problems).toEqual([]);
    expect(settings).toEqual(defaultSettings());
    expect(settings.apiBaseUrl).toBe('https://openrouter.ai/api/v1');
    expect(settings.statusBar.format).toBe('$(graph) {today} today · {left} left');
    expect(settings.refresh).toEqual({ keySeconds: 60, creditsMinutes: 5, modelsMinutes: 30, rankingsMinutes: 60, activityMinutes: 60 });
    expect(settings.alerts).toEqual({ enabled: true, lowBalance: 5 });
    expect(settings.budget).toEqual({ daily: 0, monthly: 0 });
    expect(settings.leaders.top).toBe(5);
    expect(settings.codeLens).toEqual({ enabled: true, inCode: false });
    expect(settings.diagnostics.enabled).toBe(true);
    expect(settings.scan).toEqual({ include: [], exclude: [], maxFileSizeKB: 1024, useRipgrep: true });
  });

  it('reads every declared key exactly once and nothing else', () => {
    const asked: string[] = [];
    readSettings((key) => {
      asked.push(key);
      return undefined;
    });
    expect([...asked].sort()).toEqual([...SETTING_KEYS].sort());
    expect(new Set(asked).size).toBe(asked.length);
  });

  it('declares only modelRadar.* keys, each once', () => {
    expect(new Set(SETTING_KEYS).size).toBe(SETTING_KEYS.length);
    for (const key of SETTING_KEYS) expect(key).toMatch(/^modelRadar\.[a-zA-Z]+(\.[a-zA-Z]+)?$/);
  });

  it('reading the declared defaults back gives the default settings without problems', () => {
    const defaults = Object.fromEntries(SETTINGS_SCHEMA.map((s) => [s.key, s.default]));
    const { settings, problems } = readFrom(defaults);
    expect(problems).toEqual([]);
    expect(settings).toEqual(defaultSettings());
  });

  it('every declared default lies inside its declared bounds and type', () => {
    for (const s of SETTINGS_SCHEMA) {
      const d: unknown = s.default;
      if (s.type === 'integer') expect(Number.isInteger(d)).toBe(true);
      if (s.type === 'number' || s.type === 'integer') {
        expect(typeof d).toBe('number');
        if ('minimum' in s) expect(d as number).toBeGreaterThanOrEqual(s.minimum);
        if ('maximum' in s) expect(d as number).toBeLessThanOrEqual(s.maximum);
      }
      if (s.type === 'boolean') expect(typeof d).toBe('boolean');
      if (s.type === 'string') expect(typeof d).toBe('string');
      if (s.type === 'array') expect(Array.isArray(d)).toBe(true);
      expect(s.markdownDescription.length).toBeGreaterThan(10);
    }
  });

  it('generates the package.json contribution with every key, in order, and the region enum', () => {
    const contribution = configurationContribution();
    expect(contribution.title).toBe('Model Radar');
    expect(Object.keys(contribution.properties)).toEqual([...SETTING_KEYS]);
    expect(contribution.properties['modelRadar.regions.overrides']!.additionalProperties).toEqual({ type: 'string', enum: [...REGIONS] });
    expect(contribution.properties['modelRadar.refresh.keySeconds']).toMatchObject({ type: 'integer', default: 60, minimum: 60 });
    expect(contribution.properties['modelRadar.leaders.top']).toMatchObject({ minimum: 1, maximum: 20, default: 5 });
    expect(contribution.properties['modelRadar.scan.maxFileSizeKB']).toMatchObject({ minimum: 16, maximum: 16384, default: 1024 });
    // A workspace must not be able to redirect where the key is sent.
    expect(contribution.properties['modelRadar.apiBaseUrl']!.scope).toBe('application');
    expect(JSON.parse(JSON.stringify(contribution))).toEqual(contribution);
  });
});

describe('modelRadar.apiBaseUrl', () => {
  const key = 'modelRadar.apiBaseUrl';
  it.each([
    ['https://openrouter.ai/api/v1/', 'https://openrouter.ai/api/v1'],
    ['https://openrouter.ai/api/v1///', 'https://openrouter.ai/api/v1'],
    ['  HTTPS://OpenRouter.AI/api/v1  ', 'https://openrouter.ai/api/v1'],
    ['https://proxy.example.com:8443/openrouter', 'https://proxy.example.com:8443/openrouter'],
    ['https://openrouter.ai', 'https://openrouter.ai'],
    ['http://localhost:8787/api/v1/', 'http://localhost:8787/api/v1'],
    ['http://127.0.0.1:4000/v1', 'http://127.0.0.1:4000/v1'],
    ['http://127.45.3.2/v1', 'http://127.45.3.2/v1'],
    ['http://127.1:9000/api/v1', 'http://127.0.0.1:9000/api/v1'],
    ['http://[::1]:8080/api/v1', 'http://[::1]:8080/api/v1'],
    ['http://[0:0:0:0:0:0:0:1]/api/v1', 'http://[::1]/api/v1'],
  ])('accepts %s as %s', (raw, expected) => {
    const { settings, problems } = only(key, raw);
    expect(problems).toEqual([]);
    expect(settings.apiBaseUrl).toBe(expected);
  });

  it.each([
    ['http://openrouter.ai/api/v1', 'must use https://'],
    ['http://192.168.1.10:8080/v1', 'must use https://'],
    ['http://localhost.evil.example/v1', 'must use https://'],
    ['http://127.0.0.1.nip.io/v1', 'must use https://'],
    ['http://[::2]/v1', 'must use https://'],
    ['ftp://openrouter.ai/api/v1', 'must be an https:// URL'],
    ['file:///etc/passwd', 'must be an https:// URL'],
    ['javascript:alert(1)', 'must be an https:// URL'],
    ['openrouter.ai/api/v1', 'is not a valid URL'],
    ['https://user:secret@openrouter.ai/api/v1', 'must not contain a user name or password'],
    ['https://openrouter.ai/api/v1?key=1', 'must not contain a query or fragment'],
    ['https://openrouter.ai/api/v1#x', 'must not contain a query or fragment'],
  ])('refuses %s (%s) and falls back to the default', (raw, reason) => {
    const { settings, problems } = only(key, raw);
    expect(settings.apiBaseUrl).toBe(DEFAULT_API_BASE_URL);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(key);
    expect(problems[0]).toContain(reason);
    expect(problems[0]).toContain(`using ${DEFAULT_API_BASE_URL}`);
  });

  it('refuses a non-string and treats an emptied field as the default without complaint', () => {
    expect(only(key, 42).problems[0]).toMatch(/modelRadar\.apiBaseUrl must be a URL/);
    expect(only(key, 42).settings.apiBaseUrl).toBe(DEFAULT_API_BASE_URL);
    expect(only(key, '   ')).toEqual({ settings: defaultSettings(), problems: [] });
  });

  it('exposes the same rules for input validation', () => {
    expect(checkApiBaseUrl('http://localhost:1/')).toEqual({ ok: true, url: 'http://localhost:1' });
    const refused = checkApiBaseUrl('http://example.com');
    expect(refused.ok).toBe(false);
  });
});

describe('modelRadar.statusBar.*', () => {
  it('keeps a custom format and reports each unknown placeholder once', () => {
    const format = '{month} {foo} of {limit} {foo} {Today} {balance}';
    const { settings, problems } = only('modelRadar.statusBar.format', format);
    expect(settings.statusBar.format).toBe(format);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('{foo} {Today}');
    expect(problems[0]!.match(/\{foo\}/g)).toHaveLength(1);
    expect(problems[0]).toContain('known: {today} {week} {month} {left} {balance} {limit}');
  });

  it('accepts every documented placeholder without a problem', () => {
    expect(only('modelRadar.statusBar.format', '{today} {week} {month} {left} {balance} {limit}').problems).toEqual([]);
  });

  it.each([[''], ['   '], [12], [['{today}']], ['x'.repeat(201)]])('falls back to the default format for %j', (value) => {
    const { settings, problems } = only('modelRadar.statusBar.format', value);
    expect(settings.statusBar.format).toBe(DEFAULT_STATUS_FORMAT);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^modelRadar\.statusBar\.format /);
  });

  it('reads statusBar.enabled and refuses a non-boolean', () => {
    expect(only('modelRadar.statusBar.enabled', false).settings.statusBar.enabled).toBe(false);
    const bad = only('modelRadar.statusBar.enabled', 'no');
    expect(bad.settings.statusBar.enabled).toBe(true);
    expect(bad.problems).toEqual(['modelRadar.statusBar.enabled must be true or false, not "no"; ignored']);
  });
});

describe('budgets and alerts', () => {
  it.each(['modelRadar.budget.daily', 'modelRadar.budget.monthly'] as const)('%s: dollars, 0 = off, bad values ignored', (key) => {
    const field = key.endsWith('daily') ? 'daily' : 'monthly';
    expect(only(key, 12.5).settings.budget[field]).toBe(12.5);
    expect(only(key, 0)).toEqual({ settings: defaultSettings(), problems: [] });
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, '5', true, {}]) {
      const { settings, problems } = only(key, bad);
      expect(settings.budget[field]).toBe(0);
      expect(problems).toEqual([`${key} must be a non-negative number; ignored`]);
    }
    const huge = only(key, 5e6);
    expect(huge.settings.budget[field]).toBe(1_000_000);
    expect(huge.problems[0]).toContain('using 1000000');
  });

  it('alerts.lowBalance: default 5, 0 = off, negative ignored', () => {
    expect(only('modelRadar.alerts.lowBalance', 0).settings.alerts.lowBalance).toBe(0);
    expect(only('modelRadar.alerts.lowBalance', 2.5).settings.alerts.lowBalance).toBe(2.5);
    expect(only('modelRadar.alerts.lowBalance', -3)).toEqual({
      settings: defaultSettings(),
      problems: ['modelRadar.alerts.lowBalance must be a non-negative number; ignored'],
    });
  });

  it('alerts.enabled: boolean', () => {
    expect(only('modelRadar.alerts.enabled', false).settings.alerts.enabled).toBe(false);
    expect(only('modelRadar.alerts.enabled', 0).problems).toHaveLength(1);
  });
});

describe('modelRadar.refresh.*: may lengthen, never shorten', () => {
  const cases = [
    ['modelRadar.refresh.keySeconds', 'keySeconds', 60, 86_400],
    ['modelRadar.refresh.creditsMinutes', 'creditsMinutes', 5, 1_440],
    ['modelRadar.refresh.modelsMinutes', 'modelsMinutes', 30, 1_440],
    ['modelRadar.refresh.rankingsMinutes', 'rankingsMinutes', 60, 1_440],
    ['modelRadar.refresh.activityMinutes', 'activityMinutes', 60, 1_440],
  ] as const;

  it.each(cases)('%s', (key, field, min, max) => {
    expect(only(key, min * 3)).toEqual({ settings: { ...defaultSettings(), refresh: { ...defaultSettings().refresh, [field]: min * 3 } }, problems: [] });
    const shorter = only(key, min - 1);
    expect(shorter.settings.refresh[field]).toBe(min);
    expect(shorter.problems).toEqual([`${key} cannot be shorter than ${min}; using ${min}`]);
    expect(only(key, 0).settings.refresh[field]).toBe(min);
    expect(only(key, -100).settings.refresh[field]).toBe(min);
    const longer = only(key, max * 10);
    expect(longer.settings.refresh[field]).toBe(max);
    expect(longer.problems[0]).toContain(`using ${max}`);
    const notNumber = only(key, 'often');
    expect(notNumber.settings.refresh[field]).toBe(min);
    expect(notNumber.problems[0]).toContain('ignored');
    const fractional = only(key, min + 0.6);
    expect(fractional.settings.refresh[field]).toBe(min + 1);
    expect(fractional.problems).toHaveLength(1);
  });

  it('turns the intervals into milliseconds per resource', () => {
    const { settings } = readFrom({ 'modelRadar.refresh.keySeconds': 90, 'modelRadar.refresh.rankingsMinutes': 120 });
    expect(refreshIntervalsMs(settings)).toEqual({ key: 90_000, credits: 300_000, models: 1_800_000, rankings: 7_200_000, activity: 3_600_000, userModels: 1_800_000 });
  });

  it('reads what the key may use (GET /models/user) at the catalog\'s pace, lengthened with it', () => {
    const { settings } = readFrom({ 'modelRadar.refresh.modelsMinutes': 90 });
    expect(refreshIntervalsMs(settings).userModels).toBe(90 * 60_000);
    expect(refreshIntervalsMs(readFrom({}).settings).userModels).toBe(30 * 60_000);
  });
});

describe('modelRadar.regions.overrides', () => {
  const key = 'modelRadar.regions.overrides';
  it('normalises authors and regions and ignores bad entries one by one', () => {
    const { settings, problems } = only(key, {
      MistralAI: 'eu',
      '~moonshotai': 'CN',
      'bad/author': 'US',
      'x-ai': 'MARS',
      qwen: 3,
      '': 'US',
    });
    expect(settings.regions.overrides).toEqual({ mistralai: 'EU', moonshotai: 'CN' });
    expect(problems).toHaveLength(4);
    expect(problems.every((p) => p.startsWith(`${key}: `))).toBe(true);
    expect(problems.some((p) => p.includes('"x-ai"') && p.includes('CN, US, EU, OTHER, UNKNOWN'))).toBe(true);
  });

  it('cannot be used to pollute prototypes, and lookups are own-property only', () => {
    const { settings, problems } = only(key, JSON.parse('{"__proto__": "CN", "constructor": "US"}'));
    expect(Object.getPrototypeOf(settings.regions.overrides)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(createRegionResolver(settings.regions.overrides).author('constructor')).toMatchObject({ region: 'US', known: true });
    expect(createRegionResolver(defaultSettings().regions.overrides).author('constructor')).toMatchObject({ region: 'UNKNOWN', known: false });
    expect(createRegionResolver(defaultSettings().regions.overrides).author('toString')).toMatchObject({ region: 'UNKNOWN', known: false });
    expect(createRegionResolver(only(key, { mistralai: 'EU' }).settings.regions.overrides).author('~MistralAI').region).toBe('EU');
  });

  it.each([[['mistralai']], ['EU'], [7]])('refuses a non-object %j', (value) => {
    const { settings, problems } = only(key, value);
    expect(settings.regions.overrides).toEqual({});
    expect(problems).toEqual([`${key} must be an object of author → region; ignored`]);
  });
});

describe('leaders, CodeLens, diagnostics, scan', () => {
  it('leaders.top: whole number 1..20', () => {
    expect(only('modelRadar.leaders.top', 10).settings.leaders.top).toBe(10);
    expect(only('modelRadar.leaders.top', 0).settings.leaders.top).toBe(1);
    expect(only('modelRadar.leaders.top', 25)).toEqual({
      settings: { ...defaultSettings(), leaders: { top: 20 } },
      problems: ['modelRadar.leaders.top must be a whole number from 1 to 20; using 20'],
    });
    expect(only('modelRadar.leaders.top', null).problems).toEqual([]);
    expect(only('modelRadar.leaders.top', '7').settings.leaders.top).toBe(5);
  });

  it.each([
    ['modelRadar.codeLens.enabled', (r: SettingsReadResult) => r.settings.codeLens.enabled, true],
    ['modelRadar.codeLens.inCode', (r: SettingsReadResult) => r.settings.codeLens.inCode, false],
    ['modelRadar.diagnostics.enabled', (r: SettingsReadResult) => r.settings.diagnostics.enabled, true],
  ] as const)('%s is a boolean', (key, pick, fallback) => {
    expect(pick(only(key, !fallback))).toBe(!fallback);
    const bad = only(key, 'true');
    expect(pick(bad)).toBe(fallback);
    expect(bad.problems).toHaveLength(1);
  });

  it.each(['modelRadar.scan.include', 'modelRadar.scan.exclude'] as const)('%s keeps non-empty strings, once each', (key) => {
    const field = key.endsWith('include') ? 'include' : 'exclude';
    const { settings, problems } = only(key, ['**/*.toml', '', 3, '**/*.toml', 'config/**']);
    expect(settings.scan[field]).toEqual(['**/*.toml', 'config/**']);
    expect(problems).toEqual([`${key}: 2 entries are not a non-empty string; ignored`]);
    expect(only(key, '**/*.toml')).toEqual({ settings: defaultSettings(), problems: [`${key} must be a list of glob patterns; ignored`] });
  });

  it('scan.maxFileSizeKB: 16..16384', () => {
    expect(only('modelRadar.scan.maxFileSizeKB', 256).settings.scan.maxFileSizeKB).toBe(256);
    expect(only('modelRadar.scan.maxFileSizeKB', 8).settings.scan.maxFileSizeKB).toBe(16);
    expect(only('modelRadar.scan.maxFileSizeKB', 1e9).settings.scan.maxFileSizeKB).toBe(16384);
  });
});

describe('robustness', () => {
  it('survives a getter that throws, reporting the key', () => {
    const { settings, problems } = readSettings((key) => {
      if (key === 'modelRadar.budget.daily') throw new Error('boom');
      return undefined;
    });
    expect(settings).toEqual(defaultSettings());
    expect(problems).toEqual(['modelRadar.budget.daily could not be read; using the default']);
  });

  it('never throws and always yields values inside the declared bounds, whatever the settings hold', () => {
    const anyValue = fc.oneof(
      fc.anything(),
      fc.double(),
      fc.integer({ min: -1e6, max: 1e7 }),
      fc.webUrl(),
      fc.string(),
      fc.array(fc.oneof(fc.string(), fc.integer())),
      fc.dictionary(fc.string(), fc.oneof(fc.constantFrom(...REGIONS, 'cn', 'mars'), fc.anything())),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...SETTING_KEYS), anyValue), (values) => {
        const { settings, problems } = readFrom(values);
        const url = new URL(settings.apiBaseUrl);
        expect(url.protocol === 'https:' || ['localhost', '[::1]'].includes(url.hostname) || url.hostname.startsWith('127.')).toBe(true);
        expect(settings.apiBaseUrl.endsWith('/')).toBe(false);
        for (const s of SETTINGS_SCHEMA) {
          if (!('minimum' in s)) continue;
          const [group, leaf] = s.key.replace('modelRadar.', '').split('.');
          const value = (settings as unknown as Record<string, Record<string, number>>)[group!]![leaf!];
          expect(Number.isFinite(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(s.minimum);
          expect(value).toBeLessThanOrEqual(s.maximum);
          if (s.type === 'integer') expect(Number.isInteger(value)).toBe(true);
        }
        for (const region of Object.values(settings.regions.overrides)) expect(REGIONS).toContain(region);
        for (const p of problems) expect(p).toMatch(/^modelRadar\./);
        expect(JSON.parse(JSON.stringify(settings))).toEqual(settings);
      }),
      { numRuns: 300 },
    );
  });

  it('stores -0 as 0 (found by the property above: -0 does not survive a JSON round trip)', () => {
    const { settings } = readFrom({ 'modelRadar.alerts.lowBalance': -0, 'modelRadar.budget.daily': -0 });
    expect(Object.is(settings.alerts.lowBalance, 0)).toBe(true);
    expect(Object.is(settings.budget.daily, 0)).toBe(true);
  });

  it('hands the webview only what it renders', () => {
    const { settings } = readFrom({ 'modelRadar.budget.daily': 3, 'modelRadar.budget.monthly': 60, 'modelRadar.alerts.lowBalance': 2, 'modelRadar.leaders.top': 8 });
    expect(toWebviewSettings(settings)).toEqual({ budgetDaily: 3, budgetMonthly: 60, lowBalance: 2, leadersTop: 8 });
  });
});
