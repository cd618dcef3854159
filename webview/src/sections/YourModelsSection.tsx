import { ownWeeklyTokens } from '../../../src/shared/variantTokens';
import { useId, useState, type ReactElement } from 'react';
import type { ModelRefView, ReferencesView, Snapshot } from '../../../src/shared/types';
import { CommandButton } from '../components/CommandButton';
import { IconButton } from '../components/Icon';
import { RegionMark } from '../components/RegionMark';
import { SwapOutcome } from '../components/SwapOutcome';
import { Section } from '../components/Section';
import { PriceAgeNote } from '../components/DataNotes';
import { useAction } from '../data';
import { UNKNOWN, formatContext, formatCount, formatDay, formatIndex, formatPerMillion, formatPricePair, formatTokens, formatUsd } from '../../../src/shared/format';
import { buildYourModels, presetOnly, type YourModel } from '../model/derive';
import { ProgressRing, Tag } from '../ui/toolkit';
import * as l10n from '../l10n';
import { requestsText } from '../words';

/** More than this and the list folds to its first FOLDED_COUNT, so the leaders below stay within reach in a sidebar. */
const FOLD_ABOVE = 5;
const FOLDED_COUNT = 4;

export function YourModelsSection({ snapshot, references }: { snapshot: Snapshot; references: ReferencesView | undefined }): ReactElement {
  const models = buildYourModels(snapshot, references);
  const [expanded, setExpanded] = useState(false);
  const foldable = models.length > FOLD_ABOVE;
  const shown = foldable && !expanded ? models.slice(0, FOLDED_COUNT) : models;
  const orderOnly = snapshot.rankings?.mode === 'order';
  return (
    <Section id="models" title={l10n.t('Your models')} summary={models.length ? `${models.length}` : undefined}>
      {references?.scanning ? (
        <p className="mr-muted" role="status">
          {references.files === 1 ? l10n.t('Scanning the workspace… 1 file so far.') : l10n.t('Scanning the workspace… {0} files so far.', formatCount(references.files))}
        </p>
      ) : null}
      {references?.note ? <p className="mr-note">{references.note}</p> : null}
      {models.length ? (
        <ul className="mr-model-list">
          {shown.map((m) => (
            <ModelItem key={m.id} item={m} orderOnly={orderOnly} />
          ))}
        </ul>
      ) : null}
      {models.length ? <PriceAgeNote snapshot={snapshot} /> : null}
      {foldable ? (
        <button type="button" className="mr-link mr-show-all" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? l10n.t('Show fewer') : l10n.t('Show all ({0})', formatCount(models.length))}
        </button>
      ) : null}
      {models.length ? null : references === undefined ? (
        <ProgressRing label={l10n.t('Looking for model ids…')} />
      ) : references.scanning ? null : (
        <div className="mr-empty">
          <p>
            {snapshot.keys.management
              ? l10n.t('No OpenRouter model ids found in this workspace, and no usage in the last 30 days.')
              : l10n.t('No OpenRouter model ids found in this workspace.')}
          </p>
          <CommandButton command="rescanWorkspace" label={l10n.t('Rescan workspace')} />
        </div>
      )}
    </Section>
  );
}

/** "DeepSeek: DeepSeek V4 Flash" reads as "DeepSeek V4 Flash" in a row that names the lab anyway. */
function shortName(name: string): string {
  const colon = name.indexOf(': ');
  return colon > 0 && colon < name.length - 2 ? name.slice(colon + 2) : name;
}

