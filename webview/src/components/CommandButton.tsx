import type { ReactElement } from 'react';
import type { WebviewCommand } from '../../../src/shared/protocol';
import { useAction } from '../data';
import { Button } from '../ui/toolkit';

/** Runs one of the host's whitelisted commands (Set key, Retry, Open log...). */
export function CommandButton({ command, label, appearance = 'secondary' }: { command: WebviewCommand; label: string; appearance?: 'primary' | 'secondary' }): ReactElement {
  const action = useAction('command/run');
  return (
    <>
      <Button appearance={appearance} disabled={action.pending} onClick={() => void action.run({ command })}>
        {label}
      </Button>
      {action.error ? (
        <span className="mr-inline-error" role="alert">
          {label} failed: {action.error.message}
        </span>
      ) : null}
    </>
  );
}
