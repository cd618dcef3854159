// A cloned repository's .vscode/settings.json must not change what a figure means or claims. Here: which
// settings are user-only (and why the rest are not), and that the host ignores and reports workspace values
// for them, through the shared fake VS Code API.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as vscode from 'vscode';
import * as fake from '../support/fakeVscode';
import { SETTINGS_SCHEMA, SETTING_KEYS, USER_ONLY_KEYS, defaultSettings, userOnlyValue, type SettingKey } from '../../src/core/service/settings';
import { SettingsAdapter } from '../../src/host/settings';
import { createRegionResolver } from '../../src/core/market/regions';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { configuration: { properties: Record<string, { scope?: string }> } } };

/** Change where the key goes or what a figure means/claims: user settings only. */
const FIGURE_SETTINGS: readonly SettingKey[] = [
  'modelRadar.apiBaseUrl', // where the key is sent, where every figure comes from
  'modelRadar.statusBar.format', // literal text: "$0.00 today · $500.00 left" is a valid format
  'modelRadar.budget.daily', // the 80 % / 100 % warnings
  'modelRadar.budget.monthly',
  'modelRadar.alerts.enabled', // silencing the alerts hides a crossed budget
  'modelRadar.alerts.lowBalance',
  'modelRadar.regions.overrides', // the CN / US shares
  'modelRadar.refresh.keySeconds', // spend counts as fresh for 3 intervals: a day-long interval shows old spend as live
  'modelRadar.refresh.creditsMinutes',
  'modelRadar.refresh.modelsMinutes',
  'modelRadar.refresh.rankingsMinutes', // also the account's shared 500/day Data API quota
  'modelRadar.refresh.activityMinutes',
];
/** Per project by design (what to scan, where to show lenses); none changes a figure. */
const WORKSPACE_SETTINGS: readonly SettingKey[] = [
  'modelRadar.statusBar.enabled',
  'modelRadar.leaders.top',
  'modelRadar.codeLens.enabled',
  'modelRadar.codeLens.inCode',
  'modelRadar.diagnostics.enabled',
  'modelRadar.scan.include',
  'modelRadar.scan.exclude',
  'modelRadar.scan.maxFileSizeKB',
  // Which way files are listed; both find the same references, and an untrusted workspace never runs rg.
  'modelRadar.scan.useRipgrep',
];

/** Valid, non-default values a hostile repository could ship for each user-only setting. */
const HOSTILE: Record<string, unknown> = {
  'modelRadar.apiBaseUrl': 'https://evil.example/api/v1',
  'modelRadar.statusBar.format': '$0.00 today · $500.00 left',
  'modelRadar.budget.daily': 1_000_000,
  'modelRadar.budget.monthly': 1_000_000,
  'modelRadar.alerts.enabled': false,
  'modelRadar.alerts.lowBalance': 0,
  'modelRadar.regions.overrides': { openai: 'CN', anthropic: 'CN', google: 'CN', deepseek: 'US', qwen: 'US' },
  'modelRadar.refresh.keySeconds': 86_400,
  'modelRadar.refresh.creditsMinutes': 1_440,
  'modelRadar.refresh.modelsMinutes': 1_440,
  'modelRadar.refresh.rankingsMinutes': 1_440,
  'modelRadar.refresh.activityMinutes': 1_440,
};

function pick(settings: ReturnType<typeof defaultSettings>, key: SettingKey): unknown {
  const path = key.slice('modelRadar.'.length).split('.');
  let v: unknown = settings;
  for (const p of path) v = (v as Record<string, unknown>)[p];
  return v;
}

function clearConfiguration(): void {
  fake.configurationValues.clear();
  fake.workspaceConfigurationValues.clear();
  fake.workspaceFolderConfigurationValues.clear();
  fake.recorded.logLines.length = 0;
  fake.recorded.messages.length = 0;
}

let adapters: SettingsAdapter[] = [];
function adapter(): SettingsAdapter {
  const a = new SettingsAdapter(vscode.window.createOutputChannel('Model Radar test', { log: true }));
  adapters.push(a);
  return a;
}

beforeEach(clearConfiguration);
afterEach(() => {
  for (const a of adapters) a.dispose();
  adapters = [];
  clearConfiguration();
});

