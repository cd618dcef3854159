// Both views in one component (tests and the jsdom bench render either). The shipped bundles do not use it:
// each view has its own entry (webview/src/views/*Entry.tsx) that carries only its own body.
import type { ReactElement } from 'react';
import type { ViewKind } from '../../src/shared/protocol';
import type { AppServices } from './data';
import { Shell, type ViewBodyProps } from './Shell';
import { DashboardBody } from './views/DashboardBody';
import { SidebarBody } from './views/SidebarBody';

export interface AppProps {
  services: AppServices;
  /** From the page's data-view; the init push may confirm or correct it. */
  initialView: ViewKind;
  /** Reported once, when the Leaders section first shows data (the e2e first-content metric). */
  onFirstContent?: () => void;
}

const bothViews = (view: ViewKind, props: ViewBodyProps): ReactElement => (view === 'dashboard' ? <DashboardBody {...props} /> : <SidebarBody {...props} />);

export function App(props: AppProps): ReactElement {
  return <Shell {...props} body={bothViews} />;
}
