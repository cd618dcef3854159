// The management slot's verification state: saved beside the key (never with it), set by the Set Management
// Key flow from what GET /key answered, and 'unverified' when the key was saved without an answer.
import { afterEach, describe, expect, it } from 'vitest';
import * as vscode from 'vscode';
import { fakeExtensionContext } from '../support/fakeVscode';
import { KeyStore } from '../../src/host/secrets';
import { setKey } from '../../src/host/commands/keys';
import type { Services } from '../../src/host/services';
import { classifyKeyCheck, type KeyCheck } from '../../src/core/account/keyCheck';
import type { ErrorInfo } from '../../src/shared/types';

const KEY = 'sk-or-v1-0123456789abcdef0123456789abcdef';

type Secrets = vscode.SecretStorage & { get(k: string): Promise<string | undefined> };

function storeWithSecrets(): { keys: KeyStore; secrets: Secrets } {
  const secrets = fakeExtensionContext().secrets as Secrets;
  return { keys: new KeyStore(secrets, {}), secrets };
}

const window = vscode.window as unknown as Record<string, unknown>;
const original = { showInputBox: window.showInputBox, showWarningMessage: window.showWarningMessage };
afterEach(() => Object.assign(window, original));

/** Runs the Set Management Key command with the user pasting KEY and answering `choice` to any question. */
async function runSetManagementKey(check: KeyCheck, choice: string | undefined): Promise<KeyStore> {
  const { keys } = storeWithSecrets();
  window.showInputBox = async () => KEY;
  window.showWarningMessage = async () => choice;
  const lines: string[] = [];
  const services = {
    keys,
    radar: { checkKey: async () => check },
    log: { info: (l: string) => lines.push(l), warn: (l: string) => lines.push(l) },
  } as unknown as Services;
  await setKey(services, 'management');
  expect(lines.join('\n')).not.toContain(KEY);
  return keys;
}

describe('KeyStore: the management key kind', () => {
  it('a key saved without a kind (an older version) reads as unverified', async () => {
    const { keys, secrets } = storeWithSecrets();
    await secrets.store('modelRadar.managementKey', KEY);
    expect(await keys.state()).toEqual({ inference: 'none', management: true, managementKind: 'unverified' });
  });

  it('stores the kind apart from the key, and never the key in it', async () => {
    const { keys, secrets } = storeWithSecrets();
    await keys.setManagement(KEY, 'management');
    expect(await secrets.get('modelRadar.managementKeyKind')).toBe('management');
    expect((await keys.state()).managementKind).toBe('management');
    await keys.setManagementKind('notManagement');
    expect((await keys.state()).managementKind).toBe('notManagement');
    expect(await keys.management()).toBe(KEY);
  });

  it('an unreadable stored kind reads as unverified, never as verified', async () => {
    const { keys, secrets } = storeWithSecrets();
    await keys.setManagement(KEY, 'management');
    await secrets.store('modelRadar.managementKeyKind', 'yes');
    expect((await keys.state()).managementKind).toBe('unverified');
  });

  it('recording a check does not count as a key change (it would restart polling)', async () => {
    const { keys } = storeWithSecrets();
    await keys.setManagement(KEY);
    let changes = 0;
    keys.onDidChange(() => changes++);
    await keys.setManagementKind('management');
    expect(changes).toBe(0);
  });

  it('clearing the keys clears the kind', async () => {
    const { keys, secrets } = storeWithSecrets();
    await keys.setManagement(KEY, 'management');
    await keys.clear();
    expect(await secrets.get('modelRadar.managementKeyKind')).toBeUndefined();
    expect(await keys.state()).toEqual({ inference: 'none', management: false });
  });
});

describe('Set Management Key: what the check said is saved with the key', () => {
  it('verified as a management key by GET /key', async () => {
    const keys = await runSetManagementKey({ status: 'valid', slot: 'management', label: 'sk-or-v1-abc...def' }, undefined);
    expect(await keys.state()).toMatchObject({ management: true, managementKind: 'management' });
  });

  it.each<[string, ErrorInfo]>([
    ['offline', { kind: 'offline', message: 'Could not reach OpenRouter.' }],
    ['a 5xx', { kind: 'server', message: 'OpenRouter had a server error.', status: 502 }],
    ['a 402', { kind: 'paymentRequired', message: 'Out of credits.', status: 402 }],
  ])('"Save unverified" after %s: saved as unverified, to be checked at the next contact', async (_name, error) => {
    const check = classifyKeyCheck({ ok: false, error });
    expect(check.status).toBe('unverified');
    const keys = await runSetManagementKey(check, 'Save unverified');
    expect(await keys.state()).toMatchObject({ management: true, managementKind: 'unverified' });
  });

  it('an ordinary key offered for the management slot goes to the API key slot, or nowhere', async () => {
    const moved = await runSetManagementKey({ status: 'valid', slot: 'inference', label: 'sk-or-v1-abc...def' }, 'Save as API key');
    expect(await moved.state()).toEqual({ inference: 'stored', management: false });
    const cancelled = await runSetManagementKey({ status: 'valid', slot: 'inference', label: 'sk-or-v1-abc...def' }, 'Cancel');
    expect(await cancelled.state()).toEqual({ inference: 'none', management: false });
  });
});
