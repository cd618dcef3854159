// The dashboard's Providers section: for each model the workspace or the spend history names, who serves it on
// OpenRouter, at what price and speed. Loaded on demand: a model's table is asked for only when the user opens it
// (one request, cached by the host for 15 minutes within an hourly budget). Cheapest is decided on the user's own
// token mix (else the default mix, said so); fastest by median throughput over the last 30 minutes. A figure
// OpenRouter did not send reads "—", never 0, and a failure says what happened instead of showing old figures.
import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { ProvidersResult, ProvidersView, ReferencesView, Snapshot } from '../../../src/shared/types';
import { formatAgo, formatContext, formatDuration, formatLatency, formatPercent, formatPricePair, formatThroughput, formatUsd, UNKNOWN } from '../../../src/shared/format';
import { Section } from '../components/Section';
import { useProviders, useProvidersFocus, useServices, useSpendHistory } from '../data';
import { catalogIndex } from '../model/derive';
import { providerModels, type ProviderModelEntry } from '../model/providerModels';
import { mixLabel } from '../model/workload';
import { Button, ProgressRing, Tag } from '../ui/toolkit';
import * as l10n from '../l10n';

/** Requests the host allows per rolling hour for provider tables (src/core/providers/cache.ts). */
const HOURLY_BUDGET = 30;

function keyStateOf(s: Snapshot): string {
  return `${s.keys.inference}|${s.keys.management ? (s.keys.managementKind ?? 'unverified') : 'none'}`;
}

const matches = (entry: ProviderModelEntry, modelId: string): boolean => entry.id === modelId || entry.spellings.includes(modelId);

export function ProvidersSection({ snapshot, references }: { snapshot: Snapshot; references: ReferencesView | undefined }): ReactElement {
  const history = useSpendHistory(30, snapshot.keys.management ? `m:${snapshot.keys.managementKind ?? 'unverified'}` : null);
  const view = history.data?.status === 'ok' ? history.data.view : null;
  const focus = useProvidersFocus();
  const { store } = useServices();
  const models = useMemo(() => {
    const list = providerModels(snapshot, references, view);
    // Asked for from the editor (the hover's link) but in neither list yet: shown first, on its own.
    if (focus === undefined || list.some((m) => matches(m, focus.modelId))) return list;
    const model = catalogIndex(snapshot.catalog).get(focus.modelId);
    return [{ id: focus.modelId, model, spellings: [focus.modelId], refs: 0, spent: false }, ...list];
  }, [snapshot, references, view, focus]);
  useEffect(() => {
    // The section opens for the model asked for, even if the user had folded it.
    if (focus !== undefined) store.update((s) => ({ ...s, collapsed: { ...s.collapsed, providers: false } }));
  }, [focus, store]);
  return (
    <Section id="providers" title={l10n.t('Providers')} summary={models.length > 0 ? l10n.t('{0} of your models', models.length) : undefined} className="mr-providers">
      <p className="mr-muted">
        {l10n.t(
          'Who serves each of your models on OpenRouter, at what price and speed. Open a model to load its providers: cheapest on your token mix, fastest by median output speed over the last 30 minutes.',
        )}
      </p>
      {models.length === 0 ? (
        <p className="mr-muted" data-testid="providers-empty">
          {l10n.t('No models yet: none is named in this workspace’s config files, and the spend history names none. Providers appear here for the models you use.')}
        </p>
      ) : (
        <ul className="mr-provider-models">
          {models.map((m) => (
            <ModelProviders key={m.id} entry={m} keyState={keyStateOf(snapshot)} focusAt={focus !== undefined && matches(m, focus.modelId) ? focus.at : null} />
          ))}
        </ul>
      )}
    </Section>
  );
}

function ModelProviders({ entry, keyState, focusAt }: { entry: ProviderModelEntry; keyState: string; focusAt: number | null }): ReactElement {
  const [open, setOpen] = useState(focusAt !== null);
  const item = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (focusAt === null) return;
    setOpen(true);
    const el = item.current;
    if (el !== null && typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'start' });
  }, [focusAt]);
  const where =
    entry.refs > 0 && entry.spent
      ? l10n.t('in your workspace and your spend')
      : entry.refs > 0
        ? l10n.t('in your workspace')
        : entry.spent
          ? l10n.t('in your spend history')
          : l10n.t('opened from the editor');
  return (
    <li ref={item} className="mr-provider-model" data-model={entry.id} data-focused={focusAt !== null ? 'true' : undefined}>
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <strong>{entry.model?.name ?? entry.id}</strong> <code>{entry.id}</code> <span className="mr-muted">{where}</span>
        </summary>
        {!open ? null : entry.model === null ? (
          <p className="mr-muted">{l10n.t('{0} is not in the OpenRouter catalog, so it has no providers to list.', entry.id)}</p>
        ) : (
          <ProvidersTable modelId={entry.id} keyState={keyState} />
        )}
      </details>
    </li>
  );
}

