// What the editor surfaces say about a reference (hover, CodeLens, diagnostics, pickers) and which references a
// swap request means. Pure, so every decision the VS Code adapters make is tested here.
import { UNKNOWN, formatContext, formatDay, formatPrice, formatTokens } from '../../shared/format';
import { asSentence } from '../../shared/dataLabels';
import { ownWeeklyTokens, rankOf } from '../../shared/variantTokens';
import { escapeMarkdown } from '../status/format';
import { modelPageUrl } from '../bridge/handlers';
import type { Alternative, CatalogModel, CompareResult, ModelRefView, RankedModel, RankingsView } from '../../shared/types';
import { baseOf } from './idShape';
import type { ModelRef } from './types';
import { COMMANDS } from '../../shared/commands';
import { priceSummary, savingText, type PickItem } from '../market/pickItems';
import { ENGLISH, type L10n } from '../l10n';
import type { Allowance } from '../../shared/allowed';

/** Days before an expiration date from which a reference is flagged. */
export const EXPIRY_WARNING_DAYS = 30;

/**
 * The view of a reference the webview gets: no absolute path, an opaque id, and the catalog model core resolves
 * the id to (`modelId`), so the webview never guesses which model an aliased or variant id names.
 */
export function toRefView(ref: ModelRef, refId: string, file: string): ModelRefView {
  const view: ModelRefView = { refId, file, line: ref.line, column: ref.column, raw: ref.raw, id: ref.id, known: ref.known, tool: ref.tool, keyPath: ref.keyPath, modelId: ref.modelId };
  return ref.preset === undefined ? view : { ...view, preset: ref.preset };
}

/** "Swap…" arguments travel inside a command URI or a CodeLens; only the opaque reference id. */
export function commandUri(command: string, args: unknown): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify([args]))}`;
}

/**
 * The CodeLens line: "$0.09 / $0.18 per 1M · #1 this week · CN"; with prices that are not live,
 * "$0.09 / $0.18 per 1M (prices as of Jul 29, bundled) · …". The "Swap…" lens sits next to it.
 */
export function codeLensTitle(
  model: CatalogModel | null,
  ranked: RankedModel | null,
  priceAge: string | null = null,
  l10n: L10n = ENGLISH,
  preset?: string,
  allowance: Allowance = 'unknown',
): string {
  if (model === null) return preset === undefined ? l10n.t('$(warning) not in the OpenRouter catalog') : l10n.t('OpenRouter preset {0}', preset);
  const summary = priceSummary(model, l10n);
  const parts = [priceAge === null ? summary : `${summary} (${priceAge})`];
  if (ranked !== null) parts.push(l10n.t('#{0} this week', ranked.rank));
  parts.push(model.region);
  if (allowance === 'notAllowed') parts.push(l10n.t('$(circle-slash) not allowed by this key’s settings'));
  return parts.join(' · ');
}

function daysBetween(fromDay: string, toDay: string): number {
  return Math.round((Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / 86_400_000);
}

/** An id as inline code; anything outside the id alphabet falls back to escaped text (no escaping inside code). */
function code(s: string): string {
  return /^[\w./:~@+-]+$/.test(s) ? `\`${s}\`` : escapeMarkdown(s);
}

export interface HoverInput {
  ref: ModelRef;
  model: CatalogModel | null;
  /** The model an alias points at, when the catalog lists it. */
  aliasTarget: CatalogModel | null;
  ranked: RankedModel | null;
  /** Null when the reference cannot be swapped from here (untrusted workspace, file outside it). */
  refId: string | null;
  suggestions: readonly string[];
  /** "YYYY-MM-DD", UTC. */
  today: string;
  /** From snapshotPriceAge: "prices as of Jul 29, bundled" when the prices are not live. */
  priceAge?: string | null;
  /** Whether the inference key may use the model (GET /models/user); absent reads as unknown. */
  allowance?: Allowance;
  /** While the allowance is unknown: the sentence saying the check has not run and why (shared/allowed.ts). */
  allowanceNote?: string | null;
}

