// The CLI's last boundary (src/cli/terminal.ts): the keys the command line holds never reach either stream, while
// stdout's other bytes stay exactly as written (the --json output is parsed by scripts) and stderr loses anything
// key-like as well.
import { describe, expect, it } from 'vitest';
import { guardTerminal, keysInCommandLine } from '../../src/cli/terminal';

const KEY = 'sk-or-v1-0123456789abcdef0123456789abcdef';

function streams(): { stdout: { write: (s: string) => void }; stderr: { write: (s: string) => void }; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { stdout: { write: (s) => void (out += s) }, stderr: { write: (s) => void (err += s) }, out: () => out, err: () => err };
}

describe('keys on the command line', () => {
  it('reads --key VALUE, --key=VALUE and OPENROUTER_API_KEY, trimmed, without empty ones', () => {
    expect(keysInCommandLine(['--key', ` ${KEY} `, '--key=other-key', '--key='], { OPENROUTER_API_KEY: 'env-key' })).toEqual([KEY, 'other-key', 'env-key']);
    expect(keysInCommandLine(['--key'], {})).toEqual([]);
  });
});

describe('guarded streams', () => {
  it('stdout: the command line\'s key is redacted wherever it appears, and the JSON around it still parses', () => {
    const raw = streams();
    const io = guardTerminal(raw, [KEY]);
    io.stdout.write(`${JSON.stringify({ file: '.env', line: `OPENROUTER_API_KEY=${KEY}`, model: 'deepseek/deepseek-v3.2' })}\n`);
    expect(raw.out()).not.toContain(KEY);
    expect(JSON.parse(raw.out())).toEqual({ file: '.env', line: 'OPENROUTER_API_KEY=[redacted]', model: 'deepseek/deepseek-v3.2' });
  });

  it('stdout: other text stays byte for byte, key-like or not; control characters become escapes', () => {
    const raw = streams();
    const io = guardTerminal(raw, [KEY]);
    const keyLike = 'sk-or-v1-ffffffffffffffffffffffffffffffff a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6';
    io.stdout.write(`${keyLike}\u001b[2J\n`);
    expect(raw.out()).toBe(`${keyLike}\\u001b[2J\n`);
  });

  it('stderr: the key and anything key-like are redacted', () => {
    const raw = streams();
    const io = guardTerminal(raw, [KEY]);
    io.stderr.write(`rejected ${KEY} and sk-or-v1-ffffffffffffffffffffffffffffffff\n`);
    expect(raw.err()).toBe('rejected [redacted] and [redacted]\n');
  });
});
