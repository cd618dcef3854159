// The status bar item as a pure function of the snapshot, the settings and the clock. The host only
// copies these fields onto a StatusBarItem; every decision (state, colour, wording) is made here.
import { UNKNOWN, formatAgo, formatDay, formatDuration, formatPercent, formatUsd, formatUtc } from '../../shared/format';
import type { ErrorInfo, KeyUsage, Snapshot, UsageView } from '../../shared/types';
import { DEFAULT_STATUS_FORMAT, type Settings } from '../service/settings';
import { escapeMarkdown, renderStatusFormat, type StatusPlaceholder } from './format';
import { assessMoney, trustedUsage, type BudgetLevel, type MoneyBackground, type MoneyLevels } from './levels';
import { COMMANDS } from '../../shared/commands';
import { ENGLISH, type L10n } from '../l10n';

/**
 * notManagementKey: only a management slot is set and it holds an ordinary key, so there is nothing to show.
 * invalid: OpenRouter's last answer had values that cannot be money (a negative spend, a string): they are
 * not shown; the last good figures are, with their age.
 */
export type StatusState =
  | 'noKey'
  | 'loading'
  | 'live'
  | 'stale'
  | 'rejected'
  | 'outOfCredits'
  | 'offline'
  | 'blocked'
  | 'invalid'
  | 'notManagementKey'
  | 'error';

/** Every command the status item and its tooltip may run; the host trusts exactly these (MarkdownString.isTrusted.enabledCommands). */
export const TOOLTIP_COMMANDS = [COMMANDS.refresh, COMMANDS.openDashboard, COMMANDS.setApiKey, COMMANDS.setManagementKey] as const;
export type StatusCommand = (typeof TOOLTIP_COMMANDS)[number];

export interface StatusPresentation {
  visible: boolean;
  text: string;
  /** Markdown; links only to TOOLTIP_COMMANDS; text from the API is escaped. */
  tooltipMarkdown: string;
  background: MoneyBackground;
  state: StatusState;
  ariaLabel: string;
  /** What a click runs. */
  command: StatusCommand;
  trustedCommands: readonly StatusCommand[];
}

/** Key data older than this many poll intervals is shown as stale even if the store has not said so (e.g. after sleep). */
export const STALE_AFTER_INTERVALS = 2;

function link(label: string, command: StatusCommand): string {
  return `[${label}](command:${command})`;
}

/** Errors that mean "the last refresh did not work"; a cancelled request is not a failure. */
function failure(error: ErrorInfo | null): ErrorInfo | null {
  return error && error.kind !== 'cancelled' ? error : null;
}

interface Facts {
  usage: UsageView | null;
  key: KeyUsage | null;
  hasKey: boolean;
  hasData: boolean;
  error: ErrorInfo | null;
  /** ms since the data was fetched; null when unknown. */
  age: number | null;
  fetchedAt: number | null;
  fresh: boolean;
  levels: MoneyLevels;
  /** The management slot holds an ordinary key (GET /key said so, or /credits or /activity answered 403). */
  notManagementKey: boolean;
  /** No API key: the management slot is all there is. */
  managementOnly: boolean;
  l10n: L10n;
}