/**
 * The "did you mean" ids a hover lists for an id the catalog does not know. None while diagnostics are on: VS Code
 * shows the diagnostic, which already names them, in the same hover, and the user should read them once.
 */
export function hoverSuggestions(known: boolean, diagnosticsShown: boolean, suggest: () => string[]): string[] {
  if (known || diagnosticsShown) return [];
  return [...new Set(suggest())];
}

/** Hover markdown. Everything from data is escaped; the only links are our two commands and openrouter.ai. */
export function hoverMarkdown(h: HoverInput, l10n: L10n = ENGLISH): string {
  const lines: string[] = [];
  const actions: string[] = [];
  if (h.refId !== null) actions.push(`[${l10n.t('Swap…')}](${commandUri(COMMANDS.swapModel, { refId: h.refId })})`);
  if (h.model === null && h.ref.preset !== undefined) {
    lines.push(
      l10n.t(
        '{0} is an OpenRouter preset: the preset named {1} in your OpenRouter settings picks the model, providers and parameters.',
        `**${escapeMarkdown(h.ref.id)}**`,
        code(h.ref.preset),
      ),
    );
  } else if (h.model === null) {
    lines.push(l10n.t('{0} is not in the OpenRouter catalog.', `**${escapeMarkdown(h.ref.id)}**`));
    if (h.suggestions.length > 0) lines.push(l10n.t('Did you mean {0}?', h.suggestions.map(code).join(', ')));
  } else {
    const m = h.model;
    const facts = h.aliasTarget ?? m;
    lines.push(`**${escapeMarkdown(m.name)}** · ${code(m.id)}`);
    if (h.aliasTarget !== null) lines.push(l10n.t('Points at {0} today.', code(h.aliasTarget.id)));
    if (h.ref.preset !== undefined) lines.push(l10n.t('With the OpenRouter preset {0}: its settings (providers, parameters, prompt) apply to this model.', code(h.ref.preset)));
    lines.push(`${escapeMarkdown(facts.lab)} · ${facts.region}`);
    if (facts.variable) lines.push(l10n.t('Price: varies by route'));
    else {
      const input = formatPrice(facts.price.input);
      const output = formatPrice(facts.price.output);
      lines.push(
        facts.price.cacheRead === null
          ? l10n.t('Per 1M tokens: in {0} · out {1}', input, output)
          : l10n.t('Per 1M tokens: in {0} · out {1} · cache read {2}', input, output, formatPrice(facts.price.cacheRead)),
      );
    }
    if (h.priceAge !== undefined && h.priceAge !== null) lines.push(`$(history) ${escapeMarkdown(asSentence(h.priceAge))}`);
    if (h.allowance === 'notAllowed') lines.push(`$(circle-slash) ${notAllowedSentence(m.id, l10n)}`);
    else if (h.allowance !== 'allowed' && h.allowanceNote) lines.push(`$(info) ${escapeMarkdown(h.allowanceNote)}`);
    const stats = [l10n.t('Context {0}', formatContext(facts.contextLength)), l10n.t('coding index {0}', facts.codingIndex ?? UNKNOWN)];
    if (h.ranked !== null) {
      // The model's own variant figure (":free" is not its base model's tokens).
      const own = ownWeeklyTokens(h.ranked, facts.variant);
      stats.push(own.kind === 'tokens' ? l10n.t('#{0} this week ({1} tokens)', h.ranked.rank, formatTokens(own.tokens)) : l10n.t('#{0} this week', h.ranked.rank));
    }
    lines.push(stats.join(' · '));
    if (m.expirationDate !== null) {
      const days = daysBetween(h.today, m.expirationDate);
      const on = formatDay(m.expirationDate, true);
      lines.push(
        days < 0
          ? l10n.t('$(warning) Retired on {0}', on)
          : days === 1
            ? l10n.t('$(warning) Retires on {0} (in {1} day)', on, days)
            : l10n.t('$(warning) Retires on {0} (in {1} days)', on, days),
      );
    }
    actions.push(`[${l10n.t('Compare')}](${commandUri(COMMANDS.compareModel, m.id)})`);
    // Who serves it, at what price and speed: the dashboard's Providers section, opened at this model.
    if (!m.variable) actions.push(`[${l10n.t('Providers')}](${commandUri(COMMANDS.openDashboard, { providers: m.id })})`);
    actions.push(`[${l10n.t('Open on openrouter.ai')}](${modelPageUrl(m.id)})`);
  }
  if (actions.length > 0) lines.push(actions.join(' · '));
  return lines.join('\n\n');
}

