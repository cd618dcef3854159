import type { ReactElement } from 'react';
import type { ModelRefView, ReferencesView, Snapshot } from '../../../src/shared/types';
import { CommandButton } from '../components/CommandButton';
import { RegionMark } from '../components/RegionMark';
import { Section } from '../components/Section';
import { useAction } from '../data';
import { DASH, formatContext, formatCount, formatIndex, formatPerMillion, formatPrice, formatTokens, formatUsd } from '../format';
import { buildYourModels, type YourModel } from '../model/derive';
import { Button, ProgressRing, Tag } from '../ui/toolkit';

export function YourModelsSection({ snapshot, references }: { snapshot: Snapshot; references: ReferencesView | undefined }): ReactElement {
  const models = buildYourModels(snapshot, references);
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
          {models.map((m) => (
            <ModelItem key={m.id} item={m} orderOnly={orderOnly} />
          ))}
        </ul>
      ) : references === undefined ? (
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
  if (ranked) {
    weekly = orderOnly || ranked.tokens === null ? `#${formatCount(ranked.rank)} by popularity` : `#${formatCount(ranked.rank)} · ${formatTokens(ranked.tokens)} tokens`;
  }
  return (
    <li className="mr-model" aria-label={model?.name ?? id}>
      <div className="mr-model-head">
        <span className="mr-model-name">{model?.name ?? id}</span>
        <code className="mr-model-id">{id}</code>
        {!model ? <Tag title="This id is not in OpenRouter's current catalog">not in catalog</Tag> : null}
      </div>
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
      {refs.length ? (
        <ul className="mr-refs" aria-label={`References to ${id}`}>
          {refs.map((r) => (
            <RefItem key={r.refId} modelId={id} refView={r} showSwap={refs.length > 1} />
          ))}
        </ul>
      ) : null}
      <div className="mr-actions">
        {refs.length ? (
          <Button label={`Swap ${id}…`} disabled={swap.pending} onClick={() => void swap.run({ modelId: id })}>
            Swap…
          </Button>
        ) : null}
        <Button label={`Copy id ${id}`} onClick={() => void copy.run({ modelId: id })}>
          Copy id
        </Button>
        {model ? (
          <Button label={`Open ${id} on openrouter.ai`} onClick={() => void open.run({ modelId: id })}>
            Open on openrouter.ai
          </Button>
        ) : null}
      </div>
      <p className="mr-action-status" role="status" aria-live="polite">
        {status ? <span className="mr-inline-error">{status.message}</span> : swap.result ? swap.result.message : copy.result?.copied ? 'Copied.' : ''}
      </p>
    </li>
  );
}

function RefItem({ modelId, refView, showSwap }: { modelId: string; refView: ModelRefView; showSwap: boolean }): ReactElement {
  const reveal = useAction('reference/reveal');
  const swap = useAction('model/swap');
  const where = `${refView.file}:${Number.isFinite(refView.line) ? refView.line : '?'}`;
  const error = reveal.error ?? swap.error;
  return (
    <li className="mr-ref">
      <Button appearance="secondary" className="mr-ref-link" label={`Go to reference ${where}`} onClick={() => void reveal.run({ refId: refView.refId })}>
        {where}
      </Button>
      <span className="mr-muted">{refView.tool}</span>
      {showSwap ? (
        <Button label={`Swap ${modelId} in ${where}…`} disabled={swap.pending} onClick={() => void swap.run({ modelId, refId: refView.refId })}>
          Swap here…
        </Button>
      ) : null}
      {error ? <span className="mr-inline-error">{error.message}</span> : swap.result ? <span className="mr-muted">{swap.result.message}</span> : null}
    </li>
  );
}