function gatherFacts(snapshot: Snapshot, settings: Settings, now: number, l10n: L10n): Facts {
  const usage = trustedUsage(snapshot.usage, snapshot.keys);
  // The figures come from /key when there is an API key; with a management key alone, from /credits.
  const primary = snapshot.keys.inference !== 'none' ? snapshot.resources.key : snapshot.resources.credits;
  const hasData = usage !== null && (usage.key !== null || usage.balance !== null);
  const fetchedAt = primary.fetchedAt ?? snapshot.resources.credits.fetchedAt;
  let age = fetchedAt === null ? null : Math.max(0, now - fetchedAt);
  const error = failure(primary.error);
  const staleAfter = STALE_AFTER_INTERVALS * settings.refresh.keySeconds * 1_000;
  let fresh = hasData && age !== null && !primary.stale && error === null && age <= staleAfter;
  // With an API key, the balance beside its figures comes from /credits: when that has stopped answering, the
  // balance (often the "left" figure) is as old as its last answer, and the status bar is only as fresh as it.
  const credits = snapshot.resources.credits;
  if (snapshot.keys.inference !== 'none' && usage?.balanceStatus === 'ok' && usage.balance !== null) {
    const creditsAge = credits.fetchedAt === null ? null : Math.max(0, now - credits.fetchedAt);
    const creditsStaleAfter = STALE_AFTER_INTERVALS * settings.refresh.creditsMinutes * 60_000;
    const creditsFresh = creditsAge !== null && !credits.stale && failure(credits.error) === null && creditsAge <= creditsStaleAfter;
    if (!creditsFresh) {
      fresh = false;
      if (creditsAge !== null) age = Math.max(age ?? 0, creditsAge);
    }
  }
  const notManagementKey =
    snapshot.keys.management &&
    (snapshot.keys.managementKind === 'notManagement' ||
      usage?.balanceStatus === 'notManagementKey' ||
      snapshot.resources.credits.error?.kind === 'notManagementKey' ||
      snapshot.resources.activity.error?.kind === 'notManagementKey');
  return {
    usage,
    key: usage?.key ?? null,
    hasKey: snapshot.keys.inference !== 'none' || snapshot.keys.management,
    hasData,
    error,
    age,
    fetchedAt,
    fresh,
    levels: assessMoney(usage, settings, l10n),
    notManagementKey,
    managementOnly: snapshot.keys.inference === 'none' && snapshot.keys.management,
    l10n,
  };
}

/** The order is the precedence: what the user must act on first wins. */
function decideState(f: Facts): StatusState {
  if (!f.hasKey) return 'noKey';
  if (f.error?.kind === 'unauthorized') return 'rejected';
  if (f.error?.kind === 'notManagementKey' || (f.notManagementKey && !f.hasData && f.managementOnly)) return 'notManagementKey';
  // Before offline: the last known figures already say nothing is left, and that is what the user must act on.
  if (f.error?.kind === 'paymentRequired' || (f.hasData && f.levels.exhausted)) return 'outOfCredits';
  if (f.error?.kind === 'offline') return 'offline';
  // In the browser: the request never reached OpenRouter because the browser refused it (cross-origin).
  if (f.error?.kind === 'blocked') return 'blocked';
  if (f.error?.kind === 'badResponse') return 'invalid';
  if (!f.hasData) return f.error ? 'error' : 'loading';
  return f.fresh ? 'live' : 'stale';
}

/**
 * OpenRouter's spend, and beside it what bring-your-own-key requests cost at the providers: OpenRouter's own
 * figure is $0.00 for those, and a BYOK-heavy user must not read that as "nothing spent".
 */
function spendFigure(spent: number | null | undefined, byok: number | null | undefined, l10n: L10n): string {
  const openRouter = formatUsd(spent);
  return typeof byok === 'number' && Number.isFinite(byok) && byok > 0 ? l10n.t('{0} + {1} BYOK', openRouter, formatUsd(byok)) : openRouter;
}

function placeholderValues(f: Facts): Record<StatusPlaceholder, string> {
  const key = f.key;
  return {
    today: spendFigure(key?.daily, key?.byokDaily, f.l10n),
    week: spendFigure(key?.weekly, key?.byokWeekly, f.l10n),
    month: spendFigure(key?.monthly, key?.byokMonthly, f.l10n),
    left: formatUsd(f.levels.remaining),
    balance: formatUsd(f.usage?.balanceStatus === 'ok' ? f.usage.balance?.balance : null),
    // A known key without a cap is unlimited, which is not the same as unknown.
    limit: key ? (key.limit === null ? '∞' : formatUsd(key.limit)) : UNKNOWN,
  };
}

/** "12 min old", or null when the age is unknown. */
function ageOf(f: Facts): string | null {
  return f.age === null ? null : formatDuration(f.age);
}

