// Hostile server text, end to end: the fake OpenRouter sends terminal escapes, echoes keys (the caller's and a
// foreign one), a 5 MB message, a key in a number field and a forged as_of. Nothing of it may reach an error,
// a log line, the CLI's stdout/stderr or its JSON raw.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runRefs } from '../../src/cli/refs';
import { runReport } from '../../src/cli/report';
import { createOpenRouterClient } from '../../src/core/openrouter/client';
import { Radar } from '../../src/core/service/radar';
import { defaultSettings } from '../../src/core/service/settings';
import { OpenRouterError, toErrorInfo } from '../../src/core/openrouter/errors';
import { FOREIGN_KEY, INFERENCE_KEY, startFakeOpenRouter, type FakeOpenRouter } from '../fake-openrouter/server';

// Everything a terminal or log viewer could act on. Newline is allowed only where the test says so.
// eslint-disable-next-line no-control-regex -- the characters under test
const CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** A key that looks like nothing in particular: only the exact-secret layer can catch it. */
const PLAIN_KEY = 'team-proxy-credential-alpha';

let fake: FakeOpenRouter;
let logLines: string[];
beforeAll(async () => {
  fake = await startFakeOpenRouter();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.reset();
  fake.setKeyData(PLAIN_KEY, {});
  logLines = [];
});

function client(key: string) {
  return createOpenRouterClient({ baseUrl: fake.baseUrl, key, maxRetries: 0, log: (l) => logLines.push(l) });
}

async function failure(p: Promise<unknown>): Promise<OpenRouterError> {
  try {
    await p;
  } catch (err) {
    expect(OpenRouterError.is(err)).toBe(true);
    return err as OpenRouterError;
  }
  throw new Error('expected a failure');
}

function expectClean(texts: readonly string[], keys: readonly string[]): void {
  for (const text of texts) {
    expect(text).not.toMatch(CONTROL);
    for (const k of keys) expect(text).not.toContain(k);
    expect(text).not.toContain(FOREIGN_KEY.slice(0, 24));
  }
}

function surfaces(err: OpenRouterError): string[] {
  return [err.message, String(err), JSON.stringify(err), JSON.stringify(toErrorInfo(err)), err.detailPath ?? '', ...logLines];
}

