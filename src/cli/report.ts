// `model-radar report [--base-url URL] [--key KEY] [--from YYYY-MM-DD --to YYYY-MM-DD] [--top N] [--json]`:
// OpenRouter's token share by lab region and each region's leaders, from the Data API (rankings-daily).
import { buildCatalog, createCatalogIndex, type CatalogIndex } from '../core/market/catalog';
import { bundledApiModels, BUNDLED_CAPTURED_AT } from '../core/data/bundledCatalog';
import { DEFAULT_API_BASE_URL } from '../core/openrouter/baseUrl';
import { createOpenRouterClient } from '../core/openrouter/client';
import { toErrorInfo } from '../core/openrouter/errors';
import { buildReport, formatReportTable } from '../core/market/report';
import { defaultWindows, isIsoDay, windowLength, type DayWindow } from '../core/market/rankings';
import { buildTrendReport, buildTrendView, formatTrendTable, MAX_TREND_WEEKS, trendWindow } from '../core/market/trend';
import { guardTerminal, keysInCommandLine } from './terminal';
import { cliL10n as l10n } from './l10n';

export interface ReportIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
  fetch?: typeof fetch;
  /** Epoch ms; picks the default window (the last 7 completed UTC days). */
  now?: () => number;
}

const USAGE_LINE =
  'usage: model-radar report [--base-url URL] [--key KEY] [--from YYYY-MM-DD --to YYYY-MM-DD] [--top N] [--json]\n' +
  '       model-radar report --weeks N [--base-url URL] [--key KEY] [--json]   weekly region shares (N up to 52), the lead streak';

function usage(): string {
  return `${USAGE_LINE}\n${l10n.t('  The key (any OpenRouter API key) may also come from OPENROUTER_API_KEY. Default window: the last 7 completed UTC days.')}\n`;
}

const MAX_TOP = 50;
/** The Data API's longest span. */
const MAX_SPAN_DAYS = 366;

interface ReportArgs {
  baseUrl: string;
  key: string | null;
  from: string | null;
  to: string | null;
  top: number;
  json: boolean;
  /** Weekly trend instead of the daily report; absent = the daily report. */
  weeks?: number;
}

type ArgsResult = { ok: true; args: ReportArgs } | { ok: false; message: string; help?: boolean };

