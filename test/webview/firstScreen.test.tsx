// The sidebar's host-rendered first screen (webview/src/first/firstScreen.ts) against the React app for the same
// data: the same elements, classes, attributes and text in spend, your models and the leaders, so the app swaps
// in without a visible jump; and every server- or workspace-derived string escaped.
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from './support/fakeHost';
import * as intake from '../../webview/src/model/intake';
import { renderSidebarFirstScreen } from '../../webview/src/first/firstScreen';
import { configureL10n } from '../../webview/src/l10n';
import type { ReferencesView, Snapshot } from '../../src/shared/types';
import type { WebviewSettings } from '../../src/shared/protocol';
import {
  catalogModel,
  errorSnapshot,
  initPayload,
  keyUsage,
  liveSnapshot,
  loadingSnapshot,
  managementSnapshot,
  modelRef,
  noKeySnapshot,
  rankingsView,
  referencesView,
  settings,
  staleSnapshot,
  usageView,
} from '../support/snapshotBuilders';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
});

const SECTIONS = ['Spend', 'Your models', 'Leaders'];

/** A DOM subtree as text with attributes sorted and React's generated ids (useId) left out; adjacent text merged. */
function canonical(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return JSON.stringify(node.textContent);
  if (node.nodeType !== Node.ELEMENT_NODE) return '';
  const el = node as Element;
  const attrs = [...el.attributes]
    .filter((a) => a.name !== 'id' && a.name !== 'aria-controls')
    .map((a) => `${a.name}=${JSON.stringify(a.value)}`)
    .sort();
  el.normalize();
  const children = [...el.childNodes].filter((c) => c.nodeType !== Node.TEXT_NODE || c.textContent !== '').map(canonical);
  return `<${el.tagName.toLowerCase()} ${attrs.join(' ')}>${children.join('')}</>`;
}

async function appSections(snapshot: Snapshot, references: ReferencesView, s: WebviewSettings, names: readonly string[] = SECTIONS, l10n?: { language: string; bundle: Record<string, string> }): Promise<string[]> {
  await renderApp({ init: { ...initPayload({ snapshot, references, settings: s }), ...(l10n ? { l10n } : {}) } });
  const out = names.map((name) => {
    const region = screen.queryByRole('region', { name });
    return region ? canonical(region) : '';
  });
  cleanup();
  return out;
}

function staticSections(html: string, names: readonly string[] = SECTIONS): string[] {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.appendChild(host);
  const out = names.map((name) => {
    const region = [...host.querySelectorAll('section')].find((x) => x.getAttribute('aria-label') === name);
    return region ? canonical(region) : '';
  });
  host.remove();
  return out;
}

function render(snapshot: Snapshot, references: ReferencesView | undefined = referencesView(), s: WebviewSettings = settings()): string | null {
  // As the page does (sidebarFirst.ts): the embedded init goes through the webview's intake before it is drawn.
  const init = intake.initPayload({ view: 'sidebar', snapshot, references, settings: s });
  return renderSidebarFirstScreen({ snapshot: init.snapshot, references: references === undefined ? undefined : init.references, settings: s, nowMs: Date.now() });
}

const manyRefs = referencesView([
  modelRef('anthropic/claude-sonnet-4.5', { refId: 'a' }),
  modelRef('qwen/qwen3-coder', { refId: 'b', file: '.aider.conf.yml', line: 3, tool: 'aider', keyPath: null }),
  modelRef('openrouter/moonshotai/kimi-k3', { refId: 'c' }),
  modelRef('z-ai/glm-5.2:free', { refId: 'd' }),
  modelRef('acme/not-a-model', { refId: 'e', known: false, modelId: null }),
  modelRef('deepseek/deepseek-v3.2', { refId: 'f', line: Number.NaN }),
]);

