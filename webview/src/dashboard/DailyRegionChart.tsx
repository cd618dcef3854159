import { useId, type ReactElement } from 'react';
import type { RankingsView, Region, Snapshot } from '../../../src/shared/types';
import { CommandButton } from '../components/CommandButton';
import { RegionLegend, shapePath } from '../components/RegionMark';
import { Section } from '../components/Section';
import { formatCount, formatDay, formatTokens, regionLabel } from '../../../src/shared/format';
import { CoverageNote, TokenizerCaveat } from '../components/DataNotes';
import { DayTable } from '../components/DayTable';
import { gapLinePath } from '../components/chartPath';
import { ChartAxes, type ChartFrame } from '../components/ChartAxes';
import { sumTokens } from '../model/derive';
import { ProgressRing } from '../ui/toolkit';
import * as l10n from '../l10n';
import { citationText } from '../../../src/shared/dataLabels';

const W = 640;
const H = 240;
const M = { top: 12, right: 16, bottom: 26, left: 52 };
const FRAME: ChartFrame = { width: W, height: H, margin: M };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;
const LINES: Region[] = ['CN', 'US', 'EU', 'OTHER'];

/** For plotting only: a float's lost digits beyond 2^53 are far below a pixel. Totals use bigint. */
function tokens(v: string): number {
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : 0;
}

export function DailyRegionChart({ snapshot }: { snapshot: Snapshot }): ReactElement {
  const r = snapshot.rankings;
  return (
    <Section id="daily" title={l10n.t('Daily tokens by region')} className="mr-daily">
      {!r ? (
        snapshot.resources.rankings.error ? <p className="mr-muted">{l10n.t('Rankings could not be loaded; see the notice above.')}</p> : <ProgressRing label={l10n.t('Loading rankings…')} />
      ) : r.mode === 'order' ? (
        <div className="mr-note">
          <p>
            {l10n.t('Order only — add a key for token figures.')} {l10n.t("Daily token totals come from OpenRouter's Data API, which needs any valid key.")}
          </p>
          <CommandButton command="setApiKey" label={l10n.t('Set API key')} />
        </div>
      ) : r.daily.every((d) => d.regions === null) ? (
        <>
          <p className="mr-muted">{l10n.t('No daily figures in this window.')}</p>
          <CoverageNote rankings={r} />
        </>
      ) : (
        <DailyLines rankings={r} />
      )}
    </Section>
  );
}

/** One line per run of days with data: a day without data breaks the line instead of dropping it to zero. */
function linePath(days: RankingsView['daily'], reg: Region, x: (i: number) => number, y: (v: number) => number): string {
  return gapLinePath(days.map((d) => (d.regions === null ? null : tokens(d.regions[reg]))), x, y);
}

function DailyLines({ rankings }: { rankings: RankingsView }): ReactElement {
  const tableId = useId();
  const days = rankings.daily;
  const present = LINES.filter((reg) => days.some((d) => d.regions !== null && tokens(d.regions[reg]) > 0));
  const max = Math.max(1, ...days.flatMap((d) => (d.regions === null ? [] : present.map((reg) => tokens(d.regions?.[reg] ?? '0')))));
  const x = (i: number): number => M.left + (days.length === 1 ? PLOT_W / 2 : (i / (days.length - 1)) * PLOT_W);
  const y = (v: number): number => M.top + PLOT_H - (v / max) * PLOT_H;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  const totals = present.map((reg) => l10n.t('{0} {1}', regionLabel(reg), formatTokens(sumTokens(days.flatMap((d) => (d.regions === null ? [] : [d.regions[reg]]))))));
  const gaps = days.filter((d) => d.regions === null).length;
  const [first] = days;
  const last = days.at(-1);
  const gapText = gaps > 0 ? l10n.t('{0} of {1} days without data', formatCount(gaps), formatCount(days.length)) : null;
  const totalsText = totals.join(l10n.t(', '));
  const label =
    first !== undefined && last !== undefined
      ? gapText !== null
        ? l10n.t('Daily tokens by region, {0} to {1}, {2}. Totals: {3}.', formatDay(first.date), formatDay(last.date), gapText, totalsText)
        : l10n.t('Daily tokens by region, {0} to {1}. Totals: {2}.', formatDay(first.date), formatDay(last.date), totalsText)
      : gapText !== null
        ? l10n.t('Daily tokens by region, {0}. Totals: {1}.', gapText, totalsText)
        : l10n.t('Daily tokens by region. Totals: {0}.', totalsText);
  return (
    <figure className="mr-chart">
      <svg className="mr-chart-svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} aria-describedby={tableId}>
        <ChartAxes frame={FRAME} ticks={ticks} y={y} yLabel={formatTokens} points={days.map((d) => ({ key: d.date, label: formatDay(d.date) }))} x={x} maxLabels={7} />
        {present.map((reg) => (
          <g key={reg}>
            <path className={`mr-line mr-stroke-${reg}`} data-region={reg} d={linePath(days, reg, x, y)} />
            {days.map((d, i) =>
              d.regions === null ? null : (
                <path key={d.date} className={`mr-fill-${reg} mr-stroke-${reg}`} d={shapePath(reg, 3)} transform={`translate(${x(i).toFixed(1)} ${y(tokens(d.regions[reg])).toFixed(1)})`}>
                  <title>
                    {l10n.t('{0}, {1}: {2} tokens', regionLabel(reg), formatDay(d.date), formatTokens(d.regions[reg]))}
                  </title>
                </path>
              ),
            )}
          </g>
        ))}
      </svg>
      <figcaption>
        <RegionLegend regions={present} />
        <CoverageNote rankings={rankings} />
        <TokenizerCaveat />
        {rankings.citation ? <p className="mr-citation">{citationText(rankings.citation, rankings.asOf ?? rankings.window?.end)}</p> : null}
        <DayTable
          id={tableId}
          className="mr-table"
          summary={l10n.t('Daily tokens as a table')}
          columns={[...present.map((reg) => ({ key: reg, label: regionLabel(reg), className: 'mr-num' })), { key: 'unattributed', label: l10n.t('Unattributed'), className: 'mr-num' }]}
          days={days}
          cells={(d) =>
            d.regions === null ? (
              <td colSpan={present.length + 1} className="mr-muted">
                {l10n.t('no data')}
              </td>
            ) : (
              <>
                {present.map((reg) => (
                  <td key={reg} className="mr-num">
                    {formatTokens(d.regions?.[reg])}
                  </td>
                ))}
                <td className="mr-num">{formatTokens(d.unattributed)}</td>
              </>
            )
          }
        />
      </figcaption>
    </figure>
  );
}
