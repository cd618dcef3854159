// Where each tool keeps its model ids: key paths per file kind, how the id is written there, and how far to trust
// a value the catalog does not know. See docs/model-config-files.md for the public examples these follow.
import type { RefTool } from '../../shared/types';
import type { PrefixPolicy, Trust } from './idShape';
import type { FileKind } from './types';

export type Seg = string | number;

/** Reads a scalar sibling of the value in the same mapping ("provider" next to "model"); the last one wins. */
export type Siblings = (key: string) => string | undefined;

/** Reads a scalar anywhere in the same document by its key path (Codex's `model_providers.<id>.base_url`). */
export type DocLookup = (path: readonly Seg[]) => string | undefined;

/**
 * No rule reads a path longer than this (Zed's `language_models.open_router.available_models[i].name` is 5), so
 * parsers need not descend, or keep anything, deeper.
 */
export const MAX_RULE_DEPTH = 6;

export interface SlotRule {
  tool: RefTool;
  policy: PrefixPolicy;
  trust: Trust;
  /** Aider aliases are "name:model"; the id is the part after the first colon. */
  afterColon?: boolean;
}

const CLAUDE_ENV_KEYS = new Set([
  'ANTHROPIC_MODEL',
  'ANTHROPIC_DEFAULT_OPUS_MODEL',
  'ANTHROPIC_DEFAULT_SONNET_MODEL',
  'ANTHROPIC_DEFAULT_HAIKU_MODEL',
  'CLAUDE_CODE_SUBAGENT_MODEL',
  'ANTHROPIC_SMALL_FAST_MODEL',
]);

const AIDER_ENV_KEYS = new Set(['AIDER_MODEL', 'AIDER_EDITOR_MODEL', 'AIDER_WEAK_MODEL']);
const AIDER_YAML_KEYS = new Set(['model', 'editor-model', 'weak-model']);
const ZED_MODEL_SLOTS = new Set(['default_model', 'inline_assistant_model', 'commit_message_model', 'thread_summary_model']);

/**
 * VS Code settings known to hold a model id (docs/model-config-files.md). Beyond these, a setting whose own name
 * ends in "model"/"models"/"modelId"/"modelName" (a number may follow: "model2") holds one; anything else in settings.json (json.schemas,
 * cSpell.words, files.associations, ...) never does, whatever its strings look like.
 */
const VSCODE_MODEL_SETTINGS = new Set([
  'maiide.model',
  'multi-llm-single.selectedModel',
  'inlineChat.defaultModel',
  'chat.utilityModel',
  'chat.utilitySmallModel',
  'chat.byokUtilityModelDefault',
  'github.copilot.chat.customOAIModels',
]);
const MODEL_SETTING_NAME_RE = /model(?:s|id|ids|name|names)?(?:[-_]?\d+)?$/i;

/** A URL longer than this is not a base URL; reading it would only cost time. */
const MAX_URL_LENGTH = 2048;

export function pointsAtOpenRouter(url: string | undefined): boolean {
  return url !== undefined && url.length <= MAX_URL_LENGTH && /(^|[/.])openrouter\.ai([:/]|$)/i.test(url);
}

export function isOpenRouterProvider(provider: string | undefined): boolean {
  return provider !== undefined && provider.toLowerCase() === 'openrouter';
}

function pathIs(path: readonly Seg[], ...pattern: (string | null)[]): boolean {
  // null in the pattern matches any index or key.
  if (path.length !== pattern.length) return false;
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i];
    if (p !== null && path[i] !== p) return false;
  }
  return true;
}

/** Continue names the provider next to the model; without it only catalog ids count. */
function continueRule(siblings: Siblings): SlotRule | null {
  const provider = siblings('provider');
  if (isOpenRouterProvider(provider) || pointsAtOpenRouter(siblings('apiBase'))) {
    return { tool: 'continue', policy: 'bare', trust: 'key' };
  }
  return provider === undefined ? { tool: 'continue', policy: 'bare', trust: 'any' } : null;
}

/** A VS Code setting id as written at the top of settings.json, or inside a "[language]" override block. */
function vscodeSetting(path: readonly Seg[]): { id: string; rest: number } | null {
  const first = path[0];
  if (typeof first !== 'string') return null;
  if (first.startsWith('[') && first.endsWith(']')) {
    const second = path[1];
    return typeof second === 'string' ? { id: second, rest: path.length - 2 } : null;
  }
  return { id: first, rest: path.length - 1 };
}

