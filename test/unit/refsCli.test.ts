import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRefs, walkFiles, type RefsIo } from '../../src/cli/refs';
import { createScanFilter } from '../../src/core/refs/scanner';
import { readFileSync } from 'node:fs';
import { MODELS_FIXTURE } from './refsFixtureCatalog';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'refs-cli-'));
  const put = (rel: string, text: string): void => {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  };
  put('.env', '\uFEFFOPENROUTER_MODEL=openai/gpt-5\n');
  put('.continue/config.yaml', 'models:\n  - provider: openrouter\n    model: deepseek/deepseek-v9-preview\n');
  put('src/a.ts', 'export const m = "openrouter/x-ai/grok-4.5";\n');
  put('node_modules/pkg/index.js', 'module.exports = "openai/gpt-5";\n');
  put('notes.md', 'We use openai/gpt-5.\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io(fetchImpl?: typeof fetch): RefsIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env: {},
    fetch: fetchImpl,
    out: () => out,
    err: () => err,
  };
}

const modelsBody = readFileSync(MODELS_FIXTURE, 'utf8');
const okFetch: typeof fetch = async () => new Response(modelsBody, { status: 200, headers: { 'content-type': 'application/json' } });
const BASE = ['--base-url', 'https://fixture.invalid/api/v1'];

describe('refs CLI', () => {
  it('--json prints one object with references relative to the folder, skipping node_modules', async () => {
    const t = io(okFetch);
    expect(await runRefs(['--json', ...BASE, dir], t)).toBe(0);
    expect(t.err()).toBe('');
    expect(t.out().trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(t.out())).toEqual({
      references: [
        { file: '.continue/config.yaml', line: 3, column: 12, raw: 'deepseek/deepseek-v9-preview', id: 'deepseek/deepseek-v9-preview', known: false },
        { file: '.env', line: 1, column: 18, raw: 'openai/gpt-5', id: 'openai/gpt-5', known: true },
        { file: 'src/a.ts', line: 1, column: 19, raw: 'openrouter/x-ai/grok-4.5', id: 'x-ai/grok-4.5', known: true },
      ],
    });
  });

  it('reads a file named explicitly whatever its name, and reports it as given', async () => {
    const t = io(okFetch);
    const file = join(dir, 'notes.md');
    expect(await runRefs(['--json', ...BASE, file], t)).toBe(0);
    expect(JSON.parse(t.out()).references).toEqual([{ file, line: 1, column: 8, raw: 'openai/gpt-5', id: 'openai/gpt-5', known: true }]);
  });

  it('--offline uses the bundled snapshot and never fetches', async () => {
    const t = io(async () => {
      throw new Error('network used');
    });
    expect(await runRefs(['--offline', '--json', join(dir, '.env')], t)).toBe(0);
    expect(JSON.parse(t.out()).references.map((r: { id: string }) => r.id)).toEqual(['openai/gpt-5']);
  });

  it('refuses a device named on the command line as a usage error, as swap does (a read of /dev/zero never ends)', async () => {
    const t = io(async () => {
      throw new Error('network used');
    });
    expect(await runRefs(['--offline', '--json', '/dev/zero'], t)).toBe(2);
    expect(t.err()).toContain('/dev/zero is not a file or folder');
    expect(t.out()).toBe('');
  });

  it('prints a readable list without --json', async () => {
    const t = io(okFetch);
    expect(await runRefs([...BASE, dir], t)).toBe(0);
    expect(t.out()).toBe(
      '.continue/config.yaml:3:12  deepseek/deepseek-v9-preview  [not in the catalog]\n' +
        '.env:1:18  openai/gpt-5\n' +
        'src/a.ts:1:19  openrouter/x-ai/grok-4.5  (x-ai/grok-4.5)\n' +
        '3 references in 3 files scanned\n',
    );
  });

  it.each([
    [[], 2],
    [['--json'], 2],
    [['--offline', ...BASE, '.'], 2],
    [['--bogus', '.'], 2],
    [['--base-url'], 2],
    [['--offline', '/definitely/not/here'], 1],
  ])('fails with one stderr line: %j -> %i', async (argv, code) => {
    const t = io(okFetch);
    expect(await runRefs(argv as string[], t)).toBe(code);
    expect(t.out()).toBe('');
    expect(t.err().split('\n').filter((l) => l !== '')).toHaveLength(1);
    expect(t.err()).toMatch(/^model-radar refs: /);
  });

  it.each([
    ['an HTTP error', async () => new Response('{"error":{"code":401,"message":"No auth"}}', { status: 401, headers: { 'content-type': 'application/json' } })],
    ['no network', async () => Promise.reject(new TypeError('fetch failed'))],
    ['a body that is not the catalog', async () => new Response('<html>captive portal</html>', { status: 200, headers: { 'content-type': 'text/html' } })],
  ] as [string, typeof fetch][])('falls back to the bundled snapshot on %s, as the extension does, and says so on stderr', async (_name, failing) => {
    const t = io(failing);
    expect(await runRefs(['--json', ...BASE, dir], t)).toBe(0);
    expect(JSON.parse(t.out()).references.map((r: { id: string; known: boolean }) => `${r.id} ${r.known}`)).toEqual([
      'deepseek/deepseek-v9-preview false',
      'openai/gpt-5 true',
      'x-ai/grok-4.5 true',
    ]);
    expect(t.err().trim().split('\n')).toHaveLength(1);
    expect(t.err()).toMatch(/^model-radar refs: could not load the model catalog from https:\/\/fixture\.invalid\/api\/v1 .*; using the bundled \d{4}-\d{2}-\d{2} snapshot/);
  });

  it('--help prints usage and succeeds', async () => {
    const t = io();
    expect(await runRefs(['--help'], t)).toBe(0);
    expect(t.out()).toMatch(/^usage: model-radar refs/);
  });

  it('walkFiles prunes excluded folders and never stats names it cannot use', () => {
    const files = [...walkFiles(dir, createScanFilter())].map((f) => f.path).sort();
    expect(files).toEqual(['.continue/config.yaml', '.env', 'src/a.ts']);
  });
});

describe('refs: presets', () => {
  it('"@preset/slug" prints as an OpenRouter preset, never "[not in the catalog]"; --json carries the preset', async () => {
    const presetDir = mkdtempSync(join(tmpdir(), 'refs-cli-preset-'));
    try {
      writeFileSync(join(presetDir, '.env'), 'OPENROUTER_MODEL=@preset/prod-chat\nSUMMARY_MODEL=qwen/qwen3-coder@preset/summaries\nOTHER_MODEL=nobody/nothing-here\n');
      const t = io();
      expect(await runRefs(['--offline', presetDir], t)).toBe(0);
      const lines = t.out().split('\n');
      expect(lines.find((l) => l.includes('@preset/prod-chat'))).toMatch(/@preset\/prod-chat {2}\[OpenRouter preset\]$/);
      expect(lines.find((l) => l.includes('qwen/qwen3-coder'))).not.toMatch(/\[/);
      const json = io();
      expect(await runRefs(['--offline', '--json', presetDir], json)).toBe(0);
      const refs = (JSON.parse(json.out()) as { references: { id: string; known: boolean; preset?: string }[] }).references;
      expect(refs.find((r) => r.id === '@preset/prod-chat')).toMatchObject({ known: false, preset: 'prod-chat' });
      expect(refs.find((r) => r.id === 'qwen/qwen3-coder')).toMatchObject({ known: true, preset: 'summaries' });
    } finally {
      rmSync(presetDir, { recursive: true, force: true });
    }
  });
});
