import { useEffect, type ReactElement } from 'react';
import { REGIONS, type RankedModel, type RankingsView, type Region, type Snapshot } from '../../../src/shared/types';
import type { WebviewSettings } from '../../../src/shared/protocol';
import { CommandButton } from '../components/CommandButton';
import { RegionMark } from '../components/RegionMark';
import { Section } from '../components/Section';
import { UNKNOWN, formatChange, formatDay, formatPercent, formatPricePair, formatTokens, regionLabel } from '../../../src/shared/format';
import { CoverageNote, PriceAgeNote, RankingsAgeNote, TokenizerCaveat } from '../components/DataNotes';
import { citationText, coverageDays } from '../../../src/shared/dataLabels';
import { shareBarLabel, shareSummary } from '../model/regionWords';
import { catalogIndex, leaders, type CatalogIndex } from '../model/derive';
import { ProgressRing } from '../ui/toolkit';
import * as l10n from '../l10n';

interface LeadersProps {
  snapshot: Snapshot;
  settings: WebviewSettings;
  /** Called whenever the section shows data; the app reports only the first time. */
  onContent?: () => void;
}

export function LeadersSection({ snapshot, settings, onContent }: LeadersProps): ReactElement {
  const rankings = snapshot.rankings;
  const hasContent = !!rankings && rankings.models.length > 0;
  useEffect(() => {
    if (hasContent) onContent?.();
  }, [hasContent, onContent]);
  const summary = rankings?.mode === 'tokens' ? shareSummary(rankings) : rankings?.mode === 'order' ? l10n.t('order only') : undefined;
  return (
    <Section id="leaders" title={l10n.t('Leaders')} summary={summary}>
      {!rankings ? (
        snapshot.resources.rankings.error ? (
          <p className="mr-muted">{l10n.t('Rankings could not be loaded; see the notice above.')}</p>
        ) : (
          <ProgressRing label={l10n.t('Loading rankings…')} />
        )
      ) : (
        <>
          <LeadersBody rankings={rankings} catalog={catalogIndex(snapshot.catalog)} top={settings.leadersTop} />
          <PriceAgeNote snapshot={snapshot} />
        </>
      )}
    </Section>
  );
}

function LeadersBody({ rankings, catalog, top }: { rankings: RankingsView; catalog: CatalogIndex; top: number }): ReactElement {
  const orderOnly = rankings.mode === 'order';
  return (
    <>
      {orderOnly ? (
        <p className="mr-note mr-order-only">
          <strong>{l10n.t('Order only — add a key for token figures.')}</strong>{' '}
          {l10n.t('Without a key OpenRouter shares the popularity order, not how many tokens each model served.')}{' '}
          <CommandButton command="setApiKey" label={l10n.t('Set API key')} appearance="link" />
        </p>
      ) : rankings.window ? (
        <p className="mr-muted">
          {windowLine(rankings, rankings.window)}
        </p>
      ) : null}
      <RankingsAgeNote rankings={rankings} />
      <CoverageNote rankings={rankings} />
      <div className="mr-leaders">
        <LeaderColumn region="CN" rankings={rankings} catalog={catalog} top={top} />
        <LeaderColumn region="US" rankings={rankings} catalog={catalog} top={top} />
      </div>
      {orderOnly ? null : <ShareBar rankings={rankings} />}
      {orderOnly ? null : <TokenizerCaveat />}
      <p className="mr-citation">
        {rankings.citation !== null && rankings.citation !== undefined ? citationText(rankings.citation, rankings.asOf ?? rankings.window?.end) : sourceLine(orderOnly, rankings.asOf)}
      </p>
    </>
  );
}

/** "Tokens served, Jul 20 – Jul 26, 2026 (data for 5 of 7 days), change against the week before.": one message per case. */
function windowLine(rankings: RankingsView, window: NonNullable<RankingsView['window']>): string {
  const start = formatDay(window.start);
  const end = formatDay(window.end, true);
  const c = rankings.coverage;
  const partial = c && c.daysWithData !== c.requestedDays ? coverageDays(c) : null;
  const change = rankings.models.some((m) => m.change !== null);
  if (partial !== null) {
    return change
      ? l10n.t('Tokens served, {0} – {1} (data for {2}), change against the week before.', start, end, partial)
      : l10n.t('Tokens served, {0} – {1} (data for {2}).', start, end, partial);
  }
  return change ? l10n.t('Tokens served, {0} – {1}, change against the week before.', start, end) : l10n.t('Tokens served, {0} – {1}.', start, end);
}

