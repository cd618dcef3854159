// Replacing a model id in a file: only the id's characters change, so quotes, comments, indentation, key order and
// the tool's "openrouter/" prefix stay as the user wrote them.
import { ID_RE, OPENROUTER_PREFIX, baseOf, variantOf } from './idShape';
import { isRoutingVariant } from '../market/catalog';
import { createdDuplicateKey, keyFormatOf } from './dupKeys';
import type { ModelRef, RefCatalog } from './types';
import { ENGLISH, type L10n } from '../l10n';

export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

export type SwapRefusalKind =
  /** The target is not a routable id in the catalog. */
  | 'targetUnknown'
  /** The catalog id cannot be written into a file verbatim (characters outside the id grammar). */
  | 'targetInvalid'
  /** The text at the reference's range is no longer what the scan saw. */
  | 'stale'
  /** The edited file would hold the same key twice in one object, map or table. */
  | 'duplicateKey';

export interface SwapRefusal {
  kind: SwapRefusalKind;
  message: string;
  /** For duplicateKey: where, in the edited text. */
  file?: string;
  line?: number;
  key?: string;
}

export type SwapResult = { ok: true; edits: TextEdit[]; notes: string[] } | { ok: false; refusal: SwapRefusal };

export interface SwapOptions {
  /** Write a target the catalog does not list (the headless CLI's --allow-unknown). */
  allowUnknown?: boolean;
  /** The translator for refusal messages (the host passes vscode.l10n, the CLI @vscode/l10n); English without one. */
  l10n?: L10n;
}


function refuse(kind: SwapRefusalKind, message: string): SwapResult {
  return { ok: false, refusal: { kind, message } };
}

/** Accepts a target written with the LiteLLM prefix too. */
export function normaliseTarget(targetId: string): string {
  const t = targetId.trim();
  // Stryker disable next-line EqualityOperator: indexOf from that position is -1 or at least its length, never 0
  return t.startsWith(OPENROUTER_PREFIX) && t.indexOf('/', OPENROUTER_PREFIX.length) > 0 ? t.slice(OPENROUTER_PREFIX.length) : t;
}

/** A target OpenRouter routes: a catalog id (variants and aliases included), or a catalog id with a routing variant. */
export function isRoutableTarget(target: string, catalog: Pick<RefCatalog, 'has'>): boolean {
  if (catalog.has(target)) return true;
  const variant = variantOf(target);
  return isRoutingVariant(variant) && catalog.has(baseOf(target));
}

/**
 * The "keep :variant" choice a picker offers when the current reference has a variant and the picked target
 * (without one) exists with it: "b" picked for "a:free" may also be written "b:free". Null when there is no such choice.
 */
export function keepVariantOption(currentId: string, target: string, catalog: Pick<RefCatalog, 'has'>): string | null {
  const variant = variantOf(currentId);
  const t = normaliseTarget(target);
  if (variant === null || variantOf(t) !== null) return null;
  const withVariant = `${t}:${variant}`;
  return isRoutableTarget(withVariant, catalog) ? withVariant : null;
}

/**
 * Replace each of `refs` (all in this text) with exactly `targetId`, in one edit list; refused as a whole or
 * applied whole. The whole batch is checked on the edited text: it must not hold a key twice in one object.
 */
export function computeSwapMany(text: string, refs: readonly ModelRef[], targetId: string, catalog: RefCatalog, options: SwapOptions = {}): SwapResult {
  const target = normaliseTarget(targetId);
  const l10n = options.l10n ?? ENGLISH;
  const unknown = (): SwapResult => refuse('targetUnknown', l10n.t('"{0}" is not a model in the OpenRouter catalog.', targetId));
  const known = isRoutableTarget(target, catalog);
  if (!ID_RE.test(target)) return known ? refuse('targetInvalid', l10n.t('"{0}" cannot be written as a model id.', targetId)) : unknown();
  if (!known && options.allowUnknown !== true) return unknown();
  const edits: TextEdit[] = [];
  for (const ref of refs) {
    if (ref.offset < 0 || ref.offset + ref.length > text.length || text.slice(ref.offset, ref.offset + ref.length) !== ref.raw) {
      return refuse('stale', l10n.t('{0} changed since it was scanned (line {1} no longer reads "{2}"). Rescan and try again.', ref.file, ref.line, ref.raw));
    }
    const newRaw = ref.prefix + target;
    if (newRaw === ref.raw) continue;
    edits.push({ offset: ref.offset, length: ref.length, newText: newRaw });
  }
  edits.sort((a, b) => a.offset - b.offset);
  const notes: string[] = [];
  const first = refs[0];
  if (edits.length > 0 && first !== undefined) {
    const file = first.file;
    const format = keyFormatOf(file);
    const dup = format === null ? null : createdDuplicateKey(text, applyEdits(text, edits), edits, format);
    if (dup !== null) {
      return {
        ok: false,
        refusal: {
          kind: 'duplicateKey',
          file,
          line: dup.line,
          key: dup.key,
          message: l10n.t(
            `{0}:{1}: the swap would make a second "{2}" key in one object (also on line {3}), and one entry's settings would be lost. Merge them by hand; nothing was written.`,
            file,
            dup.line,
            dup.key,
            dup.firstLine,
          ),
        },
      };
    }
  }
  return { ok: true, edits, notes };
}

/** Replace one reference with `targetId` (a catalog id). */
export function computeSwap(text: string, ref: ModelRef, targetId: string, catalog: RefCatalog, options: SwapOptions = {}): SwapResult {
  return computeSwapMany(text, [ref], targetId, catalog, options);
}

/** Which model a reference names, ignoring variant and spelling (alias target or canonical slug both count). */
export function sameModelKey(ref: ModelRef): string {
  return baseOf(ref.modelId ?? ref.id);
}

/** Apply non-overlapping edits (any order) to text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}