function ProvidersTable({ modelId, keyState }: { modelId: string; keyState: string }): ReactElement {
  const { now } = useServices();
  const state = useProviders(modelId, keyState);
  const result = state.data;
  const refresh = (
    <Button onClick={state.refresh} disabled={state.loading} label={l10n.t('Refresh providers of {0}', modelId)}>
      {l10n.t('Refresh')}
    </Button>
  );
  if (state.error) {
    return (
      <div className="mr-inline-error" role="alert">
        <p>{l10n.t('Providers could not be loaded: {0}', state.error.message)}</p>
        {refresh}
      </div>
    );
  }
  if (!result) return <ProgressRing label={l10n.t('Loading providers of {0}…', modelId)} />;
  if (result.status === 'unavailable') return <Unavailable result={result} nowMs={now()} refresh={refresh} />;
  return <ProvidersBody view={result.view} nowMs={now()} refresh={refresh} loading={state.loading} />;
}

function Unavailable({ result, nowMs, refresh }: { result: Extract<ProvidersResult, { status: 'unavailable' }>; nowMs: number; refresh: ReactElement }): ReactElement {
  const wait = result.retryAt === null ? null : formatDuration(Math.max(0, result.retryAt - nowMs));
  const detail = result.cause?.message ?? l10n.t('unknown error');
  let text: string;
  switch (result.reason) {
    case 'badId':
      text =
        result.idError === 'preset'
          ? l10n.t('{0} is an OpenRouter preset: the preset picks the model, so there is no one model’s providers to list.', result.modelId)
          : result.idError === 'router'
            ? l10n.t('{0} is a router: it sends each request to another model, and has no providers of its own.', result.modelId)
            : result.idError === 'unresolvedAlias'
              ? l10n.t('{0} is an alias the catalog cannot resolve to a model yet, so its providers are unknown.', result.modelId)
              : l10n.t('{0} cannot name a model on OpenRouter.', result.modelId);
      break;
    case 'unknownModel':
      text =
        result.cause === null
          ? l10n.t('{0} is not in the OpenRouter catalog, so it has no providers to list.', result.modelId)
          : l10n.t('OpenRouter does not know {0} ({1}): it may have been removed or renamed.', result.modelId, detail);
      break;
    case 'offline':
      text = l10n.t('OpenRouter could not be reached ({0}). No provider figure is shown rather than an old or guessed one.', detail);
      break;
    case 'rateLimited':
      text = wait === null ? l10n.t('OpenRouter is rate-limiting requests ({0}). Try again in a minute.', detail) : l10n.t('OpenRouter is rate-limiting requests ({0}). Try again in {1}.', detail, wait);
      break;
    case 'budget':
      text = l10n.t('Model Radar asks OpenRouter for at most {0} provider tables an hour, and that is used up. Try again in {1}.', HOURLY_BUDGET, wait ?? formatDuration(3_600_000));
      break;
    case 'failed':
      text = l10n.t('Providers could not be read: {0}', detail);
      break;
  }
  return (
    <div className="mr-warn" role="status" data-testid="providers-unavailable" data-reason={result.reason}>
      <p>{text}</p>
      {result.reason === 'badId' || (result.reason === 'unknownModel' && result.cause === null) ? null : refresh}
    </div>
  );
}

function markNote(kind: 'cheapest' | 'fastest', mark: ProvidersView['cheapest']): string | null {
  if (kind === 'cheapest') {
    if (mark === 'tie') return l10n.t('Every provider costs the same on this mix, so none is marked cheapest.');
    if (mark === 'missing') return l10n.t('No provider has a fixed price for this mix, so none is marked cheapest.');
    return null;
  }
  if (mark === 'tie') return l10n.t('Every provider has the same median throughput, so none is marked fastest.');
  if (mark === 'missing') return l10n.t('OpenRouter sent no throughput figures (it sends latency and throughput only to requests with an API key), so none is marked fastest.');
  return null;
}

