// The entry (src/host/entry.ts) when the rest of the extension cannot load or start: the failure is logged and
// stays visible, the contributed commands stay registered and say what happened, nothing is left half-registered.
import { beforeEach, describe, expect, it } from 'vitest';
import * as vscode from 'vscode';
import * as fake from '../support/fakeVscode';
import { activateLazily, type MainModule } from '../../src/host/entry';
import { COMMANDS } from '../../src/shared/commands';
import { nodePlatform } from '../../src/host/platform/node';
import { webPlatform } from '../../src/host/platform/web';

const ids: string[] = Object.values(COMMANDS);
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 5));

beforeEach(() => {
  for (const d of [...fake.recorded.commands.keys()]) fake.recorded.commands.delete(d);
  fake.recorded.statusBarItems.length = 0;
  fake.recorded.logLines.length = 0;
  fake.recorded.messages.length = 0;
});

describe('the extension entry', () => {
  it('logs a composition root that cannot load, shows it in the status bar, and keeps the commands explaining it', async () => {
    const context = fake.fakeExtensionContext();
    activateLazily(context as never, () => Promise.reject(new Error('Cannot find module ./main.js')), nodePlatform);
    await tick();
    expect(fake.recorded.logLines.join('\n')).toMatch(/Model Radar could not start \(loading its code\): Cannot find module \.\/main\.js/);
    const item = fake.recorded.statusBarItems.find((i) => i.id === 'modelRadar.status');
    expect(item?.visible).toBe(true);
    expect(item?.text).toContain('Model Radar');
    expect([...fake.recorded.commands.keys()].sort()).toEqual([...ids].sort());
    await fake.commands.executeCommand(COMMANDS.refresh);
    expect(fake.recorded.messages).toEqual([{ level: 'error', message: 'Model Radar could not start: Cannot find module ./main.js' }]);
  });

  it('undoes a start that throws half-way, and brings the proxies back', async () => {
    const context = fake.fakeExtensionContext();
    let disposed = 0;
    const main: MainModule = {
      start(ctx) {
        // Registers one real command and something else it owns, then fails.
        ctx.subscriptions.push(vscode.commands.registerCommand(COMMANDS.refresh, () => 'real'), { dispose: () => void disposed++ });
        throw new Error('settings adapter failed');
      },
    };
    activateLazily(context as never, async () => main, nodePlatform);
    const result = await fake.commands.executeCommand(COMMANDS.setApiKey);
    expect(result).toBeUndefined();
    expect(disposed).toBe(1);
    expect([...fake.recorded.commands.keys()].sort()).toEqual([...ids].sort());
    expect(await fake.commands.executeCommand(COMMANDS.refresh)).toBeUndefined();
    expect(fake.recorded.logLines.join('\n')).toMatch(/could not start \(starting\): settings adapter failed/);
    expect(fake.recorded.messages.map((m) => m.message)).toEqual([
      'Model Radar could not start: settings adapter failed',
      'Model Radar could not start: settings adapter failed',
    ]);
  });

  it('loads the rest once, on the tick after activation, whoever asks first', async () => {
    const context = fake.fakeExtensionContext();
    let loads = 0;
    let started = 0;
    const main: MainModule = {
      start(ctx) {
        started++;
        ctx.subscriptions.push(vscode.commands.registerCommand(COMMANDS.showLog, (...args: unknown[]) => ['real', ...args]));
      },
    };
    activateLazily(context as never, async () => {
      loads++;
      return main;
    }, nodePlatform);
    expect(loads).toBe(0);
    const viaProxy = fake.commands.executeCommand(COMMANDS.showLog, 1, 'two');
    await tick();
    expect(await viaProxy).toEqual(['real', 1, 'two']);
    expect([loads, started]).toEqual([1, 1]);
    // The proxies are gone: only what start() registered is left.
    expect([...fake.recorded.commands.keys()]).toEqual([COMMANDS.showLog]);
    for (const d of context.subscriptions) d.dispose();
    expect([...fake.recorded.commands.keys()]).toEqual([]);
  });

  it('hands the composition root the platform its entry chose, and the log names it', async () => {
    for (const platform of [webPlatform, nodePlatform]) {
      const context = fake.fakeExtensionContext();
      const got: string[] = [];
      const before = fake.recorded.logLines.length;
      activateLazily(context as never, async () => ({ start: (_c, _l, p) => void got.push(p.kind) }), platform);
      await tick();
      expect(got).toEqual([platform.kind]);
      expect(fake.recorded.logLines.slice(before).join('\n')).toMatch(new RegExp(`Model Radar activated in \\d+\\.\\d+ ms on the ${platform.kind} host`));
      for (const d of context.subscriptions) d.dispose();
    }
  });
});