describe('the sidebar first screen reads and is built as the app renders it', () => {
  const cases: [string, Snapshot, ReferencesView, WebviewSettings][] = [
    ['inference key, default references', liveSnapshot(), referencesView(), settings()],
    ['no key, popularity order only', noKeySnapshot(), referencesView([modelRef('qwen/qwen3-coder')]), settings()],
    ['no key, no references found', noKeySnapshot(), referencesView([]), settings()],
    ['many references fold, unknown ids, odd lines', liveSnapshot(), manyRefs, settings({ leadersTop: 3 })],
    [
      'over budget, low balance, BYOK, key limit',
      liveSnapshot({ usage: usageView({ key: keyUsage({ daily: 12.5, monthly: 80, byokDaily: 1.25, limit: 100, limitRemaining: 20, limitReset: 'monthly' }) }) }),
      referencesView(),
      settings({ budgetDaily: 10, budgetMonthly: 50, lowBalance: 500 }),
    ],
    ['bundled rankings, notes shown', liveSnapshot({ rankings: rankingsView({ source: 'bundled' }) }), referencesView(), settings({ leadersTop: 10 })],
  ];
  it('reads the same as the app in Chinese too: the reset period, region codes, share summary and label, caveat and citation', async () => {
    // Node's fs without Node's types in the webview project (as l10nZhCn.test.tsx reads it).
    const FS = 'node:fs';
    const { readFileSync } = (await import(/* @vite-ignore */ FS)) as { readFileSync(path: string, encoding: 'utf8'): string };
    const zh = JSON.parse(readFileSync('l10n/bundle.l10n.zh-cn.json', 'utf8')) as Record<string, string>;
    configureL10n({ language: 'zh-cn', bundle: zh });
    try {
      const snapshot = liveSnapshot({ usage: usageView({ key: keyUsage({ limit: 100, limitRemaining: 20, limitReset: 'monthly' }) }) });
      const names = SECTIONS.map((n) => zh[n] ?? n);
      const fromHost = staticSections(render(snapshot) as string, names);
      expect(fromHost[0]).toContain(zh['resets {0}']!.replace('{0}', zh['monthly']!));
      expect(fromHost[0]).not.toContain('monthly');
      const fromApp = await appSections(snapshot, referencesView(), settings(), names, { language: 'zh-cn', bundle: zh });
      // Every section: spend, your models (region codes) and the leaders (summary, share label, caveat, citation).
      expect(fromHost).toEqual(fromApp);
    } finally {
      configureL10n({ language: 'en', bundle: {} });
    }
  });

  for (const [name, snapshot, references, s] of cases) {
    it(name, async () => {
      const html = render(snapshot, references, s);
      expect(html).not.toBeNull();
      const fromHost = staticSections(html as string);
      const fromApp = await appSections(snapshot, references, s);
      expect(fromApp.every((x) => x.length > 0)).toBe(true);
      expect(fromHost).toEqual(fromApp);
    });
  }
});

describe('the sidebar first screen is left to the app when it cannot draw it exactly', () => {
  it('draws nothing without leaders, while spend loads, under a notice, with a spend chart or while scanning', () => {
    expect(render(loadingSnapshot())).toBeNull();
    expect(render(liveSnapshot({ rankings: rankingsView({ models: [] }) }))).toBeNull();
    expect(render(liveSnapshot({ usage: null }))).toBeNull();
    expect(render(errorSnapshot('offline'))).toBeNull();
    expect(render(staleSnapshot(Date.parse('2026-07-29T09:00:00Z')))).toBeNull();
    expect(render(managementSnapshot())).toBeNull();
    expect(renderSidebarFirstScreen({ snapshot: liveSnapshot(), references: undefined, settings: settings(), nowMs: Date.now() })).toBeNull();
    expect(render(liveSnapshot(), referencesView([], { scanning: true }))).toBeNull();
  });
});

describe('the sidebar first screen escapes what the server and the workspace wrote', () => {
  const hostile = ['<img src=x onerror=alert(1)>', '"><script>alert(2)</script>', "' onmouseover='alert(3)", '</style><svg onload=alert(4)>', '&lt;b&gt;'];

  it('keeps hostile model names, ids, labs, files and notes as text, never markup', () => {
    const [a, b, c, d, z] = hostile as [string, string, string, string, string];
    const base = liveSnapshot();
    const rankings = base.rankings!;
    const snapshot = liveSnapshot({
      catalog: { ...base.catalog!, models: [...base.catalog!.models, catalogModel('moonshotai/kimi-k3', { name: a, lab: b })] },
      rankings: { ...rankings, models: rankings.models.map((m, i) => (i === 0 ? { ...m, name: c, id: d, permaslug: a } : m)), citation: z },
    });
    const references = referencesView([modelRef('moonshotai/kimi-k3', { refId: 'x', file: b, keyPath: a }), modelRef(a, { refId: 'y', known: false, modelId: null })], { note: d });
    const html = render(snapshot, references);
    expect(html).not.toBeNull();
    const host = document.createElement('div');
    host.innerHTML = html as string;
    // Nothing hostile became an element or an attribute of its own.
    expect(host.querySelector('img, script, svg[onload], [onerror], [onmouseover], [onload], style')).toBeNull();
    for (const el of host.querySelectorAll('*')) for (const attr of el.attributes) expect(attr.name.startsWith('on')).toBe(false);
    // Each reads back exactly as written, where the app shows it.
    const text = host.textContent ?? '';
    for (const s of [b, d, z]) expect(text).toContain(s);
    expect(text).toContain(c);
    expect([...host.querySelectorAll('li.mr-model')].some((el) => el.getAttribute('aria-label') === a)).toBe(true);
    expect([...host.querySelectorAll('.mr-ref .mr-link')].some((el) => el.getAttribute('title') === `continue · ${a}`)).toBe(true);
  });

  it('reads the same as the app for the hostile data too', async () => {
    const [a, b] = hostile as [string, string];
    const base = liveSnapshot();
    const snapshot = liveSnapshot({ rankings: { ...base.rankings!, models: base.rankings!.models.map((m, i) => (i === 1 ? { ...m, name: a } : m)) } });
    const references = referencesView([modelRef(b, { refId: 'h', known: false, modelId: null, file: a })]);
    const html = render(snapshot, references);
    expect(staticSections(html as string)).toEqual(await appSections(snapshot, references, settings()));
  });
});
