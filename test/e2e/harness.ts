// The real-VS-Code e2e harness: code-server 4.100.3 (VS Code 1.100.3 with a real Node extension host)
// driven by Debian's Chromium through playwright-core, against the fake OpenRouter server.
//
//   const vs = await startVsCode({ theme: 'dark' });   // fake server + code-server + browser, extension installed
//   await vs.runCommand('Model Radar: Refresh Now');   // F1 palette
//   await vs.inputBox('sk-or-v1-test-inference');      // type into the open input box + Enter
//   vs.statusItem()                                    // the Model Radar status bar item (Locator)
//   vs.sidebar()                                       // FrameLocator into the sidebar webview
//   await vs.fake.fault({ endpoint: 'key', fault: 500 })
//   await vs.logText()                                 // the "Model Radar" log channel files
//   await vs.screenshot('name')                        // test/e2e/.results/screenshots/name.png (+ media/screenshots with --update-screenshots)
//   await vs.stop()                                    // everything, process groups included
//
// Scratch state lives under test/e2e/.work/<run>/ (never the home folder); scripts/e2e.mjs gives each stage a
// folder of its own there (MODEL_RADAR_E2E_WORK) so two stages in one checkout never share or wipe one.
// Every process a run starts carries MODEL_RADAR_E2E_RUN=<run folder> in its environment; stop() ends
// exactly those (see procs.mjs).
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Frame, type Locator, type Page } from 'playwright-core';
import { signalTagged, stopTagged, taggedPids } from './procs.mjs';

export const ROOT = resolve(__dirname, '../..');
export const E2E = resolve(__dirname);
const WORK = process.env.MODEL_RADAR_E2E_WORK ? resolve(process.env.MODEL_RADAR_E2E_WORK) : join(E2E, '.work');
const RUN_TAG = 'MODEL_RADAR_E2E_RUN';
const RESULTS = join(E2E, '.results');
const SHOTS = join(RESULTS, 'screenshots');
const CODE_SERVER = join(E2E, 'node_modules/code-server/out/node/entry.js');
export const INFERENCE_KEY = 'sk-or-v1-test-inference';
export const MANAGEMENT_KEY = 'sk-or-v1-test-management';

export interface FakeControl {
  baseUrl: string;
  fault(spec: { endpoint?: string; fault: number | string; times?: number; retryAfter?: number | string }): Promise<void>;
  clear(): Promise<void>;
  reset(): Promise<void>;
  key(role: 'inference' | 'management', data: Record<string, unknown>): Promise<void>;
  requests(): Promise<{ path: string; endpoint: string | null; status: number | null }[]>;
}

export interface VsCode {
  page: Page;
  fake: FakeControl;
  workspace: string;
  userDataDir: string;
  /** The run's scratch folder; also the value of MODEL_RADAR_E2E_RUN in every process the run started. */
  runDir: string;
  /** What the workbench page wrote to the browser console (type: text), and its uncaught errors, since the start. */
  browserConsole: string[];
  runCommand(title: string): Promise<void>;
  /** Opens a workspace file by name through Quick Open and waits for its editor. */
  openFile(name: string): Promise<void>;
  inputBox(text: string): Promise<void>;
  quickPick(match: string | RegExp): Promise<void>;
  statusItem(): Locator;
  /** The webview document of the sidebar or the dashboard (webviews are iframes two deep, overlaid on the workbench). */
  webview(view: 'sidebar' | 'dashboard', timeoutMs?: number): Promise<Frame>;
  openSidebar(): Promise<Frame>;
  notification(text: string | RegExp): Locator;
  /** The "Model Radar" log channel, or another extension's log channel by name. */
  logText(channel?: string): string;
  /**
   * VS Code's own activation time for an extension, as "Developer: Show Running Extensions" shows it: code
   * loading + the activate call, in ms (ExtensionActivationTimes, measured by the extension host).
   */
  runningExtensionActivationMs(row: RegExp): Promise<number>;
  screenshot(name: string, target?: Locator | { x: number; y: number; width: number; height: number }, options?: { keepNotifications?: boolean }): Promise<string>;
  reload(): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  theme?: 'dark' | 'light';
  settings?: Record<string, unknown>;
  /** Folder copied as the workspace; default test/e2e/workspace. */
  workspace?: string;
  /** More .vsix files to install next to Model Radar (e.g. baselineVsix()). */
  extensions?: string[];
  viewport?: { width: number; height: number };
  /**
   * Start as `npm run demo -- --fake` does: the fake's test keys handed to the extension (MODEL_RADAR_DEMO_KEYS)
   * and the workspace opened with `openFile` in the editor (a path relative to the workspace).
   */
  demo?: { openFile: string };
  /** The display language code-server starts with (`--locale`), e.g. 'zh-cn'; needs a language pack for it in `extensions` (zhCnStubVsix()). */
  locale?: string;
  /**
   * Extensions (built-in ones too) disabled in this profile before the workbench loads, as a user disables them
   * (Extensions: Disable): written where the web workbench keeps that state (IndexedDB, same origin).
   */
  disabledExtensions?: string[];
  /** More code-server command-line arguments (e.g. ['--log', 'trace'] to see what the server scans and resolves). */
  serverArgs?: string[];
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? res(addr.port) : rej(new Error('no port'))));
    });
  });
}

