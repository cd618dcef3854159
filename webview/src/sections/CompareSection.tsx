import { useState, useSyncExternalStore, type ReactElement } from 'react';
import type { Alternative, CompareResult, ReferencesView, Snapshot, TokenMix } from '../../../src/shared/types';
import { RegionMark } from '../components/RegionMark';
import { SwapOutcome } from '../components/SwapOutcome';
import { Section } from '../components/Section';
import { PriceAgeNote } from '../components/DataNotes';
import { useAction, useCompare, useServices } from '../data';
import { formatChange, formatCount, formatIndex, formatTokens, formatUsd, parseTokenInput } from '../../../src/shared/format';
import { noSwapReason } from '../model/swapReason';
import { Rich } from '../components/Rich';
import { buildYourModels, savingFraction, type YourModel } from '../model/derive';
import type { MixInput } from '../uiState';
import { mixLabel, mixNotes, modelNotes } from '../model/workload';
import * as l10n from '../l10n';
import { Button, Dropdown, ProgressRing, TextField } from '../ui/toolkit';
import { allowedCheckNote, allowedRevision, notAllowedLabel, notAllowedReason } from '../../../src/shared/allowed';

const LIMIT = 5;


export function CompareSection({ snapshot, references }: { snapshot: Snapshot; references: ReferencesView | undefined }): ReactElement {
  const { store } = useServices();
  const ui = useSyncExternalStore(store.subscribe, store.get);
  const candidates = buildYourModels(snapshot, references).filter((m) => m.model && !m.model.variable);
  const chosen = candidates.find((c) => c.id === ui.compareModel) ?? candidates[0] ?? null;
  const compare = useCompare(chosen?.id ?? null, ui.customMix, LIMIT, allowedRevision(snapshot.allowedModels));
  const choose = (id: string): void => store.update((s) => ({ ...s, compareModel: id }));
  const setMix = (mix: MixInput | null): void => store.update((s) => ({ ...s, customMix: mix }));
  return (
    <Section id="compare" title={l10n.t('Compare')}>
      {!chosen ? (
        <p className="mr-muted">{l10n.t('Reference an OpenRouter model in your config files, or use one with your key, to compare it with cheaper options.')}</p>
      ) : (
        <>
          <PriceAgeNote snapshot={snapshot} />
          <div className="mr-field">
            <span className="mr-field-label">{l10n.t('Model')}</span>
            <Dropdown label={l10n.t('Model to compare')} value={chosen.id} options={candidates.map((c) => ({ value: c.id, label: c.model?.name ?? c.id }))} onChange={choose} />
          </div>
          {compare.error ? (
            <div className="mr-inline-error" role="alert">
              <p>{l10n.t('Could not compare: {0}', compare.error.message)}</p>
              <Button onClick={compare.retry}>{l10n.t('Retry')}</Button>
            </div>
          ) : !compare.data ? (
            <ProgressRing label={l10n.t('Finding cheaper alternatives…')} />
          ) : (
            <CompareResultView result={compare.data} chosen={chosen} custom={ui.customMix} onMix={setMix} updating={compare.loading} allowedNote={allowedCheckNote(snapshot.allowedModels)} />
          )}
        </>
      )}
    </Section>
  );
}

function CompareResultView({ result, chosen, custom, onMix, updating, allowedNote }: { result: CompareResult; chosen: YourModel; custom: MixInput | null; onMix: (m: MixInput | null) => void; updating: boolean; allowedNote: string | null }): ReactElement {
  const name = chosen.model?.name ?? chosen.id;
  // Core lists the models the key may use first; the ones it may not follow, apart and marked, never offered.
  const usable = result.alternatives.filter((a) => a.notAllowed !== true);
  const excluded = result.alternatives.filter((a) => a.notAllowed === true);
  return (
    <div className={updating ? 'mr-compare mr-updating' : 'mr-compare'} aria-busy={updating}>
      <MixEditor mix={custom ?? result.mix} source={custom ? 'custom' : result.mix.source} onMix={onMix} />
      {result.mix.source === 'history' && result.mix.history && !custom ? (
        <p className="mr-workload">
          {l10n.t('Last {0} days on {1} cost {2}; the same tokens at today’s list price cost {3} there.', result.mix.history.days, name, formatUsd(result.mix.history.spend), result.baseCost === null ? l10n.t('an unknown amount (price varies)') : formatUsd(result.baseCost))}
        </p>
      ) : (
        <p>
          <Rich
            text={l10n.t('On {0} this mix costs {1}.')}
            args={[<strong key="name">{name}</strong>, <strong key="cost" className="mr-num">{result.baseCost === null ? l10n.t('an unknown amount (price varies)') : formatUsd(result.baseCost)}</strong>]}
          />
        </p>
      )}
      {[...mixNotes(result), ...modelNotes(result.baseUnpriced, name)].map((n) => (
        <p key={n} className="mr-muted mr-unpriced">
          {n}
        </p>
      ))}
      {result.alternatives.length && !chosen.refs.length ? <p className="mr-muted">{noSwapReason()}</p> : null}
      {usable.length ? (
        <ul className="mr-alternatives" aria-label={l10n.t('Cheaper alternatives to {0}', name)}>
          {usable.map((alt) => (
            <AlternativeItem key={alt.id} result={result} alt={alt} chosen={chosen} />
          ))}
        </ul>
      ) : excluded.length ? (
        <p className="mr-muted">{l10n.t('No cheaper model with a similar or better coding index that this key may use.')}</p>
      ) : (
        <p className="mr-muted">{l10n.t('No cheaper model with a similar or better coding index.')}</p>
      )}
      {excluded.length ? (
        <ul className="mr-alternatives mr-not-allowed-list" aria-label={l10n.t('Cheaper, but not allowed by this key’s settings')}>
          {excluded.map((alt) => (
            <NotAllowedItem key={alt.id} alt={alt} />
          ))}
        </ul>
      ) : null}
      {allowedNote ? <p className="mr-muted mr-allowed-note">{allowedNote}</p> : null}
      <p className="mr-caveat">{l10n.t('List prices; quality differs between models even at a similar coding index.')}</p>
    </div>
  );
}

