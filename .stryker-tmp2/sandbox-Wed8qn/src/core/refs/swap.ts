// @ts-nocheck
// Replacing a model id in a file: only the id's characters change, so quotes, comments, indentation, key order and
// the tool's "openrouter/" prefix stay as the user wrote them.
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
import { ID_RE, OPENROUTER_PREFIX, baseOf, variantOf } from './idShape';
import { ROUTING_VARIANTS } from '../catalog';
import { createdDuplicateKey, keyFormatOf } from './dupKeys';
import type { ModelRef, RefCatalog } from './types';
export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}
export type SwapRefusalKind = /** The target is not a routable id in the catalog. */
'targetUnknown'
/** The catalog id cannot be written into a file verbatim (characters outside the id grammar). */ | 'targetInvalid'
/** The text at the reference's range is no longer what the scan saw. */ | 'stale'
/** The edited file would hold the same key twice in one object, map or table. */ | 'duplicateKey';
export interface SwapRefusal {
  kind: SwapRefusalKind;
  message: string;
  /** For duplicateKey: where, in the edited text. */
  file?: string;
  line?: number;
  key?: string;
}
export type SwapResult = {
  ok: true;
  edits: TextEdit[];
  notes: string[];
} | {
  ok: false;
  refusal: SwapRefusal;
};
export interface SwapOptions {
  /** Write a target the catalog does not list (the headless CLI's --allow-unknown). */
  allowUnknown?: boolean;
}
function refuse(kind: SwapRefusalKind, message: string): SwapResult {
  if (stryMutAct_9fa48("0")) {
    {}
  } else {
    stryCov_9fa48("0");
    return stryMutAct_9fa48("1") ? {} : (stryCov_9fa48("1"), {
      ok: stryMutAct_9fa48("2") ? true : (stryCov_9fa48("2"), false),
      refusal: stryMutAct_9fa48("3") ? {} : (stryCov_9fa48("3"), {
        kind,
        message
      })
    });
  }
}

/** Accepts a target written with the LiteLLM prefix too. */
export function normaliseTarget(targetId: string): string {
  if (stryMutAct_9fa48("4")) {
    {}
  } else {
    stryCov_9fa48("4");
    const t = stryMutAct_9fa48("5") ? targetId : (stryCov_9fa48("5"), targetId.trim());
    return (stryMutAct_9fa48("8") ? t.startsWith(OPENROUTER_PREFIX) || t.indexOf('/', OPENROUTER_PREFIX.length) > 0 : stryMutAct_9fa48("7") ? false : stryMutAct_9fa48("6") ? true : (stryCov_9fa48("6", "7", "8"), (stryMutAct_9fa48("9") ? t.endsWith(OPENROUTER_PREFIX) : (stryCov_9fa48("9"), t.startsWith(OPENROUTER_PREFIX))) && (stryMutAct_9fa48("12") ? t.indexOf('/', OPENROUTER_PREFIX.length) <= 0 : stryMutAct_9fa48("11") ? t.indexOf('/', OPENROUTER_PREFIX.length) >= 0 : stryMutAct_9fa48("10") ? true : (stryCov_9fa48("10", "11", "12"), t.indexOf(stryMutAct_9fa48("13") ? "" : (stryCov_9fa48("13"), '/'), OPENROUTER_PREFIX.length) > 0)))) ? stryMutAct_9fa48("14") ? t : (stryCov_9fa48("14"), t.slice(OPENROUTER_PREFIX.length)) : t;
  }
}

/** A target OpenRouter routes: a catalog id (variants and aliases included), or a catalog id with a routing variant. */
export function isRoutableTarget(target: string, catalog: Pick<RefCatalog, 'has'>): boolean {
  if (stryMutAct_9fa48("15")) {
    {}
  } else {
    stryCov_9fa48("15");
    if (stryMutAct_9fa48("17") ? false : stryMutAct_9fa48("16") ? true : (stryCov_9fa48("16", "17"), catalog.has(target))) return stryMutAct_9fa48("18") ? false : (stryCov_9fa48("18"), true);
    const variant = variantOf(target);
    return stryMutAct_9fa48("21") ? variant !== null && ROUTING_VARIANTS.includes(variant) || catalog.has(baseOf(target)) : stryMutAct_9fa48("20") ? false : stryMutAct_9fa48("19") ? true : (stryCov_9fa48("19", "20", "21"), (stryMutAct_9fa48("23") ? variant !== null || ROUTING_VARIANTS.includes(variant) : stryMutAct_9fa48("22") ? true : (stryCov_9fa48("22", "23"), (stryMutAct_9fa48("25") ? variant === null : stryMutAct_9fa48("24") ? true : (stryCov_9fa48("24", "25"), variant !== null)) && ROUTING_VARIANTS.includes(variant))) && catalog.has(baseOf(target)));
  }
}