async function waitFor(what: string, fn: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await fn().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function killGroup(child: ChildProcess | undefined): void {
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
}

export function vsixPath(): string {
  const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const file = join(ROOT, `${name}-${version}.vsix`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run package`);
  return file;
}

async function startFake(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; control: FakeControl }> {
  const bundle = join(ROOT, 'dist-test/fake-openrouter.js');
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run node scripts/build-fake.mjs`);
  const child = spawn(process.execPath, [bundle, '--port', '0'], { env, detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
  const baseUrl = await new Promise<string>((res, rej) => {
    let buf = '';
    const timer = setTimeout(() => rej(new Error('fake OpenRouter did not start')), 15_000);
    child.stdout?.on('data', (d: Buffer) => {
      buf += d.toString();
      const line = buf.split('\n')[0];
      if (buf.includes('\n')) {
        clearTimeout(timer);
        res(line.trim());
      }
    });
    child.on('exit', (code) => rej(new Error(`fake OpenRouter exited with ${code}`)));
  });
  const origin = new URL(baseUrl).origin;
  const post = async (path: string, body?: unknown): Promise<void> => {
    const r = await fetch(`${origin}/__fake/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
    if (!r.ok) throw new Error(`fake ${path}: ${r.status} ${await r.text()}`);
  };
  return {
    child,
    control: {
      baseUrl,
      fault: (spec) => post('fault', spec),
      clear: () => post('clear'),
      reset: () => post('reset'),
      key: (role, data) => post('key', { key: role, ...data }),
      requests: async () => (await (await fetch(`${origin}/__fake/requests`)).json()) as never,
    },
  };
}

// Runs not stopped yet, for a test process that ends without its afterAll.
const liveRuns = new Set<string>();
process.once('exit', () => {
  for (const run of liveRuns) signalTagged(RUN_TAG, run);
});

export async function startVsCode(options: StartOptions = {}): Promise<VsCode> {
  const run = join(WORK, `${Date.now()}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`);
  const userDataDir = join(run, 'ud');
  const extDir = join(run, 'ext');
  const workspace = join(run, 'workspace');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extDir, { recursive: true });
  mkdirSync(SHOTS, { recursive: true });
  cpSync(options.workspace ?? join(E2E, 'workspace'), workspace, { recursive: true });

  // VSCODE_CLI=1: VS Code would otherwise run the developer's login shell (`$SHELL -ilc`) to read its
  // environment, which makes each start depend on their dotfiles (10 s when a profile hangs) and leaves
  // things like a pyenv rehash lock behind when stop() ends that shell half way.
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_DATA_HOME: join(run, 'xdg'), XDG_CONFIG_HOME: join(run, 'xdgc'), VSCODE_CLI: '1', [RUN_TAG]: run };
  // A key from the developer's shell must not leak into the profile under test.
  delete env.OPENROUTER_API_KEY;
  delete env.MODEL_RADAR_DEMO_KEYS;
  if (options.demo) env.MODEL_RADAR_DEMO_KEYS = `${INFERENCE_KEY},${MANAGEMENT_KEY}`;
  liveRuns.add(run);
  let browser: Browser | undefined;
  let server: ChildProcess | undefined;
  let fakeChild: ChildProcess | undefined;
  let serverErr = '';
  const browserConsole: string[] = [];
  const stop = async (): Promise<void> => {
    await browser?.close().catch(() => undefined);
    killGroup(server);
    killGroup(fakeChild);
    // code-server's extension hosts, watchers and pty host live in groups of their own.
    await stopTagged(RUN_TAG, run);
    liveRuns.delete(run);
  };
  try {
    const started = await startFake(env);
    fakeChild = started.child;
    const fake = started.control;
    writeFileSync(
      join(userDataDir, 'User', 'settings.json'),
      JSON.stringify(
        {
          'workbench.startupEditor': 'none',
          'workbench.colorTheme': options.theme === 'light' ? 'Default Light Modern' : 'Default Dark Modern',
          'workbench.tips.enabled': false,
          'workbench.welcomePage.walkthroughs.openOnInstall': false,
          'telemetry.telemetryLevel': 'off',
          'update.mode': 'none',
          'extensions.autoUpdate': false,
          'extensions.autoCheckUpdates': false,
          'security.workspace.trust.enabled': false,
          'window.commandCenter': false,
          'chat.commandCenter.enabled': false,
          'workbench.secondarySideBar.defaultVisibility': 'hidden',
          'editor.minimap.enabled': false,
          'git.enabled': false,
          'git.openRepositoryInParentFolders': 'never',
          'workbench.enableExperiments': false,
          'modelRadar.apiBaseUrl': fake.baseUrl,
          ...options.settings,
        },
        null,
        2,
      ),
    );
    const common = ['--user-data-dir', userDataDir, '--extensions-dir', extDir];
    for (const vsix of [vsixPath(), ...(options.extensions ?? [])]) execFileSync(process.execPath, [CODE_SERVER, ...common, '--install-extension', vsix], { env, stdio: 'pipe' });
    if (options.locale !== undefined && options.locale !== 'en') writeLanguagePacks(userDataDir, extDir);

    const port = await freePort();
    const config = join(run, 'config.yaml');
    writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
    server = spawn(
      process.execPath,
      [CODE_SERVER, '--config', config, ...common, ...(options.locale ? ['--locale', options.locale] : []), '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', ...(options.serverArgs ?? []), workspace],
      { env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    server.stderr?.on('data', (d: Buffer) => (serverErr = (serverErr + d.toString()).slice(-4000)));
    const url = `http://127.0.0.1:${port}`;
    await waitFor('code-server /healthz', async () => (await fetch(`${url}/healthz`)).ok, 30_000);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      env: Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined)),
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 }, colorScheme: options.theme === 'light' ? 'light' : 'dark' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url }).catch(() => undefined);
    const page = await context.newPage();
    page.on('console', (m) => browserConsole.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => browserConsole.push(`pageerror: ${e.message}`));
    if (options.disabledExtensions?.length) await disableExtensions(page, url, options.disabledExtensions);
    const openFile = options.demo ? `&payload=${encodeURIComponent(JSON.stringify([['openFile', `vscode-remote://127.0.0.1:${port}${join(workspace, options.demo.openFile)}`]]))}` : '';
    await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}${openFile}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.waitForSelector('#workbench\\.parts\\.statusbar', { timeout: 60_000 });
    return makeApi(page, fake, workspace, userDataDir, run, stop, browserConsole);
  } catch (err) {
    await stop();
    throw new Error(`${err instanceof Error ? err.message : String(err)}${serverErr ? `\ncode-server stderr:\n${serverErr}` : ''}`);
  }
}

