// The status-bar item: a thin adapter over the pure presenter (src/core/status/presenter.ts).
import * as vscode from 'vscode';
import { presentStatus } from '../core/status/presenter';
import type { Settings } from '../core/service/settings';
import type { Snapshot } from '../shared/types';
import { createStatusItem } from './statusItem';

const BACKGROUND = {
  none: undefined,
  warning: new vscode.ThemeColor('statusBarItem.warningBackground'),
  error: new vscode.ThemeColor('statusBarItem.errorBackground'),
} as const;

export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private lastKey = '';
  /** Re-render once a minute so "12 min old" stays true without new data. */
  private readonly ticker: ReturnType<typeof setInterval>;

  constructor(
    private readonly snapshot: () => Snapshot,
    private readonly settings: () => Settings,
    /** Nothing is shown until the key state is known, so a stored key never flashes "set key". */
    private readonly ready: () => boolean,
  ) {
    this.item = createStatusItem();
    this.ticker = setInterval(() => this.render(), 60_000);
    this.render();
  }

  render(): void {
    if (!this.ready()) return;
    const p = presentStatus(this.snapshot(), this.settings(), Date.now(), vscode.l10n);
    const key = JSON.stringify(p);
    if (key === this.lastKey) return;
    this.lastKey = key;
    if (!p.visible) {
      this.item.hide();
      return;
    }
    this.item.text = p.text;
    const tooltip = new vscode.MarkdownString(p.tooltipMarkdown, true);
    // Trusted only for our own commands, never for arbitrary command links.
    tooltip.isTrusted = { enabledCommands: [...p.trustedCommands] };
    this.item.tooltip = tooltip;
    this.item.backgroundColor = BACKGROUND[p.background];
    this.item.accessibilityInformation = { label: p.ariaLabel, role: 'button' };
    this.item.command = p.command;
    this.item.show();
  }

  dispose(): void {
    clearInterval(this.ticker);
    this.item.dispose();
  }
}