/**
 * The "keep :variant" choice a picker offers when the current reference has a variant and the picked target
 * (without one) exists with it: "b" picked for "a:free" may also be written "b:free". Null when there is no such choice.
 */
export function keepVariantOption(currentId: string, target: string, catalog: Pick<RefCatalog, 'has'>): string | null {
  if (stryMutAct_9fa48("26")) {
    {}
  } else {
    stryCov_9fa48("26");
    const variant = variantOf(currentId);
    const t = normaliseTarget(target);
    if (stryMutAct_9fa48("29") ? variant === null && variantOf(t) !== null : stryMutAct_9fa48("28") ? false : stryMutAct_9fa48("27") ? true : (stryCov_9fa48("27", "28", "29"), (stryMutAct_9fa48("31") ? variant !== null : stryMutAct_9fa48("30") ? false : (stryCov_9fa48("30", "31"), variant === null)) || (stryMutAct_9fa48("33") ? variantOf(t) === null : stryMutAct_9fa48("32") ? false : (stryCov_9fa48("32", "33"), variantOf(t) !== null)))) return null;
    const withVariant = stryMutAct_9fa48("34") ? `` : (stryCov_9fa48("34"), `${t}:${variant}`);
    return isRoutableTarget(withVariant, catalog) ? withVariant : null;
  }
}

/**
 * Replace each of `refs` (all in this text) with exactly `targetId`, in one edit list; refused as a whole or
 * applied whole. The whole batch is checked on the edited text: it must not hold a key twice in one object.
 */
