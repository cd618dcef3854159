// Issue #14, the webview's half: every message the webview and shared code render is extracted (with
// @vscode/l10n-dev's extractor) and present in both bundles with the same placeholders; the host sends the
// bundle for vscode.env.language with `init`, bounded; `<html lang>` follows the language; the lint rule that
// keeps English out of JSX fires.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventEmitter, Uri, env, l10n as fakeL10n } from '../support/fakeVscode';
import { WebviewConnection, hostL10n, renderWebviewHtml } from '../../src/host/webviewHost';
import { L10N_LIMITS, readBundle, readLanguage, readWebviewL10n } from '../../src/shared/l10n';
import type { HostToWebview } from '../../src/shared/protocol';
import { noKeySnapshot, referencesView, settings } from '../support/snapshotBuilders';
// @ts-expect-error: a plain .mjs script without types
import { checkBundles, extractMessages, placeholders } from '../../scripts/l10n-webview.mjs';

const root = process.cwd();
const bundle = (name: string): Record<string, string> => JSON.parse(readFileSync(join(root, 'l10n', name), 'utf8')) as Record<string, string>;

describe('the webview bundles', () => {
  // Skipped in the mutation run (vitest.mutation.config.mts): there src/shared holds Stryker's instrumented code.
  it.skipIf(process.env.MODEL_RADAR_MUTATION === '1')('hold every message the webview and shared code pass to l10n.t, in English and in zh-cn, with the same placeholders', async () => {
    const messages = (await extractMessages()) as string[];
    // The extractor really reads the sources: known messages from a component, a model module and shared code.
    expect(messages).toEqual(expect.arrayContaining(['Spend', 'Your models', 'OpenRouter rejected your API key.', 'free', 'China', '{0} per 1M', 'Tokens served, {0} – {1}.']));
    expect(messages.length).toBeGreaterThan(250);
    expect(checkBundles(messages)).toEqual([]);
    const en = bundle('bundle.l10n.json');
    const zh = bundle('bundle.l10n.zh-cn.json');
    for (const m of messages) expect(en[m]).toBe(m);
    // A translation is a translation: no message left in English (except what is the same in both by nature).
    const same = messages.filter((m) => zh[m] === m);
    expect(same.sort()).toEqual(['{0} + {1} BYOK', '{0} {1}', '≥ {0}']);
  });

  it('are sorted by key and a key in one bundle is in the other', () => {
    const en = bundle('bundle.l10n.json');
    const zh = bundle('bundle.l10n.zh-cn.json');
    expect(Object.keys(en)).toEqual([...Object.keys(en)].sort());
    expect(Object.keys(zh)).toEqual([...Object.keys(zh)].sort());
    expect(Object.keys(zh).filter((k) => !(k in en))).toEqual([]);
  });

  it('the check reports a missing key, a missing translation and a changed placeholder', () => {
    const dir = join(root, 'test', 'fixtures', 'l10n-check');
    expect(checkBundles(['Spend', 'Spent {0} today', 'Nowhere'], dir)).toEqual([
      'bundle.l10n.json lacks "Nowhere"',
      'bundle.l10n.zh-cn.json: "Spent {0} today" has placeholders {1}',
      'bundle.l10n.zh-cn.json lacks "Nowhere"',
    ]);
    expect(placeholders('{1} of {0}, {0}')).toEqual(['{0}', '{1}']);
  });
});

describe('the l10n payload (src/shared/l10n.ts)', () => {
  it('reads a language tag, anything else is English', () => {
    expect(readLanguage('zh-CN')).toBe('zh-cn');
    expect(readLanguage('zh_TW')).toBe('zh-tw');
    expect(readLanguage('en')).toBe('en');
    for (const bad of ['', 'x', '../../etc', 'zh-cn<script>', 42, null, undefined, { a: 1 }]) expect(readLanguage(bad)).toBe('en');
  });

  it('keeps a map of string to string within bounds and drops the rest', () => {
    const raw = { Spend: '支出', n: 5, o: { x: 1 }, '': 'empty key', long: 'x'.repeat(L10N_LIMITS.valueChars + 1), ['k'.repeat(L10N_LIMITS.keyChars + 1)]: 'v' };
    expect({ ...readBundle(raw) }).toEqual({ Spend: '支出' });
    expect(readBundle([1, 2])).toEqual({});
    expect(readBundle('{"a":"b"}')).toEqual({});
    const many = Object.fromEntries(Array.from({ length: L10N_LIMITS.entries + 10 }, (_, i) => [`m${i}`, `v${i}`]));
    expect(Object.keys(readBundle(many))).toHaveLength(L10N_LIMITS.entries);
    // "__proto__" is only ever a message: the result has no prototype to pollute.
    const proto = readBundle(JSON.parse('{"__proto__": "原型", "constructor": "构造"}'));
    expect(Object.getPrototypeOf(proto)).toBeNull();
    expect(proto.constructor).toBe('构造');
  });

  it('stops at the total size bound', () => {
    const per = L10N_LIMITS.valueChars;
    const count = Math.ceil(L10N_LIMITS.totalChars / per) + 5;
    const big = Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, 'x'.repeat(per)]));
    const kept = Object.values(readBundle(big)).reduce((n, v) => n + v.length, 0);
    expect(kept).toBeLessThanOrEqual(L10N_LIMITS.totalChars);
    expect(kept).toBeGreaterThan(L10N_LIMITS.totalChars - 2 * per);
  });

  it('sends no bundle for English whatever comes with it', () => {
    expect(readWebviewL10n({ language: 'en-GB', bundle: { Spend: 'Outgoings' } })).toEqual({ language: 'en-gb', bundle: {} });
    expect(readWebviewL10n(undefined)).toEqual({ language: 'en', bundle: {} });
  });
});

