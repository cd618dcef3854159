import type { ReactElement } from 'react';
import type { ReferencesView, Snapshot } from '../../../src/shared/types';
import { Section } from '../components/Section';
import { PriceAgeNote } from '../components/DataNotes';
import { useAction, useCompare, type ActionState } from '../data';
import { SwapOutcome } from '../components/SwapOutcome';
import { formatChange, formatUsd } from '../../../src/shared/format';
import { buildYourModels, savingFraction, type YourModel } from '../model/derive';
import { Button, ProgressRing } from '../ui/toolkit';
import { noSwapReason } from '../model/swapReason';
import { mixLabel, mixNotes, modelNotes } from '../model/workload';
import { Rich } from '../components/Rich';
import * as l10n from '../l10n';
import { allowedCheckNote, allowedRevision, notAllowedLabel, notAllowedReason } from '../../../src/shared/allowed';

const MAX_LINES = 3;

/** "Switching X → Y on your last-30-day mix ≈ $A → $B (−N%)" for the models you spend most on. */
export function SavingsSummary({ snapshot, references }: { snapshot: Snapshot; references: ReferencesView | undefined }): ReactElement {
  const targets = buildYourModels(snapshot, references)
    .filter((m) => m.model && !m.model.variable)
    .slice(0, MAX_LINES);
  return (
    <Section id="savings" title={l10n.t('Savings')}>
      {targets.length ? (
        <>
          <ul className="mr-savings">
            {targets.map((t) => (
              <SavingLine key={t.id} target={t} revision={allowedRevision(snapshot.allowedModels)} />
            ))}
          </ul>
          <PriceAgeNote snapshot={snapshot} />
          {allowedCheckNote(snapshot.allowedModels) ? <p className="mr-muted mr-allowed-note">{allowedCheckNote(snapshot.allowedModels)}</p> : null}
          <p className="mr-caveat">
            {l10n.t(
              'Estimates at OpenRouter list prices, without provider discounts or BYOK. Quality differs between models, even at a similar coding index: try a swap on real work before committing to it.',
            )}
          </p>
        </>
      ) : (
        <p className="mr-muted">{l10n.t('Nothing to compare yet: no model ids in this workspace and no usage history.')}</p>
      )}
    </Section>
  );
}

function SavingLine({ target, revision }: { target: YourModel; revision: string }): ReactElement {
  const compare = useCompare(target.id, null, 1, revision);
  const swap = useAction('model/swap');
  const name = target.model?.name ?? target.id;
  if (compare.error) {
    return (
      <li>
        {l10n.t('{0}: could not compare ({1}).', name, compare.error.message)} <Button onClick={compare.retry}>{l10n.t('Retry')}</Button>
      </li>
    );
  }
  if (!compare.data) {
    return (
      <li>
        <ProgressRing label={l10n.t('Comparing {0}…', name)} />
      </li>
    );
  }
  const result = compare.data;
  const best = result.alternatives[0];
  const source = result.mix.source;
  if (!best || result.baseCost === null || !(best.saving > 0)) {
    const none =
      source === 'activity'
        ? l10n.t('{0}: no cheaper model with a similar or better coding index on your last-30-day mix.')
        : source === 'custom'
          ? l10n.t('{0}: no cheaper model with a similar or better coding index on your custom mix.')
          : l10n.t('{0}: no cheaper model with a similar or better coding index on {1}.');
    return (
      <li>
        <Rich text={none} args={[<strong key="name">{name}</strong>, mixLabel(result.mix)]} />
      </li>
    );
  }
  if (best.notAllowed === true) {
    // Core puts every model the key may use first: this one leads only when none of them is cheaper.
    return (
      <li>
        <Rich text={l10n.t('{0}: the cheaper {1} is not allowed by this key’s settings, so there is no saving to suggest.')} args={[<strong key="name">{name}</strong>, best.name]} />{' '}
        <span className="mr-tag" title={notAllowedReason()}>
          {notAllowedLabel()}
        </span>
      </li>
    );
  }
  const fraction = savingFraction(result, best);
  const h = result.mix.source === 'history' ? result.mix.history : undefined;
  const notes = [...mixNotes(result), ...modelNotes(best.unpriced, best.name)];
  if (h) {
    return (
      <li>
        {fraction !== null ? (
          <Rich
            text={l10n.t('Last {0} days on {1} cost {2}; the same tokens on {3} would have cost {4} ({5}).')}
            args={[h.days, name, formatUsd(h.spend), best.name, formatUsd(best.cost), <span key="saving" className="mr-saving">{l10n.t('{0} at list prices', formatChange(-fraction))}</span>]}
          />
        ) : (
          l10n.t('Last {0} days on {1} cost {2}; the same tokens on {3} would have cost {4}.', h.days, name, formatUsd(h.spend), best.name, formatUsd(best.cost))
        )}
        <SwapLink target={target} bestId={best.id} swap={swap} />
        {notes.map((n) => (
          <span key={n} className="mr-muted mr-unpriced">
            {' '}
            {n}
          </span>
        ))}
        <SwapOutcome swap={swap} leadingSpace />
      </li>
    );
  }
  return (
    <li>
      <Rich
        text={
          source === 'activity'
            ? l10n.t('Switching {0} on your last-30-day mix ≈ {1} → {2}')
            : source === 'custom'
              ? l10n.t('Switching {0} on your custom mix ≈ {1} → {2}')
              : l10n.t('Switching {0} on {3} ≈ {1} → {2}')
        }
        args={[
          <strong key="swap">
            {name} → {best.name}
          </strong>,
          <span key="from" className="mr-num">
            {formatUsd(result.baseCost)}
          </span>,
          <span key="to" className="mr-num">
            {formatUsd(best.cost)}
          </span>,
          mixLabel(result.mix),
        ]}
      />
      {fraction !== null ? <span className="mr-saving"> ({formatChange(-fraction)})</span> : null}
      <SwapLink target={target} bestId={best.id} swap={swap} />
      <SwapOutcome swap={swap} leadingSpace />
    </li>
  );
}

/** "Swap…" for the model's references in the workspace, or why there is nothing to swap. */
function SwapLink({ target, bestId, swap }: { target: YourModel; bestId: string; swap: ActionState<'model/swap'> }): ReactElement {
  if (!target.refs.length) return <span className="mr-muted"> {noSwapReason()}</span>;
  return (
    <>
      {' '}
      <button type="button" className="mr-link" aria-label={l10n.t('Swap {0} for {1}', target.id, bestId)} disabled={swap.pending} onClick={() => void swap.run({ modelId: target.id, targetId: bestId })}>
        {l10n.t('Swap…')}
      </button>
    </>
  );
}
