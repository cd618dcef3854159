import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import type { ViewKind } from '../../src/shared/protocol';
import { Banners } from './components/Banners';
import { ErrorBoundary } from './components/ErrorBoundary';
import { DataProvider, HostSync, useReferences, useRequestInitialData, useSettings, useSnapshot, type AppServices } from './data';
import { DEFAULT_SETTINGS } from './model/normalize';
import { Dashboard } from './dashboard/Dashboard';
import { CompareSection } from './sections/CompareSection';
import { LeadersSection } from './sections/LeadersSection';
import { SpendSection } from './sections/SpendSection';
import { YourModelsSection } from './sections/YourModelsSection';

export interface AppProps {
  services: AppServices;
  /** From the page's data-view; the init push may confirm or correct it. */
  initialView: ViewKind;
  /** Reported once, when the Leaders section first shows data (the e2e first-content metric). */
  onFirstContent?: () => void;
}

export function App({ services, initialView, onFirstContent }: AppProps): ReactElement {
  const [view, setView] = useState<ViewKind>(initialView);
  return (
    <DataProvider services={services}>
      <HostSync onView={setView} />
      <Root view={view} onFirstContent={onFirstContent} />
    </DataProvider>
  );
}

/** How long to wait for `init` before asking for the data explicitly. */
const INIT_GRACE_MS = 1500;

function Root({ view, onFirstContent }: { view: ViewKind; onFirstContent?: () => void }): ReactElement {
  const snapshot = useSnapshot();
  const references = useReferences();
  const settings = useSettings() ?? DEFAULT_SETTINGS;
  const requestInitialData = useRequestInitialData();
  const [waitedLong, setWaitedLong] = useState(false);
  const reported = useRef(false);
  const firstContent = useCallback(() => {
    if (reported.current) return;
    reported.current = true;
    onFirstContent?.();
  }, [onFirstContent]);
  useEffect(() => {
    if (snapshot) return;
    // Normally init arrives within milliseconds; this only covers a host that missed `ready`.
    const timer = setTimeout(() => {
      setWaitedLong(true);
      requestInitialData();
    }, INIT_GRACE_MS);
    return () => clearTimeout(timer);
  }, [snapshot, requestInitialData]);

  if (!snapshot) {
    // No "loading" flash: the first paint is normally the init data. Only a slow host gets a word.
    return <main className={`mr-app mr-${view}`}>{waitedLong ? <p className="mr-muted" role="status">Waiting for Model Radar…</p> : null}</main>;
  }
  return (
    <main className={`mr-app mr-${view}`}>
      <ErrorBoundary name="Notices">
        <Banners snapshot={snapshot} />
      </ErrorBoundary>
      {view === 'dashboard' ? (
        <ErrorBoundary name="Dashboard">
          <Dashboard snapshot={snapshot} references={references} />
        </ErrorBoundary>
      ) : (
        <>
          <ErrorBoundary name="Spend">
            <SpendSection snapshot={snapshot} settings={settings} />
          </ErrorBoundary>
          <ErrorBoundary name="Your models">
            <YourModelsSection snapshot={snapshot} references={references} />
          </ErrorBoundary>
          <ErrorBoundary name="Leaders">
            <LeadersSection snapshot={snapshot} settings={settings} onContent={firstContent} />
          </ErrorBoundary>
          <ErrorBoundary name="Compare">
            <CompareSection snapshot={snapshot} references={references} />
          </ErrorBoundary>
        </>
      )}
    </main>
  );
}