function sourceLine(orderOnly: boolean, asOf: string | null | undefined): string {
  if (orderOnly) {
    return asOf
      ? l10n.t('Source: OpenRouter popularity order (openrouter.ai/models), as of {0}.', formatDay(asOf, true))
      : l10n.t('Source: OpenRouter popularity order (openrouter.ai/models).');
  }
  return asOf ? l10n.t('Source: OpenRouter (openrouter.ai/rankings), as of {0}.', formatDay(asOf, true)) : l10n.t('Source: OpenRouter (openrouter.ai/rankings).');
}

function ChangeText({ model }: { model: RankedModel }): ReactElement {
  if (model.change === null) {
    return <span className="mr-change">{model.prevTokens === null && model.tokens !== null ? l10n.t('new') : UNKNOWN}</span>;
  }
  const up = model.change > 0;
  const down = model.change < 0;
  return (
    <span className={up ? 'mr-change mr-up' : down ? 'mr-change mr-down' : 'mr-change'}>
      <span aria-hidden="true">{up ? '▲ ' : down ? '▼ ' : ''}</span>
      {formatChange(model.change)}
    </span>
  );
}

function LeaderColumn({ region, rankings, catalog, top }: { region: Region; rankings: RankingsView; catalog: CatalogIndex; top: number }): ReactElement {
  const rows = leaders(rankings, region, top);
  const total = rankings.regions.find((r) => r.region === region);
  const orderOnly = rankings.mode === 'order';
  const headingLabel = region === 'CN' ? l10n.t('Chinese labs') : l10n.t('US labs');
  return (
    <div className="mr-leader-col" data-region={region}>
      <h3 className="mr-subheading">
        <RegionMark region={region} showLabel={false} /> {headingLabel}
        {!orderOnly && total ? (
          <span className="mr-col-total mr-muted mr-num">
            {l10n.t('{0} tokens · {1} share', formatTokens(total.tokens), formatPercent(total.share))}
          </span>
        ) : null}
      </h3>
      {rows.length ? (
        <ol className="mr-leader-list" aria-label={l10n.t('Top {0} models', regionLabel(region))}>
          {rows.map((m) => {
            const model = m.id ? catalog.get(m.id) : null;
            return (
              <li key={m.permaslug}>
                <span className="mr-rank mr-num" title={l10n.t('Overall rank')}>
                  #{Number.isFinite(m.rank) ? m.rank : '?'}
                </span>
                <span className="mr-model-name" title={m.id ?? m.permaslug}>
                  {m.name ?? model?.name ?? m.permaslug}
                </span>
                <span className="mr-leader-figures mr-num">
                  {orderOnly ? null : (
                    <span>
                      {formatTokens(m.tokens)} <ChangeText model={m} />
                    </span>
                  )}
                  <span className="mr-muted" title={l10n.t('$ per 1M tokens, input / output')}>
                    {model && !model.variable ? formatPricePair(model.price.input, model.price.output, { unit: false }) : UNKNOWN}
                  </span>
                </span>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="mr-muted">{l10n.t('No {0} models in this window.', regionLabel(region))}</p>
      )}
    </div>
  );
}

const SHARE_ORDER: readonly (Region | 'unattributed')[] = [...REGIONS, 'unattributed'];

/** CN / US / EU / other / unattributed shares of the window's tokens, as a bar and as text. */
export function ShareBar({ rankings }: { rankings: RankingsView }): ReactElement | null {
  const parts = SHARE_ORDER.map((key) => {
    if (key === 'unattributed') return { key, label: l10n.t('Unattributed'), share: rankings.unattributedShare };
    const r = rankings.regions.find((x) => x.region === key);
    return { key, label: regionLabel(key), share: r ? r.share : null };
  }).filter((p): p is { key: Region | 'unattributed'; label: string; share: number } => p.share !== null && Number.isFinite(p.share) && p.share > 0);
  if (!parts.length) return null;
  const sum = parts.reduce((a, p) => a + p.share, 0);
  let x = 0;
  const label = shareBarLabel(parts);
  return (
    <figure className="mr-share">
      <svg className="mr-share-bar" viewBox="0 0 100 6" preserveAspectRatio="none" role="img" aria-label={label}>
        {parts.map((p) => {
          const w = (p.share / Math.max(sum, 1)) * 100;
          const rect = <rect key={p.key} className={`mr-fill-${p.key}`} x={x} y={0} width={w} height={6} />;
          x += w;
          return rect;
        })}
      </svg>
      <figcaption>
        <ul className="mr-legend mr-legend-inline" aria-hidden="true">
          {parts.map((p) => (
            <li key={p.key}>
              {p.key === 'unattributed' ? <span className="mr-swatch mr-fill-unattributed" /> : <RegionMark region={p.key} showLabel={false} />}
              {l10n.t('{0} {1}', p.label, formatPercent(p.share))}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
