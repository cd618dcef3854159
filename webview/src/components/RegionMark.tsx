import type { ReactElement } from 'react';
import type { Region } from '../../../src/shared/types';
import { regionLabel } from '../../../src/shared/format';
import * as l10n from '../l10n';

/** Shapes per region, so colour is never the only cue (also used by the charts' legends). */
export const REGION_SHAPES: Record<Region, 'circle' | 'square' | 'triangle' | 'diamond' | 'cross'> = {
  CN: 'circle',
  US: 'square',
  EU: 'triangle',
  OTHER: 'diamond',
  UNKNOWN: 'cross',
};

/** An SVG marker path centred on (0,0) with radius r. */
export function shapePath(region: Region, r: number): string {
  switch (REGION_SHAPES[region]) {
    case 'circle':
      return `M ${-r} 0 A ${r} ${r} 0 1 0 ${r} 0 A ${r} ${r} 0 1 0 ${-r} 0 Z`;
    case 'square':
      return `M ${-r} ${-r} H ${r} V ${r} H ${-r} Z`;
    case 'triangle':
      return `M 0 ${-r * 1.15} L ${r * 1.1} ${r * 0.85} L ${-r * 1.1} ${r * 0.85} Z`;
    case 'diamond':
      return `M 0 ${-r * 1.25} L ${r * 1.25} 0 L 0 ${r * 1.25} L ${-r * 1.25} 0 Z`;
    case 'cross':
      return `M ${-r} ${-r} L ${r} ${r} M ${r} ${-r} L ${-r} ${r}`;
  }
}

/** Short forms, in the UI language (Chinese names are already short: 中国, 美国, 欧洲, so the full name shows). */
const SHORT: Partial<Record<Region, () => string>> = { CN: () => l10n.t('CN'), US: () => l10n.t('US'), EU: () => l10n.t('EU') };

/**
 * A small region marker (shape + colour) followed by the region's name in text; `short` prints the
 * code (CN, US, EU) where a row has no room for the name, which stays in the tooltip and for screen readers.
 */
export function RegionMark({ region, showLabel = true, short = false }: { region: Region; showLabel?: boolean; short?: boolean }): ReactElement {
  const label = regionLabel(region);
  const shortForm = SHORT[region]?.();
  const code = short && shortForm !== label ? shortForm : undefined;
  return (
    <span className="mr-region" title={label}>
      <svg className="mr-region-icon" width="10" height="10" viewBox="-6 -6 12 12" aria-hidden="true" focusable="false">
        <path className={`mr-fill-${region} mr-stroke-${region}`} d={shapePath(region, 4.5)} />
      </svg>
      {!showLabel ? (
        <span className="mr-visually-hidden">{label}</span>
      ) : code ? (
        <>
          <span className="mr-region-label" aria-hidden="true">
            {code}
          </span>
          <span className="mr-visually-hidden">{label}</span>
        </>
      ) : (
        <span className="mr-region-label">{label}</span>
      )}
    </span>
  );
}

/** A chart legend's marker for a region: the same shape and colour as the chart's points and lines. */
export function LegendSwatch({ region, className = '' }: { region: Region; className?: string }): ReactElement {
  return (
    <svg width="12" height="12" viewBox="-6 -6 12 12" aria-hidden="true" focusable="false">
      <path className={`${className ? `${className} ` : ''}mr-fill-${region} mr-stroke-${region}`} d={shapePath(region, 4)} />
    </svg>
  );
}

/** The line charts' legend: one entry per region drawn, marker and name. */
export function RegionLegend({ regions }: { regions: readonly Region[] }): ReactElement {
  return (
    <ul className="mr-legend mr-legend-inline">
      {regions.map((reg) => (
        <li key={reg}>
          <LegendSwatch region={reg} />
          {regionLabel(reg)}
        </li>
      ))}
    </ul>
  );
}
