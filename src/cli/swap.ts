// `model-radar swap --from ID --to ID [--dry-run] [--json] [--allow-unknown] [--offline | --base-url URL] PATH...`:
// move a repository (or a CI job) from one model to another, headless, over the same core as the editor's
// Swap Model…: the same recogniser, the same exact-target rule, the same duplicate-key refusal.
import { lstatSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { lineStarts, positionAt } from '../core/refs/candidate';
import { classifyIncluded } from '../core/refs/classify';
import { unifiedDiff } from '../core/refs/diff';
import { readUtf8Text } from '../core/refs/textBytes';
import { ID_RE, variantOf } from '../core/refs/idShape';
import { findRefs } from '../core/refs/recognize';
import { createScanFilter, DEFAULT_MAX_FILE_BYTES } from '../core/refs/scanner';
import { applyEdits, computeSwapMany, isRoutableTarget, normaliseTarget } from '../core/refs/swap';
import type { FileKind, ModelRef, RefCatalog } from '../core/refs/types';
import { walkFiles, type RefsIo } from './refs';
import { checkRoots, describeFsError } from './paths';
import { cliL10n as l10n } from './l10n';
import { answerNotRun, catalogOrigin, checkPathCommandLine, loadRefCatalog, parsePathCommandLine, reasonOf, type PathCommandLine, type PathCommandOptions } from './pathCommand';
import { guardTerminal, keysInCommandLine } from './terminal';

export type SwapIo = RefsIo;

export interface SwapJson {
  changed: { file: string; edits: { line: number; column: number; from: string; to: string }[] }[];
  refused: { file: string; reason: string }[];
}

const USAGE = 'usage: model-radar swap --from ID --to ID [--dry-run] [--json] [--allow-unknown] [--offline | --base-url URL] PATH...';

interface SwapArgs extends PathCommandLine<SwapFlag, SwapValue> {
  from: string;
  to: string;
  dryRun: boolean;
  allowUnknown: boolean;
}

type SwapFlag = '--dry-run' | '--allow-unknown';
type SwapValue = '--from' | '--to';
const SWAP_OPTIONS: PathCommandOptions<SwapFlag, SwapValue> = { flags: ['--dry-run', '--allow-unknown'], values: { '--from': () => l10n.t('--from needs a model id'), '--to': () => l10n.t('--to needs a model id') } };

type ArgsResult = { ok: true; args: SwapArgs } | { ok: false; help: true } | { ok: false; help?: false; message: string };

function parseArgs(argv: readonly string[]): ArgsResult {
  const parsed = parsePathCommandLine(argv, SWAP_OPTIONS);
  if (!parsed.ok) return parsed;
  const { args } = parsed;
  const from = args.values['--from']?.trim();
  const to = args.values['--to']?.trim();
  // "--from ' '" is as good as none.
  if (from === '') return { ok: false, message: l10n.t('--from needs a model id') };
  if (to === '') return { ok: false, message: l10n.t('--to needs a model id') };
  if (from === undefined) return { ok: false, message: l10n.t('--from is required') };
  if (to === undefined) return { ok: false, message: l10n.t('--to is required') };
  const problem = checkPathCommandLine(args);
  if (problem !== null) return { ok: false, message: problem };
  // Ids are lower case (the grammar every file is read with): "QWEN/Qwen3-Coder" means qwen/qwen3-coder.
  const asTyped = normaliseTarget(to);
  const target = ID_RE.test(asTyped) ? asTyped : normaliseTarget(to.toLowerCase());
  if (!ID_RE.test(target)) return { ok: false, message: l10n.t('"{0}" cannot be written as a model id (author/slug[:variant])', to) };
  return {
    ok: true,
    args: { ...args, from: normaliseTarget(from).toLowerCase(), to: target, dryRun: args.flags.has('--dry-run'), allowUnknown: args.flags.has('--allow-unknown') },
  };
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

/** The real path of a file, or null when it cannot be resolved. */
function realPath(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

const inside = (path: string, root: string): boolean => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

export async function runSwapCli(argv: string[], rawIo: SwapIo): Promise<number> {
  // File names and file text come from whatever tree is swapped (a cloned repository's too), argv is echoed back.
  const io = guardTerminal(rawIo, keysInCommandLine(argv, rawIo.env));
  const parsed = parseArgs(argv);
  if (!parsed.ok) return answerNotRun(io, 'swap', { usage: USAGE, help: USAGE }, parsed);
  const { args } = parsed;
  if (args.from === args.to.toLowerCase()) {
    io.stderr.write(`model-radar swap: ${l10n.t('--from and --to name the same model ({0})', USAGE)}\n`);
    return 2;
  }

  const checked = checkRoots(args.paths);
  if (!checked.ok) {
    io.stderr.write(
      checked.problem === 'notFileOrFolder'
        ? `model-radar swap: ${l10n.t('{0} is not a file or folder ({1})', checked.path, USAGE)}\n`
        : `model-radar swap: ${l10n.t('cannot read {0} ({1})', checked.path, checked.detail)}\n`,
    );
    return 2;
  }
  const { roots } = checked;

  let catalog: RefCatalog;
  try {
    catalog = await loadRefCatalog(args, io.fetch);
  } catch (err) {
    const where = args.offline ? l10n.t('the bundled snapshot') : catalogOrigin(args);
    const reason = reasonOf(err);
    io.stderr.write(
      `model-radar swap: ${
        args.offline
          ? l10n.t('could not load the model catalog from {0}: {1}', where, reason)
          : l10n.t('could not load the model catalog from {0}: {1} (use --offline for the bundled snapshot)', where, reason)
      }\n`,
    );
    const refusedReason = l10n.t('could not load the model catalog from {0}: {1}; nothing written', where, reason);
    if (args.json) io.stdout.write(`${JSON.stringify({ changed: [], refused: args.paths.map((file) => ({ file, reason: refusedReason })) } satisfies SwapJson)}\n`);
    return 1;
  }
  if (!isRoutableTarget(args.to, catalog) && !args.allowUnknown) {
    io.stderr.write(`model-radar swap: ${l10n.t('"{0}" is not a model in the OpenRouter catalog; nothing was written (--allow-unknown writes it anyway)', args.to)}\n`);
    const notInCatalog = l10n.t('"{0}" is not a model in the OpenRouter catalog.', args.to);
    if (args.json) io.stdout.write(`${JSON.stringify({ changed: [], refused: args.paths.map((file) => ({ file, reason: notInCatalog })) } satisfies SwapJson)}\n`);
    return 1;
  }

  // Every file to look at, folders walked with the editor's scan filter, files named explicitly read whatever their name.
  const filter = createScanFilter();
  const targets: Target[] = [];
  const result: SwapJson = { changed: [], refused: [] };
  for (const root of roots) {
    if (root.dir) {
      const found: Target[] = [];
      const realRoot = realPath(root.path) ?? resolve(root.path);
      for (const f of walkFiles(root.path, filter, (path, err) => result.refused.push({ file: path, reason: l10n.t('cannot read ({0})', describeFsError(err)) }))) {
        const kind = filter.kindFor(f.path, f.size);
        if (kind === null) continue;
        const display = join(root.path, f.path).split(sep).join('/');
        // A link to a file outside the folder would have the swap write outside what it was given.
        let link = false;
        try {
          link = lstatSync(f.abs).isSymbolicLink();
        } catch {
          link = false;
        }
        const real = realPath(f.abs);
        if (link && (real === null || !inside(real, realRoot))) {
          result.refused.push({ file: display, reason: l10n.t('a link to a file outside {0}; not followed, nothing written', root.path) });
          continue;
        }
        found.push({ display, abs: f.abs, rel: f.path, kind });
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
  // One file reached twice (named twice, or through a link inside a folder) is swapped and listed once.
  const seen = new Set<string>();
  for (const t of targets) {
    const real = realPath(t.abs) ?? resolve(t.abs);
    if (seen.has(real)) continue;
    seen.add(real);
    let raw: string;
    let writable: boolean;
    try {
      if (statSync(t.abs).size > DEFAULT_MAX_FILE_BYTES) {
        result.refused.push({ file: t.display, reason: l10n.t('larger than {0} MB (the scan limit); not scanned, nothing written', DEFAULT_MAX_FILE_BYTES / 1024 / 1024) });
        continue;
      }
      ({ text: raw, writable } = readUtf8Text(readFileSync(t.abs)));
    } catch (err) {
      result.refused.push({ file: t.display, reason: l10n.t('cannot read ({0})', describeFsError(err)) });
      continue;
    }
    const bom = raw.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
    const text = bom === '' ? raw : raw.slice(1);
    const refs = findRefs(t.rel, text, catalog, t.kind).filter((r) => names(r, args.from));
    if (refs.length === 0) continue;
    const plan = computeSwapMany(text, refs, args.to, catalog, { allowUnknown: args.allowUnknown, l10n });
    if (!plan.ok) {
      result.refused.push({ file: t.display, reason: plan.refusal.message.replace(t.rel, t.display) });
      continue;
    }
    if (plan.edits.length === 0) continue;
    if (!writable) {
      result.refused.push({ file: t.display, reason: l10n.t('not UTF-8 text (binary, or another encoding): its other bytes could not be kept as they are; nothing written') });
      continue;
    }
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
        result.refused.push({ file: t.display, reason: l10n.t('cannot write ({0})', describeFsError(err)) });
      }
    }
  }

  if (args.json) io.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    if (args.dryRun) io.stdout.write(diffs.join(''));
    for (const r of result.refused) io.stderr.write(`model-radar swap: ${l10n.t('refused {0}: {1}', r.file, r.reason)}\n`);
    const files = result.changed.length;
    const what = l10n.t(
      '{0} in {1}',
      references === 1 ? l10n.t('{0} reference', references) : l10n.t('{0} references', references),
      files === 1 ? l10n.t('{0} file', files) : l10n.t('{0} files', files),
    );
    const summary = files === 0
      ? l10n.t('No reference to {0} to change.', args.from)
      : args.dryRun
        ? l10n.t('Would swap {0} → {1}: {2} (dry run, nothing written).', args.from, args.to, what)
        : l10n.t('Swapped {0} → {1}: {2}.', args.from, args.to, what);
    const refused = result.refused.length;
    const line =
      refused === 0
        ? summary
        : refused === 1
          ? l10n.t('{0} {1} file refused, left unchanged.', summary, refused)
          : l10n.t('{0} {1} files refused, left unchanged.', summary, refused);
    (args.dryRun ? io.stderr : io.stdout).write(`${line}\n`);
  }
  return result.refused.length > 0 ? 1 : 0;
}
