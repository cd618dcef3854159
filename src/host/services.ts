// What commands and surfaces get from the composition root. Each owner is created once in extension.ts.
import type * as vscode from 'vscode';
import type { CompareResult, ResourceName, Snapshot, TokenMix } from '../shared/types';
import type { KeyCheck } from '../core/account/keyCheck';
import type { Settings } from '../core/service/settings';
import type { KeyStore } from './secrets';
import type { ModelReferences } from './modelRefs/register';

export interface RadarApi {
  snapshot(): Snapshot;
  onDidChange: vscode.Event<Snapshot>;
  /** Fetches now (bypassing the schedule, not single-flight). */
  refreshNow(resources?: readonly ResourceName[]): Promise<void>;
  /** Asks GET /key about a key without storing it. */
  checkKey(key: string): Promise<KeyCheck>;
  compare(modelId: string, mix: Omit<TokenMix, 'source'> | null, limit: number): CompareResult;
  isCatalogModel(id: string): boolean;
}

/** What commands and the webview use of the workspace references (everything but disposing them). */
export type ReferencesApi = Omit<ModelReferences, 'dispose'>;

export interface SettingsApi {
  current(): Settings;
  onDidChange: vscode.Event<Settings>;
}

export interface Services {
  context: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
  keys: KeyStore;
  radar: RadarApi;
  settings: SettingsApi;
  references: ReferencesApi;
  /** With a model id: at that model's providers (the hover's "Providers" link). */
  openDashboard(providersOf?: string | null): void;
}
