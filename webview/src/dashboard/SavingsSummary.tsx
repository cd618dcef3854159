import type { ReactElement } from 'react';
import type { ReferencesView, Snapshot } from '../../../src/shared/types';
import { Section } from '../components/Section';
import { PriceAgeNote } from '../components/DataNotes';
import { useAction, useCompare } from '../data';
import { formatChange, formatUsd } from '../../../src/shared/format';
import { buildYourModels, savingFraction, type YourModel } from '../model/derive';
import { Button, ProgressRing } from '../ui/toolkit';
import { NO_SWAP_REASON } from '../model/swapReason';
import { mixLabel, mixNotes, modelNotes } from '../model/workload';
import { t } from '../l10n';

const MAX_LINES = 3;

/** "Switching X → Y on your last-30-day mix ≈ $A → $B (−N%)" for the models you spend most on. */
export function SavingsSummary({ snapshot, references }: { snapshot: Snapshot; references: ReferencesView | undefined }): ReactElement {
  const targets = buildYourModels(snapshot, references)
    .filter((m) => m.model && !m.model.variable)
    .slice(0, MAX_LINES);
  return (
    <Section id="savings" title="Savings">
      {targets.length ? (
        <>
          <ul className="mr-savings">
            {targets.map((t) => (
              <SavingLine key={t.id} target={t} />
            ))}
          </ul>
          <PriceAgeNote snapshot={snapshot} />
          <p className="mr-caveat">
            Estimates at OpenRouter list prices, without provider discounts or BYOK. Quality differs between models, even at a similar coding index: try a
            swap on real work before committing to it.
          </p>
        </>
      ) : (
        <p className="mr-muted">Nothing to compare yet: no model ids in this workspace and no usage history.</p>
      )}
    </Section>
  );
}

function SavingLine({ target }: { target: YourModel }): ReactElement {
  const compare = useCompare(target.id, null, 1);
  const swap = useAction('model/swap');
  const name = target.model?.name ?? target.id;
  if (compare.error) {
    return (
      <li>
        {name}: could not compare ({compare.error.message}). <Button onClick={compare.retry}>Retry</Button>
      </li>
    );
  }
  if (!compare.data) {
    return (
      <li>
        <ProgressRing label={`Comparing ${name}…`} />
      </li>
    );
  }
  const result = compare.data;
  const best = result.alternatives[0];
  const mixName = result.mix.source === 'activity' ? 'your last-30-day mix' : result.mix.source === 'custom' ? 'your custom mix' : mixLabel(result.mix);
  if (!best || result.baseCost === null || !(best.saving > 0)) {
    return (
      <li>
        <strong>{name}</strong>: no cheaper model with a similar or better coding index on {mixName}.
      </li>
    );
  }
  const fraction = savingFraction(result, best);
  const h = result.mix.source === 'history' ? result.mix.history : undefined;
  const notes = [...mixNotes(result), ...modelNotes(best.unpriced, best.name)];
  if (h) {
    return (
      <li>
        {t('Last {0} days on {1} cost {2}; the same tokens on {3} would have cost {4}', h.days, name, formatUsd(h.spend), best.name, formatUsd(best.cost))}
        {fraction !== null ? <span className="mr-saving"> ({t('{0} at list prices', formatChange(-fraction))})</span> : null}
        .
        {target.refs.length ? (
          <>
            {' '}
            <button type="button" className="mr-link" aria-label={`Swap ${target.id} for ${best.id}`} disabled={swap.pending} onClick={() => void swap.run({ modelId: target.id, targetId: best.id })}>
              Swap…
            </button>
          </>
        ) : (
          <span className="mr-muted"> {NO_SWAP_REASON}</span>
        )}
        {notes.map((n) => (
          <span key={n} className="mr-muted mr-unpriced">
            {' '}
            {n}
          </span>
        ))}
        {swap.error ? <span className="mr-inline-error"> {swap.error.message}</span> : swap.result ? <span role="status"> {swap.result.message}</span> : null}
      </li>
    );
  }
  return (
    <li>
      Switching{' '}
      <strong>
        {name} → {best.name}
      </strong>{' '}
      on {mixName} ≈ <span className="mr-num">{formatUsd(result.baseCost)}</span> → <span className="mr-num">{formatUsd(best.cost)}</span>
      {fraction !== null ? <span className="mr-saving"> ({formatChange(-fraction)})</span> : null}
      {target.refs.length ? (
        <>
          {' '}
          <button type="button" className="mr-link" aria-label={`Swap ${target.id} for ${best.id}`} disabled={swap.pending} onClick={() => void swap.run({ modelId: target.id, targetId: best.id })}>
            Swap…
          </button>
        </>
      ) : (
        <span className="mr-muted"> {NO_SWAP_REASON}</span>
      )}
      {swap.error ? <span className="mr-inline-error"> {swap.error.message}</span> : swap.result ? <span role="status"> {swap.result.message}</span> : null}
    </li>
  );
}
