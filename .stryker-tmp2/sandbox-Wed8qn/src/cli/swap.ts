// @ts-nocheck
// `model-radar swap --from ID --to ID [--dry-run] [--json] [--allow-unknown] [--offline | --base-url URL] PATH...`:
// move a repository (or a CI job) from one model to another, headless, over the same core as the editor's
// Swap Model…: the same recogniser, the same exact-target rule, the same duplicate-key refusal.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { buildCatalog, createCatalogIndex } from '../core/catalog';
import { bundledApiModels } from '../core/data/bundledCatalog';
import { DEFAULT_BASE_URL, createOpenRouterClient } from '../core/openrouter/client';
import type { ApiModel } from '../core/openrouter/apiTypes';
import { lineStarts, positionAt } from '../core/refs/candidate';
import { classifyIncluded } from '../core/refs/classify';
import { unifiedDiff } from '../core/refs/diff';
import { variantOf } from '../core/refs/idShape';
import { findRefs } from '../core/refs/recognize';
import { createScanFilter, DEFAULT_MAX_FILE_BYTES } from '../core/refs/scanner';
import { applyEdits, computeSwapMany, isRoutableTarget, normaliseTarget } from '../core/refs/swap';
import type { FileKind, ModelRef, RefCatalog } from '../core/refs/types';
import { walkFiles, type RefsIo } from './refs';

export type SwapIo = RefsIo;

export interface SwapJson {
  changed: { file: string; edits: { line: number; column: number; from: string; to: string }[] }[];
  refused: { file: string; reason: string }[];
}

const USAGE = 'usage: model-radar swap --from ID --to ID [--dry-run] [--json] [--allow-unknown] [--offline | --base-url URL] PATH...';

interface SwapArgs {
  from: string;
  to: string;
  dryRun: boolean;
  json: boolean;
  allowUnknown: boolean;
  offline: boolean;
  baseUrl: string | null;
  paths: string[];
}

type ArgsResult = { ok: true; args: SwapArgs } | { ok: false; message: string; help?: boolean };

function parseArgs(argv: readonly string[]): ArgsResult {
  let from: string | null = null;
  let to: string | null = null;
  const args: Omit<SwapArgs, 'from' | 'to'> = { dryRun: false, json: false, allowUnknown: false, offline: false, baseUrl: null, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      args.paths.push(...argv.slice(i + 1));
      break;
    }
    const valued = (name: string): string | null | undefined => {
      if (a === name) return argv[++i] ?? null;
      if (a.startsWith(`${name}=`)) return a.slice(name.length + 1);
      return undefined;
    };
    if (a === '-h' || a === '--help') return { ok: false, message: USAGE, help: true };
    if (a === '--dry-run') args.dryRun = true;
    else if (a === '--json') args.json = true;
    else if (a === '--allow-unknown') args.allowUnknown = true;
    else if (a === '--offline') args.offline = true;
    else {
      const f = valued('--from');
      const t = f === undefined ? valued('--to') : undefined;
      const b = f === undefined && t === undefined ? valued('--base-url') : undefined;
      if (f !== undefined) {
        if (f === null || f.trim() === '') return { ok: false, message: '--from needs a model id' };
        from = f.trim();
      } else if (t !== undefined) {
        if (t === null || t.trim() === '') return { ok: false, message: '--to needs a model id' };
        to = t.trim();
      } else if (b !== undefined) {
        if (b === null || b === '') return { ok: false, message: '--base-url needs a URL' };
        args.baseUrl = b;
      } else if (a.startsWith('-') && a !== '-') return { ok: false, message: `unknown option ${a}` };
      else args.paths.push(a);
    }
  }
  if (from === null) return { ok: false, message: '--from is required' };
  if (to === null) return { ok: false, message: '--to is required' };
  if (args.offline && args.baseUrl !== null) return { ok: false, message: '--offline and --base-url cannot be used together' };
  if (args.paths.length === 0) return { ok: false, message: 'give at least one file or folder' };
  return { ok: true, args: { ...args, from: normaliseTarget(from).toLowerCase(), to: normaliseTarget(to) } };
}

async function loadCatalog(args: SwapArgs, io: SwapIo): Promise<RefCatalog> {
  let models: readonly ApiModel[];
  if (args.offline) models = bundledApiModels();
  else {
    const client = createOpenRouterClient({ baseUrl: args.baseUrl ?? DEFAULT_BASE_URL, fetch: io.fetch, maxRetries: 1 });
    models = (await client.listModels()).data;
  }
  return createCatalogIndex(buildCatalog(models));
}

function describe(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof (err as { code: unknown }).code === 'string') return (err as { code: string }).code;
  return err instanceof Error ? err.message : String(err);
}

/**
 * The references `--from` names: as written, or resolved (dated slugs, the "openrouter/" spelling), with the same
 * variant, so `--from x` leaves `x:free` alone and A -> B -> A restores every file.
 */
function names(ref: ModelRef, from: string): boolean {
  if (ref.id === from) return true;
  return ref.modelId !== null && ref.modelId.toLowerCase() === from && variantOf(ref.id) === variantOf(from);
}

