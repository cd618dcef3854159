import { useState, type ReactElement, type ReactNode } from 'react';

/** A <details> whose content is built only once opened: a 400-row table alternative costs nothing until asked for. */
export function LazyDetails({ summary, children, className }: { summary: string; children: () => ReactNode; className?: string }): ReactElement {
  const [open, setOpen] = useState(false);
  return (
    <details className={className} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open ? children() : null}
    </details>
  );
}