export type RefProblemKind = 'unknown' | 'expiring' | 'expired' | 'removed';

export interface RefProblem {
  kind: RefProblemKind;
  message: string;
  /** Catalog ids a quick fix may swap to, best first. */
  targets: string[];
}

/** What the catalog watch remembers of a model that left the catalog. */
export interface RemovedInfo {
  /** ISO date-time the removal was seen. */
  removedAt: string;
  /** Successors in the current catalog, best first. */
  successors: string[];
}

/**
 * Diagnostics for one reference: an id the catalog does not know (or no longer lists, when the watch saw it leave),
 * or a model that retires within 30 days or has. A preset ("@preset/slug") is not a model id: nothing to say.
 */
export function refProblems(
  ref: ModelRef,
  model: CatalogModel | null,
  today: string,
  options: { suggest(raw: string): string[]; successors(model: CatalogModel): string[]; removed?(id: string): RemovedInfo | null },
  l10n: L10n = ENGLISH,
): RefProblem[] {
  if (model === null && ref.preset !== undefined && ref.modelId === null && ref.id.startsWith('@')) return [];
  if (model === null) {
    const gone = options.removed?.(ref.id) ?? (ref.id.includes(':') ? (options.removed?.(baseOf(ref.id)) ?? null) : null);
    if (gone !== null) {
      const on = formatDay(gone.removedAt, true);
      const next = gone.successors[0];
      const message =
        next === undefined
          ? l10n.t('{0} left the OpenRouter catalog (seen {1}); requests to it fail. Swap it for a model the catalog lists.', ref.id, on)
          : l10n.t('{0} left the OpenRouter catalog (seen {1}); requests to it fail. Its successor: "{2}".', ref.id, on, next);
      return [{ kind: 'removed', message, targets: gone.successors }];
    }
    const targets = options.suggest(ref.id);
    const message =
      targets.length > 0
        ? l10n.t('"{0}" is not a model in the OpenRouter catalog. Did you mean {1}?', ref.id, targets.map((t) => `"${t}"`).reduce((a, b) => l10n.t('{0} or {1}', a, b)))
        : l10n.t('"{0}" is not a model in the OpenRouter catalog.', ref.id);
    return [{ kind: 'unknown', message, targets }];
  }
  if (model.expirationDate === null) return [];
  const days = daysBetween(today, model.expirationDate);
  if (days > EXPIRY_WARNING_DAYS) return [];
  const targets = options.successors(model);
  const on = formatDay(model.expirationDate, true);
  if (days < 0) return [{ kind: 'expired', message: l10n.t('{0} was retired on {1}; requests to it fail.', model.id, on), targets }];
  const message =
    days === 0
      ? l10n.t('{0} retires on {1} (today).', model.id, on)
      : days === 1
        ? l10n.t('{0} retires on {1} (in {2} day).', model.id, on, days)
        : l10n.t('{0} retires on {1} (in {2} days).', model.id, on, days);
  return [{ kind: 'expiring', message, targets }];
}

