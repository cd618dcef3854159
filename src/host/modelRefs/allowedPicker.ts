// The swap target picker with the key's allowance applied (core/refs/present.ts applyKeyAllowance): models the key
// may not use are hidden behind one "Show models this key cannot use" item, which shows the picker again with them
// after a separator; the "not checked" line re-shows the picker unchanged. Returns the picked model id.
import * as vscode from 'vscode';
import { ALLOWANCE_NOTE_ID, SHOW_NOT_ALLOWED_ID, applyKeyAllowance, type TargetSection } from '../../core/refs/present';

export interface AllowanceInput {
  notAllowed: (id: string) => boolean;
  /** The "not checked, and why" sentence while the check has not run; null once it has. */
  note: string | null;
}

export async function pickTargetWithAllowance(sections: readonly TargetSection[], options: vscode.QuickPickOptions, allowance: AllowanceInput): Promise<string | undefined> {
  let show = false;
  for (;;) {
    type Item = vscode.QuickPickItem & { id?: string };
    const items: Item[] = [];
    for (const s of applyKeyAllowance(sections, { ...allowance, show }, vscode.l10n)) {
      items.push({ label: s.title, kind: vscode.QuickPickItemKind.Separator });
      for (const i of s.items) items.push({ label: i.label, description: i.description, detail: i.detail, id: i.id });
    }
    const picked = await vscode.window.showQuickPick(items, options);
    if (picked?.id === SHOW_NOT_ALLOWED_ID) {
      show = true;
      continue;
    }
    if (picked?.id === ALLOWANCE_NOTE_ID) continue;
    return picked?.id;
  }
}
