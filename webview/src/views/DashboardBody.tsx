// The dashboard panel's body.
import type { ReactElement } from 'react';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { Dashboard } from '../dashboard/Dashboard';
import type { ViewBodyProps } from '../Shell';
import * as l10n from '../l10n';

export function DashboardBody({ snapshot, references }: ViewBodyProps): ReactElement {
  return (
    <ErrorBoundary name={l10n.t('Dashboard')}>
      <Dashboard snapshot={snapshot} references={references} />
    </ErrorBoundary>
  );
}
