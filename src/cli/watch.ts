// `model-radar watch [--json] [--since DATE] [--all] [--file PATH]`: the catalog changes the editor's watch recorded
// (prices, retirement dates, context, removals), read from its history file; the same list as the sidebar's Changes.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { publisher, name } from '../../package.json';
import { listChanges, parseHistory, MAX_HISTORY_BYTES } from '../core/watch/history';
import { formatWatchSides } from '../shared/format';
import type { WatchChange } from '../shared/types';
import { guardTerminal } from './terminal';
import { cliL10n as l10n } from './l10n';

export interface WatchIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
  platform?: string;
  home?: string;
}

const USAGE = 'usage: model-radar watch [--json] [--since DATE] [--all] [--file PATH]';
function help(): string {
  return `${USAGE}\n${l10n.t(
    "  Prints the catalog changes Model Radar recorded in VS Code (price, retirement date, context, removal) for the\n  models your workspaces name or your key used, newest first. --since YYYY-MM-DD (or an ISO time) keeps later ones;\n  --all prints every catalog change recorded; --file reads that history file instead of the default location\n  (VS Code's global storage for the extension, e.g. {0}).",
    '~/.config/Code/User/globalStorage/model-radar.model-radar/catalog-history.json',
  )}`;
}

interface WatchArgs {
  json: boolean;
  all: boolean;
  sinceMs: number | null;
  file: string | null;
}

type ArgsResult = { ok: true; args: WatchArgs } | { ok: false; message: string; help?: boolean };

/** "2026-07-29" (from its start, UTC) or an ISO date-time. */
export function parseSince(value: string): number | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const ms = Date.parse(`${value}T00:00:00Z`);
    return Number.isFinite(ms) && new Date(ms).toISOString().startsWith(value) ? ms : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

function parseArgs(argv: readonly string[]): ArgsResult {
  const args: WatchArgs = { json: false, all: false, sinceMs: null, file: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === undefined) break;
    if (a === '-h' || a === '--help') return { ok: false, message: help(), help: true };
    if (a === '--json') args.json = true;
    else if (a === '--all') args.all = true;
    else if (a === '--since' || a.startsWith('--since=')) {
      const value = a === '--since' ? argv[++i] : a.slice('--since='.length);
      if (value === undefined || value === '') return { ok: false, message: l10n.t('--since needs a date (YYYY-MM-DD)') };
      const ms = parseSince(value);
      if (ms === null) return { ok: false, message: l10n.t('--since: "{0}" is not a date (YYYY-MM-DD or an ISO date-time)', value) };
      args.sinceMs = ms;
    } else if (a === '--file' || a.startsWith('--file=')) {
      const value = a === '--file' ? argv[++i] : a.slice('--file='.length);
      if (value === undefined || value === '') return { ok: false, message: l10n.t('--file needs a path') };
      args.file = value;
    } else return { ok: false, message: l10n.t('unknown option {0}', a) };
  }
  return { ok: true, args };
}

/** Where VS Code (stable, Insiders, VSCodium) keeps the extension's global storage on this platform. */
export function defaultHistoryPaths(platform: string, home: string, env: Record<string, string | undefined>): string[] {
  const products = ['Code', 'Code - Insiders', 'VSCodium'];
  const base =
    platform === 'win32'
      ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(home, '.config'));
  return products.map((p) => join(base, p, 'User', 'globalStorage', `${publisher}.${name}`, 'catalog-history.json'));
}

function line(c: WatchChange): string {
  const sides = formatWatchSides(c);
  const what = sides.to === null ? l10n.t('removed (was {0})', sides.from) : `${sides.from} → ${sides.to}`;
  return `${c.at.slice(0, 10)}  ${c.modelId}  ${c.kind}  ${what}`;
}

export function runWatch(argv: readonly string[], ioIn: WatchIo): number {
  const io = guardTerminal(ioIn, []);
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    if (parsed.help === true) {
      io.stdout.write(`${parsed.message}\n`);
      return 0;
    }
    io.stderr.write(`model-radar watch: ${parsed.message}\n${USAGE}\n`);
    return 2;
  }
  const { args } = parsed;
  const candidates = args.file !== null ? [args.file] : defaultHistoryPaths(ioIn.platform ?? process.platform, ioIn.home ?? homedir(), ioIn.env);
  const file = candidates.find((p) => existsSync(p));
  if (file === undefined) {
    io.stderr.write(
      args.file !== null
        ? `model-radar watch: ${l10n.t('{0} does not exist', args.file)}\n`
        : `model-radar watch: ${l10n.t('no catalog history yet (looked in {0}). Model Radar writes it in VS Code after its first live catalog; or pass --file PATH.', candidates.join(', '))}\n`,
    );
    return 1;
  }
  let text: string;
  try {
    const size = statSync(file).size;
    // A history is at most MAX_HISTORY_BYTES; four times that is not one.
    if (size > MAX_HISTORY_BYTES * 4) {
      io.stderr.write(`model-radar watch: ${l10n.t('{0} is {1} bytes, too large to be a catalog history', file, size)}\n`);
      return 1;
    }
    text = readFileSync(file, 'utf8');
  } catch (err) {
    io.stderr.write(`model-radar watch: ${l10n.t('cannot read {0}: {1}', file, err instanceof Error ? err.message : String(err))}\n`);
    return 1;
  }
  const read = parseHistory(text);
  if (!read.ok) {
    io.stderr.write(
      `model-radar watch: ${
        read.error.kind === 'futureVersion'
          ? l10n.t('{0}: written by a newer Model Radar ({1})', file, read.error.message)
          : l10n.t('{0}: not a readable catalog history ({1})', file, read.error.message)
      }\n`,
    );
    return 1;
  }
  const h = read.history;
  const changes = listChanges(h, { sinceMs: args.sinceMs ?? undefined, watched: args.all ? null : new Set(h.watched) });
  if (args.json) {
    io.stdout.write(`${JSON.stringify({ file, since: h.since, updatedAt: h.updatedAt, scope: args.all ? 'all' : 'watched', watched: h.watched, changes }, null, 2)}\n`);
    return 0;
  }
  if (changes.length === 0) {
    const historySince = h.since?.slice(0, 10) ?? l10n.t('never');
    const since = args.sinceMs === null ? null : new Date(args.sinceMs).toISOString().slice(0, 10);
    const text = args.all
      ? since === null
        ? l10n.t('No changes (history since {0}).', historySince)
        : l10n.t('No changes since {0} (history since {1}).', since, historySince)
      : since === null
        ? l10n.t('No changes to the {0} models you use (history since {1}).', h.watched.length, historySince)
        : l10n.t('No changes to the {0} models you use since {1} (history since {2}).', h.watched.length, since, historySince);
    io.stdout.write(`${text}\n`);
    return 0;
  }
  io.stdout.write(`${changes.map(line).join('\n')}\n`);
  return 0;
}
