// `model-radar swap`: the headless swap over the same core. Runs the CLI's main function on temp folders with the
// real /models capture served to its client; one run goes through the built bundle (dist/cli.js) when present.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSwapCli, type SwapIo, type SwapJson } from '../../src/cli/swap';
import { unifiedDiff } from '../../src/core/refs/diff';
import { MODELS_FIXTURE } from './refsFixtureCatalog';

let dir: string;
const put = (rel: string, text: string): void => {
  mkdirSync(join(dir, rel, '..'), { recursive: true });
  writeFileSync(join(dir, rel), text);
};
const read = (rel: string): string => readFileSync(join(dir, rel), 'utf8');

const modelsBody = readFileSync(MODELS_FIXTURE, 'utf8');
const okFetch: typeof fetch = async () => new Response(modelsBody, { status: 200, headers: { 'content-type': 'application/json' } });
const BASE = ['--base-url', 'https://fixture.invalid/api/v1'];

function io(): SwapIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: {}, fetch: okFetch, out: () => out, err: () => err };
}

const AIDER = '\uFEFF# aider\r\nmodel: openrouter/openai/gpt-oss-20b:free   # main\r\nweak-model: "openrouter/openai/gpt-oss-20b"\r\n';
const ENV = 'OPENROUTER_MODEL=openai/gpt-oss-20b\n# keep\nSUMMARY_MODEL=~anthropic/claude-sonnet-latest\n';
const OPENCODE = '{\n  "provider": { "openrouter": { "models": {\n    "anthropic/claude-opus-5": { "options": { "a": 1 } },\n    "anthropic/claude-opus-5-20260723": {}\n  } } }\n}\n';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'swap-cli-'));
  put('.aider.conf.yml', AIDER);
  put('.env', ENV);
  put('opencode.json', OPENCODE);
  put('src/app.ts', 'export const M = "openai/gpt-oss-20b";\n');
  put('node_modules/x/.env', 'M=openai/gpt-oss-20b\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('model-radar swap', () => {
  it('writes exactly the target in every file under a folder, keeping BOM, CRLF, quotes, comments and other variants', async () => {
    const t = io();
    expect(await runSwapCli(['--from', 'openai/gpt-oss-20b', '--to', 'qwen/qwen3-coder', ...BASE, dir], t)).toBe(0);
    expect(read('.aider.conf.yml')).toBe('\uFEFF# aider\r\nmodel: openrouter/openai/gpt-oss-20b:free   # main\r\nweak-model: "openrouter/qwen/qwen3-coder"\r\n');
    expect(read('.env')).toBe('OPENROUTER_MODEL=qwen/qwen3-coder\n# keep\nSUMMARY_MODEL=~anthropic/claude-sonnet-latest\n');
    expect(read('src/app.ts')).toBe('export const M = "qwen/qwen3-coder";\n');
    expect(read('node_modules/x/.env')).toBe('M=openai/gpt-oss-20b\n');
    expect(t.out()).toContain('Swapped openai/gpt-oss-20b → qwen/qwen3-coder: 3 references in 3 files.');
  });

  it('A -> B -> A is byte-identical for a variant, the openrouter/ prefix and an alias', async () => {
    for (const [from, to] of [['openai/gpt-oss-20b:free', 'google/gemma-4-31b-it:free'], ['openai/gpt-oss-20b', 'openrouter/qwen/qwen3-coder'], ['~anthropic/claude-sonnet-latest', '~openai/gpt-latest']] as [string, string][]) {
      expect(await runSwapCli(['--from', from, '--to', to, ...BASE, dir], io())).toBe(0);
      expect(read('.aider.conf.yml') + read('.env'), `${from} -> ${to}`).not.toBe(AIDER + ENV);
      expect(await runSwapCli(['--from', to, '--to', from, ...BASE, dir], io())).toBe(0);
      expect(read('.aider.conf.yml')).toBe(AIDER);
      expect(read('.env')).toBe(ENV);
    }
  });

  it('--dry-run prints a unified diff and writes nothing', async () => {
    const t = io();
    expect(await runSwapCli(['--dry-run', '--from', 'openai/gpt-oss-20b:free', '--to', 'openai/gpt-oss-20b', ...BASE, join(dir, '.aider.conf.yml')], t)).toBe(0);
    const file = join(dir, '.aider.conf.yml');
    expect(t.out()).toBe([`--- a/${file}`, `+++ b/${file}`, '@@ -1,3 +1,3 @@', ' # aider', '-model: openrouter/openai/gpt-oss-20b:free   # main', '+model: openrouter/openai/gpt-oss-20b   # main', ' weak-model: "openrouter/openai/gpt-oss-20b"', ''].join('\n'));
    expect(t.err()).toContain('dry run, nothing written');
    expect(read('.aider.conf.yml')).toBe(AIDER);
  });

  it('refuses a file where the swap would write a duplicate key, writes nothing to it, still swaps the others, exits 1', async () => {
    put('.env', 'OPENROUTER_MODEL=anthropic/claude-opus-5\n');
    const t = io();
    expect(await runSwapCli(['--json', '--from', 'anthropic/claude-opus-5', '--to', 'qwen/qwen3-coder', ...BASE, dir], t)).toBe(1);
    const json = JSON.parse(t.out()) as SwapJson;
    expect(json).toEqual({
      changed: [{ file: join(dir, '.env'), edits: [{ line: 1, column: 18, from: 'anthropic/claude-opus-5', to: 'qwen/qwen3-coder' }] }],
      refused: [{ file: join(dir, 'opencode.json'), reason: expect.stringContaining(`${join(dir, 'opencode.json')}:4`) }],
    });
    expect(json.refused[0]!.reason).toContain('"qwen/qwen3-coder"');
    expect(read('opencode.json')).toBe(OPENCODE);
    expect(read('.env')).toBe('OPENROUTER_MODEL=qwen/qwen3-coder\n');
  });

  it('refuses an unknown target unless --allow-unknown', async () => {
    const t = io();
    expect(await runSwapCli(['--from', 'openai/gpt-oss-20b', '--to', 'openai/gpt-99', ...BASE, dir], t)).toBe(1);
    expect(t.err()).toContain('"openai/gpt-99" is not a model in the OpenRouter catalog');
    expect(read('.env')).toBe(ENV);
    expect(await runSwapCli(['--allow-unknown', '--from', 'openai/gpt-oss-20b', '--to', 'openai/gpt-99', ...BASE, join(dir, '.env')], io())).toBe(0);
    expect(read('.env')).toBe(ENV.replace('openai/gpt-oss-20b', 'openai/gpt-99'));
  });

  it('--json lists each edit with line, column, from and to; nothing to do exits 0', async () => {
    const t = io();
    expect(await runSwapCli(['--json', '--dry-run', '--from', 'openai/gpt-oss-20b', '--to', 'qwen/qwen3-coder', ...BASE, join(dir, '.aider.conf.yml')], t)).toBe(0);
    expect(JSON.parse(t.out())).toEqual({ changed: [{ file: join(dir, '.aider.conf.yml'), edits: [{ line: 3, column: 14, from: 'openrouter/openai/gpt-oss-20b', to: 'openrouter/qwen/qwen3-coder' }] }], refused: [] });
    const none = io();
    expect(await runSwapCli(['--json', '--from', 'x-ai/grok-4.5', '--to', 'qwen/qwen3-coder', ...BASE, dir], none)).toBe(0);
    expect(JSON.parse(none.out())).toEqual({ changed: [], refused: [] });
  });

  it('usage errors exit 2 and touch nothing', async () => {
    for (const argv of [[dir], ['--from', 'a/b', dir], ['--from', 'a/b', '--to', 'c/d'], ['--from', 'a/b', '--to', 'c/d', '--bogus', dir], ['--from', 'a/b', '--to', 'c/d', '--offline', '--base-url', 'http://x', dir], ['--from', 'a/b', '--to', 'a/b', dir], ['--from', 'a/b', '--to', 'c/d', join(dir, 'missing')]]) {
      const t = io();
      expect(await runSwapCli(argv, t), argv.join(' ')).toBe(2);
      expect(t.err()).toMatch(/^model-radar swap: /);
    }
    expect(read('.env')).toBe(ENV);
  });

  it('runs from the built bundle with --offline', () => {
    const cli = join(__dirname, '../../dist/cli.js');
    if (!existsSync(cli)) return;
    const out = execFileSync(process.execPath, [cli, 'swap', '--offline', '--dry-run', '--from', 'openai/gpt-oss-20b', '--to', 'qwen/qwen3-coder', join(dir, '.env')], { encoding: 'utf8' });
    expect(out).toContain('+OPENROUTER_MODEL=qwen/qwen3-coder');
    expect(read('.env')).toBe(ENV);
  });
});

describe('unifiedDiff', () => {
  it('groups near changes into one hunk with context and marks a missing final newline', () => {
    const a = Array.from({ length: 12 }, (_, i) => `l${i}`).join('\n');
    const b = a.replace('l1', 'L1').replace('l3', 'L3').replace('l11', 'L11');
    expect(unifiedDiff('f', a, b, 1)).toBe(['--- a/f', '+++ b/f', '@@ -1,5 +1,5 @@', ' l0', '-l1', '+L1', ' l2', '-l3', '+L3', ' l4',
      '@@ -11,2 +11,2 @@', ' l10', '-l11', '\\ No newline at end of file', '+L11', '\\ No newline at end of file', ''].join('\n'));
    expect(unifiedDiff('f', 'x\n', 'x\n')).toBe('');
  });
});
