// Model Radar's one status bar item, the same whether it shows spend (statusBar.ts) or a start that failed
// (entry.ts): one id, so VS Code keeps the user's placement and hiding of it, one place and one name.
import * as vscode from 'vscode';

export const STATUS_ITEM_ID = 'modelRadar.status';

export function createStatusItem(): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem(STATUS_ITEM_ID, vscode.StatusBarAlignment.Right, 100);
  item.name = 'Model Radar';
  return item;
}
