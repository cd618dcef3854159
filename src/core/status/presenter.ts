// The status bar item as a pure function of the snapshot, the settings and the clock. The host only
// copies these fields onto a StatusBarItem; every decision (state, colour, wording) is made here.
import { UNKNOWN, formatAgo, formatDay, formatDuration, formatPercent, formatUsd, formatUtc } from '../../shared/format';
import type { ErrorInfo, KeyUsage, Snapshot, UsageView } from '../../shared/types';
import type { Settings } from '../service/settings';
import { escapeMarkdown, renderStatusFormat, type StatusPlaceholder } from './format';
import { assessMoney, trustedUsage, type BudgetLevel, type MoneyBackground, type MoneyLevels } from './levels';
import { COMMANDS } from '../../shared/commands';

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
}

function gatherFacts(snapshot: Snapshot, settings: Settings, now: number): Facts {
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
    levels: assessMoney(usage, settings),
    notManagementKey,
    managementOnly: snapshot.keys.inference === 'none' && snapshot.keys.management,
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
  if (f.error?.kind === 'badResponse') return 'invalid';
  if (!f.hasData) return f.error ? 'error' : 'loading';
  return f.fresh ? 'live' : 'stale';
}

/**
 * OpenRouter's spend, and beside it what bring-your-own-key requests cost at the providers: OpenRouter's own
 * figure is $0.00 for those, and a BYOK-heavy user must not read that as "nothing spent".
 */
function spendFigure(spent: number | null | undefined, byok: number | null | undefined): string {
  const openRouter = formatUsd(spent);
  return typeof byok === 'number' && Number.isFinite(byok) && byok > 0 ? `${openRouter} + ${formatUsd(byok)} BYOK` : openRouter;
}

function placeholderValues(f: Facts): Record<StatusPlaceholder, string> {
  const key = f.key;
  return {
    today: spendFigure(key?.daily, key?.byokDaily),
    week: spendFigure(key?.weekly, key?.byokWeekly),
    month: spendFigure(key?.monthly, key?.byokMonthly),
    left: formatUsd(f.levels.remaining),
    balance: formatUsd(f.usage?.balanceStatus === 'ok' ? f.usage.balance?.balance : null),
    // A known key without a cap is unlimited, which is not the same as unknown.
    limit: key ? (key.limit === null ? '∞' : formatUsd(key.limit)) : UNKNOWN,
  };
}

function ageSuffix(f: Facts): string {
  return f.age === null ? '' : `${formatDuration(f.age)} old`;
}

function statusText(state: StatusState, f: Facts, rendered: string): string {
  switch (state) {
    case 'noKey':
      return '$(graph) Model Radar: set key';
    case 'loading':
      return '$(sync~spin) Model Radar';
    case 'live':
      return rendered;
    case 'stale':
      return `${rendered} · ${ageSuffix(f) || 'stale'}`;
    case 'offline':
      return f.hasData ? `${rendered} · offline${f.age === null ? '' : `, ${ageSuffix(f)}`}` : '$(cloud-offline) Model Radar: offline';
    case 'rejected':
      return '$(error) Model Radar: key rejected';
    case 'outOfCredits':
      if (!f.hasData) return '$(error) Model Radar: out of credits';
      return `${rendered} · out of credits${f.fresh || f.age === null ? '' : ` · ${ageSuffix(f)}`}`;
    case 'invalid':
      return f.hasData ? `${rendered} · invalid data${f.age === null ? '' : `, ${ageSuffix(f)}`}` : '$(warning) Model Radar: invalid data';
    case 'notManagementKey':
      return '$(warning) Model Radar: balance unavailable';
    case 'error':
      return '$(warning) Model Radar: unavailable';
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
    case 'invalid':
      return f.hasData ? COMMANDS.openDashboard : COMMANDS.refresh;
    default:
      return COMMANDS.openDashboard;
  }
}

function errorText(error: ErrorInfo): string {
  return escapeMarkdown(error.message || error.kind);
}