describe('client errors from hostile server text', () => {
  it.each([INFERENCE_KEY, PLAIN_KEY])('escape sequences in an error message are removed (key %s)', async (key) => {
    fake.setFault({ endpoint: 'key', fault: 'escapes' });
    const err = await failure(client(key).getKey());
    expect(err.kind).toBe('config');
    expect(err.message).toContain('Model Radar: balance is $0.00 forged line Bad request');
    expectClean(surfaces(err), [key]);
  });

  it.each([INFERENCE_KEY, PLAIN_KEY])('a key echoed in an error message is redacted, the caller\'s and a foreign one (key %s)', async (key) => {
    fake.setFault({ endpoint: 'key', fault: 'keyEcho' });
    const err = await failure(client(key).getKey());
    expect(err.kind).toBe('unauthorized');
    // Each layer on its own: the caller's key by exact match, the foreign one whole by its shape.
    expect(err.message).toContain('Invalid API key: [redacted]. Also tried [redacted]. Authorization: [redacted]');
    expectClean(surfaces(err), [key]);
  });

  it('a 5 MB message with escapes and newlines becomes one short line', async () => {
    fake.setFault({ endpoint: 'key', fault: 'hugeMessage' });
    const err = await failure(client(PLAIN_KEY).getKey());
    expect(err.kind).toBe('config');
    // The path, the summary and at most 200 characters of the server's text.
    expect(err.message.length).toBeLessThan(320);
    expectClean(surfaces(err), [PLAIN_KEY]);
  });

  it.each([
    ['key', INFERENCE_KEY],
    ['key', PLAIN_KEY],
    ['credits', PLAIN_KEY],
  ] as const)('a key echoed into a number field of /%s is named by type in the validation error, never quoted (key %s)', async (endpoint, key) => {
    fake.setFault({ endpoint, fault: 'keyInNumber' });
    fake.setCredits({ inferenceKey: 'zeros' });
    const c = client(key);
    const err = await failure(endpoint === 'key' ? c.getKey() : c.getCredits());
    expect(err.kind).toBe('badResponse');
    expect(err.message).toMatch(/Expected number but received a string/);
    expectClean(surfaces(err), [key]);
  });

  it('rows whose token field holds the key are dropped, and the log line names the path only', async () => {
    fake.setFault({ endpoint: 'rankings', fault: 'keyInNumber' });
    const err = await failure(client(PLAIN_KEY).rankingsDaily({ startDate: '2026-07-20', endDate: '2026-07-26' }));
    expect(err.kind).toBe('badResponse');
    expectClean(surfaces(err), [PLAIN_KEY]);
  });

  it('an as_of that is not a date is dropped, the figures kept', async () => {
    fake.setFault({ endpoint: 'rankings', fault: 'asOfInjection' });
    const result = await client(INFERENCE_KEY).rankingsDaily({ startDate: '2026-07-20', endDate: '2026-07-26' });
    expect(result.meta.as_of).toBeUndefined();
    expect(result.data.length).toBeGreaterThan(100);
  });

  it('model names and the key label arrive as one printable, key-free line', async () => {
    fake.setFault({ endpoint: 'models', fault: 'hostileNames' });
    fake.setFault({ endpoint: 'key', fault: 'hostileNames' });
    const c = client(INFERENCE_KEY);
    const models = await c.listModels();
    expect(models.data.length).toBeGreaterThan(100);
    expectClean(models.data.map((m) => m.name), [INFERENCE_KEY]);
    expect(models.data.every((m) => m.name.length <= 200)).toBe(true);
    const key = await c.getKey();
    expectClean([key.label], [INFERENCE_KEY]);
    expect(key.label).toContain('Model Radar: balance is $0.00 forged line');
  });
});

function capture(env: Record<string, string | undefined> = {}) {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env,
    now: () => Date.parse('2026-07-27T08:00:00Z'),
    out: () => out,
    err: () => err,
  };
}

const WINDOW = ['--from', '2026-07-20', '--to', '2026-07-26'];

describe('model-radar report prints no escape, no key and no forged line', () => {
  it.each(['escapes', 'keyEcho', 'hugeMessage', 'keyInNumber'] as const)('rankings fault %s: one clean stderr line, exit 1', async (fault) => {
    fake.setFault({ endpoint: 'rankings', fault });
    for (const key of [INFERENCE_KEY, PLAIN_KEY]) {
      const io = capture();
      expect(await runReport(['--base-url', fake.baseUrl, '--key', key, ...WINDOW], io)).toBe(1);
      expect(io.out()).toBe('');
      const lines = io.err().split('\n');
      expect(lines.pop()).toBe('');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^model-radar report: /);
      expect(lines[0]!.length).toBeLessThan(400);
      expectClean(lines, [key]);
    }
  });

  it.each([[false], [true]])('a forged as_of and hostile model names never reach the output (--json: %s)', async (json) => {
    fake.setFault({ endpoint: 'rankings', fault: 'asOfInjection' });
    fake.setFault({ endpoint: 'models', fault: 'hostileNames' });
    const io = capture({ OPENROUTER_API_KEY: PLAIN_KEY });
    expect(await runReport(['--base-url', fake.baseUrl, ...WINDOW, ...(json ? ['--json'] : [])], io)).toBe(0);
    expect(io.err()).toBe('');
    const out = io.out();
    expect(out).not.toContain('balance is $0.00 \u001b');
    expectClean([out.replace(/\n/g, ' ')], [PLAIN_KEY]);
    if (json) {
      const report = JSON.parse(out) as { source: { asOf: string | null; citation: string }; regions: { leaders: { name: string | null }[] }[] };
      expect(report.source.asOf).toBeNull();
      expect(report.source.citation).toBe('Source: OpenRouter (openrouter.ai/rankings), as of Jul 26, 2026.');
      const names = report.regions.flatMap((r) => r.leaders.map((l) => l.name ?? ''));
      expect(names.length).toBeGreaterThan(0);
      expectClean(names, [PLAIN_KEY]);
    } else {
      // Every line is one the report wrote: none starts with the forged text.
      for (const line of out.split('\n')) expect(line).not.toMatch(/^\s*Model Radar: balance/);
      expect(out).toContain('as of Jul 26, 2026.');
    }
  });

  it('an argument holding a key is not echoed back', async () => {
    const io = capture();
    expect(await runReport([`--kee=${PLAIN_KEY}`, '--key', PLAIN_KEY, `--bogus${'\u001b'}[2J`], io)).toBe(2);
    expectClean([io.err().replace(/\n/g, ' ')], [PLAIN_KEY]);
  });
});