/**
 * The web workbench keeps the default profile's state, extension enablement included
 * ('extensionsIdentifiers/disabled'), in the IndexedDB database vscode-web-state-db-global, table ItemTable.
 */
async function disableExtensions(page: Page, url: string, ids: string[]): Promise<void> {
  await page.goto(`${url}/healthz`);
  await page.evaluate(async (value) => {
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('vscode-web-state-db-global');
      open.onupgradeneeded = () => {
        if (!open.result.objectStoreNames.contains('ItemTable')) open.result.createObjectStore('ItemTable');
      };
      open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
      open.onsuccess = () => {
        const tx = open.result.transaction('ItemTable', 'readwrite');
        tx.objectStore('ItemTable').put(value, 'extensionsIdentifiers/disabled');
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
      };
    });
  }, JSON.stringify(ids.map((id) => ({ id }))));
}

/**
 * languagepacks.json in the user data folder, written as VS Code's LanguagePacksCache writes it (platform/
 * languagePacks/node/languagePacks.ts) from the installed extensions that contribute `localizations`. The server
 * resolves `--locale` from this file (base/node/nls.ts: the entry's `translations.vscode` file becomes the
 * workbench's messages, `clp/<hash>.<locale>/`), and the workbench asks it for the extension that provides the
 * locale (getInstalledLanguages reads `extensions[0].extensionIdentifier.id`). A pack installed with
 * `--install-extension` does not update the file (the CLI never instantiates the language pack service whose
 * post-install hook writes it), so the harness writes it. An entry without `extensions` makes
 * getInstalledLanguages throw, the workbench's remote extension scan then returns no extension at all, and
 * Model Radar never starts: that was why the first zh-cn runs showed no status item.
 */