function headline(state: StatusState, f: Facts): string {
  const age = f.age === null ? null : formatDuration(f.age);
  switch (state) {
    case 'noKey':
      // Promise only what holds offline too: prices (bundled when OpenRouter cannot be reached, with their date).
      return 'No OpenRouter API key set. Model prices work without one; set a key to see your spend, limit and balance.';
    case 'loading':
      return 'Loading your usage…';
    case 'live':
      return 'Up to date.';
    case 'stale': {
      const when = age ? `Data is ${age} old` : 'Data may be out of date';
      return f.error ? `${when}: the last refresh failed (${errorText(f.error)}).` : `${when}.`;
    }
    case 'offline':
      return f.hasData
        ? `Offline: OpenRouter cannot be reached. Showing the last data${age ? `, ${age} old` : ''}.`
        : 'Offline: OpenRouter cannot be reached, and there is no saved data yet.';
    case 'rejected':
      return `OpenRouter rejected the API key (401). Set a new key.${f.hasData ? ' The figures below are the last ones it returned.' : ''}`;
    case 'outOfCredits':
      return f.error?.kind === 'paymentRequired'
        ? 'Out of credits: OpenRouter answered 402 Payment Required. Add credits or raise the key limit.'
        : 'Out of credits: nothing is left to spend. Add credits or raise the key limit; requests will fail until then.';
    case 'invalid':
      return `OpenRouter's last answer could not be read (${errorText(f.error ?? { kind: 'badResponse', message: '' })}); nothing from it is shown.${
        f.hasData ? ` Showing the last good figures${age ? `, ${age} old` : ''}.` : ''
      }`;
    case 'notManagementKey':
      return `Balance unavailable: this is not a management key. Balance and activity need one from openrouter.ai/settings/management-keys. ${link('Set management key', COMMANDS.setManagementKey)}`;
    case 'error':
      return f.error ? `Could not load your usage: ${errorText(f.error)}.` : 'Could not load your usage.';
  }
}

function spendTable(key: KeyUsage): string {
  const byok = [key.byokDaily, key.byokWeekly, key.byokMonthly].some((v) => v !== null && v > 0);
  const rows: [string, number | null, number | null][] = [
    ['Today', key.daily, key.byokDaily],
    ['This week', key.weekly, key.byokWeekly],
    ['This month', key.monthly, key.byokMonthly],
  ];
  const lines = byok ? ['| Spend (UTC) | OpenRouter | BYOK |', '|:--|--:|--:|'] : ['| Spend (UTC) | |', '|:--|--:|'];
  for (const [label, spent, byokSpent] of rows) {
    lines.push(byok ? `| ${label} | ${formatUsd(spent)} | ${formatUsd(byokSpent)} |` : `| ${label} | ${formatUsd(spent)} |`);
  }
  const table = lines.join('\n');
  return byok ? `${table}\n\nBYOK is what your own provider keys cost upstream, billed by those providers: not in OpenRouter's figures, the budgets or the balance.` : table;
}

function keyLines(key: KeyUsage): string {
  const lines: string[] = [];
  const kind = key.isManagementKey ? ' (management key)' : '';
  const expires = key.expiresAt ? ` · expires ${formatDay(key.expiresAt, true)}` : '';
  lines.push(`**Key:** ${escapeMarkdown(key.label) || UNKNOWN}${kind}${expires}`);
  if (key.limit === null) {
    lines.push('**Key cap:** none, this key has no spending limit');
  } else {
    const reset = key.limitReset ? `resets ${escapeMarkdown(key.limitReset)} (midnight UTC)` : 'never resets';
    lines.push(`**Key cap:** ${formatUsd(key.limit)}, ${reset} · ${formatUsd(key.limitRemaining)} left (a spending cap, not a balance)`);
  }
  return lines.join('  \n');
}

function balanceLine(snapshot: Snapshot, usage: UsageView | null, now: number): string {
  if (usage?.balanceStatus === 'ok' && usage.balance) {
    const b = usage.balance;
    const credits = snapshot.resources.credits;
    // The balance polls on its own, slower schedule: say when it is behind rather than pass it off as current.
    const behind =
      credits.fetchedAt !== null && (credits.stale || failure(credits.error) !== null) ? ` · ${formatDuration(now - credits.fetchedAt)} old` : '';
    return `**Account balance:** ${formatUsd(b.balance)} (${formatUsd(b.totalCredits)} bought − ${formatUsd(b.totalUsage)} used)${behind}`;
  }
  if (!snapshot.keys.management) {
    return `**Account balance:** ${UNKNOWN}, needs a management key. ${link('Set management key', COMMANDS.setManagementKey)}`;
  }
  const credits = snapshot.resources.credits;
  const error = failure(credits.error);
  if (usage?.balanceStatus === 'notManagementKey' || error?.kind === 'notManagementKey' || snapshot.keys.managementKind === 'notManagement') {
    return `**Account balance:** unavailable: this is not a management key. ${link('Set management key', COMMANDS.setManagementKey)}`;
  }
  if (error === null && (snapshot.keys.managementKind ?? 'unverified') === 'unverified') {
    return `**Account balance:** ${UNKNOWN}, checking that the saved key is a management key…`;
  }
  if (error?.kind === 'unauthorized') {
    return `**Account balance:** ${UNKNOWN}, OpenRouter rejected the management key (401). ${link('Set management key', COMMANDS.setManagementKey)}`;
  }
  if (error) return `**Account balance:** ${UNKNOWN}, the last request failed (${errorText(error)}).`;
  if (credits.fetchedAt === null) return `**Account balance:** ${UNKNOWN}, loading…`;
  return `**Account balance:** ${UNKNOWN}, OpenRouter returned no balance for this key.`;
}