function statusText(state: StatusState, f: Facts, rendered: string): string {
  const { l10n } = f;
  const age = ageOf(f);
  switch (state) {
    case 'noKey':
      return l10n.t('$(graph) Model Radar: set key');
    case 'loading':
      return '$(sync~spin) Model Radar';
    case 'live':
      return rendered;
    case 'stale':
      return age === null ? l10n.t('{0} · stale', rendered) : l10n.t('{0} · {1} old', rendered, age);
    case 'offline':
      if (!f.hasData) return l10n.t('$(cloud-offline) Model Radar: offline');
      return age === null ? l10n.t('{0} · offline', rendered) : l10n.t('{0} · offline, {1} old', rendered, age);
    case 'blocked':
      if (!f.hasData) return l10n.t('$(circle-slash) Model Radar: blocked by the browser');
      return age === null ? l10n.t('{0} · blocked by the browser', rendered) : l10n.t('{0} · blocked by the browser, {1} old', rendered, age);
    case 'rejected':
      return l10n.t('$(error) Model Radar: key rejected');
    case 'outOfCredits':
      if (!f.hasData) return l10n.t('$(error) Model Radar: out of credits');
      return f.fresh || age === null ? l10n.t('{0} · out of credits', rendered) : l10n.t('{0} · out of credits · {1} old', rendered, age);
    case 'invalid':
      if (!f.hasData) return l10n.t('$(warning) Model Radar: invalid data');
      return age === null ? l10n.t('{0} · invalid data', rendered) : l10n.t('{0} · invalid data, {1} old', rendered, age);
    case 'notManagementKey':
      return l10n.t('$(warning) Model Radar: balance unavailable');
    case 'error':
      return l10n.t('$(warning) Model Radar: unavailable');
  }
}

function stateBackground(state: StatusState, f: Facts): MoneyBackground {
  switch (state) {
    case 'rejected':
    case 'outOfCredits':
      return 'error';
    case 'noKey':
    case 'loading':
    case 'error':
    case 'notManagementKey':
      return 'none';
    case 'offline':
    case 'blocked':
    case 'invalid':
      return f.hasData ? f.levels.background : 'none';
    case 'live':
    case 'stale':
      return f.levels.background;
  }
}

function stateCommand(state: StatusState, f: Facts): StatusCommand {
  switch (state) {
    case 'noKey':
    case 'rejected':
      return COMMANDS.setApiKey;
    case 'notManagementKey':
      return COMMANDS.setManagementKey;
    case 'error':
      return COMMANDS.refresh;
    case 'offline':
    case 'blocked':
    case 'invalid':
      return f.hasData ? COMMANDS.openDashboard : COMMANDS.refresh;
    default:
      return COMMANDS.openDashboard;
  }
}

function errorText(error: ErrorInfo): string {
  return escapeMarkdown(error.message || error.kind);
}

function setManagementKeyLink(l10n: L10n): string {
  return link(l10n.t('Set management key'), COMMANDS.setManagementKey);
}

function headline(state: StatusState, f: Facts): string {
  const { l10n } = f;
  const age = ageOf(f);
  switch (state) {
    case 'noKey':
      // Promise only what holds offline too: prices (bundled when OpenRouter cannot be reached, with their date).
      return l10n.t('No OpenRouter API key set. Model prices work without one; set a key to see your spend, limit and balance.');
    case 'loading':
      return l10n.t('Loading your usage…');
    case 'live':
      return l10n.t('Up to date.');
    case 'stale': {
      if (f.error) {
        return age ? l10n.t('Data is {0} old: the last refresh failed ({1}).', age, errorText(f.error)) : l10n.t('Data may be out of date: the last refresh failed ({0}).', errorText(f.error));
      }
      return age ? l10n.t('Data is {0} old.', age) : l10n.t('Data may be out of date.');
    }
    case 'offline':
      if (!f.hasData) return l10n.t('Offline: OpenRouter cannot be reached, and there is no saved data yet.');
      return age
        ? l10n.t('Offline: OpenRouter cannot be reached. Showing the last data, {0} old.', age)
        : l10n.t('Offline: OpenRouter cannot be reached. Showing the last data.');
    case 'blocked':
      if (!f.hasData) return l10n.t('Your browser blocked this request to OpenRouter (cross-origin), so nothing reached Model Radar. Check extensions or policies that block requests to openrouter.ai, then refresh.');
      return age
        ? l10n.t('Your browser blocked this request to OpenRouter (cross-origin). Showing the last data, {0} old.', age)
        : l10n.t('Your browser blocked this request to OpenRouter (cross-origin). Showing the last data.');
    case 'rejected':
      return f.hasData
        ? l10n.t('OpenRouter rejected the API key (401). Set a new key. The figures below are the last ones it returned.')
        : l10n.t('OpenRouter rejected the API key (401). Set a new key.');
    case 'outOfCredits':
      return f.error?.kind === 'paymentRequired'
        ? l10n.t('Out of credits: OpenRouter answered 402 Payment Required. Add credits or raise the key limit.')
        : l10n.t('Out of credits: nothing is left to spend. Add credits or raise the key limit; requests will fail until then.');
    case 'invalid': {
      // Stryker disable next-line ObjectLiteral,StringLiteral: unreachable fallback, the state is 'invalid' only for a badResponse error
      const why = errorText(f.error ?? { kind: 'badResponse', message: '' });
      if (!f.hasData) return l10n.t("OpenRouter's last answer could not be read ({0}); nothing from it is shown.", why);
      return age
        ? l10n.t("OpenRouter's last answer could not be read ({0}); nothing from it is shown. Showing the last good figures, {1} old.", why, age)
        : l10n.t("OpenRouter's last answer could not be read ({0}); nothing from it is shown. Showing the last good figures.", why);
    }
    case 'notManagementKey':
      return l10n.t(
        'Balance unavailable: this is not a management key. Balance and activity need one from openrouter.ai/settings/management-keys. {0}',
        setManagementKeyLink(l10n),
      );
    case 'error':
      return f.error ? l10n.t('Could not load your usage: {0}.', errorText(f.error)) : l10n.t('Could not load your usage.');
  }
}