/** The one sentence every editor surface uses for a model the key may not use. */
export function notAllowedSentence(id: string, l10n: L10n = ENGLISH): string {
  return l10n.t(
    '{0} is not allowed by this API key’s settings: OpenRouter does not list it for the key (its guardrails, provider preferences or privacy settings exclude it), so requests to it fail.',
    id,
  );
}

/**
 * A reference naming a model the key may not use: an Information diagnostic, not a warning (the id is right; the
 * key's settings are the user's to change). Null when allowed or unknown: nothing is guessed.
 */
export function allowanceProblem(ref: ModelRef, model: CatalogModel | null, allowance: Allowance, l10n: L10n = ENGLISH): { kind: 'notAllowed'; message: string } | null {
  if (model === null || allowance !== 'notAllowed') return null;
  return { kind: 'notAllowed', message: notAllowedSentence(ref.id, l10n) };
}

export interface TargetSection {
  title: string;
  items: PickItem[];
}

function targetItem(m: CatalogModel, rankings: RankingsView | null, l10n: L10n, saving?: string, note = ''): PickItem {
  const ranked = rankOf(rankings, m);
  const detail = [priceSummary(m, l10n), l10n.t('{0} context', formatContext(m.contextLength)), m.region];
  if (ranked !== null) detail.push(l10n.t('#{0} this week', ranked.rank));
  if (m.codingIndex !== null) detail.push(l10n.t('coding {0}', m.codingIndex));
  if (note !== '') detail.push(note);
  // The saving sits on the label's line: it is why the model is offered, and it must survive a search (which
  // re-sorts the list by label and drops the section headers) and a narrow picker that cuts the detail line.
  return { id: m.id, label: m.name, description: saving === undefined ? m.id : `${saving} · ${m.id}`, detail: detail.join(' · ') };
}

/** The swap target picker's title and placeholder: short enough that neither is cut mid-word. */
export function swapTargetPrompt(
  raw: string,
  model: CatalogModel | null,
  compare: CompareResult | null,
  priceAge: string | null = null,
  l10n: L10n = ENGLISH,
): { title: string; placeHolder: string } {
  const price = model === null ? l10n.t('not in the catalog') : model.variable ? l10n.t('price varies by route') : l10n.t('now {0}', priceSummary(model, l10n));
  // The price age ("prices as of Jul 29, bundled") belongs with the price, in the title; the placeholder stays short.
  const now = priceAge === null || model === null ? price : `${price}; ${priceAge}`;
  const placeHolder =
    (compare?.alternatives.length ?? 0) > 0
      ? l10n.t('Search models by name or id; savings on {0}', mixNoteOf(compare, l10n))
      : l10n.t('Search models by name or id');
  return { title: l10n.t('Swap {0} ({1})', raw, now), placeHolder };
}

/** What a saving could not price exactly on this model, for its row: "no cache-read price: 3M tokens at input rate"; "" when none. */
export function unpricedNote(a: Pick<Alternative, 'unpriced'>, l10n: L10n = ENGLISH): string {
  return (a.unpriced ?? [])
    .filter((p) => p.reason === 'noPrice')
    .map((p) =>
      p.part === 'cacheRead'
        ? l10n.t('no cache-read price: {0} tokens at input rate', formatTokens(p.tokens))
        : l10n.t('no cache-write price: {0} tokens at input rate', formatTokens(p.tokens)),
    )
    .join('; ');
}

function mixNoteOf(compare: CompareResult | null, l10n: L10n): string {
  const h = compare?.mix.history;
  if (compare?.mix.source === 'history' && h) return l10n.t('your {0}-day mix', h.days);
  return compare?.mix.source === 'activity' ? l10n.t('your 30-day mix') : l10n.t('a default 3:1 mix');
}

/**
 * The swap target picker: cheaper models of similar or better coding index (with the saving), this week's
 * leaders, then the rest of the catalog. The current model and router pseudo-models are left out of the
 * first two; nothing appears twice.
 */
