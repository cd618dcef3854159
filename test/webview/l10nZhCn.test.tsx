// Issue #14: with the UI language set to 简体中文 the host sends the zh-cn bundle with `init`, and every section
// of the sidebar and the dashboard reads in Chinese from the first paint: no English UI word is left (model,
// lab and product names, ids, files, units and the BYOK/API acronyms aside), <html lang> follows, and no label
// that could be long in Chinese sits in a rule that cannot wrap at 300 px.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { InitPayload, RequestParams } from '../../src/shared/protocol';
import type { ErrorKind, Snapshot, TokenMix } from '../../src/shared/types';
import { configureL10n } from '../../webview/src/l10n';
import { renderApp, NOW, type Handlers } from './support/fakeHost';
import { buildSpendHistory } from '../../src/core/spend/history';
import { parseEndpointsResponse } from '../../src/core/openrouter/endpointsSchema';
import { buildProvidersView } from '../../src/core/providers/view';
import { buildEndpointsResponse } from '../fake-openrouter/builders';
import {
  compareResult,
  errorSnapshot,
  initPayload,
  loadingSnapshot,
  managementSnapshot,
  modelRef,
  noKeySnapshot,
  referencesView,
  settings,
  staleSnapshot,
} from '../support/snapshotBuilders';
import { rankingsView } from '../support/snapshotBuilders';
import { citationFor } from '../../src/core/market/rankings';

// The webview project has no Node types: reach the bundle and the stylesheet through a typed dynamic import.
const FS = 'node:fs';
const { readFileSync } = (await import(/* @vite-ignore */ FS)) as { readFileSync(path: string, encoding: 'utf8'): string };
const root = (globalThis as unknown as { process: { cwd(): string } }).process.cwd();
const zh = JSON.parse(readFileSync(`${root}/l10n/bundle.l10n.zh-cn.json`, 'utf8')) as Record<string, string>;

afterEach(() => {
  // The bundle is page-wide state (as in a real webview); the next test starts in English again.
  configureL10n({ language: 'en', bundle: {} });
});

const MIX: TokenMix = { input: 4_212_000, output: 280_800, cacheRead: 0, source: 'activity' };
const handlers: Handlers = {
  // The Providers section with a table, marks, a missing figure and a dropped row, so its words are checked too.
  'providers/get': (p: RequestParams<'providers/get'>) => {
    const response = buildEndpointsResponse({ id: p.modelId, name: p.modelId, pricing: { prompt: '0.000001', completion: '0.000004' } }, [
      { provider: 'DeepSeek', priceFactor: 0.5, latencyMs: 1400, throughput: 40, quantization: null },
      { provider: 'Anthropic', priceFactor: 1.2, latencyMs: 300, throughput: 160, quantization: null, discount: 0.1 },
      { provider: 'Google', latencyMs: null, throughput: null, uptime30m: null, quantization: null, status: -1 },
    ]);
    const parsed = parseEndpointsResponse({ data: { ...response.data, endpoints: [...response.data.endpoints, { provider_name: 'DeepSeek' }] } });
    if (!parsed.ok) throw new Error(parsed.message);
    return { status: 'ok', view: buildProvidersView({ modelId: p.modelId, endpointModel: p.modelId, parsed: parsed.value, model: null, mix: MIX, fetchedAt: NOW - 60_000 }) };
  },
  'compare/alternatives': (p: RequestParams<'compare/alternatives'>) =>
    compareResult(p.modelId, p.modelId === 'anthropic/claude-sonnet-4.5' ? ['deepseek/deepseek-v4-flash', 'xiaomi/mimo-v2.5'] : [], MIX),
  'model/swap': () => ({ applied: true, message: '' }),
  // The dashboard's Spend section in its full state (table, notes), so its words are checked too.
  'spend/history': (p: RequestParams<'spend/history'>) => ({
    status: 'ok',
    view: buildSpendHistory(
      {
        rows: [
          { date: '2026-07-28', model: 'deepseek/deepseek-v4-flash', totalUsage: 12.5, byokUsage: 1.25, requests: '1200', promptTokens: '120000000', completionTokens: '8000000', reasoningTokens: '500000', cachedTokens: '60000000', cacheHitRate: 0.42 },
          { date: '2026-07-20', model: 'qwen/qwen3-coder', totalUsage: 2.5, byokUsage: 0, requests: '80', promptTokens: '9000000', completionTokens: '800000', reasoningTokens: '0', cachedTokens: '0', cacheHitRate: null },
        ],
        truncated: true,
        dropped: 2,
      },
      { requested: p.window, now: NOW, fetchedAt: NOW - 5 * 60_000 },
    ),
  }),
};

function zhInit(overrides: Partial<InitPayload> = {}): InitPayload {
  return { ...initPayload(overrides), l10n: { language: 'zh-cn', bundle: zh } };
}

