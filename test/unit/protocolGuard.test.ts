// The webview message guard on its own, without the catalog check behind it: which model and reference ids
// it lets through, the exact telemetry and number bounds, and refusal reasons that are safe to log.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_REASON_LENGTH, MODEL_ID_PATTERN, guardWebviewMessage } from '../../src/core/bridge/protocolGuard';
import { WEBVIEW_COMMANDS } from '../../src/shared/protocol';

const request = (method: string, params: unknown, id: unknown = 1): unknown => ({ type: 'request', id, method, params });
const ok = (raw: unknown): boolean => guardWebviewMessage(raw).ok;
const copy = (modelId: unknown): boolean => ok(request('model/copyId', { modelId }));

const a = (n: number): string => 'a'.repeat(n);

describe('model ids', () => {
  it.each([
    'openai/gpt-5',
    'qwen/qwen3-coder:free',
    'meta-llama/llama-3.1-405b-instruct:nitro',
    'z-ai/glm-4.6:exacto',
    'x-ai/grok-4.5',
    '01-ai/yi-large',
    'mistralai/mistral-small-24b-instruct-2501',
    '~anthropic/claude-sonnet-latest',
    'a/b',
    'a.b_c-d/e.f_g-h:v_1-2',
    `${a(64)}/${a(128)}`, // longest author, longest slug
    `${a(64)}/${a(128)}:${a(6)}`, // 200 characters in all
    `a/b:${a(32)}`, // longest variant
  ])('accepts %s', (id) => {
    expect(copy(id)).toBe(true);
    expect(MODEL_ID_PATTERN.test(id) || id.length > 200).toBe(true);
  });

  it.each([
    ['path traversal', '../../etc/passwd'],
    ['traversal inside', 'openai/../../secrets'],
    ['dot-dot slug', 'openai/..'],
    ['a third segment', 'openai/gpt-5/extra'],
    ['absolute path', '/etc/passwd'],
    ['windows path', 'C:\\Users\\me\\.env'],
    ['backslash', 'openai\\gpt-5'],
    ['URL', 'https://evil.example/x'],
    ['file URL', 'file:///etc/hosts'],
    ['scheme-like author', 'javascript:alert(1)/x'],
    ['query', 'openai/gpt-5?x=1'],
    ['fragment', 'openai/gpt-5#x'],
    ['upper case', 'OpenAI/gpt-5'],
    ['no slug', 'openai/'],
    ['no author', '/gpt-5'],
    ['no slash', 'gpt-5'],
    ['empty', ''],
    ['empty variant', 'openai/gpt-5:'],
    ['two variants', 'openai/gpt-5:free:nitro'],
    ['variant with a dot', 'openai/gpt-5:v1.0'],
    ['two tildes', '~~anthropic/claude'],
    ['tilde in the slug', 'anthropic/~claude'],
    ['leading dash', '-openai/gpt-5'],
    ['leading dot slug', 'openai/.hidden'],
    ['space', 'openai/gpt 5'],
    ['leading space', ' openai/gpt-5'],
    ['trailing newline', 'openai/gpt-5\n'],
    ['ESC', 'openai/gpt-5\u001b[2J'],
    ['NUL', 'openai/gpt-5\u0000'],
    ['bidi override', 'openai/gpt\u202e5'],
    ['Cyrillic look-alike', 'оpenai/gpt-5'],
    ['author 65', `${a(65)}/b`],
    ['slug 129', `a/${a(129)}`],
    ['variant 33', `a/b:${a(33)}`],
    ['201 characters', `${a(64)}/${a(128)}:${a(7)}`],
    ['__proto__', '__proto__'],
  ])('refuses %s', (_why, id) => {
    expect(copy(id)).toBe(false);
  });

  it.each([1, null, undefined, ['openai/gpt-5'], { id: 'openai/gpt-5' }])('refuses a non-string id %j', (id) => {
    expect(copy(id)).toBe(false);
  });

  it('applies to every field that names a model', () => {
    const bad = '../../etc/passwd';
    expect(ok(request('model/openOnWeb', { modelId: bad }))).toBe(false);
    expect(ok(request('compare/alternatives', { modelId: bad }))).toBe(false);
    expect(ok(request('model/swap', { modelId: 'openai/gpt-5', targetId: bad }))).toBe(false);
    expect(ok(request('model/swap', { modelId: bad, targetId: 'openai/gpt-5' }))).toBe(false);
    expect(ok(request('model/swap', { modelId: 'openai/gpt-5', targetId: 'qwen/qwen3-coder:free', refId: 'r1' }))).toBe(true);
  });

  it('no string outside the pattern passes (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 260 }), fc.stringMatching(/^~?[a-z0-9._:~/-]{1,80}$/)), (id) => {
        const expected = id.length <= 200 && MODEL_ID_PATTERN.test(id);
        expect(copy(id)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('reference ids', () => {
  it.each(['r0', 'r1', 'r123456789012'])('accepts %s', (refId) => {
    expect(ok(request('reference/reveal', { refId }))).toBe(true);
  });
  it.each(['r', 'r1234567890123', 'R1', 'r-1', 'r1 ', 'r1;rm -rf', '/home/user/.env', 'r1\n', 1])('refuses %j', (refId) => {
    expect(ok(request('reference/reveal', { refId }))).toBe(false);
  });
});

describe('telemetry bounds', () => {
  const telemetry = (ms: unknown, event: unknown = 'firstContent'): boolean => ok({ type: 'telemetry', event, ms });

  it('accepts firstContent from 0 up to just under one hour', () => {
    for (const ms of [0, 0.1, 1234.5, 3_599_999, 3_599_999.999]) expect(telemetry(ms), String(ms)).toBe(true);
    const result = guardWebviewMessage({ type: 'telemetry', event: 'firstContent', ms: 12.5, extra: 'dropped' });
    expect(result).toEqual({ ok: true, message: { type: 'telemetry', event: 'firstContent', ms: 12.5 } });
  });

  it('refuses negative, one hour or more, non-finite, non-numbers and other events', () => {
    for (const ms of [-0.001, -1, 3_600_000, 3_600_000.001, 1e12, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '5', null, undefined]) {
      expect(telemetry(ms), String(ms)).toBe(false);
    }
    for (const event of ['firstPaint', 'FirstContent', '', null]) expect(telemetry(5, event), String(event)).toBe(false);
    expect(ok({ type: 'telemetry', ms: 5 })).toBe(false);
  });
});

describe('request bounds', () => {
  it('request ids are whole numbers from 0 to 2^53 - 1', () => {
    for (const id of [0, 1, Number.MAX_SAFE_INTEGER]) expect(ok(request('snapshot/get', {}, id)), String(id)).toBe(true);
    for (const id of [-1, Number.MAX_SAFE_INTEGER + 1, 1.5, Number.NaN, '1', null]) expect(ok(request('snapshot/get', {}, id)), String(id)).toBe(false);
  });

  it('compare limit is 1..50 whole; token counts 0..1e15 finite', () => {
    const compare = (extra: Record<string, unknown>): boolean => ok(request('compare/alternatives', { modelId: 'openai/gpt-5', ...extra }));
    for (const limit of [1, 50]) expect(compare({ limit }), String(limit)).toBe(true);
    for (const limit of [0, 51, 2.5, '5']) expect(compare({ limit }), String(limit)).toBe(false);
    const mix = (input: unknown): Record<string, unknown> => ({ mix: { input, output: 1, cacheRead: 0 } });
    for (const n of [0, 1e15]) expect(compare(mix(n)), String(n)).toBe(true);
    for (const n of [-1, 1e15 + 1e3, Number.POSITIVE_INFINITY, Number.NaN, '1']) expect(compare(mix(n)), String(n)).toBe(false);
    expect(compare({ mix: null })).toBe(true);
  });

  it('extra keys, unknown commands and unknown methods are refused', () => {
    expect(ok(request('model/copyId', { modelId: 'openai/gpt-5', path: '/etc/passwd' }))).toBe(false);
    expect(ok(request('snapshot/get', { anything: 1 }))).toBe(false);
    for (const command of WEBVIEW_COMMANDS) expect(ok(request('command/run', { command })), command).toBe(true);
    expect(ok(request('command/run', { command: 'workbench.action.terminal.new' }))).toBe(false);
    for (const method of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'model/delete']) expect(ok(request(method, {})), method).toBe(false);
  });
});

describe('refusal reasons are safe to log', () => {
  // eslint-disable-next-line no-control-regex -- the characters under test
  const CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
  const hostile = `\u001b[2J\u001b]0;pwned\u0007\u009b31m\u202e${'x'.repeat(5000)}\nforged log line sk-or-v1-${'ab12'.repeat(16)}`;

  it.each([
    ['unknown type', { type: hostile }],
    ['unknown method', request(hostile, {})],
    ['unknown key in params', request('model/copyId', { modelId: 'openai/gpt-5', [hostile]: 1 })],
    ['bad value', request('model/copyId', { modelId: hostile })],
    ['bad command', request('command/run', { command: hostile })],
  ])('%s: one short line, no control characters, no key', (_why, raw) => {
    const result = guardWebviewMessage(raw);
    expect(result.ok).toBe(false);
    const reason = result.ok ? '' : result.reason;
    expect(reason.length).toBeLessThanOrEqual(MAX_REASON_LENGTH);
    expect(reason).not.toMatch(CONTROL);
    expect(reason).not.toContain('ab12ab12ab12');
  });

  it('holds for any message (property)', () => {
    fc.assert(
      fc.property(fc.anything(), fc.string({ unit: 'binary' }), (params, method) => {
        for (const raw of [request(method, params), request('model/swap', params), { type: method }]) {
          const result = guardWebviewMessage(raw);
          if (!result.ok) {
            expect(result.reason.length).toBeLessThanOrEqual(MAX_REASON_LENGTH);
            expect(result.reason).not.toMatch(CONTROL);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('providers/get (issue #15 item 3)', () => {
  const providers = (params: unknown): ReturnType<typeof guardWebviewMessage> => guardWebviewMessage(request('providers/get', params, 7));

  it('accepts a model id, with or without refresh', () => {
    expect(providers({ modelId: 'deepseek/deepseek-v4-flash' })).toMatchObject({ ok: true, message: { method: 'providers/get', params: { modelId: 'deepseek/deepseek-v4-flash' } } });
    expect(providers({ modelId: '~anthropic/claude-sonnet-latest', refresh: true }).ok).toBe(true);
    expect(providers({ modelId: 'qwen/qwen3-coder:floor', refresh: false }).ok).toBe(true);
  });

  it.each([
    ['no params', undefined],
    ['no model id', {}],
    ['a number', { modelId: 42 }],
    ['a path', { modelId: '../../key' }],
    ['a URL', { modelId: 'https://evil.example/x' }],
    ['a third segment', { modelId: 'a/b/endpoints' }],
    ['upper case', { modelId: 'DeepSeek/V4' }],
    ['an extra key', { modelId: 'a/b', url: 'https://evil.example' }],
    ['refresh not a boolean', { modelId: 'a/b', refresh: 'yes' }],
    ['too long', { modelId: `a/${'b'.repeat(300)}` }],
  ])('refuses %s, answering the request id', (_name, params) => {
    const r = providers(params);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.requestId).toBe(7);
      expect(r.reason.startsWith('providers/get')).toBe(true);
      expect(r.reason.length).toBeLessThanOrEqual(MAX_REASON_LENGTH);
    }
  });
});

describe('Open Dashboard at a model’s providers (command link argument)', () => {
  it('takes a well-formed model id, and nothing else', async () => {
    const { dashboardFocusArg } = await import('../../src/core/bridge/protocolGuard');
    expect(dashboardFocusArg({ providers: 'qwen/qwen3-coder:free' })).toBe('qwen/qwen3-coder:free');
    expect(dashboardFocusArg({ providers: '~anthropic/claude-sonnet-latest' })).toBe('~anthropic/claude-sonnet-latest');
    for (const bad of [undefined, null, 'qwen/qwen3-coder', [], { providers: 42 }, { providers: '../../x' }, { providers: 'https://evil.example' }, { providers: `a/${'b'.repeat(300)}` }, { model: 'a/b' }]) {
      expect(dashboardFocusArg(bad)).toBeNull();
    }
  });
});
