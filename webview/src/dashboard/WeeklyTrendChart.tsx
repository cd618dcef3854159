import { useId, type ReactElement } from 'react';
import type { Snapshot } from '../../../src/shared/types';
import { TREND_REGIONS, type TrendRegion, type TrendState, type TrendView } from '../../../src/shared/trend';
import { formatDay, formatPercent, formatTokens, formatUtc, regionLabel } from '../../../src/shared/format';
import { droppedRowsSentence } from '../../../src/shared/dataLabels';
import { CommandButton } from '../components/CommandButton';
import { DayTable } from '../components/DayTable';
import { RegionLegend } from '../components/RegionMark';
import { Section } from '../components/Section';
import { gapLinePath } from '../components/chartPath';
import { ChartAxes, type ChartFrame } from '../components/ChartAxes';
import { TokenizerCaveat } from '../components/DataNotes';
import { ProgressRing } from '../ui/toolkit';
import * as l10n from '../l10n';

const W = 640;
const H = 220;
const M = { top: 12, right: 16, bottom: 26, left: 44 };
const FRAME: ChartFrame = { width: W, height: H, margin: M };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;
/** One request a day at most (the radar's TREND_MIN_GAP_MS). */
const DAY_MS = 24 * 60 * 60_000;

/** Weekly region shares over the last 52 weeks, the current lead streak and the week the lead last changed hands. */
export function WeeklyTrendChart({ snapshot }: { snapshot: Snapshot }): ReactElement {
  const trend = snapshot.trend ?? null;
  const view = trend?.view ?? null;
  return (
    <Section id="trend" title={l10n.t('Weekly share by region')} summary={view ? streakSummary(view) : undefined} className="mr-trend">
      {view === null ? <TrendMissing snapshot={snapshot} trend={trend} /> : <TrendBody view={view} trend={trend} />}
    </Section>
  );
}

/** Without a view: what is missing and why, never a figure. */
function TrendMissing({ snapshot, trend }: { snapshot: Snapshot; trend: TrendState | null }): ReactElement {
  if (snapshot.keys.inference === 'none') {
    return (
      <div className="mr-note">
        <p>{l10n.t('No weekly trend: the weekly token figures come from OpenRouter’s Data API, which needs an API key (any key).')}</p>
        <CommandButton command="setApiKey" label={l10n.t('Set API key')} />
      </div>
    );
  }
  if (snapshot.rankings?.mode === 'order' && !trend?.error) {
    // A key the Data API refused: the rankings fell back to the public order, and the weekly figures are never asked.
    return <p className="mr-muted">{l10n.t('No weekly trend: OpenRouter’s Data API did not accept the key, so only the public popularity order is shown.')}</p>;
  }
  if (trend?.error) {
    const next = trend.attemptedAt === null ? null : formatUtc(trend.attemptedAt + DAY_MS);
    return (
      <p className="mr-muted">
        {next === null
          ? l10n.t('No weekly trend: the request failed ({0}).', trend.error.message)
          : l10n.t('No weekly trend: the request failed ({0}). It is asked for at most once a day; next attempt after {1}.', trend.error.message, next)}
      </p>
    );
  }
  return <ProgressRing label={l10n.t('Loading the weekly trend…')} />;
}

function streakSummary(view: TrendView): string | undefined {
  const s = view.streak;
  return s === null ? undefined : l10n.t('{0} · {1} wk', regionLabel(s.leader), s.weeks);
}

/** The streak, said in full; gaps, ties and a short history said plainly. */
export function streakText(view: TrendView): string[] {
  const out: string[] = [];
  const s = view.streak;
  if (s === null) {
    if (view.noStreakReason === 'tie') {
      const latest = [...view.weeks].reverse().find((w) => w.tokens !== null);
      out.push(l10n.t('No region led in the week of {0}: {1} tied.', formatDay(latest?.week, true), (latest?.tied ?? []).map(regionLabel).join(', ')));
    } else {
      out.push(l10n.t('No weekly figures from {0} to {1}: OpenRouter returned no ranking rows for these weeks.', formatDay(view.window.start, true), formatDay(view.window.end, true)));
    }
    return out;
  }
  const share = view.weeks.find((w) => w.week === s.through)?.shares?.[s.leader];
  const pct = formatPercent(share);
  const through = formatDay(s.through, true);
  const who = regionLabel(s.leader);
  if (s.weeks === 1) out.push(s.openStart ? l10n.t('{0} led OpenRouter tokens in the week of {1} ({2}), the only week with data.', who, through, pct) : l10n.t('{0} led OpenRouter tokens in the week of {1} ({2}).', who, through, pct));
  else if (s.openStart) out.push(l10n.t('{0} has led OpenRouter tokens at least {1} weeks in a row, through the week of {2} ({3}).', who, s.weeks, through, pct));
  else out.push(l10n.t('{0} has led OpenRouter tokens {1} weeks in a row, through the week of {2} ({3}).', who, s.weeks, through, pct));
  if (s.missingInside === 1) out.push(l10n.t('1 week inside the streak has no data; the streak is read across it.'));
  else if (s.missingInside > 1) out.push(l10n.t('{0} weeks inside the streak have no data; the streak is read across them.', s.missingInside));
  const after = view.weeks.filter((w) => w.week > s.through).length;
  if (after === 1) out.push(l10n.t('The latest week has no data yet.'));
  else if (after > 1) out.push(l10n.t('The latest {0} weeks have no data yet.', after));
  const c = view.lastChange;
  if (c === null) out.push(l10n.t('The lead did not change hands in the {0} weeks shown.', view.weeks.length));
  else if (c.from === null) out.push(l10n.t('The lead last changed hands in the week of {0}: {1} took it after a tied week.', formatDay(c.week, true), regionLabel(c.to)));
  else if (previousWeekOf(c.week) === c.previousWeek) out.push(l10n.t('The lead last changed hands in the week of {0} ({1} → {2}).', formatDay(c.week, true), regionLabel(c.from), regionLabel(c.to)));
  else out.push(l10n.t('The lead last changed hands between the weeks of {0} and {1} ({2} → {3}); the weeks between have no data.', formatDay(c.previousWeek, true), formatDay(c.week, true), regionLabel(c.from), regionLabel(c.to)));
  return out;
}

