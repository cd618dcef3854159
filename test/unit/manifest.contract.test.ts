// package.json contributions and what the extension really registers and reads must agree both ways.
// activate() (the entry, src/host/entry.ts) runs against the shared fake VS Code API (test/support/fakeVscode.ts):
// what it registers before the composition root (src/host/extension.ts) loads, and what there is once it has.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import * as fake from '../support/fakeVscode';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { configurationContribution, SETTING_KEYS } from '../../src/core/service/settings';
import { COMMANDS } from '../../src/shared/commands';
import { WEBVIEW_COMMANDS } from '../../src/shared/protocol';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const contributed: { command: string; title: string; category?: string }[] = pkg.contributes.commands;
let fetchCalls = 0;
let findFilesCalls = 0;
/** What there was when activate() returned, before any later tick. */
let atActivation: { commands: string[]; fetchCalls: number; findFilesCalls: number; settingsRead: number; statusBarItems: number; views: number };
/** A contributed command invoked right after activate() returned, before the composition root was loaded. */
let early: { budgetPrompt: string | undefined; savedBudget: unknown; countsWhenRun: { fetchCalls: number; findFilesCalls: number } };

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
  const { activate } = await import('../../src/host/entry');
  activate(fake.fakeExtensionContext() as never);
  atActivation = {
    commands: [...fake.recorded.commands.keys()].sort(),
    fetchCalls,
    findFilesCalls,
    settingsRead: fake.recorded.configurationReads.size,
    statusBarItems: fake.recorded.statusBarItems.length,
    views: fake.recorded.webviewViews.size,
  };
  // Set Budget with its argument, through the entry's proxy: the real command asks for the monthly amount
  // (no "which budget?" pick) and saves it.
  const realInput = fake.window.showInputBox;
  let budgetPrompt: string | undefined;
  let countsWhenRun = { fetchCalls: -1, findFilesCalls: -1 };
  fake.window.showInputBox = (async (options?: { title?: string }) => {
    budgetPrompt = options?.title;
    countsWhenRun = { fetchCalls, findFilesCalls };
    return '42';
  }) as never;
  try {
    await fake.commands.executeCommand('modelRadar.setBudget', 'monthly');
  } finally {
    fake.window.showInputBox = realInput;
  }
  early = { budgetPrompt, savedBudget: fake.configurationValues.get('modelRadar.budget.monthly'), countsWhenRun };
  fake.configurationValues.delete('modelRadar.budget.monthly');
});

afterAll(() => {
  vi.unstubAllGlobals();
});

describe('the entry VS Code loads at activation', () => {
  it('registers every contributed command before the rest of the extension loads', () => {
    expect(atActivation.commands).toEqual(contributed.map((c) => c.command).sort());
    // The composition root has not run: it would have read settings, made the status bar item and the view.
    expect(atActivation.settingsRead).toBe(0);
    expect(atActivation.statusBarItems).toBe(0);
    expect(atActivation.views).toBe(0);
  });

  it('runs the real command, with its arguments, when one is invoked before the rest has loaded', () => {
    expect(early.budgetPrompt).toMatch(/monthly/);
    expect(early.savedBudget).toBe(42);
  });

  it('does no network and no file scanning at activation, nor while it starts the rest', () => {
    expect(atActivation.fetchCalls).toBe(0);
    expect(atActivation.findFilesCalls).toBe(0);
    // Set Budget ran right after the composition root's start(), before any later tick.
    expect(early.countsWhenRun).toEqual({ fetchCalls: 0, findFilesCalls: 0 });
  });
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

  it('contributes exactly the commands of the COMMANDS table, and registers them from it', () => {
    expect(contributed.map((c) => c.command).sort()).toEqual(Object.values(COMMANDS).sort());
    for (const [name, id] of Object.entries(COMMANDS)) expect(id).toBe(`modelRadar.${name}`);
    const registered = [...fake.recorded.commands.keys()].filter((id) => id.startsWith('modelRadar.')).sort();
    expect(registered).toEqual(Object.values(COMMANDS).sort());
    // Menus and the webview's command list name only commands of the table.
    const menuCommands = Object.values(pkg.contributes.menus as Record<string, { command: string }[]>).flat().map((m) => m.command);
    for (const id of menuCommands) expect(Object.values(COMMANDS) as string[], id).toContain(id);
    for (const name of WEBVIEW_COMMANDS) expect(COMMANDS[name]).toBeDefined();
  });

  it('writes no command id outside the COMMANDS table (src/shared/commands.ts)', () => {
    const ids = new Set<string>(Object.values(COMMANDS));
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.tsx?$/.test(entry.name) && path !== join('src', 'shared', 'commands.ts')) {
          const text = readFileSync(path, 'utf8');
          for (const m of text.matchAll(/modelRadar\.[A-Za-z]+(?![A-Za-z.])/g)) if (ids.has(m[0])) offenders.push(`${path}: ${m[0]}`);
          // A template that builds one ("modelRadar.${name}") is a second way to write an id.
          if (/(?:execute|register)Command\(\s*`modelRadar\.\$\{/.test(text)) offenders.push(`${path}: builds a modelRadar.\${…} id`);
        }
      }
    };
    for (const root of ['src', join('webview', 'src')]) walk(root);
    expect(offenders).toEqual([]);
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

  it('activates only on startup finished, for VS Code 1.100, with types no newer than engines', () => {
    expect(pkg.activationEvents).toEqual(['onStartupFinished']);
    expect(pkg.engines.vscode).toBe('^1.100.0');
    const types = pkg.devDependencies['@types/vscode'].replace(/^[\^~]/, '');
    expect(types.split('.').slice(0, 2).join('.')).toBe('1.100');
  });

  it('logs its activation time, and when the rest has started', () => {
    expect(fake.recorded.logLines.join('\n')).toMatch(/Model Radar activated in \d+\.\d+ ms/);
    expect(fake.recorded.logLines.join('\n')).toMatch(/Model Radar started in \d+\.\d+ ms \(code loading \d+\.\d+ ms\)/);
  });
});
