// One shared fake of the parts of the `vscode` API the host uses, for host-level tests in Node
// (contract test, activation benchmark). It records what the extension registers and reads.
// Aliased as 'vscode' in vitest.config.mts; never per-file mocks.

type Listener<T> = (e: T) => unknown;

export class Disposable {
  constructor(private readonly fn: () => void = () => undefined) {}
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((i) => i.dispose()));
  }
  dispose(): void {
    this.fn();
  }
}

export class EventEmitter<T> {
  private listeners = new Set<Listener<T>>();
  readonly event = (listener: Listener<T>): Disposable => {
    this.listeners.add(listener);
    return new Disposable(() => this.listeners.delete(listener));
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

export class Uri {
  private constructor(readonly scheme: string, readonly path: string) {}
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  static parse(value: string): Uri {
    const m = /^([a-z][a-z0-9+.-]*):(.*)$/i.exec(value);
    const [, scheme, rest = ''] = m ?? [];
    return scheme !== undefined ? new Uri(scheme, rest) : new Uri('file', value);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, [base.path.replace(/\/$/, ''), ...parts].join('/'));
  }
  get fsPath(): string {
    return this.path;
  }
  with(change: { path?: string }): Uri {
    return new Uri(this.scheme, change.path ?? this.path);
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

export class Position {
  constructor(readonly line: number, readonly character: number) {}
}
export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    this.start = typeof a === 'number' ? new Position(a, b as number) : a;
    this.end = typeof a === 'number' ? new Position(c ?? 0, d ?? 0) : (b as Position);
  }
  contains(p: Position): boolean {
    return (p.line > this.start.line || (p.line === this.start.line && p.character >= this.start.character)) &&
      (p.line < this.end.line || (p.line === this.end.line && p.character <= this.end.character));
  }
  /** As VS Code: the overlap, or undefined when the ranges do not touch. */
  intersection(other: Range): Range | undefined {
    const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character < b.character);
    const start = before(this.start, other.start) ? other.start : this.start;
    const end = before(this.end, other.end) ? this.end : other.end;
    return before(end, start) ? undefined : new Range(start, end);
  }
}
export class Selection extends Range {}
export class ThemeColor {
  constructor(readonly id: string) {}
}
export class ThemeIcon {
  constructor(readonly id: string) {}
}
export class MarkdownString {
  isTrusted: boolean | { enabledCommands: string[] } = false;
  supportThemeIcons = false;
  constructor(public value = '', supportThemeIcons = false) {
    this.supportThemeIcons = supportThemeIcons;
  }
  appendMarkdown(v: string): this {
    this.value += v;
    return this;
  }
  appendText(v: string): this {
    this.value += v;
    return this;
  }
}
export class CodeLens {
  constructor(readonly range: Range, public command?: { title: string; command: string; arguments?: unknown[] }) {}
}
export class Hover {
  constructor(readonly contents: unknown, readonly range?: Range) {}
}
export class Diagnostic {
  source?: string;
  code?: unknown;
  constructor(readonly range: Range, readonly message: string, readonly severity?: number) {}
}
export class CodeAction {
  edit?: WorkspaceEdit;
  command?: unknown;
  diagnostics?: Diagnostic[];
  isPreferred?: boolean;
  constructor(readonly title: string, readonly kind?: unknown) {}
}
export class CodeActionKind {
  static readonly QuickFix = new CodeActionKind('quickfix');
  static readonly RefactorRewrite = new CodeActionKind('refactor.rewrite');
  static readonly Refactor = new CodeActionKind('refactor');
  constructor(readonly value: string) {}
}
export class WorkspaceEdit {
  readonly edits: { uri: Uri; range: Range; newText: string; metadata?: unknown }[] = [];
  replace(uri: Uri, range: Range, newText: string, metadata?: unknown): void {
    this.edits.push({ uri, range, newText, metadata });
  }
  /** File operations, apart from the text edits. */
  readonly fileOps: { kind: 'create'; uri: Uri; options?: { overwrite?: boolean; ignoreIfExists?: boolean }; metadata?: unknown }[] = [];
  createFile(uri: Uri, options?: { overwrite?: boolean; ignoreIfExists?: boolean }, metadata?: unknown): void {
    this.fileOps.push({ kind: 'create', uri, options, metadata });
  }
  get size(): number {
    return this.edits.length;
  }
}
export class RelativePattern {
  constructor(readonly base: unknown, readonly pattern: string) {}
}
export class CancellationTokenSource {
  private readonly emitter = new EventEmitter<void>();
  readonly token = { isCancellationRequested: false, onCancellationRequested: this.emitter.event };
  cancel(): void {
    this.token.isCancellationRequested = true;
    this.emitter.fire();
  }
  dispose(): void {
    this.emitter.dispose();
  }
}

