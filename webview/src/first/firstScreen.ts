// The sidebar's first screen as static HTML. The extension host runs this (dist/first-screen.js,
// ./firstScreenRender.ts) and writes the HTML into the sidebar's page, so it paints with the page itself, before the
// React app (and its ~300 KB of JS) is fetched and compiled.
// It is the markup the React sections render for the same data (webview/src/sections/{Spend,YourModels,Leaders}
// Section.tsx: same elements, classes and text, through the one formatter, the same derivations from
// model/derive.ts and the same l10n.t()), so when the app mounts it swaps in without a visible jump;
// test/webview/firstScreen.test.tsx holds the two side by side. Where a state is not one this draws exactly (a
// notice banner, a spinner, the spend chart), it returns null and the page waits for the app, as before. Every
// string from the server or the workspace is HTML-escaped here; nothing else writes it.
import type { WebviewSettings } from '../../../src/shared/protocol';
import type { ModelRefView, RankedModel, RankingsView, ReferencesView, Region, Snapshot } from '../../../src/shared/types';
import { UNKNOWN, formatChange, formatCount, formatDay, formatIndex, formatPercent, formatPricePair, formatTokens, regionLabel } from '../../../src/shared/format';
import { DATA_API_DOCS_URL, asSentence, citationText, tokenizerCaveat, coverageDays, coverageLine, priceAgeLabel, rankingsAgeLabel } from '../../../src/shared/dataLabels';
import { buildYourModels, catalogIndex, leaders, presetOnly, type CatalogIndex, type YourModel } from '../model/derive';
import * as l10n from '../l10n';
import { byokExplanation, spendFigures, spendSummary } from '../model/spendFigures';
import { regionCode, shapePath, shareBarLabel, shareSummary } from '../model/regionWords';

export interface FirstScreenInput {
  snapshot: Snapshot;
  references: ReferencesView | undefined;
  settings: WebviewSettings;
  /** The clock, only for "as of" labels that print the year when it is not this one. */
  nowMs: number;
}

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const e = escapeHtml;

/** `<tag a="v">inner</tag>`, attributes in order, undefined/false ones left out; `inner` is already HTML. */
function tag(name: string, attrs: Record<string, string | number | boolean | undefined>, inner = ''): string {
  let out = `<${name}`;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    out += v === true ? ` ${k}=""` : ` ${k}="${e(v)}"`;
  }
  return `${out}>${inner}</${name}>`;
}

/** The sections the first screen draws, in the sidebar's order; their ids match the React app's section ids. */
export const FIRST_SCREEN_SECTIONS = ['spend', 'models', 'leaders'] as const;

/**
 * The sidebar's first screen, or null when the data is not in a state this renders exactly (then the app paints
 * it). Always null without leaders to show: they are the sidebar's first content.
 */
export function renderSidebarFirstScreen(input: FirstScreenInput): string | null {
  const { snapshot, references, settings, nowMs } = input;
  const rankings = snapshot.rankings;
  if (!rankings || rankings.models.length === 0) return null;
  if (wouldShowBanner(snapshot)) return null;
  const spend = spendSection(snapshot, settings);
  const models = yourModelsSection(snapshot, references, nowMs);
  if (spend === null || models === null) return null;
  return `<main class="mr-app mr-sidebar">${spend}${models}${leadersSection(snapshot, rankings, settings, nowMs)}</main>`;
}

/** The app's notices (webview/src/model/status.ts banners) show for any failing or stale resource. */
function wouldShowBanner(snapshot: Snapshot): boolean {
  return Object.values(snapshot.resources).some((r) => (r.error && r.error.kind !== 'cancelled') || (r.stale && r.fetchedAt !== null));
}

function section(id: (typeof FIRST_SCREEN_SECTIONS)[number], title: string, summary: string | undefined, body: string): string {
  const bodyId = `mr-first-${id}`;
  const toggle = tag(
    'button',
    { type: 'button', class: 'mr-section-toggle', 'aria-expanded': 'true', 'aria-controls': bodyId },
    `${tag('span', { class: 'mr-chevron', 'aria-hidden': 'true' }, '▾')}${tag('span', { class: 'mr-section-title' }, e(title))}${summary ? tag('span', { class: 'mr-section-summary' }, e(summary)) : ''}`,
  );
  return tag('section', { class: 'mr-section', 'aria-label': title, 'data-section': id }, `${tag('h2', { class: 'mr-section-header' }, toggle)}${tag('div', { id: bodyId, class: 'mr-section-body' }, body)}`);
}

