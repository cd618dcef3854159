// The grammar of an OpenRouter model id as it appears in files, and the decision "is this string a reference".
import type { RefCatalog } from './types';

export const OPENROUTER_PREFIX = 'openrouter/';

/**
 * author/slug[:variant], lower case only: OpenRouter ids are lower case, and the capitalised look-alikes
 * (Hugging Face "meta-llama/Llama-3.1-8B-Instruct", "Qwen/Qwen2.5-Coder") are other hubs' names.
 */
export const ID_RE = /^~?[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*(?::[a-z0-9][a-z0-9-]*)?$/;

/**
 * How a key writes its ids: bare ("deepseek/deepseek-v3.2"), with LiteLLM's provider prefix
 * ("openrouter/deepseek/deepseek-v3.2", Aider, LiteLLM, opencode `model`), or either (code, .env).
 */
export type PrefixPolicy = 'bare' | 'required' | 'optional';

/**
 * key: a config key that names an OpenRouter model, where an id of a known author counts even when the catalog
 * does not list it yet; any: any string, which counts only when the catalog resolves it.
 */
export type Trust = 'key' | 'any';

export interface IdInterpretation {
  prefix: 'openrouter/' | '';
  /** Without the prefix, as written (already lower case by the grammar). */
  id: string;
  known: boolean;
  modelId: string | null;
  /**
   * The OpenRouter preset named with "@preset/<slug>": alone ("@preset/coding", the preset picks the model) or after a
   * model ("openai/gpt-5@preset/coding"); null otherwise. Absent on ids without one.
   */
  preset?: string | null;
  /** For "model@preset/slug": the length of the model part, which is all a swap may replace. */
  modelLength?: number;
}

/** "@preset/<slug>": a preset instead of a model (OpenRouter docs, guides/features/presets). */
export const PRESET_RE = /^@preset\/([a-z0-9][a-z0-9._-]*)$/;
const PRESET_SUFFIX = '@preset/';

export function splitPrefix(raw: string, policy: PrefixPolicy): { prefix: 'openrouter/' | ''; id: string } | null {
  const hasPrefix = raw.startsWith(OPENROUTER_PREFIX) && raw.indexOf('/', OPENROUTER_PREFIX.length) > 0;
  if (policy === 'required') {
    return hasPrefix ? { prefix: OPENROUTER_PREFIX, id: raw.slice(OPENROUTER_PREFIX.length) } : null;
  }
  if (policy === 'optional' && hasPrefix) {
    return { prefix: OPENROUTER_PREFIX, id: raw.slice(OPENROUTER_PREFIX.length) };
  }
  // "openrouter/auto" has one slash: it is the router model itself, not a prefix.
  return { prefix: '', id: raw };
}

export function authorOf(id: string): string {
  const slash = id.indexOf('/');
  const author = slash < 0 ? id : id.slice(0, slash);
  return author.startsWith('~') ? author.slice(1) : author;
}

/** Decide whether `raw` (the whole string value, as written) is a model reference, and what it names. */
export function interpretId(raw: string, policy: PrefixPolicy, trust: Trust, catalog: RefCatalog): IdInterpretation | null {
  if (raw.length < 3 || raw.length > 200) return null;
  const split = splitPrefix(raw, policy);
  if (split === null) return null;
  const preset = presetOf(raw, split, policy, trust, catalog);
  if (preset !== undefined) return preset;
  if (!ID_RE.test(split.id)) return null;
  const resolved = catalog.resolve(split.id);
  if (resolved !== null) {
    return { prefix: split.prefix, id: split.id, known: true, modelId: resolved.model.id };
  }
  if (trust === 'key' && catalog.isKnownAuthor(authorOf(split.id))) {
    return { prefix: split.prefix, id: split.id, known: false, modelId: null };
  }
  return null;
}

/** Drop a ":variant" suffix. */
export function baseOf(id: string): string {
  const colon = id.indexOf(':');
  return colon < 0 ? id : id.slice(0, colon);
}

export function variantOf(id: string): string | null {
  const colon = id.indexOf(':');
  return colon < 0 ? null : id.slice(colon + 1);
}

/**
 * "@preset/slug" (a config key only: in arbitrary strings it proves nothing) and "model@preset/slug" (the model
 * part decides, as for any id). Undefined when `raw` names no preset; null when it does but is no reference.
 */
function presetOf(raw: string, split: { prefix: 'openrouter/' | ''; id: string }, policy: PrefixPolicy, trust: Trust, catalog: RefCatalog): IdInterpretation | null | undefined {
  const at = split.id.indexOf(PRESET_SUFFIX);
  if (at < 0) return undefined;
  const slug = PRESET_RE.exec(split.id.slice(at))?.[1];
  if (slug === undefined) return null;
  if (at === 0) return trust === 'key' ? { prefix: split.prefix, id: split.id, known: false, modelId: null, preset: slug } : null;
  const modelPart = raw.slice(0, raw.length - (split.id.length - at));
  const model = interpretId(modelPart, policy, trust, catalog);
  if (model === null || model.preset !== undefined) return null;
  return { ...model, preset: slug, modelLength: modelPart.length };
}
