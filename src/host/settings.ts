// Settings through one typed, normalising adapter (src/core/service/settings.ts decides; this only reads
// VS Code's configuration and reports what was ignored, once per distinct problem).
import * as vscode from 'vscode';
import { USER_ONLY_KEYS, readSettings, userOnlyValue, type SettingKey, type Settings } from '../core/service/settings';
import type { SettingsApi } from './services';

const SECTION = 'modelRadar';

export class SettingsAdapter implements SettingsApi, vscode.Disposable {
  private settings: Settings;
  private readonly reported = new Set<string>();
  private readonly changed = new vscode.EventEmitter<Settings>();
  readonly onDidChange = this.changed.event;
  private readonly sub: vscode.Disposable;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.settings = this.read();
    this.sub = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('modelRadar')) return;
      this.settings = this.read();
      this.changed.fire(this.settings);
    });
  }

  current(): Settings {
    return this.settings;
  }

  private read(): Settings {
    // The section's view, not the whole configuration tree: reading the root costs milliseconds at startup.
    const config = vscode.workspace.getConfiguration(SECTION);
    const scopeProblems: string[] = [];
    const { settings, problems: valueProblems } = readSettings((key) => {
      const sub = key.startsWith(`${SECTION}.`) ? key.slice(SECTION.length + 1) : key;
      if (!USER_ONLY_KEYS.has(key as SettingKey)) return config.get(sub);
      // inspect(), not get(): only the user's own value counts, whatever scope VS Code applies.
      const { value, ignored } = userOnlyValue(key as SettingKey, config.inspect(sub), vscode.l10n);
      if (ignored !== null) scopeProblems.push(ignored);
      return value;
    }, vscode.l10n);
    const problems = [...scopeProblems, ...valueProblems];
    const fresh = problems.filter((p) => !this.reported.has(p));
    for (const p of fresh) {
      this.reported.add(p);
      this.log.warn(`setting ignored: ${p}`);
    }
    if (fresh.length > 0) {
      const open = vscode.l10n.t('Open Settings');
      const text =
        fresh.length === 1
          ? vscode.l10n.t('Model Radar: {0}', fresh[0] ?? '')
          : vscode.l10n.t('Model Radar: {0} Model Radar settings were ignored (see the log): {1}', fresh.length, fresh[0] ?? '');
      void vscode.window.showWarningMessage(text, open).then((c) => {
        if (c) void vscode.commands.executeCommand('workbench.action.openSettings', 'modelRadar');
      });
    }
    return settings;
  }

  dispose(): void {
    this.sub.dispose();
    this.changed.dispose();
  }
}