export enum StatusBarAlignment { Left = 1, Right = 2 }
export enum DiagnosticSeverity { Error = 0, Warning = 1, Information = 2, Hint = 3 }
export enum ViewColumn { Active = -1, Beside = -2, One = 1 }
export enum ProgressLocation { SourceControl = 1, Window = 10, Notification = 15 }
export enum ConfigurationTarget { Global = 1, Workspace = 2, WorkspaceFolder = 3 }
export enum QuickPickItemKind { Separator = -1, Default = 0 }
export enum FileType { Unknown = 0, File = 1, Directory = 2, SymbolicLink = 64 }
export enum LogLevel { Off = 0, Trace = 1, Debug = 2, Info = 3, Warning = 4, Error = 5 }

/** What the extension did against this fake, for assertions. */
export const recorded = {
  commands: new Map<string, (...args: unknown[]) => unknown>(),
  configurationReads: new Set<string>(),
  webviewViews: new Set<string>(),
  statusBarItems: [] as { id?: string; name?: string; text: string; visible: boolean }[],
  logLines: [] as string[],
  messages: [] as { level: string; message: string }[],
  /** Hover providers as registered, to call them as VS Code would. */
  hoverProviders: [] as { provideHover(doc: unknown, pos: unknown): unknown }[],
  /** CodeLens providers as registered, to call them as VS Code would. */
  codeLensProviders: [] as { provideCodeLenses(doc: unknown): unknown }[],
};

export const configurationValues = new Map<string, unknown>();
/**
 * Values from a workspace's or a folder's .vscode/settings.json (full keys). `get` lets them win over
 * `configurationValues` (the user's), as VS Code does for window/resource-scoped settings; `inspect` shows each layer.
 */
export const workspaceConfigurationValues = new Map<string, unknown>();
export const workspaceFolderConfigurationValues = new Map<string, unknown>();
const configurationEmitter = new EventEmitter<{ affectsConfiguration(section: string): boolean }>();

function logChannel(name: string): unknown {
  const line = (level: string) => (message: string, ...args: unknown[]) =>
    recorded.logLines.push(`[${level}] ${name}: ${message}${args.length ? ' ' + args.map(String).join(' ') : ''}`);
  const changed = new EventEmitter<LogLevel>();
  return {
    name,
    logLevel: LogLevel.Info,
    onDidChangeLogLevel: changed.event,
    trace: line('trace'),
    debug: line('debug'),
    info: line('info'),
    warn: line('warn'),
    error: (e: unknown) => line('error')(e instanceof Error ? e.message : String(e)),
    append: (v: string) => recorded.logLines.push(v),
    appendLine: (v: string) => recorded.logLines.push(v),
    replace: () => undefined,
    clear: () => undefined,
    show: () => undefined,
    hide: () => undefined,
    dispose: () => undefined,
  };
}

const windowStateEmitter = new EventEmitter<{ focused: boolean; active: boolean }>();
const activeEditorEmitter = new EventEmitter<unknown>();
const noopDisposable = (): Disposable => new Disposable();