function spendTable(key: KeyUsage, l10n: L10n): string {
  const byok = [key.byokDaily, key.byokWeekly, key.byokMonthly].some((v) => v !== null && v > 0);
  const rows: [string, number | null, number | null][] = [
    [l10n.t('Today'), key.daily, key.byokDaily],
    [l10n.t('This week'), key.weekly, key.byokWeekly],
    [l10n.t('This month'), key.monthly, key.byokMonthly],
  ];
  const spendUtc = l10n.t('Spend (UTC)');
  const lines = byok ? [`| ${spendUtc} | OpenRouter | BYOK |`, '|:--|--:|--:|'] : [`| ${spendUtc} | |`, '|:--|--:|'];
  for (const [label, spent, byokSpent] of rows) {
    lines.push(byok ? `| ${label} | ${formatUsd(spent)} | ${formatUsd(byokSpent)} |` : `| ${label} | ${formatUsd(spent)} |`);
  }
  const table = lines.join('\n');
  return byok
    ? `${table}\n\n${l10n.t("BYOK is what your own provider keys cost upstream, billed by those providers: not in OpenRouter's figures, the budgets or the balance.")}`
    : table;
}

function keyLines(key: KeyUsage, l10n: L10n): string {
  const lines: string[] = [];
  const label = escapeMarkdown(key.label) || UNKNOWN;
  const expires = key.expiresAt ? formatDay(key.expiresAt, true) : null;
  if (key.isManagementKey) {
    lines.push(expires === null ? l10n.t('**Key:** {0} (management key)', label) : l10n.t('**Key:** {0} (management key) · expires {1}', label, expires));
  } else {
    lines.push(expires === null ? l10n.t('**Key:** {0}', label) : l10n.t('**Key:** {0} · expires {1}', label, expires));
  }
  if (key.limit === null) {
    lines.push(l10n.t('**Key cap:** none, this key has no spending limit'));
  } else {
    const reset = key.limitReset ? limitResetText(key.limitReset, l10n) : l10n.t('never resets');
    lines.push(l10n.t('**Key cap:** {0}, {1} · {2} left (a spending cap, not a balance)', formatUsd(key.limit), reset, formatUsd(key.limitRemaining)));
  }
  return lines.join('  \n');
}