function ProvidersBody({ view, nowMs, refresh, loading }: { view: ProvidersView; nowMs: number; refresh: ReactElement; loading: boolean }): ReactElement {
  if (view.providers.length === 0) {
    return (
      <div data-testid="providers-none">
        <p className="mr-muted">{l10n.t('OpenRouter lists no providers for {0} right now.', view.endpointModel)}</p>
        {refresh}
      </div>
    );
  }
  const onMix = view.mix.source === 'default' ? l10n.t('On the default mix') : l10n.t('On your mix');
  const notes = [markNote('cheapest', view.cheapest), markNote('fastest', view.fastest)].filter((n): n is string => n !== null);
  const dropped = view.dropped.reduce((n, d) => n + d.count, 0);
  return (
    <div className="mr-providers-body" aria-busy={loading}>
      {view.endpointModel !== view.modelId.replace(/:.*$/, '') ? (
        <p className="mr-muted">{l10n.t('{0} is served as {1}; these are its providers.', view.modelId, view.endpointModel)}</p>
      ) : null}
      <div className="mr-table-wrap">
        <table className="mr-table mr-providers-table">
          <caption>{l10n.t('Providers of {0}', view.name ?? view.endpointModel)}</caption>
          <thead>
            <tr>
              <th scope="col">{l10n.t('Provider')}</th>
              <th scope="col" className="mr-num">{l10n.t('Input / output ($/1M)')}</th>
              <th scope="col" className="mr-num">{onMix}</th>
              <th scope="col" className="mr-num">{l10n.t('Latency (p50)')}</th>
              <th scope="col" className="mr-num">{l10n.t('Throughput (p50)')}</th>
              <th scope="col" className="mr-num">{l10n.t('Uptime (30 min)')}</th>
              <th scope="col">{l10n.t('Quantization')}</th>
              <th scope="col" className="mr-num">{l10n.t('Context')}</th>
              <th scope="col" className="mr-num">{l10n.t('Max output')}</th>
            </tr>
          </thead>
          <tbody>
            {view.providers.map((p, i) => (
              <tr key={`${p.provider}|${p.tag ?? ''}|${i}`} className={p.cheapest || p.fastest ? 'mr-row-marked' : undefined}>
                <th scope="row" title={p.tag ?? undefined}>
                  {p.provider}
                  {p.cheapest ? (
                    <>
                      {' '}
                      <Tag className="mr-tag-cheapest" title={l10n.t('Cheapest on {0}', mixLabel(view.mix))}>
                        {l10n.t('Cheapest')}
                      </Tag>
                    </>
                  ) : null}
                  {p.fastest ? (
                    <>
                      {' '}
                      <Tag className="mr-tag-fastest" title={l10n.t('Highest median throughput over the last 30 minutes')}>
                        {l10n.t('Fastest')}
                      </Tag>
                    </>
                  ) : null}
                  {p.status !== null && p.status < 0 ? <span className="mr-warn-inline"> {l10n.t('(degraded)')}</span> : null}
                </th>
                <td className="mr-num">
                  {formatPricePair(p.input, p.output, { unit: false })}
                  {p.discount !== null ? <span className="mr-muted"> {l10n.t('({0} off)', formatPercent(p.discount))}</span> : null}
                </td>
                <td className="mr-num">{formatUsd(p.mixCost)}</td>
                <td className="mr-num">{formatLatency(p.latencyP50Ms)}</td>
                <td className="mr-num">{formatThroughput(p.throughputP50)}</td>
                <td className="mr-num">{formatPercent(p.uptime30m)}</td>
                <td>{p.quantization ?? UNKNOWN}</td>
                <td className="mr-num">{formatContext(p.contextLength)}</td>
                <td className="mr-num">{formatContext(p.maxOutput)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mr-caveat">
        {l10n.t('Cheapest: what {0} would cost on each provider, at its own prices (cache reads and long-context tiers included).', mixLabel(view.mix))}{' '}
        {l10n.t('Fastest: highest median throughput (tokens per second) over the last 30 minutes. Latency is the median time to the first token. “—” means OpenRouter sent no figure.')}
      </p>
      {notes.map((n) => (
        <p key={n} className="mr-muted">
          {n}
        </p>
      ))}
      {dropped > 0 ? (
        <p className="mr-warn" role="status">
          {l10n.t('{0} provider rows from OpenRouter could not be read (no provider name, or prices that are not numbers) and are not shown.', dropped)}
        </p>
      ) : null}
      <p className="mr-muted mr-source-note">
        {l10n.t('From OpenRouter’s /models/{0}/endpoints, fetched {1}.', view.endpointModel, formatAgo(nowMs - view.fetchedAt))} {refresh}
      </p>
      <p className="mr-muted">
        {l10n.t('To let OpenRouter pick for you, write {0}:floor (cheapest provider first), {0}:nitro (fastest throughput first) or {0}:exacto (quality-first provider order) — Swap Model offers them.', view.endpointModel)}
      </p>
    </div>
  );
}
