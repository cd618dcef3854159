// The keys live in VS Code's SecretStorage only. Nothing here logs, echoes or returns a key
// anywhere but to the caller that sends it to OpenRouter.
import * as vscode from 'vscode';
import { MANAGEMENT_KEY_KINDS, type KeysState, type ManagementKeyKind } from '../shared/types';

const INFERENCE = 'modelRadar.inferenceKey';
const MANAGEMENT = 'modelRadar.managementKey';
/** What GET /key said the management slot's key is; never the key. Written before the key, so a window that
 * sees the new key also sees its kind. */
const MANAGEMENT_KIND = 'modelRadar.managementKeyKind';

export interface ResolvedKey {
  key: string;
  source: 'stored' | 'environment';
}

export class KeyStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when either key changes, in this window or another one. */
  readonly onDidChange = this.changed.event;
  private readonly sub: vscode.Disposable;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    /** The host's environment (Platform.env): OPENROUTER_API_KEY is the fallback key; empty in the browser. */
    private readonly env: Readonly<Record<string, string | undefined>>,
  ) {
    this.sub = secrets.onDidChange((e) => {
      if (e.key === INFERENCE || e.key === MANAGEMENT) this.changed.fire();
    });
  }

  async inference(): Promise<ResolvedKey | undefined> {
    const stored = (await this.secrets.get(INFERENCE))?.trim();
    if (stored) return { key: stored, source: 'stored' };
    const fromEnv = this.env.OPENROUTER_API_KEY?.trim();
    return fromEnv ? { key: fromEnv, source: 'environment' } : undefined;
  }

  async management(): Promise<string | undefined> {
    return (await this.secrets.get(MANAGEMENT))?.trim() || undefined;
  }

  async state(): Promise<KeysState> {
    const [inference, management, kind] = await Promise.all([this.inference(), this.management(), this.secrets.get(MANAGEMENT_KIND)]);
    if (management === undefined) return { inference: inference?.source ?? 'none', management: false };
    const managementKind = MANAGEMENT_KEY_KINDS.find((k) => k === kind) ?? 'unverified';
    return { inference: inference?.source ?? 'none', management: true, managementKind };
  }

  /** Records what the management slot's key turned out to be (GET /key, or a 403 from /credits or /activity). */
  async setManagementKind(kind: ManagementKeyKind): Promise<void> {
    await this.secrets.store(MANAGEMENT_KIND, kind);
  }

  async setInference(key: string): Promise<void> {
    await this.secrets.store(INFERENCE, key.trim());
  }

  /** `kind`: what GET /key said when the key was saved; 'unverified' when OpenRouter could not be asked. */
  async setManagement(key: string, kind: ManagementKeyKind = 'unverified'): Promise<void> {
    await this.secrets.store(MANAGEMENT_KIND, kind);
    await this.secrets.store(MANAGEMENT, key.trim());
  }

  async clear(): Promise<void> {
    await Promise.all([this.secrets.delete(INFERENCE), this.secrets.delete(MANAGEMENT), this.secrets.delete(MANAGEMENT_KIND)]);
  }

  dispose(): void {
    this.sub.dispose();
    this.changed.dispose();
  }
}
