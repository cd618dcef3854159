import type { ReactElement } from 'react';

/** Codicon-like 16px line icons drawn inline (no icon font: the CSP allows no remote fonts, and four paths are cheaper). */
const PATHS = {
  swap: 'M2.5 5.5h10M10 3l2.5 2.5L10 8M13.5 10.5h-10M6 8l-2.5 2.5L6 13',
  copy: 'M5.5 5.5h8v8h-8zM10.5 5.5v-3h-8v8h3',
  external: 'M9.5 2.5h4v4M13.5 2.5L7.5 8.5M11.5 9.5v4h-9v-9h4',
  chevron: 'M4 6l4 4 4-4',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, className }: { name: IconName; className?: string }): ReactElement {
  return (
    <svg className={['mr-icon', className].filter(Boolean).join(' ')} width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="1.2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

interface IconButtonProps {
  icon: IconName;
  /** Accessible name; also the tooltip unless `title` says it more briefly. */
  label: string;
  title?: string;
  onClick: () => void;
  disabled?: boolean;
  expanded?: boolean;
  controls?: string;
  className?: string;
}

/** A 22px toolbar button like those in VS Code's view title bars. */
export function IconButton({ icon, label, title, onClick, disabled, expanded, controls, className }: IconButtonProps): ReactElement {
  return (
    <button
      type="button"
      className={['mr-icon-button', className].filter(Boolean).join(' ')}
      aria-label={label}
      title={title ?? label}
      aria-expanded={expanded}
      aria-controls={controls}
      disabled={disabled}
      onClick={onClick}
    >
      <Icon name={icon} />
    </button>
  );
}
