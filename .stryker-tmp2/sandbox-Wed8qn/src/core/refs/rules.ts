// @ts-nocheck
// Where each tool keeps its model ids: key paths per file kind, how the id is written there, and how far to trust
// a value the catalog does not know. See docs/model-config-files.md for the public examples these follow.
import type { RefTool } from '../../shared/types';
import type { PrefixPolicy, Trust } from './idShape';
import type { FileKind } from './types';

export type Seg = string | number;

/** Reads a scalar sibling of the value in the same mapping ("provider" next to "model"). */
export type Siblings = (key: string) => string | undefined;

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

function pointsAtOpenRouter(url: string | undefined): boolean {
  return url !== undefined && /(^|[/.])openrouter\.ai([:/]|$)/i.test(url);
}

function isOpenRouterProvider(provider: string | undefined): boolean {
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

/** The rule for a scalar value at `path` in a structured (JSON/YAML/TOML/front matter) file, or null. */
export function valueRule(kind: FileKind, path: readonly Seg[], siblings: Siblings): SlotRule | null {
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
        return { tool: 'claude-code', policy: 'bare', trust: 'key' };
      }
      if (pathIs(path, 'model')) return { tool: 'claude-code', policy: 'bare', trust: 'any' };
      return null;
    case 'codex-toml':
      if (pathIs(path, 'model') || pathIs(path, 'profiles', null, 'model')) return { tool: 'codex', policy: 'bare', trust: 'key' };
      return null;
    case 'vscode-json':
      return { tool: 'vscode', policy: 'optional', trust: 'any' };
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
  return null;
}

/** `.env` keys: Aider's own (LiteLLM-prefixed ids) and the generic *_MODEL family (bare, sometimes prefixed). */
export function envRule(name: string): SlotRule | null {
  if (AIDER_ENV_KEYS.has(name)) return { tool: 'aider', policy: 'required', trust: 'key' };
  if (/^(?:[A-Z0-9_]*_)?MODEL(?:_NAME|_ID)?$/.test(name)) return { tool: 'dotenv', policy: 'optional', trust: 'key' };
  return null;
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