describe('model-radar refs prints file names from a cloned tree inertly', () => {
  const EVIL_DIR = `evil\u001b[2J\u001b]0;pwned\u0007\r`;
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'refs-hostile-'));
    mkdirSync(join(dir, EVIL_DIR), { recursive: true });
    writeFileSync(join(dir, EVIL_DIR, '.env'), 'OPENROUTER_MODEL=openai/gpt-5\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([[false], [true]])('--json: %s', async (json) => {
    const io = capture();
    expect(await runRefs(['--offline', ...(json ? ['--json'] : []), dir], io)).toBe(0);
    const out = io.out();
    expect(out.replace(/\n/g, ' ')).not.toMatch(CONTROL);
    if (json) {
      // Escaped, not altered: the JSON still names the real file.
      const parsed = JSON.parse(out) as { references: { file: string }[] };
      expect(parsed.references.map((r) => r.file)).toEqual([`${EVIL_DIR}/.env`]);
    } else {
      expect(out).toContain('evil\\u001b[2J\\u001b]0;pwned\\u0007\\u000d/.env:1:');
    }
  });
});

describe('what the webview, status bar and log get from a hostile server', () => {
  const MANAGEMENT_PLAIN = 'team-management-credential-beta';

  /** Every string value anywhere in a value. */
  function strings(value: unknown, out: string[] = []): string[] {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) for (const v of value) strings(v, out);
    else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
    return out;
  }

  it('the snapshot pushed to the webview holds no control character, no key and no forged date', async () => {
    fake.setKeyData(MANAGEMENT_PLAIN, { is_management_key: true });
    fake.setFault({ endpoint: 'models', fault: 'hostileNames' });
    fake.setFault({ endpoint: 'key', fault: 'hostileNames' });
    fake.setFault({ endpoint: 'rankings', fault: 'asOfInjection' });
    fake.setFault({ endpoint: 'credits', fault: 'escapes' });
    fake.setFault({ endpoint: 'activity', fault: 'keyEcho' });
    const lines: string[] = [];
    const radar = new Radar({
      keys: {
        inference: async () => PLAIN_KEY,
        management: async () => MANAGEMENT_PLAIN,
        state: async () => ({ inference: 'stored', management: true }),
      },
      settings: () => ({ ...defaultSettings(), apiBaseUrl: fake.baseUrl }),
      log: (level, line) => lines.push(`${level} ${line}`),
      now: () => Date.parse('2026-07-27T12:00:00Z'),
      clientOptions: { timeoutMs: 3_000, maxRetries: 0 },
    });
    try {
      radar.start();
      await radar.onKeysChanged();
      await radar.refreshNow();
      const snapshot = radar.snapshot();
      expect(snapshot.catalog?.models.length).toBeGreaterThan(100);
      expect(snapshot.rankings?.mode).toBe('tokens');
      expect(snapshot.rankings?.asOf ?? null).toBeNull();
      const texts = strings(snapshot);
      expect(texts.some((t) => t.includes('balance is $0.00 forged line'))).toBe(true);
      expectClean([...texts, ...lines], [PLAIN_KEY, MANAGEMENT_PLAIN]);
    } finally {
      radar.dispose();
    }
  });
});
