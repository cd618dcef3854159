// The frame every view shares: data from the host, notices, the wait for `init`. What a view renders inside it
// comes from its own entry (webview/src/views/*), so the sidebar's bundle never carries the dashboard's code.
import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import type { ViewKind, WebviewSettings } from '../../src/shared/protocol';
import type { ReferencesView, Snapshot } from '../../src/shared/types';
import { Banners } from './components/Banners';
import { ErrorBoundary } from './components/ErrorBoundary';
import { DataProvider, HostSync, useReferences, useRequestInitialData, useSettings, useSnapshot, type AppServices } from './data';
import { DEFAULT_SETTINGS } from './model/intake';
import * as l10n from './l10n';

export interface ViewBodyProps {
  snapshot: Snapshot;
  references: ReferencesView | undefined;
  settings: WebviewSettings;
  /** Call once the view's first content (the sidebar's Leaders) shows data. */
  onFirstContent: () => void;
}

export type ViewBody = (view: ViewKind, props: ViewBodyProps) => ReactElement;

export interface ShellProps {
  services: AppServices;
  /** From the page's data-view; the init push may confirm or correct it. */
  initialView: ViewKind;
  /** Reported once, when the view's first content shows data (the e2e first-content metric). */
  onFirstContent?: () => void;
  body: ViewBody;
}

export function Shell({ services, initialView, onFirstContent, body }: ShellProps): ReactElement {
  const [view, setView] = useState<ViewKind>(initialView);
  return (
    <DataProvider services={services}>
      <HostSync onView={setView} />
      <Root view={view} onFirstContent={onFirstContent} body={body} />
    </DataProvider>
  );
}

/** How long to wait for `init` before asking for the data explicitly. */
const INIT_GRACE_MS = 1500;

function Root({ view, onFirstContent, body }: { view: ViewKind; onFirstContent?: () => void; body: ViewBody }): ReactElement {
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
    return <main className={`mr-app mr-${view}`}>{waitedLong ? <p className="mr-muted" role="status">{l10n.t('Waiting for Model Radar…')}</p> : null}</main>;
  }
  return (
    <main className={`mr-app mr-${view}`}>
      <ErrorBoundary name={l10n.t('Notices')}>
        <Banners snapshot={snapshot} />
      </ErrorBoundary>
      {body(view, { snapshot, references, settings, onFirstContent: firstContent })}
    </main>
  );
}
