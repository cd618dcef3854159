import type { ReactElement, ReactNode } from 'react';
import type { WebviewSettings } from '../../../src/shared/protocol';
import type { Snapshot } from '../../../src/shared/types';
import { CommandButton } from '../components/CommandButton';
import { Section } from '../components/Section';
import { UNKNOWN, formatCount, formatUsd } from '../../../src/shared/format';
import { catalogIndex } from '../model/derive';
import { ProgressRing } from '../ui/toolkit';
import { SpendChart } from './SpendChart';
import { t } from '../l10n';

function Stat({ label, value, note, warn }: { label: string; value: string; note?: ReactNode; warn?: boolean }): ReactElement {
  return (
    <div className={warn ? 'mr-stat mr-stat-warn' : 'mr-stat'}>
      <dt>{label}</dt>
      <dd>
        <span className="mr-stat-value">{value}</span>
        {note ? <span className="mr-stat-note"> {note}</span> : null}
      </dd>
    </div>
  );
}

function ofBudget(spent: number | null, budget: number): string | undefined {
  return budget > 0 && spent !== null && Number.isFinite(spent) ? `of ${formatUsd(budget)} budget` : undefined;
}

/** BYOK spend worth showing: a real, positive figure (OpenRouter reports 0 for users without BYOK). */
function byokSpent(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0;
}

function rowsLeftOut(dropped: number, outside: number): string | null {
  const parts: string[] = [];
  if (dropped > 0) parts.push(`${formatCount(dropped)} ${dropped === 1 ? 'row' : 'rows'} from OpenRouter could not be read`);
  if (outside > 0) parts.push(`${formatCount(outside)} ${outside === 1 ? 'row is' : 'rows are'} dated outside the 30-day window`);
  if (parts.length === 0) return null;
  return `${parts.join(' and ')}: not included in these figures.`;
}

export function SpendSection({ snapshot, settings }: { snapshot: Snapshot; settings: WebviewSettings }): ReactElement {
  const { keys, usage, resources } = snapshot;
  const key = usage?.key ?? null;
  const summary =
    keys.inference !== 'none' && key && key.daily !== null && Number.isFinite(key.daily)
      ? `${formatUsd(key.daily)}${byokSpent(key.byokDaily) ? ` + ${formatUsd(key.byokDaily)} BYOK` : ''} today`
      : undefined;
  return (
    <Section id="spend" title="Spend" summary={summary}>
      {keys.inference === 'none' ? (
        <div className="mr-invite">
          <p>Add your OpenRouter API key to see what you spend today, this week and this month, and your remaining limit. Prices and the market view work without one.</p>
          <CommandButton command="setApiKey" label="Set API key" appearance="primary" />
        </div>
      ) : !usage && !resources.key.error ? (
        <ProgressRing label="Loading spend…" />
      ) : (
        <SpendFigures snapshot={snapshot} settings={settings} />
      )}
      {keys.inference !== 'none' ? <SpendHistory snapshot={snapshot} /> : null}
      {usage === null && resources.key.error ? <p className="mr-muted">Spend could not be loaded; see the notice above.</p> : null}
    </Section>
  );
}

