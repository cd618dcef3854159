import { useEffect, useState, type ReactElement } from 'react';
import type { Snapshot } from '../../../src/shared/types';
import { useServices } from '../data';
import { banners } from '../model/status';
import { CommandButton } from './CommandButton';

/** Errors and staleness as calm state at the top of the view, each with the next step to take. */
export function Banners({ snapshot }: { snapshot: Snapshot }): ReactElement | null {
  const { now } = useServices();
  // Ages ("30 min ago") must move on even when the host has nothing new to push.
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), 60_000);
    return () => clearInterval(timer);
  }, []);
  const list = banners(snapshot, now());
  if (!list.length) return null;
  return (
    <div className="mr-banners">
      {list.map((b) => (
        <div key={b.id} className={`mr-banner mr-banner-${b.severity}`} role={b.severity === 'error' ? 'alert' : 'status'} data-banner={b.id}>
          <div className="mr-banner-text">
            <strong>{b.title}</strong> {b.detail}
          </div>
          {b.actions.length ? (
            <div className="mr-banner-actions">
              {b.actions.map((a) => (
                <CommandButton key={a.command} command={a.command} label={a.label} appearance={b.severity === 'error' && a === b.actions[0] ? 'primary' : 'secondary'} />
              ))}
            </div>
          ) : null}
        </div>
      ))}
    </div>
  );
}