export function swapTargetSections(input: {
  models: readonly CatalogModel[];
  rankings: RankingsView | null;
  currentId: string | null;
  compare: CompareResult | null;
  leaders?: number;
}, l10n: L10n = ENGLISH): TargetSection[] {
  const byId = new Map(input.models.map((m) => [m.id, m]));
  const current = input.currentId === null ? null : baseOf(input.currentId);
  const shown = new Set<string>();
  const sections: TargetSection[] = [];

  const cheaper: PickItem[] = [];
  for (const a of input.compare?.alternatives ?? []) {
    const m = byId.get(a.id);
    if (m === undefined || shown.has(m.id)) continue;
    shown.add(m.id);
    cheaper.push(targetItem(m, input.rankings, l10n, l10n.t('saves {0}', savingText(a)), unpricedNote(a, l10n)));
  }
  // The mix is said once, in the picker's placeholder (swapTargetPrompt), not on every row.
  if (cheaper.length > 0) sections.push({ title: l10n.t('Cheaper, similar or better at coding'), items: cheaper });

  const leaders: PickItem[] = [];
  for (const r of input.rankings?.models ?? []) {
    if (leaders.length >= (input.leaders ?? 8)) break;
    const m = r.id === null ? undefined : byId.get(r.id);
    if (m === undefined || m.variable || shown.has(m.id) || baseOf(m.id) === current) continue;
    shown.add(m.id);
    leaders.push(targetItem(m, input.rankings, l10n));
  }
  if (leaders.length > 0) sections.push({ title: l10n.t('Leaders this week'), items: leaders });

  const rest = input.models
    .filter((m) => !shown.has(m.id) && m.id !== input.currentId)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((m) => targetItem(m, input.rankings, l10n));
  sections.push({ title: l10n.t('All models'), items: rest });
  return sections;
}

/** The swap picker's item that reveals the models the key may not use (they are hidden by default). */
export const SHOW_NOT_ALLOWED_ID = '\u0000show-not-allowed';
/** The swap picker's item that only says the key's check has not run (picking it changes nothing). */
export const ALLOWANCE_NOTE_ID = '\u0000allowance-note';

/**
 * The swap picker with the key's allowance applied: models the key may not use leave every section (so the first,
 * default item is always one it may use) and wait behind one "Show models this key cannot use" item; once shown,
 * they sit after a separator at the end, each marked. While the check has not run, nothing is moved and the last
 * section says why (`note`).
 */
export function applyKeyAllowance(
  sections: readonly TargetSection[],
  input: { notAllowed: (id: string) => boolean; show: boolean; note: string | null },
  l10n: L10n = ENGLISH,
): TargetSection[] {
  const excluded: PickItem[] = [];
  const seen = new Set<string>();
  const out: TargetSection[] = [];
  for (const section of sections) {
    const items: PickItem[] = [];
    for (const item of section.items) {
      if (!input.notAllowed(item.id)) items.push(item);
      else if (!seen.has(item.id)) {
        seen.add(item.id);
        excluded.push({ ...item, description: `$(circle-slash) ${l10n.t('not allowed by this key’s settings')} · ${item.description}` });
      }
    }
    if (items.length > 0) out.push({ title: section.title, items });
  }
  if (excluded.length > 0) {
    const title = l10n.t('Not allowed by this key’s settings');
    out.push(
      input.show
        ? { title, items: excluded }
        : {
            title,
            items: [
              {
                id: SHOW_NOT_ALLOWED_ID,
                label: excluded.length === 1 ? l10n.t('Show {0} model this key cannot use', excluded.length) : l10n.t('Show {0} models this key cannot use', excluded.length),
                description: '',
                detail: l10n.t('OpenRouter does not list them for this key: its guardrails, provider preferences or privacy settings exclude them.'),
              },
            ],
          },
    );
  } else if (input.note !== null) {
    out.push({ title: l10n.t('Which models this key may use'), items: [{ id: ALLOWANCE_NOTE_ID, label: `$(info) ${input.note}`, description: '', detail: '' }] });
  }
  return out;
}