/** The toolkit's button before the toolkit is registered: the app's own fallback (webview/src/ui/toolkit.tsx). */
function button(label: string, appearance: 'primary' | 'secondary' | 'link'): string {
  if (appearance === 'link') return tag('button', { type: 'button', class: 'mr-link' }, e(label));
  return tag('button', { type: 'button', class: `mr-button mr-button-${appearance}` }, e(label));
}

function priceAgeNote(snapshot: Snapshot, nowMs: number): string {
  const label = priceAgeLabel(snapshot.catalog, { stale: snapshot.resources.models.stale, nowMs });
  return label === null ? '' : tag('p', { class: 'mr-muted mr-price-age', role: 'note' }, `${e(asSentence(label))}.`);
}

// ---- Spend (webview/src/sections/SpendSection.tsx) ----

function spendSection(snapshot: Snapshot, settings: WebviewSettings): string | null {
  const { keys, usage, resources } = snapshot;
  const summary = spendSummary(snapshot);
  let body: string;
  if (keys.inference === 'none') {
    body = tag(
      'div',
      { class: 'mr-invite' },
      tag('p', {}, e(l10n.t('Add your OpenRouter API key to see what you spend today, this week and this month, and your remaining limit. Prices and the market view work without one.'))) +
        button(l10n.t('Set API key'), 'primary'),
    );
  } else {
    // A spinner while spend loads, and the management key's chart, are the app's to draw.
    if ((!usage && !resources.key.error) || keys.management) return null;
    body =
      spendFiguresHtml(snapshot, settings) +
      tag('div', { class: 'mr-invite mr-invite-small' }, tag('p', {}, e(l10n.t('Add a management key to see your account balance and the last 30 days of spend by model.'))) + button(l10n.t('Set management key'), 'secondary'));
  }
  if (usage === null && resources.key.error) body += tag('p', { class: 'mr-muted' }, e(l10n.t('Spend could not be loaded; see the notice above.')));
  return section('spend', l10n.t('Spend'), summary, body);
}

function stat(label: string, value: string, note?: string, warn?: boolean): string {
  return tag('div', { class: warn ? 'mr-stat mr-stat-warn' : 'mr-stat' }, tag('dt', {}, e(label)) + tag('dd', {}, tag('span', { class: 'mr-stat-value' }, e(value)) + (note ? tag('span', { class: 'mr-stat-note' }, ` ${e(note)}`) : '')));
}

function spendFiguresHtml(snapshot: Snapshot, settings: WebviewSettings): string {
  const figures = spendFigures(snapshot, settings);
  let out = tag('dl', { class: 'mr-stats' }, figures.stats.map((s) => stat(s.label, s.value, s.note, s.warn)).join(''));
  if (figures.byok) out += tag('p', { class: 'mr-muted' }, e(byokExplanation()));
  if (figures.invalidManagementKey) {
    out += tag('div', { class: 'mr-invite mr-invite-small' }, tag('p', {}, e(l10n.t('Balance unavailable: the saved management key is an ordinary API key.'))) + button(l10n.t('Set management key'), 'secondary'));
  }
  if (figures.overBudget !== null) out += tag('p', { class: 'mr-warn', role: 'status' }, e(figures.overBudget));
  return out;
}

// ---- Your models (webview/src/sections/YourModelsSection.tsx, webview/src/model/derive.ts) ----

const FOLD_ABOVE = 5;
const FOLDED_COUNT = 4;

function yourModelsSection(snapshot: Snapshot, references: ReferencesView | undefined, nowMs: number): string | null {
  // Still looking for model ids: the app shows its progress.
  if (references === undefined || references.scanning) return null;
  const models = buildYourModels(snapshot, references);
  const foldable = models.length > FOLD_ABOVE;
  const shown = foldable ? models.slice(0, FOLDED_COUNT) : models;
  const orderOnly = snapshot.rankings?.mode === 'order';
  let body = references.note ? tag('p', { class: 'mr-note' }, e(references.note)) : '';
  if (models.length) {
    body += tag('ul', { class: 'mr-model-list' }, shown.map((m, i) => modelItem(m, orderOnly, i)).join(''));
    body += priceAgeNote(snapshot, nowMs);
  }
  if (foldable) body += tag('button', { type: 'button', class: 'mr-link mr-show-all', 'aria-expanded': 'false' }, e(l10n.t('Show all ({0})', models.length)));
  if (!models.length) {
    const none = snapshot.keys.management ? l10n.t('No OpenRouter model ids found in this workspace, and no usage in the last 30 days.') : l10n.t('No OpenRouter model ids found in this workspace.');
    body += tag('div', { class: 'mr-empty' }, tag('p', {}, e(none)) + button(l10n.t('Rescan workspace'), 'secondary'));
  }
  return section('models', l10n.t('Your models'), models.length ? `${models.length}` : undefined, body);
}

