// The key store (src/host/secrets.ts) and Set API Key / Clear Keys (src/host/commands/keys.ts), through the
// shared fake VS Code API (SecretStorage, input box, notifications, LogOutputChannel) and the real Radar
// asking the fake OpenRouter's GET /key. What is pinned: which key wins, what is saved, and that the key
// never reaches a log line or a notification.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as vscode from 'vscode';
import * as fake from '../support/fakeVscode';
import { Radar } from '../../src/core/service/radar';
import { defaultSettings } from '../../src/core/service/settings';
import { clearKeys, setKey } from '../../src/host/commands/keys';
import { KeyStore } from '../../src/host/secrets';
import type { Services } from '../../src/host/services';
import { INFERENCE_KEY, MANAGEMENT_KEY, startFakeOpenRouter, type FakeOpenRouter } from '../fake-openrouter/server';

const INFERENCE_SLOT = 'modelRadar.inferenceKey';
const MANAGEMENT_SLOT = 'modelRadar.managementKey';
/** Unknown to the fake server (401), and shaped like nothing the pattern redaction knows. */
const UNKNOWN_KEY = 'not-a-real-openrouter-key-4242';

type FakeSecrets = vscode.SecretStorage & { raw: Map<string, string> };

function secrets(initial: Record<string, string> = {}): FakeSecrets {
  const context = fake.fakeExtensionContext();
  const s = context.secrets as vscode.SecretStorage;
  const raw = new Map<string, string>();
  const wrapped = {
    get: (k: string) => s.get(k),
    store: async (k: string, v: string) => {
      raw.set(k, v);
      await s.store(k, v);
    },
    delete: async (k: string) => {
      raw.delete(k);
      await s.delete(k);
    },
    keys: async () => [...raw.keys()],
    onDidChange: s.onDidChange,
    raw,
  };
  for (const [k, v] of Object.entries(initial)) void wrapped.store(k, v);
  return wrapped as unknown as FakeSecrets;
}