function previousWeekOf(week: string): string {
  return new Date(Date.parse(`${week}T00:00:00Z`) - 7 * DAY_MS).toISOString().slice(0, 10);
}

/** One line per run of weeks with data: a missing week breaks the line instead of dropping it to zero. */
function sharePath(view: TrendView, reg: TrendRegion, x: (i: number) => number, y: (v: number) => number): string {
  return gapLinePath(view.weeks.map((w) => (w.shares === null ? null : w.shares[reg])), x, y);
}

function TrendBody({ view, trend }: { view: TrendView; trend: TrendState | null }): ReactElement {
  const tableId = useId();
  const weeks = view.weeks;
  const sentences = streakText(view);
  const hasData = weeks.some((w) => w.shares !== null);
  const present = TREND_REGIONS.filter((reg) => weeks.some((w) => (w.shares?.[reg] ?? 0) > 0));
  const x = (i: number): number => M.left + (weeks.length === 1 ? PLOT_W / 2 : (i / (weeks.length - 1)) * PLOT_W);
  const y = (v: number): number => M.top + PLOT_H - v * PLOT_H;
  const changeIndex = view.lastChange === null ? -1 : weeks.findIndex((w) => w.week === view.lastChange?.week);
  const missing = view.missingWeeks.length;
  const dropped = droppedRowsSentence(view.droppedRows);
  return (
    <div className="mr-trend-body">
      {sentences.map((line) => (
        <p key={line} className="mr-trend-sentence">
          {line}
        </p>
      ))}
      {trend?.error ? <p className="mr-muted">{l10n.t('The last refresh failed ({0}); these figures were fetched {1}.', trend.error.message, trend.fetchedAt === null ? '—' : formatUtc(trend.fetchedAt))}</p> : null}
      {hasData ? (
        <figure className="mr-chart">
          <svg className="mr-chart-svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={sentences.join(' ')} aria-describedby={tableId}>
            <ChartAxes frame={FRAME} ticks={[0, 0.25, 0.5, 0.75, 1]} y={y} yLabel={formatPercent} points={weeks.map((w) => ({ key: w.week, label: formatDay(w.week) }))} x={x} maxLabels={6} />
            {changeIndex >= 0 ? <line className="mr-grid mr-trend-change" data-testid="lead-change" x1={x(changeIndex)} x2={x(changeIndex)} y1={M.top} y2={M.top + PLOT_H} /> : null}
            {present.map((reg) => (
              <path key={reg} className={`mr-line mr-stroke-${reg}`} data-region={reg} d={sharePath(view, reg, x, y)} />
            ))}
          </svg>
          <figcaption>
            <RegionLegend regions={present} />
            <p className="mr-muted">{l10n.t('Share of all OpenRouter tokens each week (Monday to Sunday, UTC); the rest is traffic outside the top models or from labs of unknown origin.')}</p>
            {missing > 0 ? <p className="mr-muted">{l10n.t('{0} of {1} weeks have no data; the lines break there.', missing, weeks.length)}</p> : null}
            {dropped !== null ? <p className="mr-muted">{dropped}</p> : null}
            <TokenizerCaveat />
            <p className="mr-citation">{view.citation}</p>
            <DayTable
              id={tableId}
              className="mr-table"
              summary={l10n.t('Weekly shares as a table')}
              dayColumn={l10n.t('Week of')}
              dayLabel={(w) => formatDay(w.date, true)}
              columns={[...TREND_REGIONS.map((reg) => ({ key: reg, label: regionLabel(reg), className: 'mr-num' })), { key: 'total', label: l10n.t('Total tokens'), className: 'mr-num' }, { key: 'leader', label: l10n.t('Leader') }]}
              days={weeks.map((w) => ({ ...w, date: w.week }))}
              cells={(w) =>
                w.shares === null ? (
                  <td colSpan={TREND_REGIONS.length + 2} className="mr-muted">
                    {l10n.t('no data')}
                  </td>
                ) : (
                  <>
                    {TREND_REGIONS.map((reg) => (
                      <td key={reg} className="mr-num">
                        {formatPercent(w.shares?.[reg])}
                      </td>
                    ))}
                    <td className="mr-num">{formatTokens(w.total)}</td>
                    <td>{w.leader !== null ? regionLabel(w.leader) : w.tied.length > 0 ? l10n.t('tie: {0}', w.tied.map(regionLabel).join(', ')) : '—'}</td>
                  </>
                )
              }
            />
          </figcaption>
        </figure>
      ) : null}
    </div>
  );
}
