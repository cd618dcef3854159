// 10,000 generated messages — random methods, shapes, sizes, forged reference and model ids — go
// through the same dispatcher and handlers the host uses. None may throw, and no effect may run
// unless the message validly asked for exactly that effect.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dispatchWebviewMessage } from '../../src/core/bridge/dispatch';
import { createWebviewRequestHandlers, modelPageUrl } from '../../src/core/bridge/handlers';
import { WEBVIEW_COMMANDS, type RequestMethod } from '../../src/shared/protocol';
import type { ModelRefView, ReferencesView, Snapshot } from '../../src/shared/types';

const catalogIds = ['deepseek/deepseek-v4-flash', 'qwen/qwen3-coder', 'anthropic/claude-sonnet-4.5', 'qwen/qwen3-coder:free', '~anthropic/claude-sonnet-latest'];
const refs: ModelRefView[] = [
  { refId: 'r1', file: '.env', line: 1, column: 18, raw: 'qwen/qwen3-coder:free', id: 'qwen/qwen3-coder:free', known: true, tool: 'dotenv', keyPath: 'OPENROUTER_MODEL' },
  { refId: 'r2', file: '.aider.conf.yml', line: 3, column: 8, raw: 'openrouter/deepseek/deepseek-v4-flash', id: 'deepseek/deepseek-v4-flash', known: true, tool: 'aider', keyPath: 'model' },
];
const references: ReferencesView = { refs, scanning: false, files: 2, note: null };
const snapshot = { keys: { inference: 'none', management: false } } as unknown as Snapshot;
const methods: string[] = ['snapshot/get', 'references/get', 'compare/alternatives', 'model/copyId', 'model/openOnWeb', 'model/swap', 'reference/reveal', 'command/run'] satisfies RequestMethod[];

type Effect = { name: string; arg: unknown };

function harness() {
  const effects: Effect[] = [];
  const handlers = createWebviewRequestHandlers({
    snapshot: () => snapshot,
    references: () => references,
    isCatalogModel: (id) => catalogIds.includes(id),
    compare: (modelId) => ({ modelId, mix: { input: 1, output: 1, cacheRead: 0, source: 'default' }, baseCost: 1, alternatives: [] }),
    effects: {
      copyText: async (text) => void effects.push({ name: 'copyText', arg: text }),
      openExternal: async (url) => (effects.push({ name: 'openExternal', arg: url }), true),
      swap: async (p) => (effects.push({ name: 'swap', arg: p }), { applied: true, message: 'ok' }),
      reveal: async (refId) => (effects.push({ name: 'reveal', arg: refId }), true),
      runCommand: async (command) => void effects.push({ name: 'runCommand', arg: command }),
    },
  });
  return { effects, handlers };
}

