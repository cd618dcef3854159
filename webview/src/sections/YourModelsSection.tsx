import { useState, type ReactElement } from 'react';
import type { ModelRefView, ReferencesView, Snapshot } from '../../../src/shared/types';
import { CommandButton } from '../components/CommandButton';
import { RegionMark } from '../components/RegionMark';
import { Section } from '../components/Section';
import { useAction } from '../data';
import { DASH, formatContext, formatCount, formatIndex, formatPerMillion, formatPrice, formatTokens, formatUsd } from '../format';
import { buildYourModels, type YourModel } from '../model/derive';
import { Button, ProgressRing, Tag } from '../ui/toolkit';

/** More than this and the list folds, so the leaders below stay within reach in a sidebar. */
const FOLDED_COUNT = 3;

export function YourModelsSection({ snapshot, references }: { snapshot: Snapshot; references: ReferencesView | undefined }): ReactElement {
  const models = buildYourModels(snapshot, references);
  const [expanded, setExpanded] = useState(false);
  const shown = expanded || models.length <= FOLDED_COUNT + 1 ? models : models.slice(0, FOLDED_COUNT);
  const orderOnly = snapshot.rankings?.mode === 'order';
  return (
    <Section id="models" title="Your models" summary={models.length ? `${models.length}` : undefined}>
      {references?.scanning ? (
        <p className="mr-muted" role="status">
          Scanning the workspace… {formatCount(references.files)} files so far.
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
      {models.length > shown.length || (expanded && models.length > FOLDED_COUNT + 1) ? (
        <button type="button" className="mr-link mr-show-all" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show fewer' : `Show all ${models.length} models`}
        </button>
      ) : null}
      {models.length ? null : references === undefined ? (
        <ProgressRing label="Looking for model ids…" />
      ) : references.scanning ? null : (
        <div className="mr-empty">
          <p>No OpenRouter model ids found in this workspace{snapshot.keys.management ? ', and no usage in the last 30 days' : ''}.</p>
          <CommandButton command="rescanWorkspace" label="Rescan workspace" />
        </div>
      )}
    </Section>
  );
}

function ModelItem({ item, orderOnly }: { item: YourModel; orderOnly: boolean }): ReactElement {
  const { id, model, refs, activity, ranked } = item;
  const swap = useAction('model/swap');
  const copy = useAction('model/copyId');
  const open = useAction('model/openOnWeb');
  const price = model?.price;
  const variable = model?.variable === true;
  const status = swap.error ?? copy.error ?? open.error;
  let weekly = DASH;
  let rankShort: string | null = null;
  if (ranked) {
    weekly = orderOnly || ranked.tokens === null ? `#${formatCount(ranked.rank)} by popularity` : `#${formatCount(ranked.rank)} · ${formatTokens(ranked.tokens)} tokens`;
    rankShort = orderOnly || ranked.tokens === null ? `#${formatCount(ranked.rank)}` : `#${formatCount(ranked.rank)} · ${formatTokens(ranked.tokens)}`;
  }
  const priceText = variable ? 'price varies by route' : `${formatPrice(price?.input)} / ${formatPrice(price?.output)} per 1M`;
  return (
    <li className="mr-model" aria-label={model?.name ?? id}>
      <div className="mr-model-head">
        <span className="mr-model-name" title={id}>
          {model?.name ?? id}
        </span>
        {!model ? <Tag title="This id is not in OpenRouter's current catalog">not in catalog</Tag> : null}
      </div>
      {/* One line a user can scan: price, where the lab is, how much the market uses it, how well it codes. */}
      <p className="mr-model-meta">
        <span className="mr-num">{priceText}</span>
        {model ? (
          <>
            {' · '}
            <RegionMark region={model.region} /> {model.lab}
          </>
        ) : null}
        {rankShort ? <> · {rankShort}</> : null}
        {model?.codingIndex !== null && model?.codingIndex !== undefined ? <> · coding {formatIndex(model.codingIndex)}</> : null}
      </p>
      {refs.length ? (
        <ul className="mr-refs" aria-label={`References to ${id}`}>
          {refs.map((r) => (
            <RefItem key={r.refId} refView={r} />
          ))}
        </ul>
      ) : null}
      {/* Text actions on one line: a narrow sidebar has no room for a row of buttons per model. */}
      <div className="mr-actions mr-actions-compact">
        {refs.length ? (
          <button type="button" className="mr-link" aria-label={`Swap ${id}…`} disabled={swap.pending} onClick={() => void swap.run({ modelId: id })}>
            Swap…
          </button>
        ) : null}
        <button type="button" className="mr-link" aria-label={`Copy id ${id}`} onClick={() => void copy.run({ modelId: id })}>
          Copy id
        </button>
        {model ? (
          <button type="button" className="mr-link" aria-label={`Open ${id} on openrouter.ai`} onClick={() => void open.run({ modelId: id })}>
            openrouter.ai ↗
          </button>
        ) : null}
      </div>
      <details className="mr-more">
        <summary>Details</summary>
        <code className="mr-model-id">{id}</code>
        <dl className="mr-facts">
          <div>
            <dt>$/1M in / out</dt>
            <dd>
              {variable ? (
                'varies by route'
              ) : (
                <>
                  {formatPrice(price?.input)} / {formatPrice(price?.output)}
                  {price?.cacheRead !== null && price?.cacheRead !== undefined ? <span className="mr-muted"> · cache read {formatPerMillion(price.cacheRead)}</span> : null}
                </>
              )}
            </dd>
          </div>
          <div>
            <dt>Context</dt>
            <dd>{formatContext(model?.contextLength)}</dd>
          </div>
          <div>
            <dt>Lab</dt>
            <dd>
              {model ? (
                <>
                  <RegionMark region={model.region} /> · {model.lab}
                </>
              ) : (
                DASH
              )}
            </dd>
          </div>
          <div>
            <dt>This week</dt>
            <dd>{weekly}</dd>
          </div>
          <div>
            <dt>Coding index</dt>
            <dd>{formatIndex(model?.codingIndex)}</dd>
          </div>
          {activity ? (
            <div>
              <dt>Last 30 days</dt>
              <dd>
                {formatUsd(activity.usage)} · {formatCount(activity.requests)} requests
              </dd>
            </div>
          ) : null}
        </dl>
        {refs.length > 1 ? (
          <ul className="mr-refs" aria-label={`Swap one reference to ${id}`}>
            {refs.map((r) => (
              <SwapHere key={r.refId} modelId={id} refView={r} />
            ))}
          </ul>
        ) : null}
      </details>
      <p className="mr-action-status" role="status" aria-live="polite">
        {status ? <span className="mr-inline-error">{status.message}</span> : swap.result ? swap.result.message : copy.result?.copied ? 'Copied.' : ''}
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
      <button type="button" className="mr-link" aria-label={`Go to reference ${place}`} title={`${refView.tool}${refView.keyPath ? ` · ${refView.keyPath}` : ''}`} onClick={() => void reveal.run({ refId: refView.refId })}>
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
      <Button appearance="secondary" label={`Swap ${modelId} in ${place}…`} disabled={swap.pending} onClick={() => void swap.run({ modelId, refId: refView.refId })}>
        Swap in {place}…
      </Button>
      {swap.error ? <span className="mr-inline-error">{swap.error.message}</span> : swap.result ? <span className="mr-muted">{swap.result.message}</span> : null}
    </li>
  );
}
