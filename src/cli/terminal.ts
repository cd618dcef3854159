// The CLI's last boundary before the terminal. Server text is sanitised where it enters (the client and the
// schemas); this catches the rest — file names and file text from the scanned tree, argv echoed back — so no
// byte the CLI prints can move the cursor, clear the screen or rewrite a line, and no key is echoed on stderr.
import { escapeForTerminal, terminalSafe } from '../shared/sanitize';

interface Writer {
  write(text: string): unknown;
}

export interface TerminalStreams {
  stdout: Writer;
  stderr: Writer;
}

/** The keys the command line holds: `--key VALUE`, `--key=VALUE` and OPENROUTER_API_KEY. */
export function keysInCommandLine(argv: readonly string[], env: Record<string, string | undefined>): string[] {
  const keys: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const next = argv[i + 1];
    if (a === '--key' && next !== undefined) keys.push(next);
    else if (a.startsWith('--key=')) keys.push(a.slice('--key='.length));
  }
  if (env.OPENROUTER_API_KEY) keys.push(env.OPENROUTER_API_KEY);
  return keys.map((k) => k.trim()).filter((k) => k !== '');
}

/**
 * The same io with guarded streams. stdout keeps its bytes exact for `--json` (control characters become
 * their JSON escapes); stderr, which only carries messages, is also redacted.
 */
export function guardTerminal<T extends TerminalStreams>(io: T, secrets: readonly string[]): T {
  return {
    ...io,
    stdout: { write: (text: string) => io.stdout.write(escapeForTerminal(text)) },
    stderr: { write: (text: string) => io.stderr.write(terminalSafe(text, secrets)) },
  };
}
