import type { ReactElement } from 'react';
import type { WebviewCommand } from '../../../src/shared/protocol';
import { useAction } from '../data';
import { Button } from '../ui/toolkit';
import * as l10n from '../l10n';

/** Runs one of the host's whitelisted commands (Set key, Retry, Open log...). */
export function CommandButton({ command, label, appearance = 'secondary' }: { command: WebviewCommand; label: string; appearance?: 'primary' | 'secondary' | 'link' }): ReactElement {
  const action = useAction('command/run');
  return (
    <>
      {/* A link where the command is a side remark in running text, so only the main call to action looks like one. */}
      {appearance === 'link' ? (
        <button type="button" className="mr-link" disabled={action.pending} onClick={() => void action.run({ command })}>
          {label}
        </button>
      ) : (
        <Button appearance={appearance} disabled={action.pending} onClick={() => void action.run({ command })}>
          {label}
        </Button>
      )}
      {action.error ? (
        <span className="mr-inline-error" role="alert">
          {l10n.t('{0} failed: {1}', label, action.error.message)}
        </span>
      ) : null}
    </>
  );
}
