// The fake demo (`npm run demo -- --fake`) opens ready: its two test keys go into this profile's SecretStorage
// (the demo's own user-data folder), then one line says the data is fake. See core/demo.ts for when this applies.
import * as vscode from 'vscode';
import { demoKeysFrom, demoWelcome } from '../core/service/demo';
import type { KeyStore } from './secrets';
import { COMMANDS } from '../shared/commands';

export interface DemoDeps {
  keys: Pick<KeyStore, 'inference' | 'management' | 'setInference' | 'setManagement'>;
  apiBaseUrl: string;
  env: Readonly<Record<string, string | undefined>>;
  log: Pick<vscode.LogOutputChannel, 'info'>;
}

/** True when the demo's keys apply; stores the ones not stored yet and shows the welcome line. */
export async function startDemo(deps: DemoDeps): Promise<boolean> {
  const demo = demoKeysFrom(deps.env, deps.apiBaseUrl);
  if (demo === null) return false;
  if ((await deps.keys.inference())?.source !== 'stored') await deps.keys.setInference(demo.inference);
  if ((await deps.keys.management()) === undefined) await deps.keys.setManagement(demo.management);
  deps.log.info(`demo: fake data from ${deps.apiBaseUrl}; its test keys are stored in this profile`);
  // The demo's first screen: the sidebar full next to the config file the demo opened.
  await Promise.resolve(vscode.commands.executeCommand(COMMANDS.focusSidebar)).catch(() => undefined);
  void vscode.window.showInformationMessage(demoWelcome(vscode.l10n));
  return true;
}