function writeLanguagePacks(userDataDir: string, extDir: string): void {
  type Pack = { hash: string; label: string | undefined; extensions: { extensionIdentifier: { id: string }; version: string }[]; translations: Record<string, string> };
  const packs: Record<string, Pack> = {};
  for (const folder of readdirSync(extDir)) {
    const manifestFile = join(extDir, folder, 'package.json');
    if (!existsSync(manifestFile)) continue;
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
      publisher: string;
      name: string;
      version: string;
      contributes?: { localizations?: { languageId: string; languageName?: string; localizedLanguageName?: string; translations: { id: string; path: string }[] }[] };
    };
    for (const loc of manifest.contributes?.localizations ?? []) {
      const pack = (packs[loc.languageId] ??= { hash: '', label: loc.localizedLanguageName ?? loc.languageName, extensions: [], translations: {} });
      pack.extensions.push({ extensionIdentifier: { id: `${manifest.publisher}.${manifest.name}`.toLowerCase() }, version: manifest.version });
      for (const t of loc.translations) pack.translations[t.id] = join(extDir, folder, t.path);
    }
  }
  for (const pack of Object.values(packs)) {
    const md5 = createHash('md5');
    for (const e of pack.extensions) md5.update(e.extensionIdentifier.id).update(e.version);
    pack.hash = md5.digest('hex');
  }
  writeFileSync(join(userDataDir, 'languagepacks.json'), JSON.stringify(packs));
}

function findFiles(dir: string, name: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) findFiles(p, name, out);
    else if (entry === name) out.push(p);
  }
  return out;
}

