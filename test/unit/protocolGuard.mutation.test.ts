// The guard at the webview boundary, case by case: each accepted shape exactly as the host receives it, and each
// refusal with the reason the log shows and, for requests, the id the host answers. Written against the mutants
// `npm run mutation` found surviving in src/core/bridge/protocolGuard.ts.
import { describe, expect, it } from 'vitest';
import { MODEL_ID_PATTERN, dashboardFocusArg, guardWebviewMessage } from '../../src/core/bridge/protocolGuard';

const request = (method: string, params?: unknown, id = 7): Record<string, unknown> => ({ type: 'request', id, method, params });

function refused(raw: unknown): { reason: string; requestId?: number } {
  const r = guardWebviewMessage(raw);
  if (r.ok) throw new Error(`accepted ${JSON.stringify(raw)}`);
  return { reason: r.reason, ...(r.requestId === undefined ? {} : { requestId: r.requestId }) };
}

describe('guardWebviewMessage: message envelope', () => {
  it.each([null, undefined, 'ready', 42, ['ready'], [{ type: 'ready' }]])('refuses a non-object %j', (raw) => {
    expect(refused(raw)).toEqual({ reason: 'message is not an object' });
  });

  it('accepts ready and passes only the type on', () => {
    expect(guardWebviewMessage({ type: 'ready', extra: 'x' })).toEqual({ ok: true, message: { type: 'ready' } });
  });

  it('accepts firstContent telemetry inside [0, 1 h) and nothing else', () => {
    for (const ms of [0, 12.5, 3_599_999]) {
      expect(guardWebviewMessage({ type: 'telemetry', event: 'firstContent', ms, more: 1 })).toEqual({ ok: true, message: { type: 'telemetry', event: 'firstContent', ms } });
    }
    for (const ms of [-1, 3_600_000, Number.NaN, Number.POSITIVE_INFINITY, '5', null]) {
      expect(refused({ type: 'telemetry', event: 'firstContent', ms })).toEqual({ reason: 'malformed telemetry' });
    }
    expect(refused({ type: 'telemetry', event: 'other', ms: 5 })).toEqual({ reason: 'malformed telemetry' });
    expect(refused({ type: 'telemetry', ms: 5 })).toEqual({ reason: 'malformed telemetry' });
  });

  it('names an unknown type, quoted and cut short', () => {
    expect(refused({ type: 'hello' })).toEqual({ reason: 'unknown message type "hello"' });
    expect(refused({})).toEqual({ reason: 'unknown message type "undefined"' });
    const long = refused({ type: 'x'.repeat(100) }).reason;
    expect(long).toBe(`unknown message type "${'x'.repeat(39)}…"`);
  });

  it('refuses requests without a whole, non-negative, safe id, with no id to answer', () => {
    for (const id of [-1, 1.5, '3', null, undefined, Number.MAX_SAFE_INTEGER + 2]) {
      expect(refused({ type: 'request', id, method: 'snapshot/get' })).toEqual({ reason: 'request without a valid id' });
    }
    expect(guardWebviewMessage(request('snapshot/get', undefined, 0))).toMatchObject({ ok: true, message: { id: 0 } });
    expect(guardWebviewMessage(request('snapshot/get', undefined, Number.MAX_SAFE_INTEGER))).toMatchObject({ ok: true, message: { id: Number.MAX_SAFE_INTEGER } });
  });

  it('refuses unknown methods, including inherited property names, answering the request id', () => {
    expect(refused(request('shell/exec', {}))).toEqual({ reason: 'unknown method "shell/exec"', requestId: 7 });
    expect(refused(request('toString', {}))).toEqual({ reason: 'unknown method "toString"', requestId: 7 });
    expect(refused(request('__proto__', {}))).toEqual({ reason: 'unknown method "__proto__"', requestId: 7 });
    expect(refused({ type: 'request', id: 3, method: 5 })).toEqual({ reason: 'unknown method "5"', requestId: 3 });
    expect(refused(request('m'.repeat(100), {})).reason).toBe(`unknown method "${'m'.repeat(59)}…"`);
  });

  it('contains a forged message whose getters throw', () => {
    const forged = Object.defineProperty({ type: 'request', id: 1 }, 'method', { get: () => { throw new Error('boom'); } });
    expect(guardWebviewMessage(forged)).toEqual({ ok: false, reason: 'message could not be read' });
  });
});

