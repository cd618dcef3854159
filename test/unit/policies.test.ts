// One source per policy (#11 item 3): each decision is written once and every caller asks that one place.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { DEFAULT_API_BASE_URL, checkApiBaseUrl } from '../../src/core/openrouter/baseUrl';
import { createOpenRouterClient, resolveBaseUrl } from '../../src/core/openrouter/client';
import {
  SETTINGS_SCHEMA,
  SETTING_KEYS,
  defaultSettings,
  readSettings,
  settingPath,
  type SettingKey,
  type Settings,
} from '../../src/core/service/settings';
import type { Region } from '../../src/shared/types';

const BASE_URLS = [
  'https://openrouter.ai/api/v1',
  'https://openrouter.ai/api/v1/',
  'https://proxy.example.com:8443/or/api/v1///',
  ' https://openrouter.ai/api/v1 ',
  'http://127.0.0.1:4000/api/v1',
  'http://127.255.0.9/api/v1',
  'http://localhost:9/v1',
  'http://LOCALHOST:9/v1',
  'http://[::1]:9/v1',
  'http://[::2]/v1',
  'http://0.0.0.0:9/v1',
  'http://127.0.0.1.nip.io/v1',
  'http://openrouter.ai/api/v1',
  'https://openrouter.ai/api/v1?key=sk-or-v1-abc',
  'https://openrouter.ai/api/v1?',
  'https://openrouter.ai/api/v1#frag',
  'http://localhost:9/v1?debug=1',
  'https://user:pw@openrouter.ai/api/v1',
  'https://:pw@openrouter.ai/api/v1',
  'ftp://openrouter.ai/api/v1',
  'ws://localhost:9/v1',
  'file:///etc/passwd',
  'openrouter.ai/api/v1',
  'not a url',
];

function readOne(key: SettingKey, value: unknown): ReturnType<typeof readSettings> {
  return readSettings((k) => (k === key ? value : undefined));
}

/** The value at a setting's place in Settings. */
function valueAt(settings: Settings, key: SettingKey): unknown {
  return settingPath(key).reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], settings);
}

describe('the base URL is decided in one module', () => {
  it.each(BASE_URLS)('settings, the client and the check agree on %j', (raw) => {
    const checked = checkApiBaseUrl(raw);
    const client = resolveBaseUrl(raw);
    expect(client.ok).toBe(checked.ok);
    const { settings, problems } = readOne('modelRadar.apiBaseUrl', raw);
    if (checked.ok) {
      expect(settings.apiBaseUrl).toBe(checked.url);
      expect(problems).toEqual([]);
      // The client talks to the URL the settings reader kept, with nothing stripped or added but the trailing slash.
      expect(client.ok && client.url.href).toBe(`${checked.url}/`);
    } else {
      expect(settings.apiBaseUrl).toBe(DEFAULT_API_BASE_URL);
      expect(problems).toEqual([`modelRadar.apiBaseUrl ${checked.reason}; using ${DEFAULT_API_BASE_URL}`]);
      expect(!client.ok && client.error.message).toBe(`The OpenRouter API base URL ${checked.reason}.`);
    }
  });

  it('a client given a base URL with a query (a CLI --base-url, say) refuses it and sends nothing, as the settings reader does', async () => {
    let sent = 0;
    const client = createOpenRouterClient({
      baseUrl: 'https://openrouter.ai/api/v1?key=sk-or-v1-0123456789abcdef',
      fetch: async () => {
        sent++;
        return new Response('{}');
      },
      maxRetries: 0,
    });
    expect(client.baseUrl).toBeNull();
    await expect(client.listModels()).rejects.toMatchObject({ kind: 'config' });
    expect(sent).toBe(0);
  });
});

describe('settings are written once, in SETTINGS_SCHEMA', () => {
  it('the Settings tree has exactly one place per schema key, and nothing else', () => {
    const leaves: string[] = [];
    const walk = (node: unknown, path: string[]): void => {
      const isGroup = path.length === 0 || (path.length === 1 && !(SETTING_KEYS as readonly string[]).includes(`modelRadar.${path[0]}`));
      if (isGroup) for (const [k, v] of Object.entries(node as Record<string, unknown>)) walk(v, [...path, k]);
      else leaves.push(`modelRadar.${path.join('.')}`);
    };
    walk(defaultSettings(), []);
    expect(leaves.sort()).toEqual([...SETTING_KEYS].sort());
  });

  it.each(SETTINGS_SCHEMA.map((e) => [e.key, e] as const))('%s: the default is the schema default, read at the key\'s place', (key, entry) => {
    expect(valueAt(defaultSettings(), key)).toEqual(entry.default);
    expect(valueAt(readOne(key, null).settings, key)).toEqual(entry.default);
  });

  it.each(SETTINGS_SCHEMA.map((e) => [e.key] as const))('%s: a value of the wrong kind is reported once, naming the key, and the default kept', (key) => {
    const entry = SETTINGS_SCHEMA.find((e) => e.key === key)!;
    const wrong = entry.type === 'boolean' ? 'yes' : entry.type === 'string' ? 42 : entry.type === 'object' ? ['x'] : entry.type === 'array' ? 'a/**' : 'ten';
    const { settings, problems } = readOne(key, wrong);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.startsWith(key)).toBe(true);
    expect(valueAt(settings, key)).toEqual(entry.default);
    // Every other setting is untouched.
    for (const other of SETTING_KEYS) if (other !== key) expect(valueAt(settings, other)).toEqual(valueAt(defaultSettings(), other));
  });

  it.each(SETTINGS_SCHEMA.map((e) => [e.key] as const))('%s: a good non-default value lands at the key\'s place', (key) => {
    const entry = SETTINGS_SCHEMA.find((e) => e.key === key)!;
    const good: Record<string, unknown> = {
      boolean: !(entry.default as boolean),
      usd: 12.5,
      interval: ('minimum' in entry ? entry.minimum : 0) + 7,
      integer: ('minimum' in entry ? entry.minimum : 0) + 1,
      globs: ['**/*.yaml'],
      baseUrl: 'http://127.0.0.1:4000/api/v1',
      statusFormat: '{today} / {month}',
      regionOverrides: { 'New-Lab': 'eu' },
    };
    const expected: Record<string, unknown> = { ...good, regionOverrides: { 'new-lab': 'EU' } };
    const { settings, problems } = readOne(key, good[entry.read]);
    expect(problems).toEqual([]);
    expect(valueAt(settings, key)).toEqual(expected[entry.read]);
  });

  it('the Settings type is derived from the schema: a key names its place, its reader its type', () => {
    expectTypeOf<Settings['apiBaseUrl']>().toEqualTypeOf<string>();
    expectTypeOf<Settings['budget']['daily']>().toEqualTypeOf<number>();
    expectTypeOf<Settings['statusBar']['enabled']>().toEqualTypeOf<boolean>();
    expectTypeOf<Settings['scan']['include']>().toEqualTypeOf<string[]>();
    expectTypeOf<Settings['regions']['overrides']>().toEqualTypeOf<Record<string, Region>>();
    expectTypeOf<keyof Settings>().toEqualTypeOf<
      'apiBaseUrl' | 'statusBar' | 'budget' | 'alerts' | 'refresh' | 'regions' | 'leaders' | 'codeLens' | 'diagnostics' | 'scan'
    >();
    expectTypeOf<keyof Settings['refresh']>().toEqualTypeOf<'keySeconds' | 'creditsMinutes' | 'modelsMinutes' | 'rankingsMinutes' | 'activityMinutes'>();
  });
});