const ICON_PATHS = {
  swap: 'M2.5 5.5h10M10 3l2.5 2.5L10 8M13.5 10.5h-10M6 8l-2.5 2.5L6 13',
  copy: 'M5.5 5.5h8v8h-8zM10.5 5.5v-3h-8v8h3',
  external: 'M9.5 2.5h4v4M13.5 2.5L7.5 8.5M11.5 9.5v4h-9v-9h4',
  chevron: 'M4 6l4 4 4-4',
} as const;

function iconButton(icon: keyof typeof ICON_PATHS, label: string, title: string, extra: { className?: string; expanded?: boolean; controls?: string } = {}): string {
  const svg = tag(
    'svg',
    { class: 'mr-icon', width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': 'true', focusable: 'false' },
    tag('path', { d: ICON_PATHS[icon], fill: 'none', stroke: 'currentColor', 'stroke-width': '1.2', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }),
  );
  return tag(
    'button',
    {
      type: 'button',
      class: ['mr-icon-button', extra.className].filter(Boolean).join(' '),
      'aria-label': label,
      title,
      'aria-expanded': extra.expanded === undefined ? undefined : String(extra.expanded),
      'aria-controls': extra.controls,
    },
    svg,
  );
}

function shortName(name: string): string {
  const colon = name.indexOf(': ');
  return colon > 0 && colon < name.length - 2 ? name.slice(colon + 2) : name;
}

function modelItem(item: YourModel, orderOnly: boolean, index: number): string {
  const { id, model, refs, ranked } = item;
  const price = model?.price;
  const variable = model?.variable === true;
  const name = model?.name ?? id;
  const rankShort = ranked ? `#${formatCount(ranked.rank)}` : null;
  const priceText = variable ? l10n.t('price varies by route') : formatPricePair(price?.input, price?.output);
  const detailsId = `mr-first-details-${index}`;
  let head = tag('span', { class: 'mr-model-name', title: `${name}\n${id}` }, model ? e(shortName(name)) : tag('code', { class: 'mr-model-id' }, e(id)));
  const preset = presetOnly(item);
  if (!model && preset !== null) head += tag('span', { class: 'mr-tag', title: l10n.t('An OpenRouter preset: the preset {0} in your OpenRouter settings picks the model, providers and parameters.', preset) }, e(l10n.t('preset')));
  else if (!model) head += tag('span', { class: 'mr-tag', title: l10n.t("This id is not in OpenRouter's current catalog") }, e(l10n.t('not in catalog')));
  head += tag(
    'span',
    { class: 'mr-model-actions' },
    (refs.length ? iconButton('swap', l10n.t('Swap {0}…', id), l10n.t('Swap for another model…')) : '') +
      iconButton('copy', l10n.t('Copy id {0}', id), l10n.t('Copy id')) +
      (model ? iconButton('external', l10n.t('Open {0} on openrouter.ai', id), l10n.t('Open on openrouter.ai')) : '') +
      iconButton('chevron', l10n.t('Details of {0}', id), l10n.t('Details'), { className: 'mr-details-toggle', expanded: false, controls: detailsId }),
  );
  let meta = tag('span', { class: 'mr-num' }, e(priceText));
  if (model) meta += ` · ${regionMark(model.region, true, true)} ${e(model.lab)}`;
  if (rankShort) meta += ` · ${tag('span', { title: orderOnly ? l10n.t('Rank by popularity') : l10n.t('Rank by weekly tokens') }, e(rankShort))}`;
  if (model?.codingIndex !== null && model?.codingIndex !== undefined) meta += e(l10n.t(' · coding {0}', formatIndex(model.codingIndex)));
  let out = tag('div', { class: 'mr-model-head' }, head) + tag('p', { class: 'mr-model-meta' }, meta);
  if (refs.length) out += tag('ul', { class: 'mr-refs', 'aria-label': l10n.t('References to {0}', id) }, refs.map((r) => refItem(r)).join(''));
  out += tag('div', { id: detailsId, class: 'mr-model-details', hidden: true });
  out += tag('p', { class: 'mr-action-status', role: 'status', 'aria-live': 'polite' });
  return tag('li', { class: 'mr-model', 'aria-label': name }, out);
}

function refItem(r: ModelRefView): string {
  const place = `${r.file}:${Number.isFinite(r.line) ? r.line : '?'}`;
  return tag('li', { class: 'mr-ref' }, tag('button', { type: 'button', class: 'mr-link', 'aria-label': l10n.t('Go to reference {0}', place), title: `${r.tool}${r.keyPath ? ` · ${r.keyPath}` : ''}` }, e(place)));
}

// ---- Region marks (webview/src/components/RegionMark.tsx) ----


function regionMark(region: Region, showLabel: boolean, short = false): string {
  const label = regionLabel(region);
  const code = short ? regionCode(region) : undefined;
  const svg = tag(
    'svg',
    { class: 'mr-region-icon', width: 10, height: 10, viewBox: '-6 -6 12 12', 'aria-hidden': 'true', focusable: 'false' },
    tag('path', { class: `mr-fill-${region} mr-stroke-${region}`, d: shapePath(region, 4.5) }),
  );
  const text = !showLabel
    ? tag('span', { class: 'mr-visually-hidden' }, e(label))
    : code
      ? tag('span', { class: 'mr-region-label', 'aria-hidden': 'true' }, e(code)) + tag('span', { class: 'mr-visually-hidden' }, e(label))
      : tag('span', { class: 'mr-region-label' }, e(label));
  return tag('span', { class: 'mr-region', title: label }, svg + text);
}

// ---- Leaders (webview/src/sections/LeadersSection.tsx) ----

function leadersSection(snapshot: Snapshot, rankings: RankingsView, settings: WebviewSettings, nowMs: number): string {
  const summary = rankings.mode === 'tokens' ? shareSummary(rankings) : l10n.t('order only');
  const body = leadersBody(rankings, catalogIndex(snapshot.catalog), settings.leadersTop, nowMs) + priceAgeNote(snapshot, nowMs);
  return section('leaders', l10n.t('Leaders'), summary, body);
}

function leadersBody(rankings: RankingsView, catalog: CatalogIndex, top: number, nowMs: number): string {
  const orderOnly = rankings.mode === 'order';
  let out = '';
  if (orderOnly) {
    out += tag(
      'p',
      { class: 'mr-note mr-order-only' },
      `${tag('strong', {}, e(l10n.t('Order only — add a key for token figures.')))} ${e(l10n.t('Without a key OpenRouter shares the popularity order, not how many tokens each model served.'))} ${button(l10n.t('Set API key'), 'link')}`,
    );
  } else if (rankings.window) {
    const partial = rankings.coverage && rankings.coverage.daysWithData !== rankings.coverage.requestedDays ? l10n.t(' (data for {0})', coverageDays(rankings.coverage)) : '';
    const changed = rankings.models.some((m) => m.change !== null);
    const start = formatDay(rankings.window.start);
    const end = formatDay(rankings.window.end, true);
    out += tag('p', { class: 'mr-muted' }, e(changed ? l10n.t('Tokens served, {0} – {1}{2}, change against the week before.', start, end, partial) : l10n.t('Tokens served, {0} – {1}{2}.', start, end, partial)));
  }
  const age = rankingsAgeLabel(rankings.source, rankings.asOf, nowMs);
  if (age !== null) {
    out += tag('p', { class: 'mr-note mr-rankings-age', role: 'note' }, e(asSentence(age)) + e(rankings.source === 'bundled' ? l10n.t(': the snapshot shipped with Model Radar, shown until live data arrives.') : '.'));
  }
  const coverage = rankings.mode === 'tokens' ? coverageLine(rankings.coverage) : null;
  if (coverage !== null) out += tag('p', { class: 'mr-note mr-coverage', role: 'note' }, e(coverage));
  out += tag('div', { class: 'mr-leaders' }, leaderColumn('CN', rankings, catalog, top) + leaderColumn('US', rankings, catalog, top));
  if (!orderOnly) {
    out += shareBar(rankings);
    out += tag('p', { class: 'mr-muted mr-caveat' }, `${e(tokenizerCaveat())} ${tag('a', { href: DATA_API_DOCS_URL, title: DATA_API_DOCS_URL }, e(l10n.t('About the Data API')))}`);
  }
  const asOf = rankings.asOf ? formatDay(rankings.asOf, true) : null;
  const citation =
    rankings.citation !== null && rankings.citation !== undefined
      ? citationText(rankings.citation, rankings.asOf ?? rankings.window?.end)
      : (orderOnly
      ? asOf
        ? l10n.t('Source: OpenRouter popularity order (openrouter.ai/models), as of {0}.', asOf)
        : l10n.t('Source: OpenRouter popularity order (openrouter.ai/models).')
      : asOf
        ? l10n.t('Source: OpenRouter (openrouter.ai/rankings), as of {0}.', asOf)
        : l10n.t('Source: OpenRouter (openrouter.ai/rankings).'));
  out += tag('p', { class: 'mr-citation' }, e(citation));
  return out;
}

function changeText(m: RankedModel): string {
  if (m.change === null) return tag('span', { class: 'mr-change' }, e(m.prevTokens === null && m.tokens !== null ? l10n.t('new') : UNKNOWN));
  const up = m.change > 0;
  const down = m.change < 0;
  return tag('span', { class: up ? 'mr-change mr-up' : down ? 'mr-change mr-down' : 'mr-change' }, tag('span', { 'aria-hidden': 'true' }, up ? '▲ ' : down ? '▼ ' : '') + e(formatChange(m.change)));
}

function leaderColumn(region: Region, rankings: RankingsView, catalog: CatalogIndex, top: number): string {
  const rows = leaders(rankings, region, top);
  const total = rankings.regions.find((r) => r.region === region);
  const orderOnly = rankings.mode === 'order';
  const heading = region === 'CN' ? l10n.t('Chinese labs') : l10n.t('US labs');
  let h3 = `${regionMark(region, false)} ${e(heading)}`;
  if (!orderOnly && total) h3 += tag('span', { class: 'mr-col-total mr-muted mr-num' }, e(l10n.t('{0} tokens · {1} share', formatTokens(total.tokens), formatPercent(total.share))));
  let list: string;
  if (rows.length) {
    list = tag(
      'ol',
      { class: 'mr-leader-list', 'aria-label': l10n.t('Top {0} models', regionLabel(region)) },
      rows
        .map((m) => {
          const model = m.id ? catalog.get(m.id) : null;
          const figures =
            (orderOnly ? '' : tag('span', {}, `${e(formatTokens(m.tokens))} ${changeText(m)}`)) +
            tag('span', { class: 'mr-muted', title: l10n.t('$ per 1M tokens, input / output') }, e(model && !model.variable ? formatPricePair(model.price.input, model.price.output, { unit: false }) : UNKNOWN));
          return tag(
            'li',
            {},
            tag('span', { class: 'mr-rank mr-num', title: l10n.t('Overall rank') }, `#${e(Number.isFinite(m.rank) ? m.rank : '?')}`) +
              tag('span', { class: 'mr-model-name', title: m.id ?? m.permaslug }, e(m.name ?? model?.name ?? m.permaslug)) +
              tag('span', { class: 'mr-leader-figures mr-num' }, figures),
          );
        })
        .join(''),
    );
  } else {
    list = tag('p', { class: 'mr-muted' }, e(l10n.t('No {0} models in this window.', regionLabel(region))));
  }
  return tag('div', { class: 'mr-leader-col', 'data-region': region }, tag('h3', { class: 'mr-subheading' }, h3) + list);
}

const SHARE_ORDER: (Region | 'unattributed')[] = ['CN', 'US', 'EU', 'OTHER', 'UNKNOWN', 'unattributed'];

function shareBar(rankings: RankingsView): string {
  const parts = SHARE_ORDER.map((key) => {
    if (key === 'unattributed') return { key, label: l10n.t('Unattributed'), share: rankings.unattributedShare };
    const r = rankings.regions.find((x) => x.region === key);
    return { key, label: regionLabel(key), share: r ? r.share : null };
  }).filter((p): p is { key: Region | 'unattributed'; label: string; share: number } => p.share !== null && Number.isFinite(p.share) && p.share > 0);
  if (!parts.length) return '';
  const sum = parts.reduce((a, p) => a + p.share, 0);
  let x = 0;
  const label = shareBarLabel(parts);
  const rects = parts
    .map((p) => {
      const w = (p.share / Math.max(sum, 1)) * 100;
      const rect = tag('rect', { class: `mr-fill-${p.key}`, x, y: 0, width: w, height: 6 });
      x += w;
      return rect;
    })
    .join('');
  const legend = parts
    .map((p) => tag('li', {}, (p.key === 'unattributed' ? tag('span', { class: 'mr-swatch mr-fill-unattributed' }) : regionMark(p.key, false)) + `${e(p.label)} ${e(formatPercent(p.share))}`))
    .join('');
  return tag(
    'figure',
    { class: 'mr-share' },
    tag('svg', { class: 'mr-share-bar', viewBox: '0 0 100 6', preserveAspectRatio: 'none', role: 'img', 'aria-label': label }, rects) +
      tag('figcaption', {}, tag('ul', { class: 'mr-legend mr-legend-inline', 'aria-hidden': 'true' }, legend)),
  );
}
