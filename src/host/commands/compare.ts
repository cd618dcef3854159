// Compare Model…: cheaper alternatives of similar or better coding index for one of your models,
// with the saving on your token mix, then Swap / Copy id / Open on openrouter.ai.
import * as vscode from 'vscode';
import { formatUsd, UNKNOWN } from '../../shared/format';
import { modelPageUrl } from '../../core/bridge/handlers';
import { compareAlternativeItem, compareMixNote, priceSummary } from '../../core/market/pickItems';
import type { Alternative, CatalogModel } from '../../shared/types';
import type { Services } from '../services';

async function pickModel(services: Services): Promise<string | undefined> {
  const snap = services.radar.snapshot();
  const models = snap.catalog?.models ?? [];
  const byId = new Map(models.map((m) => [m.id, m]));
  const yours = new Set<string>([...services.references.view().refs.map((r) => r.id), ...(snap.activity?.byModel.map((m) => m.model) ?? [])]);
  type Item = vscode.QuickPickItem & { id?: string };
  const item = (m: CatalogModel): Item => ({
    label: m.name,
    description: m.id,
    detail: `${priceSummary(m, vscode.l10n)} · ${m.region} · ${vscode.l10n.t('coding index {0}', m.codingIndex ?? UNKNOWN)}`,
    id: m.id,
  });
  const items: Item[] = [];
  const mine = [...yours].map((id) => byId.get(id)).filter((m): m is CatalogModel => m !== undefined);
  if (mine.length) items.push({ label: vscode.l10n.t('Your models'), kind: vscode.QuickPickItemKind.Separator }, ...mine.map(item));
  items.push({ label: vscode.l10n.t('All models'), kind: vscode.QuickPickItemKind.Separator }, ...models.filter((m) => !yours.has(m.id)).map(item));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Model Radar: Compare Model'),
    placeHolder: vscode.l10n.t('Which model do you want cheaper alternatives for?'),
    matchOnDescription: true,
  });
  return picked?.id;
}

export async function compareModel(services: Services, modelId?: string): Promise<void> {
  if (!services.radar.snapshot().catalog) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Model Radar: the model catalog has not loaded yet. Try again in a moment, or Refresh Now.'));
    return;
  }
  const id = modelId && services.radar.isCatalogModel(modelId) ? modelId : await pickModel(services);
  if (!id) return;
  const result = services.radar.compare(id, null, 12);
  if (result.alternatives.length === 0) {
    void vscode.window.showInformationMessage(
      result.baseCost === null
        ? vscode.l10n.t('Model Radar: {0} has a variable price, so there is nothing to compare against.', id)
        : vscode.l10n.t('Model Radar: no cheaper model with a similar or better coding index than {0}.', id),
    );
    return;
  }
  const mixNote = compareMixNote(result, vscode.l10n);
  type Item = vscode.QuickPickItem & { alt: Alternative };
  const items: Item[] = result.alternatives.map((a) => {
    const { label, description, detail } = compareAlternativeItem(a, vscode.l10n);
    return { label, description, detail, alt: a };
  });
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Cheaper than {0}: {1} on {2}', id, formatUsd(result.baseCost), mixNote),
    placeHolder: vscode.l10n.t('List prices; quality differs between models. Pick one to swap or copy.'),
    matchOnDescription: true,
  });
  if (!picked) return;
  const hasRefs = services.references.view().refs.some((r) => r.id === id);
  const swapEverywhere = vscode.l10n.t('Swap everywhere');
  const copyId = vscode.l10n.t('Copy id');
  const openSite = vscode.l10n.t('Open on openrouter.ai');
  const actions = [...(hasRefs ? [swapEverywhere] : []), copyId, openSite];
  const action = await vscode.window.showInformationMessage(vscode.l10n.t('Switch {0} → {1}?', id, picked.alt.id), ...actions);
  if (action === swapEverywhere) {
    const r = await services.references.swap({ modelId: id, targetId: picked.alt.id });
    if (r.kind === 'refused') void vscode.window.showWarningMessage(vscode.l10n.t('Model Radar: {0}', r.message));
    else if (r.kind !== 'cancelled') void vscode.window.showInformationMessage(vscode.l10n.t('Model Radar: {0}', r.message));
  } else if (action === copyId) {
    await vscode.env.clipboard.writeText(picked.alt.id);
  } else if (action === openSite) {
    await vscode.env.openExternal(vscode.Uri.parse(modelPageUrl(picked.alt.id)));
  }
}
