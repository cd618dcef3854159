// Adversarial cases for `model-radar swap`: a headless tool run over any tree (a CI job, a cloned repository)
// must change only the id's bytes, write nothing it was not asked to, and print nothing that drives the terminal.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSwapCli, type SwapIo, type SwapJson } from '../../src/cli/swap';
import { MODELS_FIXTURE } from './refsFixtureCatalog';

let dir: string;
const modelsBody = readFileSync(MODELS_FIXTURE, 'utf8');
const okFetch: typeof fetch = async () => new Response(modelsBody, { status: 200, headers: { 'content-type': 'application/json' } });
const SWAP = ['--from', 'openai/gpt-oss-20b', '--to', 'qwen/qwen3-coder', '--base-url', 'https://fixture.invalid/api/v1'];

function io(): SwapIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: {}, fetch: okFetch, out: () => out, err: () => err };
}
const ESC = /[\x1b\x07\x9b]/; // eslint-disable-line no-control-regex

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hunt-swap-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('model-radar swap never changes bytes other than the id', () => {
  it('a file in another encoding (Latin-1) is refused and left byte for byte', async () => {
    const bytes = Buffer.from('# caf\xe9 \xa9 2026\nOPENROUTER_MODEL=openai/gpt-oss-20b\n', 'latin1');
    writeFileSync(join(dir, '.env'), bytes);
    const t = io();
    expect(await runSwapCli(['--json', ...SWAP, dir], t)).toBe(1);
    const json = JSON.parse(t.out()) as SwapJson;
    expect(json.changed).toEqual([]);
    expect(json.refused).toEqual([{ file: join(dir, '.env'), reason: expect.stringMatching(/UTF-8/) }]);
    expect(readFileSync(join(dir, '.env')).equals(bytes)).toBe(true);
  });

  it('a binary file named on the command line is refused and left byte for byte', async () => {
    const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]), Buffer.from('\nOPENROUTER_MODEL=openai/gpt-oss-20b\n'), Buffer.from([0xc3, 0x28, 0x00])]);
    writeFileSync(join(dir, 'blob.env'), bytes);
    const t = io();
    expect(await runSwapCli([...SWAP, join(dir, 'blob.env')], t)).toBe(1);
    expect(t.err()).toContain('refused');
    expect(readFileSync(join(dir, 'blob.env')).equals(bytes)).toBe(true);
  });

  it('valid UTF-8 holding NUL bytes is binary too: refused', async () => {
    const text = 'OPENROUTER_MODEL=openai/gpt-oss-20b\n\0\0\0\n';
    writeFileSync(join(dir, '.env'), text);
    expect(await runSwapCli([...SWAP, dir], io())).toBe(1);
    expect(readFileSync(join(dir, '.env'), 'utf8')).toBe(text);
  });

  it('a file over the size limit named on the command line is reported, not silently skipped', async () => {
    const text = `OPENROUTER_MODEL=openai/gpt-oss-20b\n${'#'.repeat(1_100_000)}\n`;
    writeFileSync(join(dir, 'big.env'), text);
    const t = io();
    expect(await runSwapCli(['--json', ...SWAP, join(dir, 'big.env')], t)).toBe(1);
    expect((JSON.parse(t.out()) as SwapJson).refused).toEqual([{ file: join(dir, 'big.env'), reason: expect.stringMatching(/larger than 1 MB/) }]);
    expect(readFileSync(join(dir, 'big.env'), 'utf8')).toBe(text);
  });
});

describe('model-radar swap writes only inside what it was given', () => {
  it('a link in the walked folder to a file outside it is refused; the outside file is untouched', async () => {
    mkdirSync(join(dir, 'outside'));
    mkdirSync(join(dir, 'repo'));
    writeFileSync(join(dir, 'outside', 'secret.env'), 'OPENROUTER_MODEL=openai/gpt-oss-20b\n');
    symlinkSync(join(dir, 'outside', 'secret.env'), join(dir, 'repo', '.env'));
    const t = io();
    expect(await runSwapCli(['--json', ...SWAP, join(dir, 'repo')], t)).toBe(1);
    const json = JSON.parse(t.out()) as SwapJson;
    expect(json.changed).toEqual([]);
    expect(json.refused).toEqual([{ file: join(dir, 'repo', '.env'), reason: expect.stringMatching(/outside/) }]);
    expect(readFileSync(join(dir, 'outside', 'secret.env'), 'utf8')).toBe('OPENROUTER_MODEL=openai/gpt-oss-20b\n');
  });

  it('a file reached twice (named twice, or through a link inside the folder) is changed and listed once', async () => {
    mkdirSync(join(dir, 'repo'));
    writeFileSync(join(dir, 'repo', '.env'), 'OPENROUTER_MODEL=openai/gpt-oss-20b\n');
    mkdirSync(join(dir, 'repo', 'sub'));
    symlinkSync(join(dir, 'repo', '.env'), join(dir, 'repo', 'sub', '.env'));
    const t = io();
    expect(await runSwapCli(['--json', '--dry-run', ...SWAP, join(dir, 'repo'), join(dir, 'repo', '.env')], t)).toBe(0);
    const json = JSON.parse(t.out()) as SwapJson;
    expect(json.changed.map((c) => c.file)).toEqual([join(dir, 'repo', '.env')]);
  });
});