export function computeSwapMany(text: string, refs: readonly ModelRef[], targetId: string, catalog: RefCatalog, options: SwapOptions = {}): SwapResult {
  if (stryMutAct_9fa48("35")) {
    {}
  } else {
    stryCov_9fa48("35");
    const target = normaliseTarget(targetId);
    const unknown = stryMutAct_9fa48("36") ? () => undefined : (stryCov_9fa48("36"), (() => {
      const unknown = (): SwapResult => refuse(stryMutAct_9fa48("37") ? "" : (stryCov_9fa48("37"), 'targetUnknown'), stryMutAct_9fa48("38") ? `` : (stryCov_9fa48("38"), `"${targetId}" is not a model in the OpenRouter catalog.`));
      return unknown;
    })());
    const known = isRoutableTarget(target, catalog);
    if (stryMutAct_9fa48("41") ? false : stryMutAct_9fa48("40") ? true : stryMutAct_9fa48("39") ? ID_RE.test(target) : (stryCov_9fa48("39", "40", "41"), !ID_RE.test(target))) return known ? refuse(stryMutAct_9fa48("42") ? "" : (stryCov_9fa48("42"), 'targetInvalid'), stryMutAct_9fa48("43") ? `` : (stryCov_9fa48("43"), `"${targetId}" cannot be written as a model id.`)) : unknown();
    if (stryMutAct_9fa48("46") ? !known || options.allowUnknown !== true : stryMutAct_9fa48("45") ? false : stryMutAct_9fa48("44") ? true : (stryCov_9fa48("44", "45", "46"), (stryMutAct_9fa48("47") ? known : (stryCov_9fa48("47"), !known)) && (stryMutAct_9fa48("49") ? options.allowUnknown === true : stryMutAct_9fa48("48") ? true : (stryCov_9fa48("48", "49"), options.allowUnknown !== (stryMutAct_9fa48("50") ? false : (stryCov_9fa48("50"), true)))))) return unknown();
    const edits: TextEdit[] = stryMutAct_9fa48("51") ? ["Stryker was here"] : (stryCov_9fa48("51"), []);
    for (const ref of refs) {
      if (stryMutAct_9fa48("52")) {
        {}
      } else {
        stryCov_9fa48("52");
        if (stryMutAct_9fa48("55") ? (ref.offset < 0 || ref.offset + ref.length > text.length) && text.slice(ref.offset, ref.offset + ref.length) !== ref.raw : stryMutAct_9fa48("54") ? false : stryMutAct_9fa48("53") ? true : (stryCov_9fa48("53", "54", "55"), (stryMutAct_9fa48("57") ? ref.offset < 0 && ref.offset + ref.length > text.length : stryMutAct_9fa48("56") ? false : (stryCov_9fa48("56", "57"), (stryMutAct_9fa48("60") ? ref.offset >= 0 : stryMutAct_9fa48("59") ? ref.offset <= 0 : stryMutAct_9fa48("58") ? false : (stryCov_9fa48("58", "59", "60"), ref.offset < 0)) || (stryMutAct_9fa48("63") ? ref.offset + ref.length <= text.length : stryMutAct_9fa48("62") ? ref.offset + ref.length >= text.length : stryMutAct_9fa48("61") ? false : (stryCov_9fa48("61", "62", "63"), (stryMutAct_9fa48("64") ? ref.offset - ref.length : (stryCov_9fa48("64"), ref.offset + ref.length)) > text.length)))) || (stryMutAct_9fa48("66") ? text.slice(ref.offset, ref.offset + ref.length) === ref.raw : stryMutAct_9fa48("65") ? false : (stryCov_9fa48("65", "66"), (stryMutAct_9fa48("67") ? text : (stryCov_9fa48("67"), text.slice(ref.offset, stryMutAct_9fa48("68") ? ref.offset - ref.length : (stryCov_9fa48("68"), ref.offset + ref.length)))) !== ref.raw)))) {
          if (stryMutAct_9fa48("69")) {
            {}
          } else {
            stryCov_9fa48("69");
            return refuse(stryMutAct_9fa48("70") ? "" : (stryCov_9fa48("70"), 'stale'), stryMutAct_9fa48("71") ? `` : (stryCov_9fa48("71"), `${ref.file} changed since it was scanned (line ${ref.line} no longer reads "${ref.raw}"). Rescan and try again.`));
          }
        }
        const newRaw = stryMutAct_9fa48("72") ? ref.prefix - target : (stryCov_9fa48("72"), ref.prefix + target);
        if (stryMutAct_9fa48("75") ? newRaw !== ref.raw : stryMutAct_9fa48("74") ? false : stryMutAct_9fa48("73") ? true : (stryCov_9fa48("73", "74", "75"), newRaw === ref.raw)) continue;
        edits.push(stryMutAct_9fa48("76") ? {} : (stryCov_9fa48("76"), {
          offset: ref.offset,
          length: ref.length,
          newText: newRaw
        }));
      }
    }
    stryMutAct_9fa48("77") ? edits : (stryCov_9fa48("77"), edits.sort(stryMutAct_9fa48("78") ? () => undefined : (stryCov_9fa48("78"), (a, b) => stryMutAct_9fa48("79") ? a.offset + b.offset : (stryCov_9fa48("79"), a.offset - b.offset))));
    const notes: string[] = stryMutAct_9fa48("80") ? ["Stryker was here"] : (stryCov_9fa48("80"), []);
    if (stryMutAct_9fa48("84") ? edits.length <= 0 : stryMutAct_9fa48("83") ? edits.length >= 0 : stryMutAct_9fa48("82") ? false : stryMutAct_9fa48("81") ? true : (stryCov_9fa48("81", "82", "83", "84"), edits.length > 0)) {
      if (stryMutAct_9fa48("85")) {
        {}
      } else {
        stryCov_9fa48("85");
        const file = refs[0].file;
        const format = keyFormatOf(file);
        const dup = (stryMutAct_9fa48("88") ? format !== null : stryMutAct_9fa48("87") ? false : stryMutAct_9fa48("86") ? true : (stryCov_9fa48("86", "87", "88"), format === null)) ? null : createdDuplicateKey(text, applyEdits(text, edits), edits, format);
        if (stryMutAct_9fa48("91") ? dup === null : stryMutAct_9fa48("90") ? false : stryMutAct_9fa48("89") ? true : (stryCov_9fa48("89", "90", "91"), dup !== null)) {
          if (stryMutAct_9fa48("92")) {
            {}
          } else {
            stryCov_9fa48("92");
            return stryMutAct_9fa48("93") ? {} : (stryCov_9fa48("93"), {
              ok: stryMutAct_9fa48("94") ? true : (stryCov_9fa48("94"), false),
              refusal: stryMutAct_9fa48("95") ? {} : (stryCov_9fa48("95"), {
                kind: stryMutAct_9fa48("96") ? "" : (stryCov_9fa48("96"), 'duplicateKey'),
                file,
                line: dup.line,
                key: dup.key,
                message: stryMutAct_9fa48("97") ? `` : (stryCov_9fa48("97"), `${file}:${dup.line}: the swap would make a second "${dup.key}" key in one object (also on line ${dup.firstLine}), and one entry's settings would be lost. Merge them by hand; nothing was written.`)
              })
            });
          }
        }
      }
    }
    return stryMutAct_9fa48("98") ? {} : (stryCov_9fa48("98"), {
      ok: stryMutAct_9fa48("99") ? false : (stryCov_9fa48("99"), true),
      edits,
      notes
    });
  }
}

