import type { ReactElement, ReactNode } from 'react';
import type { WebviewSettings } from '../../../src/shared/protocol';
import type { Snapshot } from '../../../src/shared/types';
import { CommandButton } from '../components/CommandButton';
import { Section } from '../components/Section';
import { formatCount, formatUsd } from '../../../src/shared/format';
import { catalogIndex } from '../model/derive';
import { ProgressRing } from '../ui/toolkit';
import { SpendChart } from './SpendChart';
import * as l10n from '../l10n';
import { requestsText } from '../words';
import { byokExplanation, byokSpent, spendFigures, spendSummary } from '../model/spendFigures';

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

function rowsLeftOut(dropped: number, outside: number): string | null {
  const unread = dropped === 1 ? l10n.t('1 row from OpenRouter could not be read') : l10n.t('{0} rows from OpenRouter could not be read', formatCount(dropped));
  const outsideText = outside === 1 ? l10n.t('1 row is dated outside the 30-day window') : l10n.t('{0} rows are dated outside the 30-day window', formatCount(outside));
  if (dropped > 0 && outside > 0) return l10n.t('{0} and {1}: not included in these figures.', unread, outsideText);
  if (dropped > 0) return l10n.t('{0}: not included in these figures.', unread);
  if (outside > 0) return l10n.t('{0}: not included in these figures.', outsideText);
  return null;
}

export function SpendSection({ snapshot, settings }: { snapshot: Snapshot; settings: WebviewSettings }): ReactElement {
  const { keys, usage, resources } = snapshot;
  const summary = spendSummary(snapshot);
  return (
    <Section id="spend" title={l10n.t('Spend')} summary={summary}>
      {keys.inference === 'none' ? (
        <div className="mr-invite">
          <p>{l10n.t('Add your OpenRouter API key to see what you spend today, this week and this month, and your remaining limit. Prices and the market view work without one.')}</p>
          <CommandButton command="setApiKey" label={l10n.t('Set API key')} appearance="primary" />
        </div>
      ) : !usage && !resources.key.error ? (
        <ProgressRing label={l10n.t('Loading spend…')} />
      ) : (
        <SpendFigures snapshot={snapshot} settings={settings} />
      )}
      {keys.inference !== 'none' ? <SpendHistory snapshot={snapshot} /> : null}
      {usage === null && resources.key.error ? <p className="mr-muted">{l10n.t('Spend could not be loaded; see the notice above.')}</p> : null}
    </Section>
  );
}

function SpendFigures({ snapshot, settings }: { snapshot: Snapshot; settings: WebviewSettings }): ReactElement {
  const figures = spendFigures(snapshot, settings);
  return (
    <>
      <dl className="mr-stats">
        {figures.stats.map((s) => (
          <Stat key={s.label} label={s.label} value={s.value} note={s.note} warn={s.warn} />
        ))}
      </dl>
      {figures.byok ? <p className="mr-muted">{byokExplanation()}</p> : null}
      {figures.invalidManagementKey ? (
        <div className="mr-invite mr-invite-small">
          <p>{l10n.t('Balance unavailable: the saved management key is an ordinary API key.')}</p>
          <CommandButton command="setManagementKey" label={l10n.t('Set management key')} />
        </div>
      ) : null}
      {figures.overBudget !== null ? (
        <p className="mr-warn" role="status">
          {figures.overBudget}
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
        <p>{l10n.t('Add a management key to see your account balance and the last 30 days of spend by model.')}</p>
        <CommandButton command="setManagementKey" label={l10n.t('Set management key')} />
      </div>
    );
  }
  if (!activity) {
    if (resources.activity.error) return <p className="mr-muted">{l10n.t('Activity could not be loaded; see the notice above.')}</p>;
    return <ProgressRing label={l10n.t('Loading activity…')} />;
  }
  const catalog = catalogIndex(snapshot.catalog);
  // Cost to the user: OpenRouter credits plus what BYOK requests cost upstream.
  const cost = (m: { usage: number; byokUsage: number }): number =>
    Number.isFinite(m.usage) || Number.isFinite(m.byokUsage) ? (Number.isFinite(m.usage) ? m.usage : 0) + (Number.isFinite(m.byokUsage) ? m.byokUsage : 0) : -1;
  const top = [...activity.byModel].sort((a, b) => cost(b) - cost(a)).slice(0, 5);
  const leftOut = rowsLeftOut(activity.droppedRows, activity.outsideWindowRows);
  return (
    <div className="mr-history">
      <p className="mr-muted mr-source-note">{l10n.t('Today, this week and this month above count this API key only; the figures below count the whole account (every key).')}</p>
      <h3 className="mr-subheading">
        {byokSpent(activity.byokTotal)
          ? l10n.t('Whole account, last 30 days: {0} + {1} BYOK', formatUsd(activity.total), formatUsd(activity.byokTotal))
          : l10n.t('Whole account, last 30 days: {0}', formatUsd(activity.total))}
      </h3>
      {leftOut ? (
        <p className="mr-warn" role="status">
          {leftOut}
        </p>
      ) : null}
      <SpendChart activity={activity} catalog={catalog} />
      <h3 className="mr-subheading">{l10n.t('Top models by cost')}</h3>
      {top.length ? (
        <ol className="mr-top-models">
          {top.map((m) => (
            <li key={m.model}>
              <span className="mr-model-name" title={m.model}>
                {catalog.forRow(m)?.name ?? m.model}
              </span>
              <span className="mr-num">
                {byokSpent(m.byokUsage) ? l10n.t('{0} + {1} BYOK', formatUsd(m.usage), formatUsd(m.byokUsage)) : formatUsd(m.usage)}
              </span>
              <span className="mr-muted mr-num">{requestsText(m.requests)}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="mr-muted">{l10n.t('No usage in the last 30 days.')}</p>
      )}
    </div>
  );
}
