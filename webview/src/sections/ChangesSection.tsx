// The catalog watch's "Changes" list: what changed for the models the workspace names or the key used
// (price, retirement date, context, removal), newest first, each side through the shared formatter.
import type { ReactElement } from 'react';
import type { WatchChange, WatchChangeKind, WatchView } from '../../../src/shared/types';
import { formatCount, formatDay, formatWatchSides } from '../../../src/shared/format';
import { Section } from '../components/Section';
import { useWatch } from '../data';
import * as l10n from '../l10n';

const KINDS: readonly WatchChangeKind[] = ['price', 'expiration', 'context', 'removed'];

function kindLabel(kind: WatchChangeKind): string {
  switch (kind) {
    case 'price':
      return l10n.t('Price');
    case 'expiration':
      return l10n.t('Retirement date');
    case 'context':
      return l10n.t('Context');
    case 'removed':
      return l10n.t('Removed');
  }
}

function ChangeItem({ change }: { change: WatchChange }): ReactElement {
  const sides = formatWatchSides(change);
  const what = sides.to === null ? l10n.t('{0}: left the catalog (was {1})', kindLabel(change.kind), sides.from) : l10n.t('{0}: {1} → {2}', kindLabel(change.kind), sides.from, sides.to);
  return (
    <li className="mr-change" aria-label={change.modelId} data-kind={change.kind}>
      <span className="mr-change-date">{formatDay(change.at)}</span> <code className="mr-change-model">{change.modelId}</code>
      <div className="mr-change-what">{what}</div>
    </li>
  );
}

/** Only what this version can render: a newer host's unknown kind of change is left out, not shown wrong. */
function readable(view: WatchView): WatchChange[] {
  return view.changes.filter((c) => KINDS.includes(c.kind));
}

export function ChangesSection(): ReactElement | null {
  const view = useWatch();
  if (view === undefined) return null;
  const changes = readable(view);
  return (
    <Section id="changes" title={l10n.t('Changes')} summary={changes.length ? formatCount(changes.length) : undefined}>
      {view.note ? <p className="mr-note">{view.note}</p> : null}
      {changes.length ? (
        <ul className="mr-change-list">
          {changes.map((c) => (
            <ChangeItem key={c.seq} change={c} />
          ))}
        </ul>
      ) : (
        <p className="mr-muted">
          {view.since === null
            ? l10n.t('Prices, retirement dates and removals of the models you use are watched from the first live catalog on.')
            : l10n.t('No changes to the {0} models you use since {1}.', formatCount(view.watching), formatDay(view.since, true))}
        </p>
      )}
    </Section>
  );
}