function balanceLine(snapshot: Snapshot, usage: UsageView | null, now: number, l10n: L10n): string {
  if (usage?.balanceStatus === 'ok' && usage.balance) {
    const b = usage.balance;
    const credits = snapshot.resources.credits;
    // The balance polls on its own, slower schedule: say when it is behind rather than pass it off as current.
    const line = l10n.t('**Account balance:** {0} ({1} bought − {2} used)', formatUsd(b.balance), formatUsd(b.totalCredits), formatUsd(b.totalUsage));
    return credits.fetchedAt !== null && (credits.stale || failure(credits.error) !== null)
      ? l10n.t('{0} · {1} old', line, formatDuration(now - credits.fetchedAt))
      : line;
  }
  if (!snapshot.keys.management) {
    return l10n.t('**Account balance:** {0}, needs a management key. {1}', UNKNOWN, setManagementKeyLink(l10n));
  }
  const credits = snapshot.resources.credits;
  const error = failure(credits.error);
  if (usage?.balanceStatus === 'notManagementKey' || error?.kind === 'notManagementKey' || snapshot.keys.managementKind === 'notManagement') {
    return l10n.t('**Account balance:** unavailable: this is not a management key. {0}', setManagementKeyLink(l10n));
  }
  if (error === null && (snapshot.keys.managementKind ?? 'unverified') === 'unverified') {
    return l10n.t('**Account balance:** {0}, checking that the saved key is a management key…', UNKNOWN);
  }
  if (error?.kind === 'unauthorized') {
    return l10n.t('**Account balance:** {0}, OpenRouter rejected the management key (401). {1}', UNKNOWN, setManagementKeyLink(l10n));
  }
  if (error) return l10n.t('**Account balance:** {0}, the last request failed ({1}).', UNKNOWN, errorText(error));
  if (credits.fetchedAt === null) return l10n.t('**Account balance:** {0}, loading…', UNKNOWN);
  return l10n.t('**Account balance:** {0}, OpenRouter returned no balance for this key.', UNKNOWN);
}

function bindingLine(usage: UsageView | null, l10n: L10n): string | null {
  if (!usage || usage.binding === null || usage.effectiveRemaining === null) return null;
  const left = formatUsd(usage.effectiveRemaining);
  return usage.binding === 'key'
    ? l10n.t('**Binds first:** the key cap, {0} left', left)
    : l10n.t('**Binds first:** the account balance, {0} left', left);
}

function burnLine(usage: UsageView | null, l10n: L10n): string | null {
  if (!usage || (usage.burnRatePerDay === null && usage.monthEndProjection === null)) return null;
  return l10n.t('**Burn rate:** {0}/day this month · projected {1} by month end', formatUsd(usage.burnRatePerDay), formatUsd(usage.monthEndProjection));
}

function budgetLine(period: 'daily' | 'monthly', budget: number, level: BudgetLevel | null, l10n: L10n): string | null {
  if (budget <= 0) return null;
  const daily = period === 'daily';
  if (!level) return daily ? l10n.t('**Daily budget:** {0} of {1}', UNKNOWN, formatUsd(budget)) : l10n.t('**Monthly budget:** {0} of {1}', UNKNOWN, formatUsd(budget));
  const mark = level.fraction >= 1 ? ' $(error)' : level.fraction >= 0.8 ? ' $(warning)' : '';
  const figures = [formatUsd(level.spent), formatUsd(budget), formatPercent(level.fraction, { floor: true })] as const;
  const line = daily ? l10n.t('**Daily budget:** {0} of {1} ({2})', ...figures) : l10n.t('**Monthly budget:** {0} of {1} ({2})', ...figures);
  return `${line}${mark}`;
}

function sourceHost(settings: Settings): string {
  try {
    return new URL(settings.apiBaseUrl).host;
  } catch {
    return settings.apiBaseUrl;
  }
}

function tooltip(state: StatusState, f: Facts, snapshot: Snapshot, settings: Settings, now: number): string {
  const { l10n } = f;
  const sections: string[] = [`**Model Radar** · ${headline(state, f)}`];
  if (f.levels.reasons.length > 0 && state !== 'noKey') {
    sections.push(`$(${f.levels.background === 'error' ? 'error' : 'warning'}) ${f.levels.reasons.join(' · ')}`);
  }
  const source = l10n.t('**Source:** {0}', escapeMarkdown(sourceHost(settings)));
  if (f.hasKey) {
    if (f.key) {
      sections.push(spendTable(f.key, l10n));
      sections.push(keyLines(f.key, l10n));
    } else {
      sections.push(l10n.t('**Spend:** {0}', UNKNOWN));
    }
    const money = [
      balanceLine(snapshot, f.usage, now, l10n),
      bindingLine(f.usage, l10n),
      burnLine(f.usage, l10n),
      budgetLine('daily', settings.budget.daily, f.levels.daily, l10n),
      budgetLine('monthly', settings.budget.monthly, f.levels.monthly, l10n),
    ].filter((line): line is string => line !== null);
    sections.push(money.join('  \n'));
    const updated =
      f.fetchedAt === null ? l10n.t('**Updated:** never') : l10n.t('**Updated:** {0} ({1})', formatUtc(f.fetchedAt), formatAgo(now - f.fetchedAt));
    sections.push(`${updated}  \n${source}`);
  } else {
    sections.push(source);
  }
  const links = [
    link(l10n.t('$(refresh) Refresh'), COMMANDS.refresh),
    link(l10n.t('$(dashboard) Open dashboard'), COMMANDS.openDashboard),
    link(f.hasKey ? l10n.t('$(key) Change key') : l10n.t('$(key) Set key'), COMMANDS.setApiKey),
  ];
  sections.push(links.join(' · '));
  return sections.join('\n\n');
}