function AlternativeItem({ result, alt, chosen }: { result: CompareResult; alt: Alternative; chosen: YourModel }): ReactElement {
  const swap = useAction('model/swap');
  const fraction = savingFraction(result, alt);
  return (
    <li className="mr-alternative">
      <div className="mr-model-head">
        <span className="mr-model-name" title={`${alt.name}\n${alt.id}`}>
          {alt.name}
        </span>
        {chosen.refs.length ? (
          <button type="button" className="mr-link mr-alt-swap" aria-label={l10n.t('Swap {0} for {1}', chosen.id, alt.id)} disabled={swap.pending} onClick={() => void swap.run({ modelId: chosen.id, targetId: alt.id })}>
            {l10n.t('Swap…')}
          </button>
        ) : null}
      </div>
      <p className="mr-model-meta">
        <span className="mr-num">{formatUsd(alt.cost)}</span>{' '}
        {Number.isFinite(alt.saving) && alt.saving > 0 ? (
          <span className="mr-saving mr-num">
            {fraction !== null ? l10n.t('saves {0} ({1})', formatUsd(alt.saving), formatChange(-fraction)) : l10n.t('saves {0}', formatUsd(alt.saving))}
          </span>
        ) : (
          <span>{l10n.t('no saving')}</span>
        )}
        {' · '}
        <RegionMark region={alt.region} short /> · {l10n.t('coding {0}', formatIndex(alt.codingIndex))}
      </p>
      {result.mix.source === 'history' && result.mix.history ? (
        <p className="mr-muted mr-workload">{l10n.t('The same tokens on {0} would have cost {1}.', alt.name, formatUsd(alt.cost))}</p>
      ) : null}
      {modelNotes(alt.unpriced, alt.name).map((n) => (
        <p key={n} className="mr-muted mr-unpriced">
          {n}
        </p>
      ))}
      <SwapOutcome swap={swap} />
    </li>
  );
}

/** A cheaper model the key may not use: its figures for reference, marked, and no Swap. */
function NotAllowedItem({ alt }: { alt: Alternative }): ReactElement {
  return (
    <li className="mr-alternative mr-not-allowed">
      <div className="mr-model-head">
        <span className="mr-model-name" title={`${alt.name}\n${alt.id}`}>
          {alt.name}
        </span>
        <span className="mr-tag" title={notAllowedReason()}>
          {notAllowedLabel()}
        </span>
      </div>
      <p className="mr-model-meta">
        <span className="mr-num">{formatUsd(alt.cost)}</span> · <RegionMark region={alt.region} short /> · {l10n.t('coding {0}', formatIndex(alt.codingIndex))}
      </p>
      <p className="mr-muted">{notAllowedReason()}</p>
    </li>
  );
}

type MixField = keyof MixInput;
const FIELDS: { key: MixField; label: () => string }[] = [
  { key: 'input', label: () => l10n.t('Input tokens') },
  { key: 'output', label: () => l10n.t('Output tokens') },
  { key: 'cacheRead', label: () => l10n.t('Cache-read tokens') },
];

function MixEditor({ mix, source, onMix }: { mix: MixInput; source: TokenMix['source']; onMix: (m: MixInput | null) => void }): ReactElement {
  const [invalid, setInvalid] = useState<MixField | null>(null);
  const commit = (key: MixField, text: string): void => {
    const n = parseTokenInput(text);
    if (n === null) {
      setInvalid(key);
      return;
    }
    setInvalid(null);
    if (n !== mix[key]) onMix({ input: mix.input, output: mix.output, cacheRead: mix.cacheRead, [key]: n });
  };
  return (
    // Folded to its one-line summary until the user wants to edit it; open while a custom mix is in use.
    <details className="mr-mix" open={source === 'custom' ? true : undefined}>
      <summary>
        <span className="mr-mix-title">{l10n.t('Token mix')}</span>{' '}
        <span className="mr-muted">
          {l10n.t('From {0}: {1} in, {2} out, {3} cache read.', mixLabel({ source, history: mix.history }), formatTokens(mix.input), formatTokens(mix.output), formatTokens(mix.cacheRead))}
          {source === 'default' ? ` ${l10n.t('Add a management key to price your real workload.')}` : ''}
        </span>
      </summary>
      <div className="mr-mix-fields">
        {FIELDS.map((f) => (
          <label key={f.key} className="mr-field">
            <span className="mr-field-label">{f.label()}</span>
            <TextField label={f.label()} value={formatCount(mix[f.key])} inputMode="numeric" invalid={invalid === f.key} onChange={(v) => commit(f.key, v)} />
          </label>
        ))}
      </div>
      {invalid ? (
        <p className="mr-inline-error" role="alert">
          {l10n.t('Enter a whole number of tokens, like 5400000 or 5.4M.')}
        </p>
      ) : null}
      {source === 'custom' ? (
        <Button onClick={() => onMix(null)}>{l10n.t('Reset mix')}</Button>
      ) : null}
    </details>
  );
}
