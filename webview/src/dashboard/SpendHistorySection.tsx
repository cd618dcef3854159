// The dashboard's Spend section: the whole account's per-model history (7/30/90 days from OpenRouter's
// analytics, or /activity's 30 days when analytics is refused) beside this key's own month, each labelled
// with its source; a stacked daily chart, and a table per model. Without a management key it says what is
// missing and why, and shows no figure it does not have.
import { useState, type ReactElement } from 'react';
import { SPEND_WINDOWS, type ActivityView, type Snapshot, type SpendHistoryView, type SpendWindow } from '../../../src/shared/types';
import { Section } from '../components/Section';
import { Rich } from '../components/Rich';
import { CommandButton } from '../components/CommandButton';
import { useSpendHistory } from '../data';
import { catalogIndex } from '../model/derive';
import { SpendChart } from '../sections/SpendChart';
import { Button, ProgressRing } from '../ui/toolkit';
import { formatAgo, formatCount, formatDay, formatPercent, formatPerMillion, formatTokens, formatUsd } from '../../../src/shared/format';
import * as l10n from '../l10n';

/** The history as the chart's input (spend per model per day); the chart only reads spend. */
function asChartInput(view: SpendHistoryView): ActivityView {
  const row = (model: string, usage: number): ActivityView['byModel'][number] => ({
    model,
    usage,
    byokUsage: 0,
    requests: 0,
    promptTokens: 0,
    completionTokens: 0,
    reasoningTokens: 0,
  });
  return {
    days: view.daily.map((d) => ({ date: d.date, models: d.models.map((m) => row(m.model, m.spend)), total: d.total, byokTotal: 0 })),
    byModel: view.byModel.map((m) => row(m.model, m.spend)),
    total: view.total,
    byokTotal: 0,
    droppedRows: 0,
    outsideWindowRows: 0,
  };
}

/** What the history depends on besides the window; null without a management key (nothing to ask). */
function keyStateOf(s: Snapshot): string | null {
  return s.keys.management ? `m:${s.keys.managementKind ?? 'unverified'}` : null;
}

export function SpendHistorySection({ snapshot, now }: { snapshot: Snapshot; now?: () => number }): ReactElement {
  const [span, setSpan] = useState<SpendWindow>(30);
  const management = snapshot.keys.management;
  const history = useSpendHistory(span, keyStateOf(snapshot));
  const result = history.data;
  const summary = result?.status === 'ok' ? l10n.t('{0} · whole account, last {1} days', formatUsd(result.view.total), result.view.days) : undefined;
  return (
    <Section id="spend" title={l10n.t('Spend')} summary={summary} className="mr-spend-history">
      <KeyMonth snapshot={snapshot} />
      {!management ? (
        <div className="mr-invite mr-invite-small" data-testid="spend-no-management">
          <p>
            {l10n.t(
              'Per-model spend history needs a management key: OpenRouter answers its analytics (POST /analytics/query) and /activity only to management keys; an API key sees only its own totals. Nothing here is estimated in its place.',
            )}
          </p>
          <CommandButton command="setManagementKey" label={l10n.t('Set management key')} />
        </div>
      ) : (
        <>
          <div className="mr-window-picker" role="group" aria-label={l10n.t('History window')}>
            {SPEND_WINDOWS.map((w) => (
              <Button key={w} pressed={w === span} onClick={() => setSpan(w)} label={l10n.t('Last {0} days', w)}>
                {l10n.t('{0} days', w)}
              </Button>
            ))}
            <Button onClick={history.refresh} disabled={history.loading} label={l10n.t('Refresh spend history')}>
              {l10n.t('Refresh')}
            </Button>
          </div>
          {history.error ? (
            <div className="mr-inline-error" role="alert">
              <p>{l10n.t('Spend history could not be loaded: {0}', history.error.message)}</p>
            </div>
          ) : !result ? (
            <ProgressRing label={l10n.t('Loading spend history…')} />
          ) : result.status === 'unavailable' ? (
            <Unavailable reason={result.reason} message={result.cause?.message ?? null} />
          ) : (
            <HistoryBody view={result.view} snapshot={snapshot} nowMs={(now ?? Date.now)()} />
          )}
        </>
      )}
    </Section>
  );
}

/** This key's own spend this month, from GET /key: labelled so it is never read as the account's. */
function KeyMonth({ snapshot }: { snapshot: Snapshot }): ReactElement | null {
  const key = snapshot.usage?.key ?? null;
  if (snapshot.keys.inference === 'none' || key === null) return null;
  return (
    <p className="mr-key-month">
      <span>
        <Rich text={l10n.t('{0}: {1}')} args={[<strong key="label">{l10n.t('This key, this month')}</strong>, <span key="value" className="mr-num">{formatUsd(key.monthly)}</span>]} />
      </span>{' '}
      <span className="mr-muted">{l10n.t('OpenRouter credits spent through your API key since the 1st (UTC), from GET /key')}</span>
    </p>
  );
}

