// Export Usage: key spend and 30-day activity to a CSV or JSON file the user picks.
import * as vscode from 'vscode';
import { buildUsageExport, formatUsageExport } from '../../core/account/usageExport';
import { droppedRowsSentence } from '../../shared/dataLabels';
import type { Services } from '../services';
import { COMMANDS } from '../../shared/commands';

export async function exportUsage(services: Services): Promise<void> {
  const snap = services.radar.snapshot();
  if (!snap.usage && !snap.activity) {
    const setKey = vscode.l10n.t('Set API Key');
    const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Model Radar: there is no usage to export yet. Set a key, or wait for the first refresh.'), setKey);
    if (choice === setKey) await vscode.commands.executeCommand(COMMANDS.setApiKey);
    return;
  }
  const day = new Date().toISOString().slice(0, 10);
  const base = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Model Radar: Export Usage'),
    defaultUri: base ? vscode.Uri.joinPath(base, `openrouter-usage-${day}.csv`) : undefined,
    filters: { CSV: ['csv'], JSON: ['json'] },
    saveLabel: vscode.l10n.t('Export'),
  });
  if (!target) return;
  const format = target.path.toLowerCase().endsWith('.json') ? 'json' : 'csv';
  const source = new URL(services.settings.current().apiBaseUrl).host;
  const data = buildUsageExport(snap.usage, snap.activity, source, Date.now());
  const text = formatUsageExport(data, format);
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    services.log.error(`export failed: ${message}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Model Radar: could not write the export ({0}).', message), vscode.l10n.t('Show Log')).then((c) => {
      if (c) services.log.show();
    });
    return;
  }
  const open = vscode.l10n.t('Open');
  // Rows OpenRouter sent that could not be read are in no figure, so not in the file either: say so, never silently.
  const leftOut = droppedRowsSentence(data.activityLeftOut?.unreadableRows ?? 0);
  const done = vscode.l10n.t('Model Radar: usage exported to {0}.', vscode.workspace.asRelativePath(target));
  const message = leftOut === null ? done : `${done} ${leftOut}`;
  const choice = await (leftOut === null ? vscode.window.showInformationMessage(message, open) : vscode.window.showWarningMessage(message, open));
  if (choice === open) await vscode.window.showTextDocument(target);
}