const idLike = fc.oneof(
  fc.constantFrom(...catalogIds),
  fc.constantFrom('../../etc/passwd', 'https://evil.example/x', 'file:///etc/hosts', 'deepseek/unknown-model', 'a/b', '__proto__', ''),
  fc.string({ maxLength: 80 }),
  fc.string({ minLength: 5000, maxLength: 6000 }),
);
const refIdLike = fc.oneof(fc.constantFrom('r1', 'r2', 'r3', 'r999999', '/home/user/.env', 'r1;rm -rf'), fc.string({ maxLength: 20 }));
const params = fc.oneof(
  fc.record({ modelId: idLike }),
  fc.record({ modelId: idLike, refId: refIdLike }, { requiredKeys: ['modelId'] }),
  fc.record({ modelId: idLike, refId: refIdLike, targetId: idLike }, { requiredKeys: [] }),
  fc.record({ refId: refIdLike }),
  fc.record({ command: fc.oneof(fc.constantFrom(...WEBVIEW_COMMANDS), fc.constantFrom('workbench.action.terminal.new', 'vscode.open'), fc.string()) }),
  fc.record({ modelId: idLike, mix: fc.option(fc.record({ input: fc.double(), output: fc.double(), cacheRead: fc.double() })), limit: fc.oneof(fc.integer(), fc.double()) }, { requiredKeys: ['modelId'] }),
  fc.record({ modelId: idLike, path: fc.string(), url: fc.webUrl() }),
  fc.constant({}),
  fc.anything(),
);
const message = fc.oneof(
  { weight: 6, arbitrary: fc.record({ type: fc.constant('request'), id: fc.oneof(fc.nat(), fc.integer(), fc.double(), fc.string()), method: fc.oneof(fc.constantFrom(...methods), fc.string({ maxLength: 30 }), fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty')), params }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constantFrom('ready', 'telemetry', 'response', 'notification'), event: fc.string(), ms: fc.double() }) },
  { weight: 1, arbitrary: fc.anything({ withBigInt: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withObjectString: true }) },
);

/** An independent statement of which effect a message may cause. */
function allowedEffect(msg: unknown): Effect['name'] | null {
  if (typeof msg !== 'object' || msg === null) return null;
  const m = msg as Record<string, unknown>;
  if (m.type !== 'request' || typeof m.id !== 'number' || !Number.isInteger(m.id) || m.id < 0) return null;
  const p = m.params as Record<string, unknown> | null;
  if (typeof p !== 'object' || p === null) return null;
  const known = (id: unknown) => typeof id === 'string' && catalogIds.includes(id);
  const issued = (r: unknown) => typeof r === 'string' && refs.some((x) => x.refId === r);
  switch (m.method) {
    case 'model/copyId':
      return known(p.modelId) && Object.keys(p).length === 1 ? 'copyText' : null;
    case 'model/openOnWeb':
      return known(p.modelId) && Object.keys(p).length === 1 ? 'openExternal' : null;
    case 'reference/reveal':
      return issued(p.refId) && Object.keys(p).length === 1 ? 'reveal' : null;
    case 'command/run':
      return (WEBVIEW_COMMANDS as readonly unknown[]).includes(p.command) && Object.keys(p).length === 1 ? 'runCommand' : null;
    case 'model/swap':
      return typeof p.modelId === 'string' ? 'swap' : null;
    default:
      return null;
  }
}

describe('webview message handler under generated input', () => {
  it('never throws and runs only what a message validly asked for (10,000 messages)', async () => {
    const { effects, handlers } = harness();
    await fc.assert(
      fc.asyncProperty(message, async (msg) => {
        effects.length = 0;
        const reply = await dispatchWebviewMessage(msg, { handlers, onReady: () => undefined, warn: () => undefined });
        expect(effects.length).toBeLessThanOrEqual(1);
        const allowed = allowedEffect(msg);
        for (const e of effects) {
          expect(e.name).toBe(allowed);
          if (e.name === 'copyText') expect(catalogIds).toContain(e.arg);
          if (e.name === 'openExternal') expect(catalogIds.map(modelPageUrl)).toContain(e.arg);
          if (e.name === 'reveal') expect(refs.map((r) => r.refId)).toContain(e.arg);
          if (e.name === 'runCommand') expect(WEBVIEW_COMMANDS).toContain(e.arg);
          if (e.name === 'swap') {
            const s = e.arg as { modelId: string; refId?: string; targetId?: string };
            if (s.targetId !== undefined) expect(catalogIds).toContain(s.targetId);
            if (s.refId !== undefined) expect(refs.find((r) => r.refId === s.refId)?.id).toBe(s.modelId);
            else expect(refs.map((r) => r.id)).toContain(s.modelId);
          }
        }
        if (reply) {
          expect(reply.type).toBe('response');
          expect(() => JSON.stringify(reply)).not.toThrow();
        }
      }),
      { numRuns: 10_000 },
    );
  });

  it('answers a valid request and refuses a forged reference id', async () => {
    const { effects, handlers } = harness();
    const ok = await dispatchWebviewMessage({ type: 'request', id: 1, method: 'model/copyId', params: { modelId: 'qwen/qwen3-coder' } }, { handlers, onReady: () => undefined, warn: () => undefined });
    expect(ok).toEqual({ type: 'response', id: 1, ok: true, result: { copied: true } });
    expect(effects).toEqual([{ name: 'copyText', arg: 'qwen/qwen3-coder' }]);
    const warnings: string[] = [];
    const forged = await dispatchWebviewMessage({ type: 'request', id: 2, method: 'reference/reveal', params: { refId: 'r42' } }, { handlers, onReady: () => undefined, warn: (l) => warnings.push(l) });
    expect(forged).toMatchObject({ id: 2, ok: false, error: { kind: 'refused' } });
    expect(warnings.join('\n')).toMatch(/refused/);
  });

  it('opens only the model page on openrouter.ai', () => {
    expect(modelPageUrl('qwen/qwen3-coder:free')).toBe('https://openrouter.ai/qwen/qwen3-coder');
    expect(modelPageUrl('~anthropic/claude-sonnet-latest')).toBe('https://openrouter.ai/anthropic/claude-sonnet-latest');
  });
});