/**
 * The reference picker's order: the active editor's references first (in line order), then the rest as given.
 * `fileOf` names an entry's file the same way as `activeFile` (e.g. its URI string); null: no active editor.
 */
export function activeFileFirst<E extends { ref: { line: number; column: number } }>(entries: readonly E[], fileOf: (e: E) => string, activeFile: string | null): E[] {
  if (activeFile === null) return [...entries];
  const mine = entries.filter((e) => fileOf(e) === activeFile).sort((a, b) => a.ref.line - b.ref.line || a.ref.column - b.ref.column);
  return [...mine, ...entries.filter((e) => fileOf(e) !== activeFile)];
}

/** The reference picker: "file:line", key path and the current model with its price. */
export function refPickItem(view: ModelRefView, model: CatalogModel | null, l10n: L10n = ENGLISH): PickItem {
  const where = view.keyPath === null ? view.tool : `${view.keyPath} (${view.tool})`;
  return {
    id: view.refId,
    label: model?.name ?? view.id,
    description: `${view.file}:${view.line}`,
    detail: `${where} · ${view.raw} · ${model === null ? l10n.t('not in the catalog') : priceSummary(model, l10n)}`,
  };
}

export type SwapSelection<E> =
  | { ok: true; entries: E[] }
  | { ok: false; refusal: { kind: 'unknownRef' | 'noReferences' | 'modelMismatch'; message: string } };

/**
 * Which references a swap request means: the one named by `refId`, or every reference of `modelId` (as written
 * or as resolved, so "swap everywhere" catches dated slugs and prefixed spellings too).
 */
export function selectForSwap<E extends { refId: string; ref: ModelRef }>(
  entries: readonly E[],
  params: { modelId: string; refId?: string },
  l10n: L10n = ENGLISH,
): SwapSelection<E> {
  if (params.refId !== undefined) {
    const hit = entries.find((e) => e.refId === params.refId);
    if (hit === undefined) {
      return { ok: false, refusal: { kind: 'unknownRef', message: l10n.t('That reference is no longer in the workspace index; rescan and try again.') } };
    }
    if (params.modelId !== '' && hit.ref.id !== params.modelId && hit.ref.modelId !== params.modelId) {
      return { ok: false, refusal: { kind: 'modelMismatch', message: l10n.t('The reference now names {0}, not {1}; rescan and try again.', hit.ref.id, params.modelId) } };
    }
    return { ok: true, entries: [hit] };
  }
  const all = entries.filter((e) => e.ref.id === params.modelId || e.ref.modelId === params.modelId);
  if (all.length === 0) return { ok: false, refusal: { kind: 'noReferences', message: l10n.t('No reference to {0} in the workspace.', params.modelId) } };
  return { ok: true, entries: all };
}

/** A cheap content fingerprint: a swap is refused when the text differs from what was indexed. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${text.length}:${(h >>> 0).toString(16)}`;
}

/** Which references a confirmed swap covers. */
export type SwapScope = 'selected' | 'everywhere' | 'configOnly';

export interface SwapChoice {
  label: string;
  description: string;
  detail: string;
  scope: SwapScope;
  preview: boolean;
}

interface Placed {
  file: string;
  ref: Pick<ModelRef, 'tool' | 'line'>;
}

function references(n: number, l10n: L10n): string {
  return n === 1 ? l10n.t('{0} reference', n) : l10n.t('{0} references', n);
}

function files(n: number, l10n: L10n): string {
  return n === 1 ? l10n.t('{0} file', n) : l10n.t('{0} files', n);
}

function stringLiterals(n: number, l10n: L10n): string {
  return n === 1 ? l10n.t('{0} string literal', n) : l10n.t('{0} string literals', n);
}