function SpendFigures({ snapshot, settings }: { snapshot: Snapshot; settings: WebviewSettings }): ReactElement {
  const usage = snapshot.usage;
  const key = usage?.key ?? null;
  const remaining = usage?.effectiveRemaining ?? null;
  const low = remaining !== null && settings.lowBalance > 0 && remaining < settings.lowBalance;
  const binding = usage?.binding === 'key' ? 'key limit binds' : usage?.binding === 'balance' ? 'balance binds' : undefined;
  const daily = key?.daily ?? null;
  const monthly = key?.monthly ?? null;
  const overDaily = settings.budgetDaily > 0 && daily !== null && daily > settings.budgetDaily;
  const overMonthly = settings.budgetMonthly > 0 && monthly !== null && monthly > settings.budgetMonthly;
  let limit = UNKNOWN;
  let limitNote: string | undefined;
  if (key) {
    if (key.limit === null) limit = 'No limit';
    else {
      limit = formatUsd(key.limit);
      limitNote = key.limitReset ? `resets ${key.limitReset}` : undefined;
    }
  }
  // BYOK requests cost the user at their own providers; OpenRouter's figures above leave that out.
  const byok = key !== null && [key.byokDaily, key.byokWeekly, key.byokMonthly].some(byokSpent);
  const notManagement = usage?.balanceStatus === 'notManagementKey';
  const checking = !notManagement && usage?.balanceStatus !== 'ok' && snapshot.keys.management && (snapshot.keys.managementKind ?? 'unverified') === 'unverified';
  const balanceNote = usage?.balanceStatus === 'ok' ? undefined : notManagement ? 'unavailable: this is not a management key' : checking ? 'checking the management key…' : 'needs a management key';
  return (
    <>
      <dl className="mr-stats">
        <Stat label="Today" value={formatUsd(daily)} note={ofBudget(daily, settings.budgetDaily)} warn={overDaily} />
        <Stat label="This week" value={formatUsd(key?.weekly)} />
        <Stat label="This month" value={formatUsd(monthly)} note={ofBudget(monthly, settings.budgetMonthly)} warn={overMonthly} />
        {byok ? <Stat label="BYOK today" value={formatUsd(key?.byokDaily)} /> : null}
        {byok ? <Stat label="BYOK this week" value={formatUsd(key?.byokWeekly)} /> : null}
        {byok ? <Stat label="BYOK this month" value={formatUsd(key?.byokMonthly)} /> : null}
        <Stat label="Key limit" value={limit} note={limitNote} />
        {key && key.limit !== null ? <Stat label="Key remaining" value={formatUsd(key.limitRemaining)} /> : null}
        <Stat label="Balance" value={usage?.balanceStatus === 'ok' ? formatUsd(usage.balance?.balance) : UNKNOWN} note={balanceNote} />
        <Stat label="Remaining" value={formatUsd(remaining)} note={[binding, low ? 'low' : undefined].filter(Boolean).join(', ') || undefined} warn={low} />
        {usage?.burnRatePerDay !== null && usage?.burnRatePerDay !== undefined ? <Stat label="Burn rate" value={`${formatUsd(usage.burnRatePerDay)}/day`} /> : null}
        {usage?.monthEndProjection !== null && usage?.monthEndProjection !== undefined ? <Stat label="Month-end projection" value={formatUsd(usage.monthEndProjection)} /> : null}
      </dl>
      {byok ? (
        <p className="mr-muted">
          Today, this week and this month are OpenRouter credits; BYOK is what requests over your own provider keys cost upstream, billed by
          those providers. Budgets and the balance count OpenRouter credits only.
        </p>
      ) : null}
      {notManagement && snapshot.keys.inference !== 'none' ? (
        <div className="mr-invite mr-invite-small">
          <p>Balance unavailable: the saved management key is an ordinary API key.</p>
          <CommandButton command="setManagementKey" label="Set management key" />
        </div>
      ) : null}
      {overDaily || overMonthly ? (
        <p className="mr-warn" role="status">
          Over your {overDaily ? 'daily' : 'monthly'} budget.
        </p>
      ) : null}
    </>
  );
}

function SpendHistory({ snapshot }: { snapshot: Snapshot }): ReactElement | null {
  const { keys, activity, resources } = snapshot;
  if (!keys.management) {
    return (
      <div className="mr-invite mr-invite-small">
        <p>Add a management key to see your account balance and the last 30 days of spend by model.</p>
        <CommandButton command="setManagementKey" label="Set management key" />
      </div>
    );
  }
  if (!activity) {
    if (resources.activity.error) return <p className="mr-muted">Activity could not be loaded; see the notice above.</p>;
    return <ProgressRing label="Loading activity…" />;
  }
  const catalog = catalogIndex(snapshot.catalog);
  // Cost to the user: OpenRouter credits plus what BYOK requests cost upstream.
  const cost = (m: { usage: number; byokUsage: number }): number =>
    Number.isFinite(m.usage) || Number.isFinite(m.byokUsage) ? (Number.isFinite(m.usage) ? m.usage : 0) + (Number.isFinite(m.byokUsage) ? m.byokUsage : 0) : -1;
  const top = [...activity.byModel].sort((a, b) => cost(b) - cost(a)).slice(0, 5);
  const leftOut = rowsLeftOut(activity.droppedRows, activity.outsideWindowRows);
  return (
    <div className="mr-history">
      <p className="mr-muted mr-source-note">{t('Today, this week and this month above count this API key only; the figures below count the whole account (every key).')}</p>
      <h3 className="mr-subheading">
        {t('Whole account, last 30 days:')} {formatUsd(activity.total)}
        {byokSpent(activity.byokTotal) ? ` + ${formatUsd(activity.byokTotal)} BYOK` : ''}
      </h3>
      {leftOut ? (
        <p className="mr-warn" role="status">
          {leftOut}
        </p>
      ) : null}
      <SpendChart activity={activity} catalog={catalog} />
      <h3 className="mr-subheading">Top models by cost</h3>
      {top.length ? (
        <ol className="mr-top-models">
          {top.map((m) => (
            <li key={m.model}>
              <span className="mr-model-name" title={m.model}>
                {catalog.forRow(m)?.name ?? m.model}
              </span>
              <span className="mr-num">
                {formatUsd(m.usage)}
                {byokSpent(m.byokUsage) ? ` + ${formatUsd(m.byokUsage)} BYOK` : ''}
              </span>
              <span className="mr-muted mr-num">{formatCount(m.requests)} requests</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="mr-muted">No usage in the last 30 days.</p>
      )}
    </div>
  );
}
