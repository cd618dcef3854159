// Every command Model Radar contributes, in one table: the short name code uses → the id VS Code knows.
// Registration (src/host/commands/register.ts) is typed over this table, so a command cannot be added here
// without a handler there; the manifest contract test checks it against package.json both ways. Nothing else
// writes a "modelRadar.<command>" string.

export const COMMANDS = {
  setApiKey: 'modelRadar.setApiKey',
  setManagementKey: 'modelRadar.setManagementKey',
  clearKeys: 'modelRadar.clearKeys',
  refresh: 'modelRadar.refresh',
  openDashboard: 'modelRadar.openDashboard',
  focusSidebar: 'modelRadar.focusSidebar',
  showLog: 'modelRadar.showLog',
  setBudget: 'modelRadar.setBudget',
  exportUsage: 'modelRadar.exportUsage',
  compareModel: 'modelRadar.compareModel',
  swapModel: 'modelRadar.swapModel',
  rescanWorkspace: 'modelRadar.rescanWorkspace',
} as const;

export type CommandName = keyof typeof COMMANDS;
export type CommandId = (typeof COMMANDS)[CommandName];