describe('model-radar swap prints nothing that drives the terminal', () => {
  it('escape sequences in file text (dry-run diff) and in file names never reach stdout or stderr raw', async () => {
    writeFileSync(join(dir, '.env'), 'TITLE="\x1b[2J\x1b]0;pwned\x07"\nOPENROUTER_MODEL=openai/gpt-oss-20b\n');
    mkdirSync(join(dir, '\x1b[31mred'));
    writeFileSync(join(dir, '\x1b[31mred', '.env'), 'OPENROUTER_MODEL=openai/gpt-oss-20b\n');
    const t = io();
    expect(await runSwapCli(['--dry-run', ...SWAP, dir], t)).toBe(0);
    expect(t.out()).toContain('+OPENROUTER_MODEL=qwen/qwen3-coder');
    expect(t.out()).not.toMatch(ESC);
    expect(t.err()).not.toMatch(ESC);
    const j = io();
    expect(await runSwapCli(['--json', '--dry-run', ...SWAP, dir], j)).toBe(0);
    expect(j.out()).not.toMatch(ESC);
    // The JSON stays exact: the file name parses back to the real one.
    expect((JSON.parse(j.out()) as SwapJson).changed.map((c) => c.file)).toContain(join(dir, '\x1b[31mred', '.env'));
  });

  it('a key given on the command line is never echoed on stderr', async () => {
    const key = 'sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
    const t = io();
    expect(await runSwapCli([...SWAP, join(dir, key)], { ...t, env: { OPENROUTER_API_KEY: key } })).toBe(2);
    expect(t.err()).not.toContain(key);
  });
});

describe('model-radar swap: --to as typed', () => {
  it('a catalog id typed in another case writes the catalog spelling (ids are lower case), variant included', async () => {
    writeFileSync(join(dir, '.env'), 'OPENROUTER_MODEL=openai/gpt-oss-20b\n');
    expect(await runSwapCli(['--from', 'openai/gpt-oss-20b', '--to', 'QWEN/Qwen3-Coder', '--base-url', 'https://fixture.invalid/api/v1', dir], io())).toBe(0);
    expect(readFileSync(join(dir, '.env'), 'utf8')).toBe('OPENROUTER_MODEL=qwen/qwen3-coder\n');
    expect(await runSwapCli(['--from', 'qwen/qwen3-coder', '--to', 'OpenAI/GPT-OSS-20B:FREE', '--base-url', 'https://fixture.invalid/api/v1', dir], io())).toBe(0);
    expect(readFileSync(join(dir, '.env'), 'utf8')).toBe('OPENROUTER_MODEL=openai/gpt-oss-20b:free\n');
  });

  it('a --to that can never be written as an id is a usage error (exit 2), not a refusal per file', async () => {
    writeFileSync(join(dir, '.env'), 'OPENROUTER_MODEL=openai/gpt-oss-20b\n');
    const t = io();
    expect(await runSwapCli(['--allow-unknown', '--from', 'openai/gpt-oss-20b', '--to', 'not an id', '--base-url', 'https://fixture.invalid/api/v1', dir], t)).toBe(2);
    expect(t.err()).toContain('cannot be written as a model id');
    expect(readFileSync(join(dir, '.env'), 'utf8')).toBe('OPENROUTER_MODEL=openai/gpt-oss-20b\n');
  });
});

describe('model-radar swap --json always answers in its shape', () => {
  it('when the catalog cannot be loaded: exit 1, every path refused with the reason, nothing written', async () => {
    writeFileSync(join(dir, '.env'), 'OPENROUTER_MODEL=openai/gpt-oss-20b\n');
    const t = io();
    const down: typeof fetch = async () => new Response('{"error":{"message":"down","code":503}}', { status: 503 });
    expect(await runSwapCli(['--json', ...SWAP, dir], { ...t, fetch: down })).toBe(1);
    expect(JSON.parse(t.out())).toEqual({ changed: [], refused: [{ file: dir, reason: expect.stringContaining('catalog') }] });
    expect(readFileSync(join(dir, '.env'), 'utf8')).toBe('OPENROUTER_MODEL=openai/gpt-oss-20b\n');
  });
});

describe('model-radar swap: paths that are not files or folders', () => {
  it('a device or pipe named on the command line is a usage error (a read of /dev/zero never ends)', async () => {
    const t = io();
    expect(await runSwapCli([...SWAP, '/dev/null'], t)).toBe(2);
    expect(t.err()).toContain('/dev/null');
    expect(t.err()).toMatch(/not a file or folder/);
  });
});
