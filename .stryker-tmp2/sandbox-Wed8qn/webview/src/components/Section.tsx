import { useId, useSyncExternalStore, type ReactElement, type ReactNode } from 'react';
import { useServices } from '../data';
import type { SectionId } from '../uiState';
import { ErrorBoundary } from './ErrorBoundary';

interface SectionProps {
  id: SectionId;
  title: string;
  /** A short figure shown next to the title, readable while collapsed. */
  summary?: ReactNode;
  children: ReactNode;
  className?: string;
}

/** A collapsible section whose open/closed state survives reloads, with its own error boundary. */
export function Section({ id, title, summary, children, className }: SectionProps): ReactElement {
  const { store } = useServices();
  const collapsed = useSyncExternalStore(store.subscribe, () => store.get().collapsed[id] === true);
  const bodyId = useId();
  const toggle = (): void => store.update((s) => ({ ...s, collapsed: { ...s.collapsed, [id]: !collapsed } }));
  return (
    <section className={['mr-section', className].filter(Boolean).join(' ')} aria-label={title} data-section={id}>
      <h2 className="mr-section-header">
        <button type="button" className="mr-section-toggle" aria-expanded={!collapsed} aria-controls={bodyId} onClick={toggle}>
          <span className="mr-chevron" aria-hidden="true">
            {collapsed ? '▸' : '▾'}
          </span>
          <span className="mr-section-title">{title}</span>
          {summary ? <span className="mr-section-summary">{summary}</span> : null}
        </button>
      </h2>
      <div id={bodyId} className="mr-section-body" hidden={collapsed}>
        {collapsed ? null : <ErrorBoundary name={title}>{children}</ErrorBoundary>}
      </div>
    </section>
  );
}
