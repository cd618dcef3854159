import { useId, type ReactElement } from 'react';
import type { RankingsView, Region, Snapshot } from '../../../src/shared/types';
import { CommandButton } from '../components/CommandButton';
import { shapePath } from '../components/RegionMark';
import { Section } from '../components/Section';
import { formatDay, formatTokens, regionLabel } from '../format';
import { sumTokens } from '../model/derive';
import { ProgressRing } from '../ui/toolkit';

const W = 640;
const H = 240;
const M = { top: 12, right: 16, bottom: 26, left: 52 };
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
    <Section id="daily" title="Daily tokens by region" className="mr-daily">
      {!r ? (
        snapshot.resources.rankings.error ? <p className="mr-muted">Rankings could not be loaded; see the notice above.</p> : <ProgressRing label="Loading rankings…" />
      ) : r.mode === 'order' ? (
        <div className="mr-note">
          <p>Order only — add a key for token figures. Daily token totals come from OpenRouter's Data API, which needs any valid key.</p>
          <CommandButton command="setApiKey" label="Set API key" />
        </div>
      ) : r.daily.length === 0 ? (
        <p className="mr-muted">No daily figures in this window.</p>
      ) : (
        <DailyLines rankings={r} />
      )}
    </Section>
  );
}

function DailyLines({ rankings }: { rankings: RankingsView }): ReactElement {
  const tableId = useId();
  const days = rankings.daily;
  const present = LINES.filter((reg) => days.some((d) => tokens(d.regions[reg]) > 0));
  const max = Math.max(1, ...days.flatMap((d) => present.map((reg) => tokens(d.regions[reg]))));
  const x = (i: number): number => M.left + (days.length === 1 ? PLOT_W / 2 : (i / (days.length - 1)) * PLOT_W);
  const y = (v: number): number => M.top + PLOT_H - (v / max) * PLOT_H;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  const labelEvery = Math.max(1, Math.ceil(days.length / 7));
  const totals = present.map((reg) => `${regionLabel(reg)} ${formatTokens(sumTokens(days.map((d) => d.regions[reg])))}`);
  const label = `Daily tokens by region, ${formatDay(days[0].date)} to ${formatDay(days[days.length - 1].date)}. Totals: ${totals.join(', ')}.`;
  return (
    <figure className="mr-chart">
      <svg className="mr-chart-svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} aria-describedby={tableId}>
        {ticks.map((t) => (
          <g key={t}>
            <line className="mr-grid" x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
            <text className="mr-axis-label" x={M.left - 6} y={y(t) + 3} textAnchor="end">
              {formatTokens(t)}
            </text>
          </g>
        ))}
        {days.map((d, i) =>
          i % labelEvery === 0 || i === days.length - 1 ? (
            <text key={d.date} className="mr-axis-label" x={x(i)} y={H - 8} textAnchor="middle">
              {formatDay(d.date)}
            </text>
          ) : null,
        )}
        {present.map((reg) => (
          <g key={reg}>
            <path className={`mr-line mr-stroke-${reg}`} d={days.map((d, i) => `${i ? 'L' : 'M'} ${x(i).toFixed(1)} ${y(tokens(d.regions[reg])).toFixed(1)}`).join(' ')} />
            {days.map((d, i) => (
              <path key={d.date} className={`mr-fill-${reg} mr-stroke-${reg}`} d={shapePath(reg, 3)} transform={`translate(${x(i).toFixed(1)} ${y(tokens(d.regions[reg])).toFixed(1)})`}>
                <title>
                  {regionLabel(reg)}, {formatDay(d.date)}: {formatTokens(d.regions[reg])} tokens
                </title>
              </path>
            ))}
          </g>
        ))}
      </svg>
      <figcaption>
        <ul className="mr-legend mr-legend-inline">
          {present.map((reg) => (
            <li key={reg}>
              <svg width="12" height="12" viewBox="-6 -6 12 12" aria-hidden="true" focusable="false">
                <path className={`mr-fill-${reg} mr-stroke-${reg}`} d={shapePath(reg, 4)} />
              </svg>
              {regionLabel(reg)}
            </li>
          ))}
        </ul>
        {rankings.citation ? <p className="mr-citation">{rankings.citation}</p> : null}
        <details className="mr-table-alt">
          <summary>Daily tokens as a table</summary>
          <table id={tableId} className="mr-table">
            <thead>
              <tr>
                <th scope="col">Day</th>
                {present.map((reg) => (
                  <th key={reg} scope="col" className="mr-num">
                    {regionLabel(reg)}
                  </th>
                ))}
                <th scope="col" className="mr-num">
                  Unattributed
                </th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.date}>
                  <th scope="row">{formatDay(d.date)}</th>
                  {present.map((reg) => (
                    <td key={reg} className="mr-num">
                      {formatTokens(d.regions[reg])}
                    </td>
                  ))}
                  <td className="mr-num">{formatTokens(d.unattributed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