interface Target {
  /** Shown in output: the path as given, or joined under the folder given. */
  display: string;
  abs: string;
  /** Relative path the grammar is chosen from. */
  rel: string;
  kind: FileKind | null;
}

export async function runSwapCli(argv: string[], io: SwapIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    if (parsed.help === true) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    io.stderr.write(`model-radar swap: ${parsed.message} (${USAGE})\n`);
    return 2;
  }
  const { args } = parsed;
  if (args.from === args.to.toLowerCase()) {
    io.stderr.write(`model-radar swap: --from and --to name the same model (${USAGE})\n`);
    return 2;
  }

  const roots: { path: string; dir: boolean }[] = [];
  for (const p of args.paths) {
    try {
      roots.push({ path: p, dir: statSync(p).isDirectory() });
    } catch (err) {
      io.stderr.write(`model-radar swap: cannot read ${p} (${describe(err)})\n`);
      return 2;
    }
  }

  let catalog: RefCatalog;
  try {
    catalog = await loadCatalog(args, io);
  } catch (err) {
    const where = args.offline ? 'the bundled snapshot' : (args.baseUrl ?? DEFAULT_BASE_URL);
    const hint = args.offline ? '' : ' (use --offline for the bundled snapshot)';
    io.stderr.write(`model-radar swap: could not load the model catalog from ${where}: ${(err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ')}${hint}\n`);
    return 1;
  }
  if (!isRoutableTarget(args.to, catalog) && !args.allowUnknown) {
    io.stderr.write(`model-radar swap: "${args.to}" is not a model in the OpenRouter catalog; nothing was written (--allow-unknown writes it anyway)\n`);
    if (args.json) io.stdout.write(`${JSON.stringify({ changed: [], refused: args.paths.map((file) => ({ file, reason: `"${args.to}" is not a model in the OpenRouter catalog.` })) } satisfies SwapJson)}\n`);
    return 1;
  }

  // Every file to look at, folders walked with the editor's scan filter, files named explicitly read whatever their name.
  const filter = createScanFilter();
  const targets: Target[] = [];
  const result: SwapJson = { changed: [], refused: [] };
  for (const root of roots) {
    if (root.dir) {
      const found: Target[] = [];
      for (const f of walkFiles(root.path, filter, (path, err) => result.refused.push({ file: path, reason: `cannot read (${describe(err)})` }))) {
        const kind = filter.kindFor(f.path, f.size);
        if (kind !== null) found.push({ display: join(root.path, f.path).split(sep).join('/'), abs: f.abs, rel: f.path, kind });
      }
      found.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
      targets.push(...found);
    } else {
      const rel = relative('.', root.path).split(sep).join('/');
      targets.push({ display: root.path, abs: root.path, rel, kind: classifyIncluded(rel) });
    }
  }

  const diffs: string[] = [];
  let references = 0;
  for (const t of targets) {
    let raw: string;
    try {
      if (statSync(t.abs).size > DEFAULT_MAX_FILE_BYTES) continue;
      raw = readFileSync(t.abs, 'utf8');
    } catch (err) {
      result.refused.push({ file: t.display, reason: `cannot read (${describe(err)})` });
      continue;
    }
    const bom = raw.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
    const text = bom === '' ? raw : raw.slice(1);
    const refs = findRefs(t.rel, text, catalog, t.kind).filter((r) => names(r, args.from));
    if (refs.length === 0) continue;
    const plan = computeSwapMany(text, refs, args.to, catalog, { allowUnknown: args.allowUnknown });
    if (!plan.ok) {
      result.refused.push({ file: t.display, reason: plan.refusal.message.replace(t.rel, t.display) });
      continue;
    }
    if (plan.edits.length === 0) continue;
    const after = applyEdits(text, plan.edits);
    const starts = lineStarts(text);
    result.changed.push({
      file: t.display,
      edits: plan.edits.map((e) => {
        const p = positionAt(starts, e.offset);
        return { line: p.line, column: p.column, from: text.slice(e.offset, e.offset + e.length), to: e.newText };
      }),
    });
    references += plan.edits.length;
    if (args.dryRun) diffs.push(unifiedDiff(t.display, text, after));
    else {
      try {
        writeFileSync(t.abs, bom + after, 'utf8');
      } catch (err) {
        result.changed.pop();
        references -= plan.edits.length;
        result.refused.push({ file: t.display, reason: `cannot write (${describe(err)})` });
      }
    }
  }

  if (args.json) io.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    if (args.dryRun) io.stdout.write(diffs.join(''));
    for (const r of result.refused) io.stderr.write(`model-radar swap: refused ${r.file}: ${r.reason}\n`);
    const files = result.changed.length;
    const what = `${references} reference${references === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`;
    const summary = files === 0
      ? `No reference to ${args.from} to change.`
      : args.dryRun ? `Would swap ${args.from} → ${args.to}: ${what} (dry run, nothing written).` : `Swapped ${args.from} → ${args.to}: ${what}.`;
    const refusedNote = result.refused.length > 0 ? ` ${result.refused.length} file${result.refused.length === 1 ? '' : 's'} refused, left unchanged.` : '';
    (args.dryRun ? io.stderr : io.stdout).write(`${summary}${refusedNote}\n`);
  }
  return result.refused.length > 0 ? 1 : 0;
}
