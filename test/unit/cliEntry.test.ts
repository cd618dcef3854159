// The terminal entries as a user runs them: `node dist/cli.js …` and the fake server's `--help`. Each is bundled
// the way the build does it, then run as a separate process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
let dir: string;
let cli: string;
let fakeMain: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cli-entry-'));
  cli = join(dir, 'cli.js');
  fakeMain = join(dir, 'fake.js');
  await build({ entryPoints: [join(ROOT, 'src/cli.ts')], outfile: cli, bundle: true, platform: 'node', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'silent' });
  await build({
    entryPoints: [join(ROOT, 'test/fake-openrouter/main.ts')],
    outfile: fakeMain,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    define: { 'import.meta.url': '__u' },
    banner: { js: 'const __u = require("node:url").pathToFileURL(__filename).href;' },
    logLevel: 'silent',
  });
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(file: string, args: string[], env: Record<string, string> = {}): { code: number | null; out: string; err: string } {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'OPENROUTER_API_KEY')) as Record<string, string>;
  const r = spawnSync(process.execPath, [file, ...args], { encoding: 'utf8', env: { ...clean, ...env }, timeout: 20_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('model-radar CLI entry', () => {
  it.each([['--version'], ['-V'], ['version'], ['report', '--version'], ['refs', '--version'], ['swap', '--version'], ['refs', '--json', '-V', '.']])('%j prints the version', (...args) => {
    const r = run(cli, args);
    expect(r).toEqual({ code: 0, out: `model-radar ${version}\n`, err: '' });
  });

  it('--help lists every command and how to get its options', () => {
    const r = run(cli, ['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ {2}report {3}/m);
    expect(r.out).toMatch(/^ {2}refs {5}/m);
    expect(r.out).toMatch(/^ {2}swap {5}/m);
    expect(r.out).toContain('model-radar <command> --help');
    expect(r.out).toContain('--version');
  });

  it.each([['report'], ['refs'], ['swap']])('%s --help prints its own usage on stdout', (command) => {
    const r = run(cli, [command, '--help']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(new RegExp(`^usage: model-radar ${command} `));
  });

  it('report without a key says how to pass one', () => {
    const r = run(cli, ['report', '--json']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('--key');
    expect(r.err).toContain('OPENROUTER_API_KEY');
  });

  it('a path named "--version" after -- is a path, not the flag', () => {
    const r = run(cli, ['refs', '--offline', '--', '--version']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('cannot read --version');
  });
});

describe('fake OpenRouter entry', () => {
  it.each([['--help'], ['-h']])('%s prints its usage and exits 0 without starting a server', (flag) => {
    const r = run(fakeMain, [flag]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^usage: node dist-test\/fake-openrouter\.js/);
    for (const option of ['--port', '--fixtures', '--credits-for-inference', '--as-captured']) expect(r.out).toContain(option);
    expect(r.out).not.toMatch(/^http:/m);
  });

  it('an unknown argument points at --help', () => {
    const r = run(fakeMain, ['--bogus']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('fake-openrouter: unknown argument --bogus (--help lists the options)\n');
  });
});

describe('npm run demo', () => {
  it('--help says what it does and how to stop it, without building or starting anything', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/demo.mjs'), '--help'], { encoding: 'utf8', cwd: ROOT, timeout: 20_000 });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^usage: npm run demo/);
    expect(r.stdout).toContain('--fake');
    expect(r.stdout).toContain('--port');
    expect(r.stdout).toContain('Ctrl+C');
    expect(r.stdout).not.toMatch(/demo: (checking|building)/);
  });
});
