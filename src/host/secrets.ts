// The keys live in VS Code's SecretStorage only. Nothing here logs, echoes or returns a key
// anywhere but to the caller that sends it to OpenRouter.
import * as vscode from 'vscode';
import type { KeysState } from '../shared/types';

const INFERENCE = 'modelRadar.inferenceKey';
const MANAGEMENT = 'modelRadar.managementKey';

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
    private readonly env: Record<string, string | undefined> = process.env,
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
    const [inference, management] = await Promise.all([this.inference(), this.management()]);
    return { inference: inference?.source ?? 'none', management: management !== undefined };
  }

  async setInference(key: string): Promise<void> {
    await this.secrets.store(INFERENCE, key.trim());
  }

  async setManagement(key: string): Promise<void> {
    await this.secrets.store(MANAGEMENT, key.trim());
  }

  async clear(): Promise<void> {
    await Promise.all([this.secrets.delete(INFERENCE), this.secrets.delete(MANAGEMENT)]);
  }

  dispose(): void {
    this.sub.dispose();
    this.changed.dispose();
  }
}