function bindingLine(usage: UsageView | null): string | null {
  if (!usage || usage.binding === null || usage.effectiveRemaining === null) return null;
  const left = formatUsd(usage.effectiveRemaining);
  return usage.binding === 'key'
    ? `**Binds first:** the key cap, ${left} left`
    : `**Binds first:** the account balance, ${left} left`;
}

function burnLine(usage: UsageView | null): string | null {
  if (!usage || (usage.burnRatePerDay === null && usage.monthEndProjection === null)) return null;
  return `**Burn rate:** ${formatUsd(usage.burnRatePerDay)}/day this month · projected ${formatUsd(usage.monthEndProjection)} by month end`;
}

function budgetLine(name: 'Daily' | 'Monthly', budget: number, level: BudgetLevel | null): string | null {
  if (budget <= 0) return null;
  if (!level) return `**${name} budget:** ${UNKNOWN} of ${formatUsd(budget)}`;
  const mark = level.fraction >= 1 ? ' $(error)' : level.fraction >= 0.8 ? ' $(warning)' : '';
  return `**${name} budget:** ${formatUsd(level.spent)} of ${formatUsd(budget)} (${formatPercent(level.fraction, { floor: true })})${mark}`;
}

function sourceHost(settings: Settings): string {
  try {
    return new URL(settings.apiBaseUrl).host;
  } catch {
    return settings.apiBaseUrl;
  }
}

function tooltip(state: StatusState, f: Facts, snapshot: Snapshot, settings: Settings, now: number): string {
  const sections: string[] = [`**Model Radar** · ${headline(state, f)}`];
  if (f.levels.reasons.length > 0 && state !== 'noKey') {
    sections.push(`$(${f.levels.background === 'error' ? 'error' : 'warning'}) ${f.levels.reasons.join(' · ')}`);
  }
  if (f.hasKey) {
    if (f.key) {
      sections.push(spendTable(f.key));
      sections.push(keyLines(f.key));
    } else {
      sections.push(`**Spend:** ${UNKNOWN}`);
    }
    const money = [
      balanceLine(snapshot, f.usage, now),
      bindingLine(f.usage),
      burnLine(f.usage),
      budgetLine('Daily', settings.budget.daily, f.levels.daily),
      budgetLine('Monthly', settings.budget.monthly, f.levels.monthly),
    ].filter((line): line is string => line !== null);
    sections.push(money.join('  \n'));
    const updated =
      f.fetchedAt === null ? `**Updated:** never` : `**Updated:** ${formatUtc(f.fetchedAt)} (${formatAgo(now - f.fetchedAt)})`;
    sections.push(`${updated}  \n**Source:** ${escapeMarkdown(sourceHost(settings))}`);
  } else {
    sections.push(`**Source:** ${escapeMarkdown(sourceHost(settings))}`);
  }
  const links = [
    link('$(refresh) Refresh', COMMANDS.refresh),
    link('$(dashboard) Open dashboard', COMMANDS.openDashboard),
    link(f.hasKey ? '$(key) Change key' : '$(key) Set key', COMMANDS.setApiKey),
  ];
  sections.push(links.join(' · '));
  return sections.join('\n\n');
}

function ariaLabel(state: StatusState, f: Facts, values: Record<StatusPlaceholder, string>): string {
  const spoken = (v: string): string => (v === UNKNOWN ? 'unknown' : v);
  const figures = `${spoken(values.today)} spent today, ${spoken(values.left)} left`;
  const age = f.age === null ? '' : `, data ${formatDuration(f.age)} old`;
  const warnings = f.levels.reasons.length > 0 ? `. Warning: ${f.levels.reasons.join(', ')}` : '';
  switch (state) {
    case 'noKey':
      return 'Model Radar: no API key set. Activate to set one.';
    case 'loading':
      return 'Model Radar: loading usage';
    case 'live':
      return `Model Radar: ${figures}${warnings}`;
    case 'stale':
      return `Model Radar: ${figures}${age}${warnings}`;
    case 'offline':
      return f.hasData ? `Model Radar: offline, last known ${figures}${age}${warnings}` : 'Model Radar: offline. Activate to retry.';
    case 'rejected':
      return 'Model Radar: API key rejected. Activate to set a new key.';
    case 'outOfCredits':
      return f.hasData ? `Model Radar: out of credits, ${spoken(values.today)} spent today` : 'Model Radar: out of credits';
    case 'invalid':
      return f.hasData ? `Model Radar: invalid data from OpenRouter, last good ${figures}${age}${warnings}` : 'Model Radar: invalid data from OpenRouter. Activate to retry.';
    case 'notManagementKey':
      return 'Model Radar: balance unavailable, this is not a management key. Activate to set a management key.';
    case 'error':
      return 'Model Radar: usage unavailable. Activate to retry.';
  }
}

export function presentStatus(snapshot: Snapshot, settings: Settings, now: number): StatusPresentation {
  const facts = gatherFacts(snapshot, settings, now);
  const state = decideState(facts);
  const values = placeholderValues(facts);
  const rendered = renderStatusFormat(settings.statusBar.format, values);
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