/** Replace one reference with `targetId` (a catalog id). */
export function computeSwap(text: string, ref: ModelRef, targetId: string, catalog: RefCatalog, options: SwapOptions = {}): SwapResult {
  if (stryMutAct_9fa48("100")) {
    {}
  } else {
    stryCov_9fa48("100");
    return computeSwapMany(text, stryMutAct_9fa48("101") ? [] : (stryCov_9fa48("101"), [ref]), targetId, catalog, options);
  }
}

/** Which model a reference names, ignoring variant and spelling (alias target or canonical slug both count). */
export function sameModelKey(ref: ModelRef): string {
  if (stryMutAct_9fa48("102")) {
    {}
  } else {
    stryCov_9fa48("102");
    return baseOf(stryMutAct_9fa48("103") ? ref.modelId && ref.id : (stryCov_9fa48("103"), ref.modelId ?? ref.id));
  }
}

/** "Swap everywhere": every reference in `refs` (one file's) naming the same model as `ref`, in one edit list. */
export function computeSwapAll(text: string, refs: readonly ModelRef[], ref: ModelRef, targetId: string, catalog: RefCatalog, options: SwapOptions = {}): SwapResult {
  if (stryMutAct_9fa48("104")) {
    {}
  } else {
    stryCov_9fa48("104");
    const key = sameModelKey(ref);
    return computeSwapMany(text, stryMutAct_9fa48("105") ? refs : (stryCov_9fa48("105"), refs.filter(stryMutAct_9fa48("106") ? () => undefined : (stryCov_9fa48("106"), r => stryMutAct_9fa48("109") ? r.file === ref.file || sameModelKey(r) === key : stryMutAct_9fa48("108") ? false : stryMutAct_9fa48("107") ? true : (stryCov_9fa48("107", "108", "109"), (stryMutAct_9fa48("111") ? r.file !== ref.file : stryMutAct_9fa48("110") ? true : (stryCov_9fa48("110", "111"), r.file === ref.file)) && (stryMutAct_9fa48("113") ? sameModelKey(r) !== key : stryMutAct_9fa48("112") ? true : (stryCov_9fa48("112", "113"), sameModelKey(r) === key)))))), targetId, catalog, options);
  }
}

/** Apply non-overlapping edits (any order) to text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (stryMutAct_9fa48("114")) {
    {}
  } else {
    stryCov_9fa48("114");
    const sorted = stryMutAct_9fa48("115") ? [...edits] : (stryCov_9fa48("115"), (stryMutAct_9fa48("116") ? [] : (stryCov_9fa48("116"), [...edits])).sort(stryMutAct_9fa48("117") ? () => undefined : (stryCov_9fa48("117"), (a, b) => stryMutAct_9fa48("118") ? b.offset + a.offset : (stryCov_9fa48("118"), b.offset - a.offset))));
    let out = text;
    for (const e of sorted) out = stryMutAct_9fa48("119") ? out.slice(0, e.offset) + e.newText - out.slice(e.offset + e.length) : (stryCov_9fa48("119"), (stryMutAct_9fa48("120") ? out.slice(0, e.offset) - e.newText : (stryCov_9fa48("120"), (stryMutAct_9fa48("121") ? out : (stryCov_9fa48("121"), out.slice(0, e.offset))) + e.newText)) + (stryMutAct_9fa48("122") ? out : (stryCov_9fa48("122"), out.slice(stryMutAct_9fa48("123") ? e.offset - e.length : (stryCov_9fa48("123"), e.offset + e.length)))));
    return out;
  }
}