describe('KeyStore', () => {
  it('a stored key wins over OPENROUTER_API_KEY; the environment is used only when nothing usable is stored', async () => {
    const env = { OPENROUTER_API_KEY: '  sk-or-v1-from-environment  ' };
    const store = new KeyStore(secrets({ [INFERENCE_SLOT]: INFERENCE_KEY }), env);
    expect(await store.inference()).toEqual({ key: INFERENCE_KEY, source: 'stored' });
    expect(await store.state()).toEqual({ inference: 'stored', management: false });

    const blank = new KeyStore(secrets({ [INFERENCE_SLOT]: '   ' }), env);
    expect(await blank.inference()).toEqual({ key: 'sk-or-v1-from-environment', source: 'environment' });
    expect(await blank.state()).toEqual({ inference: 'environment', management: false });

    const none = new KeyStore(secrets(), {});
    expect(await none.inference()).toBeUndefined();
    expect(await none.state()).toEqual({ inference: 'none', management: false });
    expect(await new KeyStore(secrets(), { OPENROUTER_API_KEY: '  ' }).inference()).toBeUndefined();
  });

  it('the management key comes from SecretStorage only, never from the environment', async () => {
    const store = new KeyStore(secrets(), { OPENROUTER_API_KEY: INFERENCE_KEY, OPENROUTER_MANAGEMENT_KEY: MANAGEMENT_KEY });
    expect(await store.management()).toBeUndefined();
    await store.setManagement(`  ${MANAGEMENT_KEY}\n`);
    expect(await store.management()).toBe(MANAGEMENT_KEY);
    // Saved without a check, the key's kind is not yet known.
    expect(await store.state()).toEqual({ inference: 'environment', management: true, managementKind: 'unverified' });
  });

  it('saves keys trimmed, in their own slots; clear removes both and leaves the environment key in use', async () => {
    const s = secrets();
    const store = new KeyStore(s, { OPENROUTER_API_KEY: 'sk-or-v1-env' });
    await store.setInference(` ${INFERENCE_KEY} `);
    await store.setManagement(MANAGEMENT_KEY);
    expect(s.raw).toEqual(new Map([[INFERENCE_SLOT, INFERENCE_KEY], [MANAGEMENT_SLOT, MANAGEMENT_KEY], ['modelRadar.managementKeyKind', 'unverified']]));
    await store.clear();
    expect(s.raw.size).toBe(0);
    expect(await store.inference()).toEqual({ key: 'sk-or-v1-env', source: 'environment' });
    expect(await store.management()).toBeUndefined();
  });

  it('fires onDidChange for its own two secrets only, until disposed', async () => {
    const s = secrets();
    const store = new KeyStore(s, {});
    let fired = 0;
    store.onDidChange(() => fired++);
    await s.store('someone.elses.secret', 'x');
    expect(fired).toBe(0);
    await store.setInference(INFERENCE_KEY);
    await store.setManagement(MANAGEMENT_KEY);
    expect(fired).toBe(2);
    store.dispose();
    await store.setInference(INFERENCE_KEY);
    expect(fired).toBe(2);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Set API Key / Set Management Key / Clear Keys

let server: FakeOpenRouter;
beforeAll(async () => {
  server = await startFakeOpenRouter();
});
afterAll(async () => {
  await server.close();
});

const originalWindow = { ...fake.window };
interface Ui {
  inputs: (string | undefined)[];
  /** Answers a notification with buttons: the first button whose label matches, or dismiss. */
  answer: RegExp | null;
  shown: { level: string; message: string; items: string[] }[];
}
let ui: Ui;

function notify(level: string) {
  return async (message: string, ...rest: unknown[]) => {
    const items = rest.filter((r): r is string => typeof r === 'string');
    ui.shown.push({ level, message, items });
    return ui.answer ? items.find((i) => ui.answer?.test(i)) : undefined;
  };
}

beforeEach(() => {
  server.reset();
  fake.recorded.logLines.length = 0;
  ui = { inputs: [], answer: null, shown: [] };
  Object.assign(fake.window, {
    showInputBox: async () => ui.inputs.shift(),
    showInformationMessage: notify('info'),
    showWarningMessage: notify('warning'),
    showErrorMessage: notify('error'),
  });
});
afterEach(() => {
  Object.assign(fake.window, originalWindow);
});

function services(s: FakeSecrets, env: Record<string, string | undefined> = {}): { services: Services; store: KeyStore } {
  const store = new KeyStore(s, env);
  const log = vscode.window.createOutputChannel('Model Radar', { log: true });
  const radar = new Radar({
    keys: { inference: async () => (await store.inference())?.key, management: () => store.management(), state: () => store.state() },
    settings: () => ({ ...defaultSettings(), apiBaseUrl: server.baseUrl }),
    // As extension.ts wires it: the client's request lines go to the same log channel.
    log: (level, line) => log[level](line),
    clientOptions: { timeoutMs: 3_000, maxRetries: 0 },
  });
  return { services: { keys: store, radar, log } as unknown as Services, store };
}

/** Every text the user or a log reader could see in this test. */
function everythingShown(): string {
  return [...fake.recorded.logLines, ...ui.shown.map((m) => `${m.message} ${m.items.join(' ')}`)].join('\n');
}

function expectNoKey(...keys: string[]): void {
  const text = everythingShown();
  for (const k of keys) {
    expect(text).not.toContain(k);
    // Nor its secret part: OpenRouter's own masked label ("sk-or-v1-abc...xyz") shows the first 12 characters.
    expect(text).not.toContain(k.slice(13));
  }
}

describe('Set API Key', () => {
  it('a key OpenRouter rejects (401) is not saved, and the user is told so', async () => {
    const s = secrets();
    const { services: sv } = services(s);
    ui.inputs = [UNKNOWN_KEY];
    await setKey(sv, 'inference');
    expect(s.raw.size).toBe(0);
    expect(ui.shown.some((m) => m.level === 'error' && /rejected|refused|not saved/i.test(m.message))).toBe(true);
    expect(server.requests.filter((r) => r.endpoint === 'key')).toHaveLength(1);
    expectNoKey(UNKNOWN_KEY);
  });

  it('a rejected key stays unsaved even when OpenRouter echoes it in the error, and "Try again" asks again', async () => {
    server.setFault({ endpoint: 'key', fault: 'keyEcho' });
    const s = secrets();
    const { services: sv } = services(s);
    ui.inputs = [UNKNOWN_KEY, `  ${UNKNOWN_KEY}x  `, undefined];
    ui.answer = /try again/i;
    await setKey(sv, 'inference');
    expect(s.raw.size).toBe(0);
    expect(server.requests.filter((r) => r.endpoint === 'key')).toHaveLength(2);
    expectNoKey(UNKNOWN_KEY);
  });

  it('a valid key is saved (trimmed) in its slot; neither the log line nor the notification holds it', async () => {
    const s = secrets();
    const { services: sv, store } = services(s);
    ui.inputs = [`  ${INFERENCE_KEY}  `];
    await setKey(sv, 'inference');
    expect(s.raw).toEqual(new Map([[INFERENCE_SLOT, INFERENCE_KEY]]));
    expect(await store.inference()).toEqual({ key: INFERENCE_KEY, source: 'stored' });
    expect(fake.recorded.logLines.some((l) => /saved/.test(l))).toBe(true);
    expect(ui.shown.some((m) => m.level === 'info' && /saved/.test(m.message))).toBe(true);
    expectNoKey(INFERENCE_KEY);
  });

  it('a valid key replaces the one the environment provides, and is what is used from then on', async () => {
    const s = secrets();
    const { services: sv, store } = services(s, { OPENROUTER_API_KEY: 'sk-or-v1-environment-key-0000' });
    ui.inputs = [INFERENCE_KEY];
    await setKey(sv, 'inference');
    expect(await store.inference()).toEqual({ key: INFERENCE_KEY, source: 'stored' });
  });

  it('a management key pasted into Set API Key is saved only if the user agrees, and then as the management key', async () => {
    const declined = secrets();
    ui.inputs = [MANAGEMENT_KEY];
    await setKey(services(declined).services, 'inference');
    expect(declined.raw.size).toBe(0);
    expect(ui.shown.some((m) => m.level === 'warning')).toBe(true);

    const accepted = secrets();
    ui.inputs = [MANAGEMENT_KEY];
    ui.answer = /^save/i;
    await setKey(services(accepted).services, 'inference');
    expect(accepted.raw.get(INFERENCE_SLOT)).toBeUndefined();
    expect(accepted.raw.get(MANAGEMENT_SLOT)).toBe(MANAGEMENT_KEY);
    expectNoKey(MANAGEMENT_KEY);
  });

  it('when OpenRouter cannot answer (500), the key is saved only on "Save unverified"', async () => {
    server.setFault({ endpoint: 'key', fault: 500 });
    const dismissed = secrets();
    ui.inputs = [INFERENCE_KEY];
    await setKey(services(dismissed).services, 'inference');
    expect(dismissed.raw.size).toBe(0);

    const saved = secrets();
    ui.inputs = [INFERENCE_KEY];
    ui.answer = /^save/i;
    await setKey(services(saved).services, 'inference');
    expect(saved.raw.get(INFERENCE_SLOT)).toBe(INFERENCE_KEY);
    expectNoKey(INFERENCE_KEY);
  });

  it('server text shown in the "could not check" notification carries no escape sequence and no key', async () => {
    server.setFault({ endpoint: 'key', fault: 'escapes' });
    const s = secrets();
    ui.inputs = [UNKNOWN_KEY];
    await setKey(services(s).services, 'inference');
    expect(s.raw.size).toBe(0);
    const warning = ui.shown.find((m) => m.level === 'warning');
    expect(warning?.message).toContain('balance is $0.00 forged line');
    // eslint-disable-next-line no-control-regex -- the characters under test
    expect(everythingShown()).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]/);
    expectNoKey(UNKNOWN_KEY);
  });

  it('an empty or cancelled input asks nothing of OpenRouter and saves nothing', async () => {
    const s = secrets();
    for (const input of [undefined, '', '   ']) {
      ui.inputs = [input];
      await setKey(services(s).services, 'management');
    }
    expect(s.raw.size).toBe(0);
    expect(server.requests).toHaveLength(0);
  });
});

describe('Clear Keys', () => {
  it('removes both stored keys only after the modal is confirmed, and says when the environment key remains', async () => {
    const s = secrets({ [INFERENCE_SLOT]: INFERENCE_KEY, [MANAGEMENT_SLOT]: MANAGEMENT_KEY });
    const { services: sv } = services(s, { OPENROUTER_API_KEY: 'sk-or-v1-environment-key-0000' });
    await clearKeys(sv);
    expect(s.raw.size).toBe(2);
    ui.answer = /clear/i;
    await clearKeys(sv);
    expect(s.raw.size).toBe(0);
    expect(ui.shown.some((m) => m.level === 'info' && /OPENROUTER_API_KEY/.test(m.message))).toBe(true);
    expectNoKey(INFERENCE_KEY, MANAGEMENT_KEY, 'sk-or-v1-environment-key-0000');
  });
});
