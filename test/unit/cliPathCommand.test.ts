// `refs` and `swap` read their shared options through one parser (src/cli/pathCommand.ts): the same spelling is
// accepted or refused the same way by both, with the same words.
import { describe, expect, it } from 'vitest';
import { checkPathCommandLine, parsePathCommandLine } from '../../src/cli/pathCommand';
import { runRefs } from '../../src/cli/refs';
import { runSwapCli } from '../../src/cli/swap';

const refused: typeof fetch = async () => {
  throw new Error('no network in this test');
};

async function run(command: 'refs' | 'swap', argv: string[]): Promise<{ code: number; err: string; out: string }> {
  let out = '';
  let err = '';
  const io = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: {}, fetch: refused };
  const full = command === 'swap' ? ['--from', 'a/b', '--to', 'c/d', ...argv] : argv;
  const code = await (command === 'refs' ? runRefs(full, io) : runSwapCli(full, io));
  return { code, err, out };
}

describe('the options refs and swap share', () => {
  it.each([
    [['--base-url'], '--base-url needs a URL'],
    [['--base-url='], '--base-url needs a URL'],
    [['--offline', '--base-url=https://x.invalid/api/v1', '.'], '--offline and --base-url cannot be used together'],
    [['--offline'], 'give at least one file or folder'],
    [['--bogus', '.'], 'unknown option --bogus'],
    [['--json=yes', '.'], 'unknown option --json=yes'],
    [['--', '--not-an-option'], 'cannot read --not-an-option'],
  ])('%j is answered the same by both commands', async (argv, message) => {
    for (const command of ['refs', 'swap'] as const) {
      const r = await run(command, argv);
      expect(r.err, command).toContain(message);
      expect(r.code, command).toBeGreaterThan(0);
    }
  });

  it('both answer --help with their own text on stdout', async () => {
    const refs = await run('refs', ['--help']);
    const swap = await run('swap', ['-h']);
    expect([refs.code, swap.code]).toEqual([0, 0]);
    expect(refs.out).toMatch(/^usage: model-radar refs/);
    expect(swap.out).toMatch(/^usage: model-radar swap/);
  });
});

describe('parsePathCommandLine', () => {
  it('takes a command’s own flags and valued options in both spellings, and keeps "-" and everything after "--" as paths', () => {
    const r = parsePathCommandLine(['--x', '--name=one', '-', '--json', '--name', '--two', '--', '--x'], { flags: ['--x'], values: { '--name': () => '--name needs a name' } });
    expect(r).toEqual({ ok: true, args: { json: true, offline: false, baseUrl: null, paths: ['-', '--x'], flags: new Set(['--x']), values: { '--name': '--two' } } });
  });

  it('names what a valued option of the command needs', () => {
    expect(parsePathCommandLine(['--name'], { flags: [], values: { '--name': () => '--name needs a name' } })).toEqual({ ok: false, message: '--name needs a name' });
    expect(parsePathCommandLine(['--name=x'], { flags: [], values: {} })).toEqual({ ok: false, message: 'unknown option --name=x' });
  });

  it('leaves the cross-option checks to checkPathCommandLine', () => {
    expect(checkPathCommandLine({ offline: false, baseUrl: null, paths: ['.'] })).toBeNull();
    expect(checkPathCommandLine({ offline: true, baseUrl: 'https://x', paths: [] })).toBe('--offline and --base-url cannot be used together');
  });
});