/** Words a Chinese UI keeps in Latin script: names, acronyms and units, never a sentence. */
// API requests and paths (GET /key, POST /analytics/query, /activity) are named as OpenRouter documents them.
// The routing suffixes (:floor, :nitro, :exacto) are written as code, as a model id is.
const KEPT = new Set(['GET', 'POST', 'key', 'activity', 'analytics', 'query', 'models', 'endpoints', 'floor', 'nitro', 'exacto', 'Model', 'Radar', 'OpenRouter', 'BYOK', 'API', 'ID', 'Data', 'token', 'UTC', 'CC', 'BY', 'openrouter', 'ai']);

/** Names the data brings (models, labs, ids, files, tools): shown as they are in any language. */
function dataNames(snapshot: Snapshot, init: InitPayload): string[] {
  const names: string[] = [];
  // Rows that name the lab already show the model's name without its "Lab: " prefix.
  for (const m of snapshot.catalog?.models ?? []) names.push(m.name, m.name.slice(m.name.indexOf(': ') + 2), m.id, m.lab, m.author);
  for (const m of snapshot.rankings?.models ?? []) names.push(m.name ?? '', m.id ?? '', m.permaslug);
  for (const m of snapshot.activity?.byModel ?? []) names.push(m.model);
  for (const r of init.references.refs) names.push(r.file, r.id, r.raw, r.tool, r.keyPath ?? '');
  for (const e of Object.values(snapshot.resources)) if (e.error?.message) names.push(e.error.message);
  return names.filter(Boolean).sort((a, b) => b.length - a.length);
}

/** What a person reads or hears: text, and the names and tooltips of elements. */
function everythingShown(): string {
  const parts = [document.body.textContent ?? ''];
  for (const el of document.body.querySelectorAll('*')) {
    for (const a of ['title', 'aria-label', 'placeholder', 'aria-description']) {
      const v = el.getAttribute(a);
      if (v) parts.push(v);
    }
  }
  return parts.join('\n');
}