function ModelItem({ item, orderOnly }: { item: YourModel; orderOnly: boolean }): ReactElement {
  const { id, model, refs, activity, ranked } = item;
  const swap = useAction('model/swap');
  const copy = useAction('model/copyId');
  const open = useAction('model/openOnWeb');
  const [showDetails, setShowDetails] = useState(false);
  const detailsId = useId();
  const price = model?.price;
  const variable = model?.variable === true;
  const status = swap.error ?? copy.error ?? open.error;
  const name = model?.name ?? id;
  const preset = presetOnly(item);
  let weekly = UNKNOWN;
  let rankShort: string | null = null;
  if (ranked) {
    const rank = `#${formatCount(ranked.rank)}`;
    // A variant (":free", ":batch") shows its own figure, never its base model's.
    const own = ownWeeklyTokens(ranked, model?.variant ?? null);
    weekly =
      orderOnly || ranked.tokens === null
        ? l10n.t('{0} by popularity', rank)
        : own.kind === 'tokens'
          ? l10n.t('{0} · {1} tokens', rank, formatTokens(own.tokens))
          : l10n.t('{0} ({1})', rank, own.kind === 'none' ? own.reason : l10n.t('no figure'));
    rankShort = rank;
  }
  const priceText = variable ? l10n.t('price varies by route') : formatPricePair(price?.input, price?.output);
  return (
    <li className="mr-model" aria-label={name}>
      <div className="mr-model-head">
        <span className="mr-model-name" title={`${name}\n${id}`}>
          {model ? shortName(name) : <code className="mr-model-id">{id}</code>}
        </span>
        {!model ? (
          preset !== null ? (
            <Tag title={l10n.t('An OpenRouter preset: the preset {0} in your OpenRouter settings picks the model, providers and parameters.', preset)}>{l10n.t('preset')}</Tag>
          ) : (
            <Tag title={l10n.t("This id is not in OpenRouter's current catalog")}>{l10n.t('not in catalog')}</Tag>
          )
        ) : null}
        {/* Icon actions on the name's line, like a tree item's inline actions; each has a name and a tooltip. */}
        <span className="mr-model-actions">
          {refs.length ? <IconButton icon="swap" label={l10n.t('Swap {0}…', id)} title={l10n.t('Swap for another model…')} disabled={swap.pending} onClick={() => void swap.run({ modelId: id })} /> : null}
          <IconButton icon="copy" label={l10n.t('Copy id {0}', id)} title={l10n.t('Copy id')} onClick={() => void copy.run({ modelId: id })} />
          {model ? <IconButton icon="external" label={l10n.t('Open {0} on openrouter.ai', id)} title={l10n.t('Open on openrouter.ai')} onClick={() => void open.run({ modelId: id })} /> : null}
          <IconButton
            icon="chevron"
            className={showDetails ? 'mr-details-toggle mr-open' : 'mr-details-toggle'}
            label={l10n.t('Details of {0}', id)}
            title={showDetails ? l10n.t('Hide details') : l10n.t('Details')}
            expanded={showDetails}
            controls={detailsId}
            onClick={() => setShowDetails(!showDetails)}
          />
        </span>
      </div>
      {/* One line a user can scan: price, where the lab is, how much the market uses it, how well it codes. */}
      <p className="mr-model-meta">
        <span className="mr-num">{priceText}</span>
        {model ? (
          <>
            {' · '}
            <RegionMark region={model.region} short /> {model.lab}
          </>
        ) : null}
        {rankShort ? (
          <>
            {' · '}
            <span title={orderOnly ? l10n.t('Rank by popularity') : l10n.t('Rank by weekly tokens')}>{rankShort}</span>
          </>
        ) : null}
        {model?.codingIndex !== null && model?.codingIndex !== undefined ? <> · {l10n.t('coding {0}', formatIndex(model.codingIndex))}</> : null}
      </p>
      {refs.length ? (
        <ul className="mr-refs" aria-label={l10n.t('References to {0}', id)}>
          {refs.map((r) => (
            <RefItem key={r.refId} refView={r} />
          ))}
        </ul>
      ) : null}
      <div id={detailsId} className="mr-model-details" hidden={!showDetails}>
        {showDetails ? (
          <>
            <code className="mr-model-id">{id}</code>
            <dl className="mr-facts">
              <div>
                <dt>{l10n.t('$/1M in / out')}</dt>
                <dd>
                  {variable ? (
                    l10n.t('varies by route')
                  ) : (
                    <>
                      {formatPricePair(price?.input, price?.output, { unit: false })}
                      {price?.cacheRead !== null && price?.cacheRead !== undefined ? <span className="mr-muted"> · {l10n.t('cache read {0}', formatPerMillion(price.cacheRead))}</span> : null}
                    </>
                  )}
                </dd>
              </div>
              <div>
                <dt>{l10n.t('Context')}</dt>
                <dd>{formatContext(model?.contextLength)}</dd>
              </div>
              <div>
                <dt>{l10n.t('Lab')}</dt>
                <dd>
                  {model ? (
                    <>
                      <RegionMark region={model.region} /> · {model.lab}
                    </>
                  ) : (
                    UNKNOWN
                  )}
                </dd>
              </div>
              <div>
                <dt>{l10n.t('This week')}</dt>
                <dd>{weekly}</dd>
              </div>
              <div>
                <dt>{l10n.t('Coding index')}</dt>
                <dd>{formatIndex(model?.codingIndex)}</dd>
              </div>
              {activity ? (
                <div>
                  <dt>{l10n.t('Last 30 days')}</dt>
                  <dd>
                    {Number.isFinite(activity.byokUsage) && activity.byokUsage > 0
                      ? l10n.t('{0} + {1} BYOK', formatUsd(activity.usage), formatUsd(activity.byokUsage))
                      : formatUsd(activity.usage)}{' '}
                    · {requestsText(activity.requests)}
                  </dd>
                </div>
              ) : null}
              {model?.expirationDate ? (
                <div>
                  <dt>{l10n.t('Expires')}</dt>
                  <dd className="mr-warn">{formatDay(model.expirationDate, true)}</dd>
                </div>
              ) : null}
            </dl>
            {refs.length > 1 ? (
              <ul className="mr-refs mr-refs-swap" aria-label={l10n.t('Swap one reference to {0}', id)}>
                {refs.map((r) => (
                  <SwapHere key={r.refId} modelId={id} refView={r} />
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>
      <p className="mr-action-status" role="status" aria-live="polite">
        {status ? <span className="mr-inline-error">{status.message}</span> : swap.result ? swap.result.message : copy.result?.copied ? l10n.t('Copied.') : ''}
      </p>
    </li>
  );
}

function where(refView: ModelRefView): string {
  return `${refView.file}:${Number.isFinite(refView.line) ? refView.line : '?'}`;
}

function RefItem({ refView }: { refView: ModelRefView }): ReactElement {
  const reveal = useAction('reference/reveal');
  const place = where(refView);
  return (
    <li className="mr-ref">
      <button type="button" className="mr-link" aria-label={l10n.t('Go to reference {0}', place)} title={`${refView.tool}${refView.keyPath ? ` · ${refView.keyPath}` : ''}`} onClick={() => void reveal.run({ refId: refView.refId })}>
        {place}
      </button>
      {reveal.error ? <span className="mr-inline-error">{reveal.error.message}</span> : null}
    </li>
  );
}

function SwapHere({ modelId, refView }: { modelId: string; refView: ModelRefView }): ReactElement {
  const swap = useAction('model/swap');
  const place = where(refView);
  return (
    <li className="mr-ref">
      <button type="button" className="mr-link" aria-label={l10n.t('Swap {0} in {1}…', modelId, place)} disabled={swap.pending} onClick={() => void swap.run({ modelId, refId: refView.refId })}>
        {l10n.t('Swap in {0}…', place)}
      </button>
      <SwapOutcome swap={swap} />
    </li>
  );
}
