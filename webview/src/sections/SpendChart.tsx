import { useId, type ReactElement } from 'react';
import type { ActivityView } from '../../../src/shared/types';
import type { CatalogIndex } from '../model/derive';
import { formatCount, formatDay, formatUsd } from '../../../src/shared/format';
import { DayTable } from '../components/DayTable';
import * as l10n from '../l10n';

const SERIES = 5;
const W = 300;
const H = 110;
const PAD_TOP = 12;
const PAD_BOTTOM = 16;

export interface SpendSeries {
  key: string;
  label: string;
  total: number;
}

export interface SpendDay {
  date: string;
  total: number;
  /** Per series, in the order of `series`. */
  values: number[];
}

function usd(n: number): number {
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/** The top models by 30-day spend, each its own series, and everything else as "Other". */
export function spendSeries(activity: ActivityView, catalog: CatalogIndex): { series: SpendSeries[]; days: SpendDay[] } {
  const top = [...activity.byModel].filter((m) => usd(m.usage) > 0).sort((a, b) => usd(b.usage) - usd(a.usage)).slice(0, SERIES);
  const keys = top.map((m) => m.model);
  const series: SpendSeries[] = top.map((m) => ({ key: m.model, label: catalog.forRow(m)?.name ?? m.model, total: usd(m.usage) }));
  let otherTotal = 0;
  const days: SpendDay[] = activity.days.map((d) => {
    const values = new Array<number>(keys.length + 1).fill(0);
    for (const m of d.models) {
      const i = keys.indexOf(m.model);
      const slot = i >= 0 ? i : keys.length;
      values[slot] = (values[slot] ?? 0) + usd(m.usage);
    }
    otherTotal += values[keys.length] ?? 0;
    return { date: d.date, total: values.reduce((a, b) => a + b, 0), values };
  });
  if (otherTotal > 0) series.push({ key: '__other', label: l10n.t('Other models'), total: otherTotal });
  else for (const d of days) d.values.pop();
  return { series, days };
}

/** Spend per day for the last 30 days, stacked by model; plain SVG with a text legend and a table. */
export function SpendChart({ activity, catalog }: { activity: ActivityView; catalog: CatalogIndex }): ReactElement {
  const { series, days } = spendSeries(activity, catalog);
  const tableId = useId();
  const max = Math.max(0, ...days.map((d) => d.total));
  const firstDay = days[0];
  const lastDay = days.at(-1);
  if (firstDay === undefined || lastDay === undefined || max === 0) {
    // A BYOK-only user spent nothing in OpenRouter credits, but did spend: never a bare "no spend".
    const byok = Number.isFinite(activity.byokTotal) && activity.byokTotal > 0;
    return (
      <p className="mr-muted">
        {byok
          ? l10n.t('No OpenRouter credits spent in the last 30 days; BYOK requests cost {0} at your providers.', formatUsd(activity.byokTotal))
          : l10n.t('No spend in the last {0} days.', days.length || 30)}
      </p>
    );
  }
  const peak = days.reduce((a, b) => (b.total > a.total ? b : a));
  const slot = W / days.length;
  const barW = Math.max(1, slot - 2);
  const plotH = H - PAD_TOP - PAD_BOTTOM;
  const y = (v: number): number => (v / max) * plotH;
  const label = l10n.t('Spend per day over the last {0} days, stacked by model. Highest {1} on {2}.', formatCount(days.length), formatUsd(peak.total), formatDay(peak.date));
  return (
    <figure className="mr-chart mr-spend-chart">
      <svg viewBox={`0 0 ${W} ${H}`} className="mr-chart-svg" role="img" aria-label={label} aria-describedby={tableId}>
        <line className="mr-axis" x1={0} x2={W} y1={H - PAD_BOTTOM} y2={H - PAD_BOTTOM} />
        <text className="mr-axis-label" x={0} y={9}>
          {formatUsd(max)}
        </text>
        <text className="mr-axis-label" x={0} y={H - 3}>
          {formatDay(firstDay.date)}
        </text>
        <text className="mr-axis-label" x={W} y={H - 3} textAnchor="end">
          {formatDay(lastDay.date)}
        </text>
        {days.map((d, i) => {
          let base = H - PAD_BOTTOM;
          return (
            <g key={d.date}>
              <title>{l10n.t('{0}: {1}', formatDay(d.date), formatUsd(d.total))}</title>
              {d.values.map((v, s) => {
                if (v <= 0) return null;
                const h = y(v);
                base -= h;
                return <rect key={s} className={`mr-series-${series[s]?.key === '__other' ? 'other' : s}`} x={i * slot + 1} y={base} width={barW} height={Math.max(h, 0.5)} />;
              })}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="mr-legend">
          {series.map((s, i) => (
            <li key={s.key}>
              <svg width="10" height="10" aria-hidden="true" focusable="false">
                <rect className={`mr-series-${s.key === '__other' ? 'other' : i}`} width="10" height="10" />
              </svg>
              <span className="mr-legend-label">{s.label}</span> <span className="mr-num">{formatUsd(s.total)}</span>
            </li>
          ))}
        </ul>
        <DayTable id={tableId} summary={l10n.t('Spend per day as a table')} columns={[{ key: 'spend', label: l10n.t('Spend') }]} days={days} cells={(d) => <td className="mr-num">{formatUsd(d.total)}</td>} />
      </figcaption>
    </figure>
  );
}