function Unavailable({ reason, message }: { reason: 'noManagementKey' | 'notManagementKey' | 'error'; message: string | null }): ReactElement {
  if (reason === 'notManagementKey') {
    return (
      <div className="mr-invite mr-invite-small">
        <p>{l10n.t('Spend history unavailable: the saved management key is an ordinary API key, and OpenRouter gives per-model history only to management keys.')}</p>
        <CommandButton command="setManagementKey" label={l10n.t('Set management key')} />
      </div>
    );
  }
  if (reason === 'noManagementKey') {
    return <p className="mr-muted">{l10n.t('Spend history needs a management key.')}</p>;
  }
  return (
    <p className="mr-warn" role="status">
      {l10n.t('Spend history unavailable: neither OpenRouter’s analytics nor /activity could be read ({0}). No figure is shown rather than a guess.', message ?? l10n.t('unknown error'))}
    </p>
  );
}

function HistoryBody({ view, snapshot, nowMs }: { view: SpendHistoryView; snapshot: Snapshot; nowMs: number }): ReactElement {
  const catalog = catalogIndex(snapshot.catalog);
  const keyMonthly = snapshot.usage?.key?.monthly;
  return (
    <div className="mr-history">
      <h3 className="mr-subheading">
        {l10n.t('Whole account, last {0} days: {1}', view.days, formatUsd(view.total))}
        {view.byokTotal > 0 ? ` ${l10n.t('(of which {0} BYOK, billed by your providers)', formatUsd(view.byokTotal))}` : ''}
      </h3>
      <p className="mr-muted mr-source-note">
        {view.source === 'analytics'
          ? l10n.t('From OpenRouter’s analytics for the whole account (every key), {0} to {1} (UTC), fetched {2}.', formatDay(view.start, true), formatDay(view.end, true), formatAgo(nowMs - view.fetchedAt))
          : l10n.t('From /activity for the whole account (every key), {0} to {1} (UTC), fetched {2}.', formatDay(view.start, true), formatDay(view.end, true), formatAgo(nowMs - view.fetchedAt))}{' '}
        {typeof keyMonthly === 'number' ? l10n.t('“This key, this month” above counts only your API key since the 1st; the two measure different things and need not match.') : null}
      </p>
      {view.fallback ? (
        <p className="mr-warn" role="status" data-testid="spend-fallback">
          {l10n.t(
            'OpenRouter’s analytics was not available ({0}), so this is /activity: the last 30 days only, without cached tokens or cache-hit rates.',
            view.fallback.message,
          )}
          {view.requested !== 30 ? ` ${l10n.t('You asked for {0} days.', view.requested)}` : ''}
        </p>
      ) : null}
      {view.truncated ? (
        <p className="mr-warn" role="status" data-testid="spend-truncated">
          {l10n.t('OpenRouter cut this answer short (metadata.truncated): every figure below is partial, lower than the real spend.')}
        </p>
      ) : null}
      {view.droppedRows > 0 ? (
        <p className="mr-warn" role="status">
          {l10n.t('{0} rows from OpenRouter could not be read (counts that are not numbers, or dated outside the window): not included in these figures.', formatCount(view.droppedRows))}
        </p>
      ) : null}
      <SpendChart activity={asChartInput(view)} catalog={catalog} />
      {view.byModel.length ? (
        <div className="mr-table-wrap">
          <table className="mr-table mr-spend-table">
            <caption>{l10n.t('Spend by model, last {0} days', view.days)}</caption>
            <thead>
              <tr>
                <th scope="col">{l10n.t('Model')}</th>
                <th scope="col" className="mr-num">{l10n.t('Spend')}</th>
                <th scope="col" className="mr-num">{l10n.t('Requests')}</th>
                <th scope="col" className="mr-num">{l10n.t('Prompt')}</th>
                <th scope="col" className="mr-num">{l10n.t('Completion')}</th>
                <th scope="col" className="mr-num">{l10n.t('Cached')}</th>
                <th scope="col" className="mr-num">{l10n.t('Cache-hit rate')}</th>
                <th scope="col" className="mr-num">{l10n.t('Effective')}</th>
              </tr>
            </thead>
            <tbody>
              {view.byModel.map((m) => (
                <tr key={m.model}>
                  <th scope="row" className="mr-model-cell" title={m.model}>
                    {catalog.get(m.model)?.name ?? m.model}
                  </th>
                  <td className="mr-num">
                    {formatUsd(m.spend)}
                    {m.byokSpend > 0 ? ` ${l10n.t('({0} BYOK)', formatUsd(m.byokSpend))}` : ''}
                  </td>
                  <td className="mr-num">{formatCount(Number(m.requests))}</td>
                  <td className="mr-num">{formatTokens(m.promptTokens)}</td>
                  <td className="mr-num">{formatTokens(m.completionTokens)}</td>
                  <td className="mr-num">{m.cachedTokens === null ? l10n.t('not reported') : formatTokens(m.cachedTokens)}</td>
                  <td className="mr-num">{m.cacheHitRate === null ? l10n.t('not reported') : formatPercent(m.cacheHitRate)}</td>
                  <td className="mr-num">{formatPerMillion(m.effectivePerMillion)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mr-caveat">{l10n.t('Effective = spend ÷ (prompt + completion tokens), per 1M tokens: what you really paid, cache discounts and reasoning included.')}</p>
        </div>
      ) : null}
    </div>
  );
}