function isModelSetting(id: string): boolean {
  if (VSCODE_MODEL_SETTINGS.has(id)) return true;
  const dot = id.lastIndexOf('.');
  return dot > 0 && MODEL_SETTING_NAME_RE.test(id.slice(dot + 1));
}

/**
 * A model setting's own string, an entry of its list or a value of its map ("chat.models": [...]); catalog ids
 * only, unless the setting's name says OpenRouter.
 */
function vscodeRule(path: readonly Seg[]): SlotRule | null {
  const setting = vscodeSetting(path);
  if (setting === null || setting.rest > 1 || !isModelSetting(setting.id)) return null;
  return { tool: 'vscode', policy: 'optional', trust: /openrouter/i.test(setting.id) ? 'key' : 'any' };
}

/** Codex CLI: the profile's provider, else the top-level one, names OpenRouter or a provider at openrouter.ai. */
function codexTrust(path: readonly Seg[], siblings: Siblings, doc: DocLookup): Trust {
  const provider = siblings('model_provider') ?? (path.length > 1 ? doc(['model_provider']) : undefined);
  if (provider === undefined) return 'any';
  if (isOpenRouterProvider(provider) || pointsAtOpenRouter(doc(['model_providers', provider, 'base_url']))) return 'key';
  return 'any';
}

const NO_DOC: DocLookup = () => undefined;

/**
 * The rule for a scalar value at `path` in a structured (JSON/YAML/TOML/front matter) file, or null. An id the
 * catalog does not list counts (trust "key") only where the key or the file says it is an OpenRouter model.
 */
export function valueRule(kind: FileKind, path: readonly Seg[], siblings: Siblings, doc: DocLookup = NO_DOC): SlotRule | null {
  switch (kind) {
    case 'continue-yaml':
    case 'continue-json':
      if (pathIs(path, 'models', null, 'model') && typeof path[1] === 'number') return continueRule(siblings);
      if (pathIs(path, 'tabAutocompleteModel', 'model')) return continueRule(siblings);
      if (pathIs(path, 'tabAutocompleteModel', null, 'model') && typeof path[1] === 'number') return continueRule(siblings);
      return null;
    case 'aider-yaml':
      if (path.length === 1 && typeof path[0] === 'string' && AIDER_YAML_KEYS.has(path[0])) {
        return { tool: 'aider', policy: 'required', trust: 'key' };
      }
      if (pathIs(path, 'alias') || (pathIs(path, 'alias', null) && typeof path[1] === 'number')) {
        return { tool: 'aider', policy: 'required', trust: 'key', afterColon: true };
      }
      return null;
    case 'opencode-json':
      if (pathIs(path, 'model') || pathIs(path, 'small_model')) return { tool: 'opencode', policy: 'required', trust: 'key' };
      if (pathIs(path, 'agent', null, 'model') || pathIs(path, 'mode', null, 'model')) {
        return { tool: 'opencode', policy: 'required', trust: 'key' };
      }
      return null;
    case 'opencode-agent':
      return pathIs(path, 'model') ? { tool: 'opencode', policy: 'required', trust: 'key' } : null;
    case 'yaml':
      if (pathIs(path, 'model_list', null, 'litellm_params', 'model') && typeof path[1] === 'number') {
        // Some guides drop the prefix when api_base already points at OpenRouter.
        const policy: PrefixPolicy = pointsAtOpenRouter(siblings('api_base')) ? 'optional' : 'required';
        return { tool: 'litellm', policy, trust: 'key' };
      }
      return null;
    case 'zed-json':
      if (path.length === 3 && (path[0] === 'agent' || path[0] === 'assistant') && typeof path[1] === 'string'
        && ZED_MODEL_SLOTS.has(path[1]) && path[2] === 'model') {
        const provider = siblings('provider');
        if (isOpenRouterProvider(provider)) return { tool: 'zed', policy: 'bare', trust: 'key' };
        return provider === undefined ? { tool: 'zed', policy: 'bare', trust: 'any' } : null;
      }
      if (pathIs(path, 'agent', 'inline_alternatives', null, 'model') && isOpenRouterProvider(siblings('provider'))) {
        return { tool: 'zed', policy: 'bare', trust: 'key' };
      }
      if (pathIs(path, 'language_models', 'open_router', 'available_models', null, 'name') && typeof path[3] === 'number') {
        return { tool: 'zed', policy: 'bare', trust: 'key' };
      }
      return null;
    case 'claude-json':
      if (path.length === 2 && path[0] === 'env' && typeof path[1] === 'string' && CLAUDE_ENV_KEYS.has(path[1])) {
        // Claude Code talks to OpenRouter only when its base URL says so.
        return { tool: 'claude-code', policy: 'bare', trust: pointsAtOpenRouter(siblings('ANTHROPIC_BASE_URL')) ? 'key' : 'any' };
      }
      if (pathIs(path, 'model')) return { tool: 'claude-code', policy: 'bare', trust: 'any' };
      return null;
    case 'codex-toml':
      if (pathIs(path, 'model') || pathIs(path, 'profiles', null, 'model')) {
        return { tool: 'codex', policy: 'bare', trust: codexTrust(path, siblings, doc) };
      }
      return null;
    case 'vscode-json':
      return vscodeRule(path);
    case 'dotenv':
    case 'code':
    case 'text':
      return null;
  }
}

