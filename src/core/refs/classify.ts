// Which files can hold model references, decided from the path alone so the scanner never reads the rest.
import type { FileKind } from './types';

const CODE_EXTENSIONS = new Set(['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs', 'py', 'go', 'rs', 'java', 'cs', 'rb', 'php']);

export type CodeLanguage = 'js' | 'py' | 'go' | 'rs' | 'java' | 'cs' | 'rb' | 'php';

const LANGUAGE_BY_EXTENSION: Record<string, CodeLanguage> = {
  ts: 'js', tsx: 'js', mts: 'js', cts: 'js', js: 'js', jsx: 'js', mjs: 'js', cjs: 'js',
  py: 'py', go: 'go', rs: 'rs', java: 'java', cs: 'cs', rb: 'rb', php: 'php',
};

/** Path segments, '/'-separated, without empty or "." parts. Backslashes are treated as separators too. */
export function pathSegments(path: string): string[] {
  return path.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The grammar for a file, or null when the file cannot hold a reference and need not be read. */
export function classifyPath(path: string): FileKind | null {
  const segs = pathSegments(path);
  const name = segs[segs.length - 1] ?? '';
  const parent = segs[segs.length - 2] ?? '';
  const lower = name.toLowerCase();
  const ext = extensionOf(lower);

  if (segs.slice(0, -1).includes('.continue')) {
    if (lower === 'config.json') return 'continue-json';
    if (ext === 'yaml' || ext === 'yml') return 'continue-yaml';
  }
  if (lower === '.aider.conf.yml' || lower === '.aider.conf.yaml') return 'aider-yaml';
  if (lower === 'opencode.json' || lower === 'opencode.jsonc') return 'opencode-json';
  if (ext === 'md' && (parent === 'agent' || parent === 'agents') && segs[segs.length - 3] === '.opencode') return 'opencode-agent';
  if (parent === '.zed' && lower === 'settings.json') return 'zed-json';
  if (parent === '.claude' && (lower === 'settings.json' || lower === 'settings.local.json')) return 'claude-json';
  if (parent === '.codex' && lower === 'config.toml') return 'codex-toml';
  if (parent === '.vscode' && lower === 'settings.json') return 'vscode-json';
  if (lower === '.env' || lower.startsWith('.env.') || lower === '.envrc') return 'dotenv';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  if (CODE_EXTENSIONS.has(ext)) return 'code';
  return null;
}

/**
 * Which file names each kind can come from, as glob name patterns. A Record over FileKind: a new kind does not
 * compile until it says where its files are, so the host's file listing (CANDIDATE_GLOB) cannot miss it.
 * Extension-level on purpose: classifyPath compares names case-insensitively, and the listing must not be
 * narrower than it.
 */
const NAME_PATTERNS: Record<Exclude<FileKind, 'text'>, readonly string[]> = {
  'continue-yaml': ['*.yaml', '*.yml'],
  'continue-json': ['*.json'],
  'aider-yaml': ['*.yml', '*.yaml'],
  'opencode-json': ['*.json', '*.jsonc'],
  'opencode-agent': ['*.md'],
  'zed-json': ['*.json'],
  'claude-json': ['*.json'],
  'codex-toml': ['*.toml'],
  dotenv: ['.env', '.env.*', '.envrc'],
  'vscode-json': ['*.json'],
  yaml: ['*.yaml', '*.yml'],
  code: [...CODE_EXTENSIONS].map((ext) => `*.${ext}`),
};

/** The syntax a kind's files are written in: what reads their model ids, and their keys when a swap checks them. */
export type FileSyntax = 'json' | 'yaml' | 'toml' | 'dotenv' | 'code' | 'text';

/** A Record over FileKind: a new kind does not compile until it says how its files are read. */
export const FILE_SYNTAX: Readonly<Record<FileKind, FileSyntax>> = {
  'continue-yaml': 'yaml',
  'continue-json': 'json',
  'aider-yaml': 'yaml',
  'opencode-json': 'json',
  // Markdown whose YAML front matter holds the model.
  'opencode-agent': 'yaml',
  'zed-json': 'json',
  'claude-json': 'json',
  'codex-toml': 'toml',
  dotenv: 'dotenv',
  'vscode-json': 'json',
  yaml: 'yaml',
  code: 'code',
  text: 'text',
};

/** Every name pattern a file classifyPath accepts can have (each once). */
export const CANDIDATE_NAME_PATTERNS: readonly string[] = [...new Set(Object.values(NAME_PATTERNS).flat())];

/** The glob the host lists candidate files with (`workspace.findFiles`); nothing else is ever read from disk. */
export const CANDIDATE_GLOB = `**/{${CANDIDATE_NAME_PATTERNS.join(',')}}`;

/** For files a user include glob brings in that no built-in rule covers. */
export function classifyIncluded(path: string): FileKind {
  return classifyPath(path) ?? 'text';
}

export function codeLanguageOf(path: string): CodeLanguage {
  const segs = pathSegments(path);
  return LANGUAGE_BY_EXTENSION[extensionOf(segs[segs.length - 1] ?? '')] ?? 'js';
}

/** Files whose references are configuration (CodeLens on by default) rather than code. */
export function isConfigKind(kind: FileKind): boolean {
  return kind !== 'code' && kind !== 'text';
}