describe('which settings only the user may set', () => {
  it('every setting is classified, and the classification is the schema\'s and package.json\'s', () => {
    expect([...FIGURE_SETTINGS, ...WORKSPACE_SETTINGS].sort()).toEqual([...SETTING_KEYS].sort());
    expect([...USER_ONLY_KEYS].sort()).toEqual([...FIGURE_SETTINGS].sort());
    for (const key of FIGURE_SETTINGS) {
      expect(SETTINGS_SCHEMA.find((s) => s.key === key)).toMatchObject({ scope: 'application' });
      expect(pkg.contributes.configuration.properties[key]!.scope, key).toBe('application');
    }
    for (const key of WORKSPACE_SETTINGS) expect(pkg.contributes.configuration.properties[key]!.scope, key).toBeUndefined();
  });

  it('userOnlyValue takes the user\'s value and names any workspace, folder or language-specific workspace value', () => {
    const key = 'modelRadar.statusBar.format';
    expect(userOnlyValue(key, undefined)).toEqual({ value: undefined, ignored: null });
    expect(userOnlyValue(key, { globalValue: 'mine' })).toEqual({ value: 'mine', ignored: null });
    for (const layer of ['workspaceValue', 'workspaceFolderValue', 'workspaceLanguageValue', 'workspaceFolderLanguageValue']) {
      const r = userOnlyValue(key, { globalValue: 'mine', [layer]: 'theirs' });
      expect(r.value, layer).toBe('mine');
      expect(r.ignored, layer).toMatch(/^modelRadar\.statusBar\.format is set in this workspace's settings; .*ignored$/);
    }
    // A workspace value equal to nothing at all (no user value) still does not count.
    expect(userOnlyValue(key, { workspaceValue: 'theirs' }).value).toBeUndefined();
  });
});

describe('the host reads user-only settings from the user\'s settings only', () => {
  it('the issue\'s repository: status bar text and region shares stay the user\'s, and the user is told why', () => {
    fake.workspaceConfigurationValues.set('modelRadar.statusBar.format', '$0.00 today · $500.00 left');
    fake.workspaceConfigurationValues.set('modelRadar.regions.overrides', HOSTILE['modelRadar.regions.overrides']);
    const settings = adapter().current();
    expect(settings.statusBar.format).toBe(defaultSettings().statusBar.format);
    const regions = createRegionResolver(settings.regions.overrides);
    expect(regions.author('openai').region).toBe('US');
    expect(regions.author('deepseek').region).toBe('CN');
    expect(settings.regions.overrides).toEqual({});
    const log = fake.recorded.logLines.join('\n');
    expect(log).toContain("setting ignored: modelRadar.statusBar.format is set in this workspace's settings");
    expect(log).toContain("setting ignored: modelRadar.regions.overrides is set in this workspace's settings");
    expect(fake.recorded.messages.filter((m) => m.level === 'warning')).toHaveLength(1);
  });

  it.each(FIGURE_SETTINGS)('%s: a workspace or folder value is ignored; the user\'s own value applies', (key) => {
    const hostile = HOSTILE[key];
    expect(hostile, 'a hostile sample for every user-only setting').toBeDefined();
    const defaults = pick(defaultSettings(), key);
    expect(hostile).not.toEqual(defaults);

    fake.workspaceConfigurationValues.set(key, hostile);
    expect(pick(adapter().current(), key)).toEqual(defaults);

    fake.workspaceConfigurationValues.delete(key);
    fake.workspaceFolderConfigurationValues.set(key, hostile);
    expect(pick(adapter().current(), key)).toEqual(defaults);
    expect(fake.recorded.logLines.filter((l) => l.includes(`${key} is set in this workspace's settings`)).length).toBeGreaterThanOrEqual(2);

    // The same value in the user's own settings is honoured.
    fake.configurationValues.set(key, hostile);
    const own = pick(adapter().current(), key);
    expect(own).not.toEqual(defaults);
  });

  it('a workspace value added later (configuration change) is ignored too, and reported once', () => {
    const a = adapter();
    fake.configurationValues.set('modelRadar.budget.daily', 10);
    fake.workspaceConfigurationValues.set('modelRadar.budget.daily', 1_000_000);
    fake.fireConfigurationChange(['modelRadar.budget.daily']);
    expect(a.current().budget.daily).toBe(10);
    fake.fireConfigurationChange(['modelRadar.budget.daily']);
    expect(fake.recorded.logLines.filter((l) => l.includes('modelRadar.budget.daily is set in this workspace')).length).toBe(1);
  });

  it('per-project settings still come from the workspace', () => {
    fake.workspaceConfigurationValues.set('modelRadar.scan.include', ['**/*.models.yaml']);
    fake.workspaceFolderConfigurationValues.set('modelRadar.codeLens.inCode', true);
    const settings = adapter().current();
    expect(settings.scan.include).toEqual(['**/*.models.yaml']);
    expect(settings.codeLens.inCode).toBe(true);
    expect(fake.recorded.logLines.join('\n')).not.toContain('setting ignored');
  });
});

describe('problems quoting a workspace value are safe to log and show', () => {
  it('escape sequences and keys in a workspace value do not reach the log line or the notification', () => {
    const hostile = `\u001b[2J\u009b31m\u202eforged\nline sk-or-v1-${'ab12'.repeat(16)}`;
    fake.workspaceConfigurationValues.set('modelRadar.scan.maxFileSizeKB', hostile);
    fake.workspaceConfigurationValues.set('modelRadar.leaders.top', hostile);
    fake.workspaceConfigurationValues.set('modelRadar.codeLens.enabled', hostile);
    adapter();
    const shown = [...fake.recorded.logLines, ...fake.recorded.messages.map((m) => m.message)];
    expect(shown.some((l) => l.includes('modelRadar.scan.maxFileSizeKB'))).toBe(true);
    for (const line of shown) {
      // eslint-disable-next-line no-control-regex -- the characters under test
      expect(line).not.toMatch(/[\x00-\x1f\x7f-\x9f\u202e]/);
      expect(line).not.toContain('ab12ab12ab12');
    }
  });
});
