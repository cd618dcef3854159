// The data the reference finder produces and the small slice of the catalog it needs.
import type { CatalogModel, RefTool } from '../../shared/types';

/** What recognition needs from the catalog; an adapter over the catalog index implements it. */
export interface RefCatalog {
  /** Resolve a normalised id (no "openrouter/" prefix): catalog id, canonical slug, "~" alias, with ":variant". */
  resolve(id: string): RefResolution | null;
  /** Exact routable catalog id (variants included), for swap targets. */
  has(id: string): boolean;
  /** The author is a lab the catalog or the region table knows, so a new model of theirs is still a reference. */
  isKnownAuthor(author: string): boolean;
}

export interface RefResolution {
  model: CatalogModel;
  /** Variant as written, without the colon. */
  variant: string | null;
}

/** How the id sits in the file, which the edit must keep. */
export type RefQuote = '"' | "'" | '`' | 'none';

export interface ModelRef {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, UTF-16 code units, first character of the id as written (prefix included). */
  column: number;
  /** UTF-16 offset of the first character of `raw` in the text. */
  offset: number;
  length: number;
  /** As written, e.g. "openrouter/deepseek/deepseek-v3.2:free". */
  raw: string;
  /** Normalised: no "openrouter/" prefix, lower case, variant and "~" kept. */
  id: string;
  known: boolean;
  /** Catalog id it resolves to (aliases and canonical slugs resolved), null when unknown. */
  modelId: string | null;
  tool: RefTool;
  /** "models[0].model", "env.ANTHROPIC_MODEL", "AIDER_MODEL"; null for string literals in code. */
  keyPath: string | null;
  prefix: 'openrouter/' | '';
  quote: RefQuote;
  /** An object key (opencode `provider.openrouter.models.<id>`) rather than a value. */
  role: 'value' | 'key';
  /**
   * The OpenRouter preset the value names ("@preset/<slug>" alone, or after the model): absent when none. For
   * "model@preset/slug" the reference (`raw`, `length`) is the model part only, so a swap keeps the preset.
   */
  preset?: string;
}

/** Which grammar a file is read with, decided from its path alone (before reading it). */
export type FileKind =
  | 'continue-yaml'
  | 'continue-json'
  | 'aider-yaml'
  | 'opencode-json'
  | 'opencode-agent'
  | 'zed-json'
  | 'claude-json'
  | 'codex-toml'
  | 'dotenv'
  | 'vscode-json'
  | 'yaml'
  | 'code'
  /** Only reachable through user include globs: any file, catalog ids found as plain tokens. */
  | 'text';
