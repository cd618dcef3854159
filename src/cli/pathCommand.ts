// What `refs` and `swap` share: the command line of a command over files and folders (`--json`, the catalog's
// source `--offline | --base-url URL`, `--help`, paths, `--` before paths that look like options) and the catalog
// the ids are checked against. Each command adds its own flags and valued options.
import { buildCatalog, createCatalogIndex } from '../core/market/catalog';
import { bundledApiModels } from '../core/data/bundledCatalog';
import { DEFAULT_API_BASE_URL } from '../core/openrouter/baseUrl';
import { createOpenRouterClient } from '../core/openrouter/client';
import type { ApiModel } from '../core/openrouter/apiTypes';
import type { RefCatalog } from '../core/refs/types';
import { cliL10n as l10n } from './l10n';

/** Where the catalog comes from: the live API (at `baseUrl`, the default when null) or the bundled snapshot. */
export interface CatalogSource {
  offline: boolean;
  baseUrl: string | null;
}

export interface PathCommandLine<F extends string, V extends string> extends CatalogSource {
  json: boolean;
  paths: string[];
  /** The command's own flags that were given. */
  flags: Set<F>;
  /** The command's own valued options that were given, as typed (not trimmed). */
  values: Partial<Record<V, string>>;
}

export type PathCommandLineResult<F extends string, V extends string> =
  | { ok: true; args: PathCommandLine<F, V> }
  | { ok: false; help: true }
  | { ok: false; help?: false; message: string };

export interface PathCommandOptions<F extends string, V extends string> {
  flags: readonly F[];
  /** Each valued option with the message when its value is missing ("--from needs a model id"), translated when shown. */
  values: Readonly<Record<V, () => string>>;
}

/**
 * Reads the command line. A valued option takes `--name VALUE` (whatever VALUE looks like) or `--name=VALUE`;
 * an empty or missing value is refused. Checks between options (`checkPathCommandLine`) are the caller's, so
 * its own "is required" messages come first.
 */
export function parsePathCommandLine<F extends string, V extends string>(
  argv: readonly string[],
  own: PathCommandOptions<F, V>,
): PathCommandLineResult<F, V> {
  const args: PathCommandLine<F, V> = { json: false, offline: false, baseUrl: null, paths: [], flags: new Set(), values: {} };
  const needs = new Map<string, () => string>([...Object.entries<() => string>(own.values), ['--base-url', () => l10n.t('--base-url needs a URL')]]);
  const isFlag = (a: string): a is F => (own.flags as readonly string[]).includes(a);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === undefined) break;
    if (a === '--') {
      args.paths.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-h' || a === '--help') return { ok: false, help: true };
    if (a === '--json') args.json = true;
    else if (a === '--offline') args.offline = true;
    else if (isFlag(a)) args.flags.add(a);
    else {
      const eq = a.startsWith('--') ? a.indexOf('=') : -1;
      const name = eq > 0 ? a.slice(0, eq) : a;
      const what = needs.get(name);
      if (what !== undefined) {
        const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (value === undefined || value === '') return { ok: false, message: what() };
        if (name === '--base-url') args.baseUrl = value;
        else args.values[name as V] = value;
      } else if (a.startsWith('-') && a !== '-') return { ok: false, message: l10n.t('unknown option {0}', a) };
      else args.paths.push(a);
    }
  }
  return { ok: true, args };
}

/** A command line that is not one to run: `--help` answered on stdout (exit 0), anything else refused with the usage (exit 2). */
export function answerNotRun(
  io: { stdout: { write(text: string): unknown }; stderr: { write(text: string): unknown } },
  command: string,
  text: { usage: string; help: string },
  parsed: { ok: false; help: true } | { ok: false; help?: false; message: string },
): number {
  if (parsed.help === true) {
    io.stdout.write(`${text.help}\n`);
    return 0;
  }
  io.stderr.write(`model-radar ${command}: ${parsed.message} (${text.usage})\n`);
  return 2;
}

/** What every path command refuses once its own options are read: both sources at once, or nothing to read. */
export function checkPathCommandLine(args: CatalogSource & { paths: readonly string[] }): string | null {
  if (args.offline && args.baseUrl !== null) return l10n.t('--offline and --base-url cannot be used together');
  if (args.paths.length === 0) return l10n.t('give at least one file or folder');
  return null;
}

/** The API base URL the catalog is read from (for messages). */
export function catalogOrigin(source: CatalogSource): string {
  return source.baseUrl ?? DEFAULT_API_BASE_URL;
}

/** The catalog ids are checked against: live, with one retry (a terminal command answers or fails quickly), or bundled. */
export async function loadRefCatalog(source: CatalogSource, fetchImpl: typeof fetch | undefined): Promise<RefCatalog> {
  let models: readonly ApiModel[];
  if (source.offline) models = bundledApiModels();
  else {
    const client = createOpenRouterClient({ baseUrl: catalogOrigin(source), fetch: fetchImpl, maxRetries: 1 });
    models = (await client.listModels()).data;
  }
  return createCatalogIndex(buildCatalog(models));
}

/** An error as one line of a message. */
export function reasonOf(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ');
}
