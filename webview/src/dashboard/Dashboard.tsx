import { useMemo, type ReactElement } from 'react';
import type { ReferencesView, Snapshot } from '../../../src/shared/types';
import { buildYourModels } from '../model/derive';
import { CatalogTable } from './CatalogTable';
import { DailyRegionChart } from './DailyRegionChart';
import { PriceQualityScatter } from './PriceQualityScatter';
import { ProvidersSection } from './ProvidersSection';
import { SavingsSummary } from './SavingsSummary';
import { SpendHistorySection } from './SpendHistorySection';
import { WeeklyTrendChart } from './WeeklyTrendChart';

/** The wide layout: savings first (the answer), then the two charts, then the full catalog. */
export function Dashboard({ snapshot, references }: { snapshot: Snapshot; references: ReferencesView | undefined }): ReactElement {
  const yours = useMemo(() => new Set(buildYourModels(snapshot, references).map((m) => m.id.toLowerCase())), [snapshot, references]);
  return (
    <div className="mr-dash">
      <h1 className="mr-title">Model Radar</h1>
      <SavingsSummary snapshot={snapshot} references={references} />
      <SpendHistorySection snapshot={snapshot} />
      <ProvidersSection snapshot={snapshot} references={references} />
      <div className="mr-dash-grid">
        <PriceQualityScatter snapshot={snapshot} yours={yours} />
        <DailyRegionChart snapshot={snapshot} />
      </div>
      <WeeklyTrendChart snapshot={snapshot} />
      <CatalogTable snapshot={snapshot} yours={yours} />
    </div>
  );
}