/** "3 references in 2 files: .aider.conf.yml (2), src/a.ts (1 string literal in code)". */
export function describeSwapSet(entries: readonly Placed[], l10n: L10n = ENGLISH): string {
  const byFile = new Map<string, { n: number; code: number }>();
  for (const e of entries) {
    const f = byFile.get(e.file) ?? { n: 0, code: 0 };
    f.n++;
    if (e.ref.tool === 'code') f.code++;
    byFile.set(e.file, f);
  }
  const parts = [...byFile].map(([file, f]) => (f.code > 0 ? l10n.t('{0} ({1} in code)', file, stringLiterals(f.code, l10n)) : `${file} (${f.n})`));
  return l10n.t('{0} in {1}: {2}', references(entries.length, l10n), files(byFile.size, l10n), parts.join(', '));
}

/**
 * The confirmation every swap goes through (command, webview, Compare): what will change, code literals called
 * out, a config-only choice when code is involved, and each choice again through the Refactor Preview.
 */
export function swapChoices(selected: readonly Placed[], everywhere: readonly Placed[], l10n: L10n = ENGLISH): SwapChoice[] {
  const codeNote = (set: readonly Placed[]): string => {
    const code = set.filter((e) => e.ref.tool === 'code');
    return code.length === 0 ? '' : l10n.t('includes {0} in code', stringLiterals(code.length, l10n));
  };
  const base: SwapChoice[] = [];
  const only = selected.length === 1 ? selected[0] : undefined;
  const selectedNote = codeNote(selected);
  base.push({
    label: only !== undefined ? l10n.t('Swap this reference') : l10n.t('Swap {0}', references(selected.length, l10n)),
    description: only !== undefined ? `${only.file}:${only.ref.line}${selectedNote === '' ? '' : ` · ${selectedNote}`}` : selectedNote,
    detail: describeSwapSet(selected, l10n),
    scope: 'selected',
    preview: false,
  });
  if (everywhere.length > selected.length) {
    base.push({ label: l10n.t('Swap everywhere'), description: codeNote(everywhere), detail: describeSwapSet(everywhere, l10n), scope: 'everywhere', preview: false });
  }
  const widest = everywhere.length > selected.length ? everywhere : selected;
  const config = widest.filter((e) => e.ref.tool !== 'code');
  if (config.length > 0 && config.length < widest.length) {
    base.push({
      label: l10n.t('Swap in config files only ({0})', references(config.length, l10n)),
      description: l10n.t('leaves string literals in code alone'),
      detail: describeSwapSet(config, l10n),
      scope: 'configOnly',
      preview: false,
    });
  }
  return [
    ...base,
    ...base.map((c) => ({ ...c, label: l10n.t('{0}, with preview…', c.label), description: l10n.t('review and Apply in the Refactor Preview'), preview: true })),
  ];
}

/** After an applied swap: what changed, and which of the touched files are not saved yet (from the documents). */
export function swapAppliedMessage(
  input: { from: string; to: string; references: number; files: readonly string[]; unsaved: readonly string[]; preview: boolean },
  l10n: L10n = ENGLISH,
): string {
  const where = input.preview
    ? l10n.t('from the Refactor Preview in {0}', files(input.files.length, l10n))
    : l10n.t('{0} in {1}', references(input.references, l10n), files(input.files.length, l10n));
  const head = l10n.t('Swapped {0} → {1}: {2}.', input.from, input.to, where);
  let saved: string;
  if (input.unsaved.length === 0) saved = input.files.length === 1 ? l10n.t('{0} is saved.', input.files[0] ?? '') : l10n.t('All files are saved.');
  else if (input.unsaved.length === input.files.length && input.files.length > 1) saved = l10n.t('None of the files is saved yet.');
  else saved = input.unsaved.length === 1 ? l10n.t('{0} is not saved yet.', input.unsaved.join(', ')) : l10n.t('{0} are not saved yet.', input.unsaved.join(', '));
  return l10n.t('{0} {1} One undo reverts it.', head, saved);
}