export const window = {
  state: { focused: true, active: true },
  activeTextEditor: undefined as unknown,
  visibleTextEditors: [] as unknown[],
  onDidChangeWindowState: windowStateEmitter.event,
  onDidChangeActiveTextEditor: activeEditorEmitter.event,
  createOutputChannel: (name: string) => logChannel(name),
  createStatusBarItem: (idOrAlignment?: string | number, _alignment?: number, _priority?: number) => {
    const item = {
      id: typeof idOrAlignment === 'string' ? idOrAlignment : undefined,
      name: undefined as string | undefined,
      text: '',
      tooltip: undefined as unknown,
      command: undefined as unknown,
      backgroundColor: undefined as unknown,
      color: undefined as unknown,
      accessibilityInformation: undefined as unknown,
      visible: false,
      show() {
        this.visible = true;
      },
      hide() {
        this.visible = false;
      },
      dispose() {
        this.visible = false;
      },
    };
    recorded.statusBarItems.push(item);
    return item;
  },
  registerWebviewViewProvider: (id: string) => {
    recorded.webviewViews.add(id);
    return new Disposable(() => recorded.webviewViews.delete(id));
  },
  registerWebviewPanelSerializer: noopDisposable,
  createWebviewPanel: () => {
    throw new Error('fake vscode: createWebviewPanel is not available in unit tests');
  },
  showInformationMessage: async (message: string) => {
    recorded.messages.push({ level: 'info', message });
    return undefined;
  },
  showWarningMessage: async (message: string) => {
    recorded.messages.push({ level: 'warning', message });
    return undefined;
  },
  showErrorMessage: async (message: string) => {
    recorded.messages.push({ level: 'error', message });
    return undefined;
  },
  showInputBox: async () => undefined,
  showQuickPick: async () => undefined,
  showSaveDialog: async () => undefined,
  createQuickPick: () => {
    throw new Error('fake vscode: createQuickPick is not available in unit tests');
  },
  withProgress: async <T>(_o: unknown, task: (p: { report(v: unknown): void }, t: unknown) => Promise<T>): Promise<T> =>
    task({ report: () => undefined }, new CancellationTokenSource().token),
  showTextDocument: async () => undefined,
};

export const commands = {
  registerCommand: (id: string, fn: (...args: unknown[]) => unknown) => {
    if (recorded.commands.has(id)) throw new Error(`command '${id}' already exists`);
    recorded.commands.set(id, fn);
    return new Disposable(() => recorded.commands.delete(id));
  },
  executeCommand: async (id: string, ...args: unknown[]) => recorded.commands.get(id)?.(...args),
  getCommands: async () => [...recorded.commands.keys()],
};

export const workspace = {
  isTrusted: true,
  workspaceFolders: undefined as unknown,
  textDocuments: [] as unknown[],
  getConfiguration: (section?: string) => ({
    get: <T>(key: string, fallback?: T): T | undefined => {
      const full = section ? `${section}.${key}` : key;
      recorded.configurationReads.add(full);
      for (const layer of [workspaceFolderConfigurationValues, workspaceConfigurationValues, configurationValues]) {
        if (layer.has(full)) return layer.get(full) as T;
      }
      return fallback;
    },
    has: (key: string) => configurationValues.has(section ? `${section}.${key}` : key),
    inspect: (key: string) => {
      const full = section ? `${section}.${key}` : key;
      recorded.configurationReads.add(full);
      return {
        key: full,
        defaultValue: undefined,
        globalValue: configurationValues.get(full),
        workspaceValue: workspaceConfigurationValues.get(full),
        workspaceFolderValue: workspaceFolderConfigurationValues.get(full),
      };
    },
    update: async (key: string, value: unknown) => {
      configurationValues.set(section ? `${section}.${key}` : key, value);
    },
  }),
  onDidChangeConfiguration: configurationEmitter.event,
  onDidGrantWorkspaceTrust: new EventEmitter<void>().event,
  onDidChangeWorkspaceFolders: new EventEmitter<unknown>().event,
  onDidChangeTextDocument: new EventEmitter<unknown>().event,
  onDidOpenTextDocument: new EventEmitter<unknown>().event,
  onDidCloseTextDocument: new EventEmitter<unknown>().event,
  onDidSaveTextDocument: new EventEmitter<unknown>().event,
  createFileSystemWatcher: () => ({
    onDidChange: new EventEmitter<Uri>().event,
    onDidCreate: new EventEmitter<Uri>().event,
    onDidDelete: new EventEmitter<Uri>().event,
    dispose: () => undefined,
  }),
  findFiles: async () => [],
  openTextDocument: async () => {
    throw new Error('fake vscode: openTextDocument is not available in unit tests');
  },
  applyEdit: async () => false,
  asRelativePath: (p: Uri | string) => (typeof p === 'string' ? p : p.path),
  getWorkspaceFolder: () => undefined,
  fs: {
    stat: async () => {
      throw new Error('fake vscode: no file system');
    },
    readFile: async () => {
      throw new Error('fake vscode: no file system');
    },
    writeFile: async () => undefined,
    readDirectory: async () => [],
  },
};

