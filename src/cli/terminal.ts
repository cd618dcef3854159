// The CLI's last boundary before the terminal. Server text is sanitised where it enters (the client and the
// schemas); this catches the rest — file names and file text from the scanned tree, argv echoed back — so no
// byte the CLI prints can move the cursor, clear the screen or rewrite a line, and the key the command line holds
// is never echoed, on either stream.
import { escapeForTerminal, redactExactSecrets, terminalSafe } from '../shared/sanitize';

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
 * The same io with guarded streams. stdout keeps its bytes exact for `--json` (control characters become their JSON
 * escapes) but for the command line's own keys, wherever they appear (a scanned .env line, a server echo); stderr,
 * which only carries messages, is also redacted of anything key-like.
 */
export function guardTerminal<T extends TerminalStreams>(io: T, secrets: readonly string[]): T {
  return {
    ...io,
    stdout: { write: (text: string) => io.stdout.write(redactExactSecrets(escapeForTerminal(text), secrets)) },
    stderr: { write: (text: string) => io.stderr.write(terminalSafe(text, secrets)) },
  };
}