const VALUE_OPTIONS = ['--base-url', '--key', '--from', '--to', '--top', '--weeks'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

export function parseReportArgs(argv: readonly string[], env: Record<string, string | undefined>): ArgsResult {
  const values: Partial<Record<ValueOption, string>> = {};
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === undefined) break;
    if (a === '-h' || a === '--help') return { ok: false, message: usage(), help: true };
    if (a === '--json') {
      json = true;
      continue;
    }
    const eq = a.indexOf('=');
    const name = (eq > 0 ? a.slice(0, eq) : a) as ValueOption;
    if (!VALUE_OPTIONS.includes(name)) return { ok: false, message: l10n.t('unknown argument {0}', JSON.stringify(a)) };
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) return { ok: false, message: l10n.t('{0} needs a value', name) };
    values[name] = value;
  }

  const from = values['--from'] ?? null;
  const to = values['--to'] ?? null;
  if ((from === null) !== (to === null)) return { ok: false, message: l10n.t('--from and --to go together') };
  for (const [name, d] of [['--from', from], ['--to', to]] as const) {
    if (d !== null && !isIsoDay(d)) return { ok: false, message: l10n.t('{0} must be a date as YYYY-MM-DD, got {1}', name, JSON.stringify(d)) };
  }
  if (from !== null && to !== null) {
    if (from > to) return { ok: false, message: l10n.t('--from must be on or before --to') };
    if (windowLength({ start: from, end: to }) > MAX_SPAN_DAYS) return { ok: false, message: l10n.t('the window may span at most {0} days', MAX_SPAN_DAYS) };
  }

  let top = 5;
  if (values['--top'] !== undefined) {
    const n = Number(values['--top']);
    if (!/^\d+$/.test(values['--top']) || n < 1 || n > MAX_TOP) return { ok: false, message: l10n.t('--top must be a whole number from 1 to {0}', MAX_TOP) };
    top = n;
  }

  let weeks: number | null = null;
  if (values['--weeks'] !== undefined) {
    const n = Number(values['--weeks']);
    if (!/^\d+$/.test(values['--weeks']) || n < 1 || n > MAX_TREND_WEEKS) return { ok: false, message: l10n.t('--weeks must be a whole number from 1 to {0}', MAX_TREND_WEEKS) };
    if (from !== null || values['--top'] !== undefined) return { ok: false, message: l10n.t('--weeks shows the weekly trend; --from, --to and --top belong to the daily report') };
    weeks = n;
  }

  const key = (values['--key'] ?? env.OPENROUTER_API_KEY ?? '').trim();
  return {
    ok: true,
    args: { baseUrl: values['--base-url'] ?? DEFAULT_API_BASE_URL, key: key === '' ? null : key, from, to, top, json, ...(weeks === null ? {} : { weeks }) },
  };
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export async function runReport(argv: string[], rawIo: ReportIo): Promise<number> {
  const io = guardTerminal(rawIo, keysInCommandLine(argv, rawIo.env));
  const parsed = parseReportArgs(argv, io.env);
  if (!parsed.ok) {
    if (parsed.help === true) {
      io.stdout.write(parsed.message);
      return 0;
    }
    io.stderr.write(`model-radar report: ${parsed.message}\n${usage()}`);
    return 2;
  }
  const args = parsed.args;
  if (args.key === null) {
    io.stderr.write(`model-radar report: ${l10n.t('rankings need an OpenRouter API key (any key): pass --key or set OPENROUTER_API_KEY.')}\n`);
    return 2;
  }

  if (args.weeks !== undefined) return runTrendReport(args, args.key, args.weeks, io);

  const window: DayWindow =
    args.from !== null && args.to !== null ? { start: args.from, end: args.to } : defaultWindows((io.now ?? Date.now)()).current;
  // A terminal command should answer or fail quickly; the editor's poller is the one that keeps retrying.
  const client = createOpenRouterClient({ baseUrl: args.baseUrl, key: args.key, fetch: io.fetch, maxRetries: 1 });

  const [rankings, models] = await Promise.allSettled([
    client.rankingsDaily({ startDate: window.start, endDate: window.end, key: args.key }),
    client.listModels(),
  ]);
  if (rankings.status === 'rejected') {
    io.stderr.write(`model-radar report: ${oneLine(toErrorInfo(rankings.reason).message)}\n`);
    return 1;
  }

  let index: CatalogIndex;
  if (models.status === 'fulfilled') {
    index = createCatalogIndex(buildCatalog(models.value.data));
  } else {
    // Names and prices are garnish on the figures: fall back to the shipped snapshot and say so.
    io.stderr.write(
      `model-radar report: ${l10n.t('model list unavailable ({0}); names and prices from the bundled {1} snapshot.', oneLine(toErrorInfo(models.reason).message), BUNDLED_CAPTURED_AT)}\n`,
    );
    index = createCatalogIndex(buildCatalog(bundledApiModels()));
  }

  const report = buildReport({
    rows: rankings.value.data,
    asOf: rankings.value.meta.as_of ?? null,
    window,
    baseUrl: client.baseUrl ?? args.baseUrl,
    index,
    top: args.top,
    droppedRows: rankings.value.dropped,
  });
  io.stdout.write(args.json ? `${JSON.stringify(report)}\n` : formatReportTable(report, l10n));
  return 0;
}

/** `report --weeks N`: one period=week request for the last N complete weeks, then the shares and the streak. */
async function runTrendReport(args: ReportArgs, key: string, weeks: number, io: Pick<ReportIo, 'stdout' | 'stderr' | 'fetch' | 'now'>): Promise<number> {
  const now = (io.now ?? Date.now)();
  const win = trendWindow(now, weeks);
  const client = createOpenRouterClient({ baseUrl: args.baseUrl, key, fetch: io.fetch, maxRetries: 1 });
  let result;
  try {
    result = await client.rankingsDaily({ startDate: win.start, endDate: win.end, period: 'week', key });
  } catch (err) {
    io.stderr.write(`model-radar report: ${oneLine(toErrorInfo(err).message)}\n`);
    return 1;
  }
  const view = buildTrendView(result.data, { now, weeks, asOf: result.meta.as_of ?? null, droppedRows: result.dropped });
  const report = buildTrendReport(view, client.baseUrl ?? args.baseUrl);
  io.stdout.write(args.json ? `${JSON.stringify(report)}\n` : formatTrendTable(report));
  return 0;
}