function makeApi(page: Page, fake: FakeControl, workspace: string, userDataDir: string, runDir: string, stop: () => Promise<void>, browserConsole: string[]): VsCode {
  const palette = page.locator('.quick-input-widget');
  /**
   * Opens the quick input with `key`, types `text` and picks the first row holding `row`. Focus may sit in a webview
   * (a view shown just before) that keeps the keystroke to itself, and the workbench can miss keystrokes while it is
   * still restoring, so the workbench is focused first and the whole gesture is tried up to three times.
   */
  const pick = async (key: string, text: string, row: string, rowTimeout: number): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      await page.keyboard.press('Escape').catch(() => undefined);
      await page.locator('#workbench\\.parts\\.statusbar').click({ position: { x: 5, y: 5 } }).catch(() => undefined);
      await page.keyboard.press(key);
      try {
        const input = palette.locator('input');
        await input.waitFor({ state: 'visible', timeout: 5_000 });
        await input.fill(text);
        await palette.locator('.monaco-list-row', { hasText: row }).first().waitFor({ state: 'visible', timeout: rowTimeout });
        await page.keyboard.press('Enter');
        return;
      } catch (err) {
        if (attempt >= 2) throw err;
      }
    }
  };
  const vs: VsCode = {
    page,
    fake,
    workspace,
    userDataDir,
    runDir,
    browserConsole,
    async openFile(name) {
      await pick('Control+P', name, name, 15_000);
      await page.locator('.monaco-editor .view-lines').first().waitFor({ state: 'visible' });
    },
    async runCommand(title) {
      await pick('F1', `>${title}`, title, 8_000);
    },
    async inputBox(text) {
      const input = palette.locator('input');
      await input.waitFor({ state: 'visible' });
      await input.fill(text);
      await page.keyboard.press('Enter');
    },
    async quickPick(match) {
      const row = palette.locator('.monaco-list-row', { hasText: match }).first();
      await row.waitFor({ state: 'visible', timeout: 15_000 });
      await row.click();
    },
    statusItem() {
      return page.locator('#workbench\\.parts\\.statusbar [id="model-radar.model-radar.modelRadar.status"], #workbench\\.parts\\.statusbar .statusbar-item[aria-label*="Model Radar"]').first();
    },
    async webview(view, timeoutMs = 30_000) {
      let found: Frame | undefined;
      await waitFor(`the ${view} webview`, async () => {
        for (const frame of page.frames()) {
          if (!frame.url().includes('/webview/browser/pre/')) continue;
          if ((await frame.locator(`#root[data-view="${view}"]`).count().catch(() => 0)) > 0) {
            found = frame;
            return true;
          }
        }
        return false;
      }, timeoutMs);
      return found as Frame;
    },
    async openSidebar() {
      await vs.runCommand('Model Radar: Focus Sidebar');
      return vs.webview('sidebar');
    },
    notification(text) {
      return page.locator('.notifications-toasts .notification-toast', { hasText: text });
    },
    async runningExtensionActivationMs(match) {
      await vs.runCommand('Developer: Show Running Extensions');
      const editor = page.locator('.runtime-extensions-editor');
      await editor.waitFor({ state: 'visible', timeout: 20_000 });
      // The list is virtual (70 px rows, slowest first): scroll until the extension's row is rendered. A row names
      // the extension by its display name (or its id when it has none).
      const row = editor.locator('.monaco-list-row', { hasText: match });
      for (let i = 0; i < 40 && (await row.count()) === 0; i++) {
        await editor.locator('.monaco-list').first().hover();
        await page.mouse.wheel(0, 280);
        await page.waitForTimeout(100);
      }
      let text = '';
      try {
        await waitFor(`the activation time of ${match}`, async () => {
          text = await row.first().innerText();
          return /Activation: \d/.test(text);
        }, 20_000);
      } catch (err) {
        const shown = await editor.innerText().catch(() => '');
        throw new Error(`${err instanceof Error ? err.message : String(err)}; the Running Extensions editor shows: ${shown.slice(0, 1500)}`);
      }
      const ms = Number(/Activation: (\d+(?:\.\d+)?)\s*ms/.exec(text)?.[1]);
      if (!Number.isFinite(ms)) throw new Error(`no activation time in the Running Extensions row: ${text}`);
      return ms;
    },
    logText(channel = 'Model Radar') {
      return findFiles(join(userDataDir, 'logs'), `${channel}.log`)
        .map((f) => readFileSync(f, 'utf8'))
        .join('\n');
    },
    async screenshot(name, target, options) {
      const file = join(SHOTS, `${name}.png`);
      // Toasts ("API key saved") would cover what the picture is about.
      if (!options?.keepNotifications) await page.locator('.notifications-toasts .notification-toast .codicon-notifications-clear').evaluateAll((els) => els.forEach((e) => (e as HTMLElement).click())).catch(() => undefined);
      if (!options?.keepNotifications) await page.evaluate(() => document.querySelectorAll('.notifications-toasts .notification-toast-container').forEach((e) => ((e as HTMLElement).style.display = 'none'))).catch(() => undefined);
      if (target && 'screenshot' in target) await target.screenshot({ path: file });
      else await page.screenshot({ path: file, ...(target ? { clip: target } : {}) });
      if (process.env.MODEL_RADAR_UPDATE_SCREENSHOTS === '1') {
        mkdirSync(join(ROOT, 'media/screenshots'), { recursive: true });
        copyFileSync(file, join(ROOT, 'media/screenshots', `${name}.png`));
      }
      return file;
    },
    async reload() {
      await vs.runCommand('Developer: Reload Window');
      await page.waitForTimeout(1000);
      await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
      await page.waitForSelector('#workbench\\.parts\\.statusbar', { timeout: 60_000 });
    },
    stop,
  };
  return vs;
}