export const languages = {
  registerHoverProvider: (_selector: unknown, provider: { provideHover(doc: unknown, pos: unknown): unknown }) => {
    recorded.hoverProviders.push(provider);
    return new Disposable(() => recorded.hoverProviders.splice(recorded.hoverProviders.indexOf(provider), 1));
  },
  registerCodeLensProvider: (_selector: unknown, provider: { provideCodeLenses(doc: unknown): unknown }) => {
    recorded.codeLensProviders.push(provider);
    return new Disposable(() => recorded.codeLensProviders.splice(recorded.codeLensProviders.indexOf(provider), 1));
  },
  registerCodeActionsProvider: noopDisposable,
  createDiagnosticCollection: (name?: string) => ({
    name,
    set: () => undefined,
    delete: () => undefined,
    clear: () => undefined,
    dispose: () => undefined,
  }),
};

/** No bundle is loaded, as in VS Code with the English UI: the message itself, `{0}`-style placeholders filled. */
export const l10n = {
  /** What VS Code loaded from l10n/bundle.l10n.<language>.json; undefined for English. Tests may set it. */
  bundle: undefined as Record<string, string> | undefined,
  t: (message: string, ...args: (string | number | boolean)[]): string =>
    message.replace(/\{(\d+)\}/g, (whole, i: string) => {
      const arg = args[Number(i)];
      return arg === undefined ? whole : String(arg);
    }),
};

export const env = {
  /** The UI language; tests may set it. */
  language: 'en',
  clipboard: { readText: async () => '', writeText: async (_t: string) => undefined },
  openExternal: async () => true,
  uriScheme: 'vscode',
  appName: 'Fake VS Code',
};

export function fireConfigurationChange(sections: string[]): void {
  configurationEmitter.fire({ affectsConfiguration: (s: string) => sections.some((x) => x === s || x.startsWith(`${s}.`)) });
}
export function setWindowFocus(focused: boolean): void {
  window.state = { focused, active: focused };
  windowStateEmitter.fire(window.state);
}

/** An ExtensionContext good enough for activate(). */
export function fakeExtensionContext(): {
  subscriptions: { dispose(): unknown }[];
  extensionUri: Uri;
  secrets: unknown;
  globalState: unknown;
  workspaceState: unknown;
} {
  const secrets = new Map<string, string>();
  const secretsChanged = new EventEmitter<{ key: string }>();
  const memento = () => {
    const m = new Map<string, unknown>();
    return {
      get: <T>(k: string, d?: T) => (m.has(k) ? (m.get(k) as T) : d),
      update: async (k: string, v: unknown) => {
        if (v === undefined) m.delete(k);
        else m.set(k, v);
      },
      keys: () => [...m.keys()],
      setKeysForSync: () => undefined,
    };
  };
  return {
    subscriptions: [],
    extensionUri: Uri.file('/ext'),
    secrets: {
      get: async (k: string) => secrets.get(k),
      store: async (k: string, v: string) => {
        secrets.set(k, v);
        secretsChanged.fire({ key: k });
      },
      delete: async (k: string) => {
        secrets.delete(k);
        secretsChanged.fire({ key: k });
      },
      onDidChange: secretsChanged.event,
    },
    globalState: memento(),
    workspaceState: memento(),
  };
}

/** The shape of what a test's showQuickPick stand-in receives. */
export interface QuickPickItemLike {
  label: string;
  description?: string;
  detail?: string;
  kind?: number;
}
