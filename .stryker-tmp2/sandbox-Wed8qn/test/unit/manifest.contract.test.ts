// package.json contributions and what the extension really registers and reads must agree both ways.
// activate() runs against the shared fake VS Code API (test/support/fakeVscode.ts).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import * as fake from '../support/fakeVscode';
import { configurationContribution, SETTING_KEYS } from '../../src/core/settings';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const contributed: { command: string; title: string; category?: string }[] = pkg.contributes.commands;
let fetchCalls = 0;
let findFilesCalls = 0;

beforeAll(async () => {
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', (...args: Parameters<typeof fetch>) => {
    fetchCalls++;
    return realFetch(...args);
  });
  const realFind = fake.workspace.findFiles;
  fake.workspace.findFiles = async (...args: unknown[]) => {
    findFilesCalls++;
    return (realFind as (...a: unknown[]) => Promise<unknown[]>)(...args) as never;
  };
  // Unfocused and nothing visible: activation must still register everything, and fetch nothing.
  fake.setWindowFocus(false);
  const { activate } = await import('../../src/host/extension');
  activate(fake.fakeExtensionContext() as never);
});

afterAll(() => {
  vi.unstubAllGlobals();
});

describe('manifest contract', () => {
  it('registers every contributed command, and contributes every registered one', () => {
    const registered = [...fake.recorded.commands.keys()].filter((id) => !id.startsWith('modelRadar._')).sort();
    expect(registered).toEqual(contributed.map((c) => c.command).sort());
  });

  it('gives every command the "Model Radar" category and a title', () => {
    for (const c of contributed) {
      expect(c.category, c.command).toBe('Model Radar');
      expect(c.title.length, c.command).toBeGreaterThan(3);
      expect(c.command).toMatch(/^modelRadar\.[a-z][A-Za-z]+$/);
    }
  });

  it('declares exactly the settings the core reads, with the same schema', () => {
    expect(pkg.contributes.configuration).toEqual(configurationContribution());
    expect(Object.keys(pkg.contributes.configuration.properties).sort()).toEqual([...SETTING_KEYS].sort());
  });

  it('reads every declared setting at activation, and reads no undeclared one', () => {
    const read = [...fake.recorded.configurationReads].filter((k) => k.startsWith('modelRadar.'));
    expect(new Set(read)).toEqual(new Set(SETTING_KEYS));
  });

  it('registers the sidebar view it contributes and a named status bar item', () => {
    const views = pkg.contributes.views.modelRadar.map((v: { id: string }) => v.id);
    expect([...fake.recorded.webviewViews]).toEqual(views);
    const item = fake.recorded.statusBarItems.find((i) => i.id === 'modelRadar.status');
    expect(item?.name).toBe('Model Radar');
  });

  it('does no network and no file scanning during activation', () => {
    expect(fetchCalls).toBe(0);
    expect(findFilesCalls).toBe(0);
  });

  it('activates only on startup finished, for VS Code 1.100, with types no newer than engines', () => {
    expect(pkg.activationEvents).toEqual(['onStartupFinished']);
    expect(pkg.engines.vscode).toBe('^1.100.0');
    const types = pkg.devDependencies['@types/vscode'].replace(/^[\^~]/, '');
    expect(types.split('.').slice(0, 2).join('.')).toBe('1.100');
  });

  it('logs its activation time', () => {
    expect(fake.recorded.logLines.join('\n')).toMatch(/Model Radar activated in \d+\.\d+ ms/);
  });
});