describe('guardWebviewMessage: parameters', () => {
  it('defaults absent params of the parameterless methods to {} and refuses extra keys', () => {
    expect(guardWebviewMessage(request('snapshot/get'))).toEqual({ ok: true, message: { type: 'request', id: 7, method: 'snapshot/get', params: {} } });
    expect(guardWebviewMessage(request('references/get'))).toEqual({ ok: true, message: { type: 'request', id: 7, method: 'references/get', params: {} } });
    expect(refused(request('snapshot/get', { path: '/etc' }))).toMatchObject({ requestId: 7 });
    expect(refused(request('references/get', { path: '/etc' }))).toMatchObject({ requestId: 7 });
  });

  it('says which parameter is wrong, by its path', () => {
    const r = refused(request('model/copyId', { modelId: 'Not An Id' }));
    expect(r.requestId).toBe(7);
    expect(r.reason.startsWith('model/copyId: modelId: ')).toBe(true);
    const top = refused(request('model/copyId', 'qwen/qwen3-coder'));
    expect(top.reason.startsWith('model/copyId: ')).toBe(true);
    expect(top.reason.startsWith('model/copyId: undefined')).toBe(false);
    expect(top.reason.length).toBeGreaterThan('model/copyId: '.length);
  });

  it('passes a valid compare request with its mix and limit', () => {
    const params = { modelId: 'qwen/qwen3-coder', mix: { input: 1000, output: 0, cacheRead: 1e15 }, limit: 50 };
    expect(guardWebviewMessage(request('compare/alternatives', params))).toEqual({ ok: true, message: { type: 'request', id: 7, method: 'compare/alternatives', params } });
    expect(refused(request('compare/alternatives', { modelId: 'qwen/qwen3-coder', mix: { input: 1, output: 1 } })).requestId).toBe(7);
    expect(refused(request('compare/alternatives', { modelId: 'qwen/qwen3-coder', limit: 51 })).requestId).toBe(7);
  });

  it('swap takes an optional issued reference id and target', () => {
    expect(guardWebviewMessage(request('model/swap', { modelId: 'qwen/qwen3-coder', refId: 'r12', targetId: 'deepseek/deepseek-v4-flash' })).ok).toBe(true);
    for (const refId of ['x-r12', 'r12x', 'r', 'r1234567890123']) {
      expect(guardWebviewMessage(request('model/swap', { modelId: 'qwen/qwen3-coder', refId })).ok, refId).toBe(false);
      expect(guardWebviewMessage(request('reference/reveal', { refId })).ok, refId).toBe(false);
    }
    expect(guardWebviewMessage(request('reference/reveal', { refId: 'r1' })).ok).toBe(true);
  });

  it('copies and opens a valid model id', () => {
    expect(guardWebviewMessage(request('model/openOnWeb', { modelId: 'qwen/qwen3-coder' }))).toEqual({ ok: true, message: { type: 'request', id: 7, method: 'model/openOnWeb', params: { modelId: 'qwen/qwen3-coder' } } });
    expect(guardWebviewMessage(request('model/copyId', { modelId: 'qwen/qwen3-coder:free' })).ok).toBe(true);
  });

  it('runs only listed commands', () => {
    expect(guardWebviewMessage(request('command/run', { command: 'refresh' })).ok).toBe(true);
    expect(guardWebviewMessage(request('command/run', { command: 'workbench.action.terminal.new' })).ok).toBe(false);
  });
});

describe('MODEL_ID_PATTERN', () => {
  it.each(['qwen/qwen3-coder', '~anthropic/claude-sonnet-latest', 'qwen/qwen3-coder:free', 'openai/gpt-5-nano:batch_1'])('accepts %s', (id) => {
    expect(MODEL_ID_PATTERN.test(id)).toBe(true);
  });
  it.each([
    'x qwen/qwen3-coder', // anchored at the start
    'qwen/qwen3-coder trailing', // anchored at the end
    'qwen/qwen3-coder:', // an empty variant
    'qwen/qwen3-coder:FREE', // upper case in the variant
    'qwen/qwen3-coder:fr/ee', // a slash in the variant
    `qwen/qwen3-coder:${'a'.repeat(33)}`, // a variant over 32 characters
    'Qwen/qwen3-coder',
    '../etc/passwd',
  ])('refuses %s', (id) => {
    expect(MODEL_ID_PATTERN.test(id)).toBe(false);
    expect(guardWebviewMessage(request('model/openOnWeb', { modelId: id })).ok).toBe(false);
  });
});

describe('dashboardFocusArg: the hover\'s "Providers" link', () => {
  // The longest id the pattern admits is 227 characters (64 + "/" + 128 + ":" + 32); the argument takes 200.
  const idOf = (variant: number): string => `${'a'.repeat(64)}/${'b'.repeat(128)}:${'c'.repeat(variant)}`;

  it('takes an id of up to 200 characters, and nothing longer even when the pattern admits it', () => {
    expect(idOf(6)).toHaveLength(200);
    expect(MODEL_ID_PATTERN.test(idOf(7))).toBe(true);
    expect(dashboardFocusArg({ providers: idOf(6) })).toBe(idOf(6));
    expect(dashboardFocusArg({ providers: idOf(7) })).toBeNull();
  });

  it('only a string: an array or an object whose text reads as an id is refused', () => {
    expect(dashboardFocusArg({ providers: ['qwen/qwen3-coder'] })).toBeNull();
    expect(dashboardFocusArg({ providers: { toString: () => 'qwen/qwen3-coder', length: 16 } })).toBeNull();
  });
});