function englishLeft(snapshot: Snapshot, init: InitPayload): string[] {
  // Addresses are addresses: "https://…" and "openrouter.ai/settings/management-keys" stay as they are.
  let text = everythingShown().replace(/(?:https?:\/\/|\bopenrouter\.ai\/)[^\s"'，。（）()]+/g, ' ');
  for (const name of dataNames(snapshot, init)) text = text.split(name).join(' ');
  const words = text.match(/[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]{2,}/g) ?? [];
  return [...new Set(words.filter((w) => !KEPT.has(w)))].sort();
}

/** Opens what is folded (model details, disclosures, the lazy table), so its words are checked too. */
async function unfoldEverything(): Promise<void> {
  for (const button of screen.queryAllByRole('button', { name: /的详细信息$/ })) {
    await act(async () => {
      fireEvent.click(button);
    });
  }
  for (const details of document.querySelectorAll('details')) {
    await act(async () => {
      details.open = true;
      details.dispatchEvent(new Event('toggle'));
    });
  }
}

async function renderZh(init: InitPayload, view: 'sidebar' | 'dashboard'): Promise<void> {
  await renderApp({ init: { ...init, view }, handlers, view });
  await act(async () => {
    await new Promise((r) => setTimeout(r, 20));
  });
  await unfoldEverything();
}

const STATES: [string, () => Snapshot][] = [
  ['management key, activity, references', () => managementSnapshot()],
  ['no key: popularity order only', () => noKeySnapshot()],
  ['first start, loading', () => loadingSnapshot()],
  ['stale data', () => staleSnapshot(Date.parse('2026-07-29T06:00:00Z'))],
  ['bundled rankings', () => managementSnapshot({ rankings: { ...rankingsView(), source: 'bundled', citation: 'Source: OpenRouter (openrouter.ai/rankings), CC BY 4.0, as of Jul 26, 2026.' } })],
  [
    'rankings window with holes, cached prices',
    () =>
      managementSnapshot({
        catalog: { ...managementSnapshot().catalog!, source: 'cache' },
        rankings: {
          ...rankingsView(),
          coverage: { requestedDays: 7, daysWithData: 5, firstDay: '2026-07-20', lastDay: '2026-07-26', missingDays: ['2026-07-22', '2026-07-23'], duplicateRows: 3, droppedRows: 1 },
        },
      }),
  ],
];

describe('the views in 简体中文', () => {
  for (const view of ['sidebar', 'dashboard'] as const) {
    it.each(STATES)(`${view}: %s reads in Chinese, no English UI word left`, async (_state, make) => {
      const snapshot = make();
      const init = zhInit({ snapshot, references: referencesView(), settings: settings({ budgetDaily: 0.01, budgetMonthly: 1, lowBalance: 1000 }) });
      await renderZh(init, view);
      expect(document.documentElement.lang).toBe('zh-cn');
      expect(englishLeft(snapshot, init)).toEqual([]);
      expect(everythingShown()).toMatch(/[\u4e00-\u9fff]/);
    });
  }

  it.each<ErrorKind>(['unauthorized', 'forbidden', 'paymentRequired', 'offline', 'timeout', 'rateLimited', 'server', 'config', 'notManagementKey'])(
    'the %s notice reads in Chinese',
    async (kind) => {
      const snapshot = errorSnapshot(kind, kind === 'notManagementKey' ? { keys: { inference: 'stored', management: true, managementKind: 'unverified' } } : {});
      const init = zhInit({ snapshot });
      await renderZh(init, 'sidebar');
      expect(document.querySelectorAll('[data-banner]').length).toBeGreaterThan(0);
      expect(englishLeft(snapshot, init)).toEqual([]);
    },
  );

  it('the first paint is already Chinese: the render that brings the data brings the words (no flash of English)', async () => {
    const init = zhInit({ snapshot: managementSnapshot() });
    await renderApp({ init, handlers });
    // The first section rendered with data has its Chinese title; no English title was ever shown on its own.
    expect(screen.getByRole('region', { name: '花费' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Spend' })).toBeNull();
    expect(screen.getByRole('region', { name: '你的模型' })).toBeTruthy();
    expect(screen.getByRole('region', { name: '领先模型' })).toBeTruthy();
  });

  it('a label and its figure are joined the way Chinese writes it (full-width colon), not with an English ": "', async () => {
    const init = zhInit({ snapshot: managementSnapshot() });
    await renderZh(init, 'dashboard');
    const keyMonth = document.querySelector('.mr-key-month');
    expect(keyMonth?.textContent).toMatch(/^此密钥本月：\$/);
    expect(everythingShown()).not.toMatch(/[\u4e00-\u9fff]: /);
  });

  it('dates, ages, money and tokens follow the UI language as format.ts says', async () => {
    const init = zhInit({ snapshot: staleSnapshot(Date.parse('2026-07-29T06:00:00Z'), { rankings: { ...rankingsView(), citation: citationFor('2026-07-26') } }) });
    await renderZh(init, 'sidebar');
    const text = everythingShown();
    expect(text).toMatch(/3小时前/);
    expect(text).toMatch(/\d+月\d+日/);
    expect(text).not.toMatch(/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d/);
    expect(text).toMatch(/\$\d/);
    expect(text).toMatch(/\d(?:\.\d+)?[KMBT]\b/);
    expect(text).toContain('来源：OpenRouter (openrouter.ai/rankings)，截至 2026年7月26日。');
  });

  it('a bundle that is not a map of strings is refused, and the view stays readable in English', async () => {
    const init = { ...initPayload({ snapshot: managementSnapshot() }), l10n: { language: 'zh-cn', bundle: 'Spend=支出' } } as unknown as InitPayload;
    await renderApp({ init, handlers });
    expect(screen.getByRole('region', { name: 'Spend' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-cn');
  });

  it('English stays English: no bundle, <html lang="en">, the same words as before', async () => {
    await renderApp({ init: initPayload({ snapshot: managementSnapshot() }), handlers });
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('region', { name: 'Spend' })).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Spend' })).getByText('This month')).toBeTruthy();
  });
});

// ---- layout at 300 px --------------------------------------------------------------------------------------
// jsdom lays nothing out, so this reads the stylesheet: a rule that forbids wrapping (white-space: nowrap) or
// fixes a width must only hold text that fits a 300 px sidebar in Chinese; nothing sets a minimum width wider
// than the sidebar. The e2e screenshot shows the real thing.
const css = readFileSync(`${root}/webview/src/styles.css`, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
const RULES = [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => ({ selector: m[1]!.trim(), body: m[2]! }));
/** Roughly: a CJK character is 1em (13 px in VS Code), a Latin one about 0.6em. */
const widthPx = (s: string): number => [...s].reduce((w: number, ch: string) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 13 : 8), 0);

describe('the sidebar at 300 px in 简体中文', () => {
  it('no rule sets a minimum or fixed width wider than the sidebar', () => {
    for (const r of RULES) {
      for (const m of r.body.matchAll(/(?:^|;|\s)(min-width|width)\s*:\s*(\d+(?:\.\d+)?)px/g)) {
        expect(Number(m[2]), `${r.selector} ${m[1]}`).toBeLessThanOrEqual(300);
      }
    }
  });

  it('text in a rule that cannot wrap fits 300 px; everything else may wrap', async () => {
    const init = zhInit({ snapshot: managementSnapshot(), references: referencesView([modelRef('anthropic/claude-sonnet-4.5'), modelRef('qwen/qwen3-coder', { refId: 'r2' })]) });
    await renderZh(init, 'sidebar');
    const nowrap = RULES.filter((r) => /white-space\s*:\s*nowrap/.test(r.body) && !/visually-hidden/.test(r.selector));
    const tooWide: string[] = [];
    for (const r of nowrap) {
      for (const selector of r.selector.split(',').map((s) => s.trim())) {
        let els: Element[] = [];
        try {
          els = [...document.querySelectorAll(selector)];
        } catch {
          continue;
        }
        for (const el of els) {
          const text = (el.textContent ?? '').trim();
          // 300 px less the view's padding and the row's other parts: a label that cannot wrap gets at most 200 px.
          if (widthPx(text) > 200) tooWide.push(`${selector}: ${text}`);
        }
      }
    }
    expect(tooWide).toEqual([]);
    await waitFor(() => expect(document.querySelector('[data-section="compare"]')).toBeTruthy());
  });
});
