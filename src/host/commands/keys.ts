// Set API Key, Set Management Key, Clear Keys. A key is checked against GET /key before it is
// saved; a rejected key is never saved; nothing here logs or shows the key.
import * as vscode from 'vscode';
import { validateKeyInput, type KeySlot } from '../../core/account/keyCheck';
import type { Services } from '../services';

/** The slot's name in the log (English, like every log line). */
const SLOT_LABEL: Record<KeySlot, string> = { inference: 'API key', management: 'management key' };

async function askForKey(slot: KeySlot): Promise<string | undefined> {
  const key = await vscode.window.showInputBox({
    title: slot === 'management' ? vscode.l10n.t('Model Radar: Set Management Key') : vscode.l10n.t('Model Radar: Set API Key'),
    prompt:
      slot === 'management'
        ? vscode.l10n.t("A management key (openrouter.ai/settings/management-keys) unlocks your account balance and 30-day activity. It is stored in VS Code's secret storage.")
        : vscode.l10n.t("An OpenRouter API key (openrouter.ai/settings/keys) unlocks your spend and the token rankings. It is stored in VS Code's secret storage."),
    placeHolder: 'sk-or-v1-…',
    password: true,
    ignoreFocusOut: true,
    validateInput: (input) => validateKeyInput(input, vscode.l10n),
  });
  return key?.trim() || undefined;
}

/** `verified`: GET /key answered for this key, so its kind is known; otherwise the radar checks it at the next contact. */
async function store(services: Services, slot: KeySlot, key: string, verified: boolean): Promise<void> {
  if (slot === 'management') await services.keys.setManagement(key, verified ? 'management' : 'unverified');
  else await services.keys.setInference(key);
}

export async function setKey(services: Services, requested: KeySlot): Promise<void> {
  const key = await askForKey(requested);
  if (!key) return;
  const check = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Model Radar: checking the key with OpenRouter…'), cancellable: false },
    () => services.radar.checkKey(key),
  );
  switch (check.status) {
    case 'valid': {
      if (check.slot !== requested) {
        const useAs = check.slot === 'management' ? vscode.l10n.t('Save as management key') : vscode.l10n.t('Save as API key');
        const choice = await vscode.window.showWarningMessage(
          check.slot === 'management'
            ? vscode.l10n.t("This is a management key. It shows your balance and activity but cannot read your key's spend or make completions.")
            : vscode.l10n.t('This is an ordinary API key, not a management key.'),
          useAs,
          vscode.l10n.t('Cancel'),
        );
        if (choice !== useAs) return;
      }
      await store(services, check.slot, key, true);
      services.log.info(`${SLOT_LABEL[check.slot]} saved (verified with GET /key)`);
      void vscode.window.showInformationMessage(
        check.slot === 'management'
          ? vscode.l10n.t('Model Radar: management key saved ({0}).', check.label)
          : vscode.l10n.t('Model Radar: API key saved ({0}).', check.label),
      );
      return;
    }
    case 'rejected': {
      services.log.warn(`${SLOT_LABEL[requested]} not saved: ${check.message}`);
      const retry = await vscode.window.showErrorMessage(vscode.l10n.t('Model Radar: {0}', check.message), vscode.l10n.t('Try again'));
      if (retry) await setKey(services, requested);
      return;
    }
    case 'unverified': {
      const save = vscode.l10n.t('Save unverified');
      const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Model Radar: {0} Save the key anyway?', check.message), save, vscode.l10n.t('Cancel'));
      if (choice !== save) return;
      await store(services, requested, key, false);
      services.log.info(
        requested === 'management'
          ? 'management key saved unverified; it is checked with GET /key at the next successful contact, and its balance is not shown until then'
          : `${SLOT_LABEL[requested]} saved unverified`,
      );
      return;
    }
  }
}

export async function clearKeys(services: Services): Promise<void> {
  const clear = vscode.l10n.t('Clear keys');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Remove the OpenRouter keys Model Radar stored? Prices and the popularity order still work without a key.'),
    { modal: true },
    clear,
  );
  if (choice !== clear) return;
  await services.keys.clear();
  services.log.info('keys cleared');
  const state = await services.keys.state();
  if (state.inference === 'environment') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Model Radar: stored keys cleared. OPENROUTER_API_KEY from the environment is still in use.'));
  }
}
