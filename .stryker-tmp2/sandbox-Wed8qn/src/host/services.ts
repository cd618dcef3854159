// @ts-nocheck
// What commands and surfaces get from the composition root. Each owner is created once in extension.ts.
import type * as vscode from 'vscode';
import type { CompareResult, ReferencesView, ResourceName, Snapshot, TokenMix } from '../shared/types';
import type { KeyCheck } from '../core/keyCheck';
import type { Settings } from '../core/settings';
import type { KeyStore } from './secrets';
import type { SwapOutcome } from './modelRefs/swapFlow';

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

export interface ReferencesApi {
  view(): ReferencesView;
  onDidChange: vscode.Event<ReferencesView>;
  reveal(refId: string): Promise<boolean>;
  swap(params: { modelId: string; refId?: string; targetId?: string }): Promise<SwapOutcome>;
  rescan(): void;
}

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
  openDashboard(): void;
}