/** Live processes a run started, with their command lines. */
export function runProcesses(runDir: string): { pid: number; args: string }[] {
  return taggedPids(RUN_TAG, runDir).flatMap((pid) => {
    try {
      return [{ pid, args: readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ') }];
    } catch {
      return [];
    }
  });
}

/** Appends samples to test/e2e/.results/metrics.json (read by npm run bench). */
export function recordMetrics(samples: Record<string, number[]>): void {
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, 'metrics.json');
  const current: Record<string, number[]> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  for (const [k, v] of Object.entries(samples)) current[k] = [...(current[k] ?? []), ...v];
  writeFileSync(file, JSON.stringify(current, null, 2) + '\n');
}

export function resetMetrics(): void {
  rmSync(join(RESULTS, 'metrics.json'), { force: true });
}

/** Every number logged as `<prefix> <ms> ms`. */
export function loggedMs(log: string, pattern: RegExp): number[] {
  return [...log.matchAll(pattern)].map((m) => Number(m[1])).filter((n) => Number.isFinite(n));
}

/** A timed figure as the e2e measured it, for npm run bench: samples plus how and when they were taken. */
export interface MetricFigure {
  samples: number[];
  method: string;
  measuredAt: string;
}

/** Records figures in test/e2e/.results/metrics.json with their method and time (replacing older ones of the same name). */
export function recordFigures(figures: Record<string, Omit<MetricFigure, 'measuredAt'>>): void {
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, 'metrics.json');
  const current: Record<string, unknown> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const measuredAt = new Date().toISOString();
  for (const [k, v] of Object.entries(figures)) current[k] = { ...v, measuredAt };
  writeFileSync(file, JSON.stringify(current, null, 2) + '\n');
}

let baselineVsixFile: string | undefined;
/** test/e2e/baseline-ext packaged once per test process: the empty webview view the sidebar is compared with. */
export function baselineVsix(): string {
  if (baselineVsixFile && existsSync(baselineVsixFile)) return baselineVsixFile;
  const out = join(WORK, `webview-baseline-${process.pid}.vsix`);
  mkdirSync(WORK, { recursive: true });
  execFileSync(process.execPath, [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', out], {
    cwd: join(E2E, 'baseline-ext'),
    stdio: 'pipe',
  });
  baselineVsixFile = out;
  return out;
}

let zhCnStubVsixFile: string | undefined;
/**
 * test/e2e/zh-cn-pack packaged once per test process: a language pack with no translations. Offline there is no
 * Chinese language pack to install, and without one VS Code resolves `--locale zh-cn` to English; with it
 * installed (and languagepacks.json written by startVsCode, see writeLanguagePacks), vscode.env.language is zh-cn
 * (the workbench's own strings stay English) and extensions load their zh-cn bundles.
 */
export function zhCnStubVsix(): string {
  if (zhCnStubVsixFile && existsSync(zhCnStubVsixFile)) return zhCnStubVsixFile;
  const out = join(WORK, `zh-cn-stub-${process.pid}.vsix`);
  mkdirSync(WORK, { recursive: true });
  execFileSync(process.execPath, [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', out], {
    cwd: join(E2E, 'zh-cn-pack'),
    stdio: 'pipe',
  });
  zhCnStubVsixFile = out;
  return out;
}