function ariaLabel(state: StatusState, f: Facts, values: Record<StatusPlaceholder, string>): string {
  const { l10n } = f;
  const spoken = (v: string): string => (v === UNKNOWN ? l10n.t('unknown') : v);
  const figures = l10n.t('{0} spent today, {1} left', spoken(values.today), spoken(values.left));
  const age = ageOf(f);
  const withAge = (text: string): string => (age === null ? text : l10n.t('{0}, data {1} old', text, age));
  const warned = (text: string): string => (f.levels.reasons.length > 0 ? l10n.t('{0}. Warning: {1}', text, f.levels.reasons.join(', ')) : text);
  switch (state) {
    case 'noKey':
      return l10n.t('Model Radar: no API key set. Activate to set one.');
    case 'loading':
      return l10n.t('Model Radar: loading usage');
    case 'live':
      return warned(l10n.t('Model Radar: {0}', figures));
    case 'stale':
      return warned(withAge(l10n.t('Model Radar: {0}', figures)));
    case 'offline':
      return f.hasData ? warned(withAge(l10n.t('Model Radar: offline, last known {0}', figures))) : l10n.t('Model Radar: offline. Activate to retry.');
    case 'blocked':
      return f.hasData ? warned(withAge(l10n.t('Model Radar: blocked by the browser, last known {0}', figures))) : l10n.t('Model Radar: your browser blocked the request. Activate to retry.');
    case 'rejected':
      return l10n.t('Model Radar: API key rejected. Activate to set a new key.');
    case 'outOfCredits':
      return f.hasData ? l10n.t('Model Radar: out of credits, {0} spent today', spoken(values.today)) : l10n.t('Model Radar: out of credits');
    case 'invalid':
      return f.hasData
        ? warned(withAge(l10n.t('Model Radar: invalid data from OpenRouter, last good {0}', figures)))
        : l10n.t('Model Radar: invalid data from OpenRouter. Activate to retry.');
    case 'notManagementKey':
      return l10n.t('Model Radar: balance unavailable, this is not a management key. Activate to set a management key.');
    case 'error':
      return l10n.t('Model Radar: usage unavailable. Activate to retry.');
  }
}

/** `l10n`: the translator (the host passes vscode.l10n); English without one. */
export function presentStatus(snapshot: Snapshot, settings: Settings, now: number, l10n: L10n = ENGLISH): StatusPresentation {
  const facts = gatherFacts(snapshot, settings, now, l10n);
  const state = decideState(facts);
  const values = placeholderValues(facts);
  // The default format is ours, so it speaks the UI language; a format the user wrote is theirs, as written.
  const format = settings.statusBar.format === DEFAULT_STATUS_FORMAT ? l10n.t('$(graph) {today} today · {left} left') : settings.statusBar.format;
  const rendered = renderStatusFormat(format, values);
  const text = statusText(state, facts, rendered);
  return {
    visible: settings.statusBar.enabled,
    text,
    tooltipMarkdown: tooltip(state, facts, snapshot, settings, now),
    background: stateBackground(state, facts),
    state,
    ariaLabel: ariaLabel(state, facts, values),
    command: stateCommand(state, facts),
    trustedCommands: TOOLTIP_COMMANDS,
  };
}

/**
 * OpenRouter's `limit_reset` ("daily" | "weekly" | "monthly"; midnight UTC, weeks Monday to Sunday) as words of
 * the UI language; a value the API docs do not list is shown as sent.
 */
function limitResetText(reset: string, l10n: L10n): string {
  if (reset === 'daily') return l10n.t('resets daily (midnight UTC)');
  if (reset === 'weekly') return l10n.t('resets weekly (midnight UTC)');
  if (reset === 'monthly') return l10n.t('resets monthly (midnight UTC)');
  return l10n.t('resets {0} (midnight UTC)', escapeMarkdown(reset));
}