class FakeWebview {
  sent: HostToWebview[] = [];
  private readonly inbound = new EventEmitter<unknown>();
  onDidReceiveMessage = this.inbound.event;
  cspSource = 'vscode-webview://fake';
  asWebviewUri(u: unknown): unknown {
    return u;
  }
  postMessage(m: HostToWebview): Promise<boolean> {
    this.sent.push(m);
    return Promise.resolve(true);
  }
  async receive(m: unknown): Promise<void> {
    this.inbound.fire(m);
    for (let i = 0; i < 10; i++) await Promise.resolve();
  }
}

function connect(): FakeWebview {
  const webview = new FakeWebview();
  const never = new EventEmitter<never>();
  const log = { warn: vi.fn(), debug: vi.fn(), info: vi.fn() };
  new WebviewConnection(
    webview as never,
    'dashboard',
    {
      snapshot: () => noKeySnapshot(),
      onDidChangeSnapshot: never.event,
      references: () => referencesView(),
      onDidChangeReferences: never.event,
      settings: () => settings(),
      onDidChangeSettings: never.event,
    },
    {} as never,
    log as never,
    vi.fn(),
  );
  return webview;
}

describe('the host sends the UI language and its bundle', () => {
  afterEach(() => {
    env.language = 'en';
    fakeL10n.bundle = undefined;
  });

  it('with init, in the same message as the first snapshot', async () => {
    env.language = 'zh-cn';
    fakeL10n.bundle = { Spend: '支出', 'Spent {0} today': '今天花费 {0}' };
    const webview = connect();
    await webview.receive({ type: 'ready' });
    expect(webview.sent).toHaveLength(1);
    expect(webview.sent[0]).toMatchObject({ type: 'notification', method: 'init', params: { l10n: { language: 'zh-cn', bundle: { Spend: '支出', 'Spent {0} today': '今天花费 {0}' } } } });
  });

  it('English without a bundle, and a bundle VS Code did not load reads as none', () => {
    expect(hostL10n()).toEqual({ language: 'en', bundle: {} });
    env.language = 'zh-cn';
    expect(hostL10n()).toEqual({ language: 'zh-cn', bundle: {} });
    fakeL10n.bundle = { ok: '好', bad: 7 } as never;
    expect({ ...hostL10n().bundle }).toEqual({ ok: '好' });
  });

  it('sets <html lang> and the page title in the UI language', () => {
    const ext = Uri.file('/ext');
    env.language = 'zh-cn';
    const html = renderWebviewHtml(new FakeWebview() as never, ext as never, 'dashboard');
    expect(html).toContain('<html lang="zh-cn">');
    env.language = 'zh-CN"><script>';
    expect(renderWebviewHtml(new FakeWebview() as never, ext as never, 'sidebar')).toContain('<html lang="en">');
  });
});

describe('the lint rule that keeps English out of the webview', () => {
  const eslint = new ESLint({ cwd: root });
  const l10nErrors = async (code: string): Promise<string[]> => {
    const [result] = await eslint.lintText(code, { filePath: 'webview/src/sections/SpendChart.tsx' /* a real file: type-aware lint needs one its project knows */ });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
  };
  const component = (jsx: string): string =>
    `import * as l10n from '../l10n';\nexport function Probe({ on, n }: { on: boolean; n: number }): JSX.Element {\n  return ${jsx};\n}\nexport const x = l10n;\n`;

  it.each([
    ['text between tags', '<p>Spend today</p>'],
    ['a string child', "<p>{'Spend today'}</p>"],
    ['a template child', '<p>{`Spent ${n} today`}</p>'],
    ['a branch of ?:', "<p>{on ? 'Show fewer' : l10n.t('Show all')}</p>"],
    ['a branch of &&', "<p>{on && 'Loading'}</p>"],
    ['a nested branch', "<p>{on ? l10n.t('a') : n ? 'Other' : null}</p>"],
    ['a title', '<span title="Overall rank">#1</span>'],
    ['an aria-label', '<ul aria-label={`Top ${n} models`} />'],
    ['a placeholder', '<input placeholder="Search models" />'],
    ['a label prop', '<Ring label="Loading spend…" />'],
    ['a conditional title', "<span title={on ? 'Hide details' : 'Details'} />"],
    ['an ErrorBoundary name', '<ErrorBoundary name="Spend">x</ErrorBoundary>'],
    ['a non-literal message', '<p>{l10n.t(`Spent ${n}`)}</p>'],
  ])('fires on %s', async (_what, jsx) => {
    const errors = await l10nErrors(component(jsx));
    expect(errors.length).toBeGreaterThan(0);
    // The first case pays ESLint's typed-program start: over 20 s on a loaded two-core machine.
  }, 60_000);

  it('fires on a named import of t (the extractor would not see the calls)', async () => {
    const errors = await l10nErrors("import { t } from '../l10n';\nexport const x = t('Spend');\n");
    expect(errors.join('\n')).toMatch(/namespace/);
  });

  it('stays quiet on translated text, class names, ids, symbols and the product name', async () => {
    const ok = component(
      "<div className={on ? 'mr-a' : 'mr-b'} title={l10n.t('Details of {0}', n)} data-section=\"spend\"><h1>Model Radar</h1><span aria-hidden=\"true\">{on ? '▲ ' : '▼ '}</span>{l10n.t('Spend')} · {n}<svg viewBox=\"0 0 1 1\" /></div>",
    );
    expect(await l10nErrors(ok)).toEqual([]);
  });
});