/** The rule for an object key at `objectPath` (opencode lists its OpenRouter models as keys), or null. */
export function keyRule(kind: FileKind, objectPath: readonly Seg[]): SlotRule | null {
  if (kind === 'opencode-json' && pathIs(objectPath, 'provider', 'openrouter', 'models')) {
    return { tool: 'opencode', policy: 'bare', trust: 'key' };
  }
  // Copilot's customOAIModels lists its models as keys.
  if (kind === 'vscode-json') {
    const setting = vscodeSetting(objectPath);
    if (setting !== null && setting.rest === 0 && isModelSetting(setting.id)) return { tool: 'vscode', policy: 'optional', trust: 'any' };
  }
  return null;
}

/**
 * Words in a `.env` key that name a model of another kind than an OpenRouter chat model: speech, embeddings,
 * images, Hugging Face. Such keys count catalog ids only, whatever the file says about OpenRouter.
 */
const NOT_CHAT_MODEL_WORDS = new Set([
  'WHISPER', 'EMBED', 'EMBEDDING', 'EMBEDDINGS', 'RERANK', 'RERANKER', 'RERANKING', 'TTS', 'STT', 'ASR', 'SPEECH',
  'TRANSCRIBE', 'TRANSCRIPTION', 'VOICE', 'AUDIO', 'IMAGE', 'IMAGES', 'IMG', 'DIFFUSION', 'SD', 'SDXL', 'CLIP', 'OCR',
  'HF', 'HUGGINGFACE', 'TOKENIZER', 'SENTENCE', 'NER', 'DETECTION', 'DETECTOR', 'YOLO', 'SEGMENTATION', 'CLASSIFIER',
  'VAD', 'DALLE', 'VIDEO', 'MUSIC', 'VECTOR', 'OLLAMA', 'LOCAL',
]);

/** What the rest of a `.env` file says about the generic *_MODEL keys in it. */
export interface EnvContext {
  /** A base URL in the file points at openrouter.ai, or a *PROVIDER key names openrouter. */
  declaresOpenRouter: boolean;
}

/** A `.env` key and value that say the file talks to OpenRouter. */
export function envDeclaresOpenRouter(name: string, value: string): boolean {
  if (/PROVIDER$/.test(name) && isOpenRouterProvider(value.trim())) return true;
  return pointsAtOpenRouter(value);
}

/**
 * `.env` keys: Aider's own (LiteLLM-prefixed ids, the prefix says OpenRouter) and the generic *_MODEL family (bare,
 * sometimes prefixed). A generic key counts an id the catalog does not list only when the key names OpenRouter,
 * the value carries the "openrouter/" prefix, or the file points at OpenRouter and the key is not one of another
 * kind of model (WHISPER_MODEL, EMBEDDING_MODEL, HF_MODEL, ...).
 */
export function envRule(name: string, value: string, context: EnvContext): SlotRule | null {
  if (AIDER_ENV_KEYS.has(name)) return { tool: 'aider', policy: 'required', trust: 'key' };
  if (name.length > 200 || !/^(?:[A-Z0-9_]*_)?MODEL(?:_NAME|_ID)?$/.test(name)) return null;
  const words = name.split('_');
  const trusted = words.includes('OPENROUTER')
    || (value.startsWith('openrouter/') && value.indexOf('/', 'openrouter/'.length) > 0)
    || (context.declaresOpenRouter && !words.some((w) => NOT_CHAT_MODEL_WORDS.has(w)));
  return { tool: 'dotenv', policy: 'optional', trust: trusted ? 'key' : 'any' };
}

/** "models[0].model", "env.ANTHROPIC_MODEL", 'provider.openrouter.models["x/y"]'. */
export function formatKeyPath(path: readonly Seg[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}
