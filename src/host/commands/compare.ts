// Compare Model…: cheaper alternatives of similar or better coding index for one of your models,
// with the saving on your token mix, then Swap / Copy id / Open on openrouter.ai.
import * as vscode from 'vscode';
import { formatUsd, UNKNOWN } from '../../shared/format';
import { modelPageUrl } from '../../core/bridge/handlers';
import { compareAlternativeItem, compareMixNote, priceSummary } from '../../core/refs/present';
import type { Alternative, CatalogModel } from '../../shared/types';
import type { Services } from '../services';

async function pickModel(services: Services): Promise<string | undefined> {
  const snap = services.radar.snapshot();
  const models = snap.catalog?.models ?? [];
  const byId = new Map(models.map((m) => [m.id, m]));
  const yours = new Set<string>([...services.references.view().refs.map((r) => r.id), ...(snap.activity?.byModel.map((m) => m.model) ?? [])]);
  type Item = vscode.QuickPickItem & { id?: string };
  const item = (m: CatalogModel): Item => ({ label: m.name, description: m.id, detail: `${priceSummary(m)} · ${m.region} · coding index ${m.codingIndex ?? UNKNOWN}`, id: m.id });
  const items: Item[] = [];
  const mine = [...yours].map((id) => byId.get(id)).filter((m): m is CatalogModel => m !== undefined);
  if (mine.length) items.push({ label: 'Your models', kind: vscode.QuickPickItemKind.Separator }, ...mine.map(item));
  items.push({ label: 'All models', kind: vscode.QuickPickItemKind.Separator }, ...models.filter((m) => !yours.has(m.id)).map(item));
  const picked = await vscode.window.showQuickPick(items, { title: 'Model Radar: Compare Model', placeHolder: 'Which model do you want cheaper alternatives for?', matchOnDescription: true });
  return picked?.id;
}

export async function compareModel(services: Services, modelId?: string): Promise<void> {
  if (!services.radar.snapshot().catalog) {
    void vscode.window.showWarningMessage('Model Radar: the model catalog has not loaded yet. Try again in a moment, or Refresh Now.');
    return;
  }
  const id = modelId && services.radar.isCatalogModel(modelId) ? modelId : await pickModel(services);
  if (!id) return;
  const result = services.radar.compare(id, null, 12);
  if (result.alternatives.length === 0) {
    void vscode.window.showInformationMessage(
      result.baseCost === null
        ? `Model Radar: ${id} has a variable price, so there is nothing to compare against.`
        : `Model Radar: no cheaper model with a similar or better coding index than ${id}.`,
    );
    return;
  }
  const mixNote = compareMixNote(result);
  type Item = vscode.QuickPickItem & { alt: Alternative };
  const items: Item[] = result.alternatives.map((a) => {
    const { label, description, detail } = compareAlternativeItem(a);
    return { label, description, detail, alt: a };
  });
  const picked = await vscode.window.showQuickPick(items, {
    title: `Cheaper than ${id}: ${formatUsd(result.baseCost)} on ${mixNote}`,
    placeHolder: 'List prices; quality differs between models. Pick one to swap or copy.',
    matchOnDescription: true,
  });
  if (!picked) return;
  const hasRefs = services.references.view().refs.some((r) => r.id === id);
  const actions = [...(hasRefs ? ['Swap everywhere'] : []), 'Copy id', 'Open on openrouter.ai'];
  const action = await vscode.window.showInformationMessage(`Switch ${id} → ${picked.alt.id}?`, ...actions);
  if (action === 'Swap everywhere') {
    const r = await services.references.swap({ modelId: id, targetId: picked.alt.id });
    if (r.kind === 'refused') void vscode.window.showWarningMessage(vscode.l10n.t('Model Radar: {0}', r.message));
    else if (r.kind !== 'cancelled') void vscode.window.showInformationMessage(vscode.l10n.t('Model Radar: {0}', r.message));
  } else if (action === 'Copy id') {
    await vscode.env.clipboard.writeText(picked.alt.id);
  } else if (action === 'Open on openrouter.ai') {
    await vscode.env.openExternal(vscode.Uri.parse(modelPageUrl(picked.alt.id)));
  }
}
