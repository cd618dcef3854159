// The axes the line charts share (daily tokens by region, weekly shares): horizontal grid lines with their labels
// on the left, and date labels along the bottom, about `maxLabels` of them plus the last.
import type { ReactElement } from 'react';

export interface ChartFrame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export function ChartAxes(props: {
  frame: ChartFrame;
  /** Grid values, each drawn at y(value) and labelled with yLabel(value). */
  ticks: readonly number[];
  y: (value: number) => number;
  yLabel: (value: number) => string;
  /** One label per point along the x axis (a date already formatted), with a stable key. */
  points: readonly { key: string; label: string }[];
  x: (index: number) => number;
  maxLabels: number;
}): ReactElement {
  const { frame, ticks, y, yLabel, points, x, maxLabels } = props;
  const { width, height, margin } = frame;
  const every = Math.max(1, Math.ceil(points.length / maxLabels));
  return (
    <>
      {ticks.map((t) => (
        <g key={t}>
          <line className="mr-grid" x1={margin.left} x2={width - margin.right} y1={y(t)} y2={y(t)} />
          <text className="mr-axis-label" x={margin.left - 6} y={y(t) + 3} textAnchor="end">
            {yLabel(t)}
          </text>
        </g>
      ))}
      {points.map((p, i) =>
        i % every === 0 || i === points.length - 1 ? (
          <text key={p.key} className="mr-axis-label" x={x(i)} y={height - 8} textAnchor="middle">
            {p.label}
          </text>
        ) : null,
      )}
    </>
  );
}
