// The sidebar's sections: spend, your models, the leaders (its first content), compare.
import type { ReactElement } from 'react';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { ChangesSection } from '../sections/ChangesSection';
import { CompareSection } from '../sections/CompareSection';
import { LeadersSection } from '../sections/LeadersSection';
import { SpendSection } from '../sections/SpendSection';
import { YourModelsSection } from '../sections/YourModelsSection';
import type { ViewBodyProps } from '../Shell';
import * as l10n from '../l10n';

export function SidebarBody({ snapshot, references, settings, onFirstContent }: ViewBodyProps): ReactElement {
  return (
    <>
      <ErrorBoundary name={l10n.t('Spend')}>
        <SpendSection snapshot={snapshot} settings={settings} />
      </ErrorBoundary>
      <ErrorBoundary name={l10n.t('Your models')}>
        <YourModelsSection snapshot={snapshot} references={references} />
      </ErrorBoundary>
      <ErrorBoundary name={l10n.t('Changes')}>
        <ChangesSection />
      </ErrorBoundary>
      <ErrorBoundary name={l10n.t('Leaders')}>
        <LeadersSection snapshot={snapshot} settings={settings} onContent={onFirstContent} />
      </ErrorBoundary>
      <ErrorBoundary name={l10n.t('Compare')}>
        <CompareSection snapshot={snapshot} references={references} />
      </ErrorBoundary>
    </>
  );
}
