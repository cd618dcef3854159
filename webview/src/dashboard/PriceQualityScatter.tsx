import { useId, useMemo, useState, type KeyboardEvent, type ReactElement } from 'react';
import { REGIONS, type Region, type Snapshot } from '../../../src/shared/types';
import { LegendSwatch, REGION_SHAPES, shapePath } from '../components/RegionMark';
import { LazyDetails } from '../components/LazyDetails';
import { Section } from '../components/Section';
import { formatCount, formatIndex, formatPrice, regionLabel } from '../../../src/shared/format';
import { placeLabels, scatterPoints, valueFrontier, type ScatterPoint } from '../model/derive';
import { ProgressRing } from '../ui/toolkit';
import * as l10n from '../l10n';

const W = 640;
const H = 340;
const M = { top: 14, right: 16, bottom: 38, left: 44 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;
const LEGEND_REGIONS = REGIONS;

interface Scales {
  x: (v: number) => number;
  y: (v: number) => number;
  xTicks: number[];
  yTicks: number[];
}

function scales(points: readonly ScatterPoint[]): Scales {
  const xs = points.map((p) => Math.log10(p.x));
  const lo = Math.floor(Math.min(...xs));
  const hi = Math.ceil(Math.max(...xs));
  const x0 = lo === hi ? lo - 1 : lo;
  const ys = points.map((p) => p.y);
  const y0 = Math.max(0, Math.floor(Math.min(...ys) / 10) * 10);
  const y1 = Math.max(y0 + 10, Math.ceil(Math.max(...ys) / 10) * 10);
  const xTicks: number[] = [];
  for (let e = x0; e <= hi; e++) xTicks.push(10 ** e);
  const yTicks: number[] = [];
  for (let v = y0; v <= y1; v += 10) yTicks.push(v);
  return {
    x: (v) => M.left + ((Math.log10(v) - x0) / (hi - x0)) * PLOT_W,
    y: (v) => M.top + PLOT_H - ((v - y0) / (y1 - y0)) * PLOT_H,
    xTicks,
    yTicks,
  };
}

function describe(p: ScatterPoint, frontier: ReadonlySet<ScatterPoint>, yours: ReadonlySet<string>): string {
  const onFrontier = frontier.has(p);
  const mine = yours.has(p.model.id.toLowerCase());
  const args = [`${p.model.name} (${p.model.id})`, formatPrice(p.x), formatIndex(p.y), regionLabel(p.model.region)] as const;
  if (onFrontier && mine) return l10n.t('{0}: {1} blended per 1M, coding index {2}, {3}, on the value frontier, one of your models.', ...args);
  if (onFrontier) return l10n.t('{0}: {1} blended per 1M, coding index {2}, {3}, on the value frontier.', ...args);
  if (mine) return l10n.t('{0}: {1} blended per 1M, coding index {2}, {3}, one of your models.', ...args);
  return l10n.t('{0}: {1} blended per 1M, coding index {2}, {3}.', ...args);
}

/** The legend's name for a region's marker shape. */
function shapeLabel(region: Region): string {
  switch (REGION_SHAPES[region]) {
    case 'circle':
      return l10n.t('circle');
    case 'square':
      return l10n.t('square');
    case 'triangle':
      return l10n.t('triangle');
    case 'diamond':
      return l10n.t('diamond');
    case 'cross':
      return l10n.t('cross');
  }
}

/** Price against coding index; keyboard users walk the points with the arrow keys, and a table repeats it all. */
export function PriceQualityScatter({ snapshot, yours }: { snapshot: Snapshot; yours: ReadonlySet<string> }): ReactElement {
  const models = snapshot.catalog?.models;
  const { points, free, unknown } = useMemo(() => scatterPoints(models ?? []), [models]);
  const ordered = useMemo(() => [...points].sort((a, b) => a.x - b.x || b.y - a.y), [points]);
  const frontier = useMemo(() => valueFrontier(points), [points]);
  const frontierSet = useMemo(() => new Set(frontier), [frontier]);
  const [active, setActive] = useState<number | null>(null);
  const helpId = useId();
  const current = active !== null ? ordered[active] : undefined;

  if (!models) {
    return (
      <Section id="scatter" title={l10n.t('Price vs coding quality')}>
        <ProgressRing label={l10n.t('Loading the catalog…')} />
      </Section>
    );
  }
  if (!points.length) {
    return (
      <Section id="scatter" title={l10n.t('Price vs coding quality')}>
        <p className="mr-muted">{l10n.t('No model has both a known price and a coding index.')}</p>
      </Section>
    );
  }
  const s = scales(points);
  const onKey = (e: KeyboardEvent<SVGSVGElement>): void => {
    const last = ordered.length - 1;
    const at = active ?? -1;
    let next: number | null = null;
    if (e.key === 'ArrowRight' || e.key === 'ArrowUp') next = Math.min(last, at + 1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') next = Math.max(0, at - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = last;
    else if (e.key === 'Escape') next = null;
    else return;
    e.preventDefault();
    setActive(next);
  };
  // Your models are labelled, and the hovered or focused point; each label goes where it collides with nothing.
  const radius = (p: ScatterPoint): number => (yours.has(p.model.id.toLowerCase()) ? 5.5 : 3.5) + 1;
  const wanted = ordered.filter((p, i) => i === active || yours.has(p.model.id.toLowerCase()));
  wanted.sort((a, b) => (a === current ? -1 : b === current ? 1 : 0));
  const labels = placeLabels(
    wanted.map((p) => ({ key: p.model.id, text: p.model.name.replace(/^[^:]+:\s*/, ''), x: s.x(p.x), y: s.y(p.y) })),
    ordered.map((p) => ({ x: s.x(p.x), y: s.y(p.y), r: radius(p) })),
    { x0: M.left, y0: 0, x1: W, y1: M.top + PLOT_H },
  );
  const frontierPath = frontier.map((p, i) => `${i ? 'L' : 'M'} ${s.x(p.x).toFixed(1)} ${s.y(p.y).toFixed(1)}`).join(' ');

  return (
    <Section id="scatter" title={l10n.t('Price vs coding quality')} className="mr-scatter">
      <p className="mr-muted" id={helpId}>
        {l10n.t(
          'Across: blended price per 1M tokens = (3 × input + output) ÷ 4, log scale. Up: coding index. The dashed line is the value frontier: no model is both cheaper and better.',
        )}{' '}
        {free || unknown ? `${l10n.t('Not plotted: {0} free, {1} without a price or coding index.', formatCount(free), formatCount(unknown))} ` : ''}
        {l10n.t('Focus the chart and use the arrow keys to step through models by price.')}
      </p>
      <svg
        className="mr-chart-svg mr-scatter-svg"
        viewBox={`0 0 ${W} ${H}`}
        role="group"
        aria-label={l10n.t('Price versus coding index scatter plot')}
        aria-describedby={helpId}
        tabIndex={0}
        onKeyDown={onKey}
        onMouseLeave={() => setActive(null)}
      >
        {s.yTicks.map((t) => (
          <g key={`y${t}`}>
            <line className="mr-grid" x1={M.left} x2={W - M.right} y1={s.y(t)} y2={s.y(t)} />
            <text className="mr-axis-label" x={M.left - 6} y={s.y(t) + 3} textAnchor="end">
              {t}
            </text>
          </g>
        ))}
        {s.xTicks.map((t) => (
          <g key={`x${t}`}>
            <line className="mr-grid" x1={s.x(t)} x2={s.x(t)} y1={M.top} y2={M.top + PLOT_H} />
            <text className="mr-axis-label" x={s.x(t)} y={M.top + PLOT_H + 14} textAnchor="middle">
              {formatPrice(t)}
            </text>
          </g>
        ))}
        <text className="mr-axis-title" x={M.left + PLOT_W / 2} y={H - 4} textAnchor="middle">
          {l10n.t('Blended $ per 1M tokens (log)')}
        </text>
        <text className="mr-axis-title" transform={`translate(11 ${M.top + PLOT_H / 2}) rotate(-90)`} textAnchor="middle">
          {l10n.t('Coding index')}
        </text>
        <path className="mr-frontier" d={frontierPath} />
        {ordered.map((p, i) => {
          const mine = yours.has(p.model.id.toLowerCase());
          return (
            <path
              key={p.model.id}
              className={['mr-point', `mr-fill-${p.model.region}`, `mr-stroke-${p.model.region}`, mine ? 'mr-point-yours' : '', i === active ? 'mr-point-active' : ''].filter(Boolean).join(' ')}
              d={shapePath(p.model.region, mine ? 5.5 : 3.5)}
              transform={`translate(${s.x(p.x).toFixed(1)} ${s.y(p.y).toFixed(1)})`}
              onMouseEnter={() => setActive(i)}
            >
              <title>{describe(p, frontierSet, yours)}</title>
            </path>
          );
        })}
        {labels.map((l) => (
          <text key={`label-${l.key}`} className="mr-point-label" x={l.x} y={l.y} textAnchor={l.anchor}>
            {l.text}
          </text>
        ))}
      </svg>
      <p className="mr-chart-readout" aria-live="polite">
        {current ? describe(current, frontierSet, yours) : l10n.t('Hover or focus a point to see the model.')}
      </p>
      <ul className="mr-legend mr-legend-inline" aria-label={l10n.t('Legend')}>
        {LEGEND_REGIONS.map((r) => (
          <li key={r}>
            <LegendSwatch region={r} />
            {l10n.t('{0} ({1})', regionLabel(r), shapeLabel(r))}
          </li>
        ))}
        <li>
          <svg width="12" height="12" viewBox="-6 -6 12 12" aria-hidden="true" focusable="false">
            <path className="mr-point-yours mr-fill-OTHER" d={shapePath('OTHER', 4)} />
          </svg>
          {l10n.t('Your models (large, labelled)')}
        </li>
        <li>
          <svg width="16" height="12" aria-hidden="true" focusable="false">
            <line className="mr-frontier" x1="0" x2="16" y1="6" y2="6" />
          </svg>
          {l10n.t('Value frontier')}
        </li>
      </ul>
      <LazyDetails className="mr-table-alt" summary={l10n.t('Show the plotted models as a table')}>
        {() => (
          <table className="mr-table">
            <thead>
              <tr>
                <th scope="col">{l10n.t('Model')}</th>
                <th scope="col">{l10n.t('Region')}</th>
                <th scope="col" className="mr-num">
                  {l10n.t('Blended $/1M')}
                </th>
                <th scope="col" className="mr-num">
                  {l10n.t('Coding index')}
                </th>
                <th scope="col">{l10n.t('Frontier')}</th>
              </tr>
            </thead>
            <tbody>
              {ordered.map((p) => (
                <tr key={p.model.id} className={yours.has(p.model.id.toLowerCase()) ? 'mr-yours' : undefined}>
                  <th scope="row">
                    {p.model.name}
                    {yours.has(p.model.id.toLowerCase()) ? ` ${l10n.t('(yours)')}` : ''}
                  </th>
                  <td>{regionLabel(p.model.region)}</td>
                  <td className="mr-num">{formatPrice(p.x)}</td>
                  <td className="mr-num">{formatIndex(p.y)}</td>
                  <td>{frontierSet.has(p) ? l10n.t('yes') : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LazyDetails>
    </Section>
  );
}
