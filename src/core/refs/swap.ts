// Replacing a model id in a file: only the id's characters change, so quotes, comments, indentation, key order and
// the tool's "openrouter/" prefix stay as the user wrote them.
import { ID_RE, OPENROUTER_PREFIX, baseOf, variantOf } from './idShape';
import type { ModelRef, RefCatalog } from './types';

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
  /** Renaming an object key would collide with a key already in the file. */
  | 'duplicateKey';

export interface SwapRefusal {
  kind: SwapRefusalKind;
  message: string;
}

export type SwapResult = { ok: true; edits: TextEdit[]; notes: string[] } | { ok: false; refusal: SwapRefusal };

/** Routing variants apply to every model, so they survive any swap. */
const ROUTING_VARIANTS = new Set(['nitro', 'floor', 'exacto', 'online']);

function refuse(kind: SwapRefusalKind, message: string): SwapResult {
  return { ok: false, refusal: { kind, message } };
}

/** Accepts a target written with the LiteLLM prefix too. */
function normaliseTarget(targetId: string): string {
  const t = targetId.trim();
  return t.startsWith(OPENROUTER_PREFIX) && t.indexOf('/', OPENROUTER_PREFIX.length) > 0 ? t.slice(OPENROUTER_PREFIX.length) : t;
}

/** The id to write for `ref`, keeping its variant when the target has it; null when the catalog lacks the target. */
function plan(ref: ModelRef, target: string, catalog: RefCatalog, notes: string[]): string | null {
  const variant = variantOf(ref.id);
  if (variantOf(target) !== null || variant === null) return catalog.has(target) ? target : null;
  const withVariant = `${target}:${variant}`;
  // Some models exist only as a variant (":free" with no paid entry), so the variant may be what makes it valid.
  if (catalog.has(withVariant) || (ROUTING_VARIANTS.has(variant) && catalog.has(target))) return withVariant;
  if (!catalog.has(target)) return null;
  notes.push(`${target} has no ":${variant}" variant in the catalog, so ${ref.raw} became ${ref.prefix}${target} (line ${ref.line}).`);
  return target;
}

/** Replace each of `refs` (all in this text) with `targetId`, in one edit list; refused as a whole or applied whole. */
export function computeSwapMany(text: string, refs: readonly ModelRef[], targetId: string, catalog: RefCatalog): SwapResult {
  const target = normaliseTarget(targetId);
  const unknown = (): SwapResult => refuse('targetUnknown', `"${targetId}" is not a model in the OpenRouter catalog.`);
  if (!ID_RE.test(target)) return catalog.has(target) ? refuse('targetInvalid', `"${targetId}" cannot be written as a model id.`) : unknown();
  const notes: string[] = [];
  const edits: TextEdit[] = [];
  for (const ref of refs) {
    if (ref.offset < 0 || ref.offset + ref.length > text.length || text.slice(ref.offset, ref.offset + ref.length) !== ref.raw) {
      return refuse('stale', `${ref.file} changed since it was scanned (line ${ref.line} no longer reads "${ref.raw}"). Rescan and try again.`);
    }
    const id = plan(ref, target, catalog, notes);
    if (id === null) return unknown();
    const newRaw = ref.prefix + id;
    if (newRaw === ref.raw) continue;
    if (ref.role === 'key' && new RegExp(`"${newRaw.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:`).test(text)) {
      return refuse('duplicateKey', `${ref.file} already lists "${newRaw}" next to "${ref.raw}" (line ${ref.line}); merge them by hand.`);
    }
    edits.push({ offset: ref.offset, length: ref.length, newText: newRaw });
  }
  if (edits.length === 0) notes.push(`Already ${target}; nothing to change.`);
  edits.sort((a, b) => a.offset - b.offset);
  return { ok: true, edits, notes };
}

/** Replace one reference with `targetId` (a catalog id). */
export function computeSwap(text: string, ref: ModelRef, targetId: string, catalog: RefCatalog): SwapResult {
  return computeSwapMany(text, [ref], targetId, catalog);
}

/** Which model a reference names, ignoring variant and spelling (alias target or canonical slug both count). */
export function sameModelKey(ref: ModelRef): string {
  return baseOf(ref.modelId ?? ref.id);
}

/** "Swap everywhere": every reference in `refs` (one file's) naming the same model as `ref`, in one edit list. */
export function computeSwapAll(text: string, refs: readonly ModelRef[], ref: ModelRef, targetId: string, catalog: RefCatalog): SwapResult {
  const key = sameModelKey(ref);
  return computeSwapMany(text, refs.filter((r) => r.file === ref.file && sameModelKey(r) === key), targetId, catalog);
}

/** Apply non-overlapping edits (any order) to text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}
