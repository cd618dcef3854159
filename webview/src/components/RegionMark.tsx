import type { ReactElement } from 'react';
import type { Region } from '../../../src/shared/types';
import { regionLabel } from '../../../src/shared/format';
import { regionCode, shapePath } from '../model/regionWords';

/** Shapes per region, so colour is never the only cue (also used by the charts' legends). */
export const REGION_SHAPES: Record<Region, 'circle' | 'square' | 'triangle' | 'diamond' | 'cross'> = {
  CN: 'circle',
  US: 'square',
  EU: 'triangle',
  OTHER: 'diamond',
  UNKNOWN: 'cross',
};

export { shapePath } from '../model/regionWords';

/**
 * A small region marker (shape + colour) followed by the region's name in text; `short` prints the
 * code (CN, US, EU) where a row has no room for the name, which stays in the tooltip and for screen readers.
 */
export function RegionMark({ region, showLabel = true, short = false }: { region: Region; showLabel?: boolean; short?: boolean }): ReactElement {
  const label = regionLabel(region);
  const code = short ? regionCode(region) : undefined;
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
