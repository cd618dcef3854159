// Small notes that say how far a figure can be trusted. The words come from src/shared/dataLabels.ts, the same
// ones the editor and the CLI print.
import type { ReactElement } from 'react';
import { DATA_API_DOCS_URL, asSentence, tokenizerCaveat, coverageLine, priceAgeLabel, rankingsAgeLabel } from '../../../src/shared/dataLabels';
import type { RankingsView, Snapshot } from '../../../src/shared/types';
import * as l10n from '../l10n';

/** The clock only decides whether a date needs its year; a broken clock must not take a section down. */
function safeNow(): number | undefined {
  try {
    return Date.now();
  } catch {
    return undefined;
  }
}

/** "Data for 5 of 7 days (…); no data for …" when the window has holes; nothing when complete. */
export function CoverageNote({ rankings }: { rankings: RankingsView }): ReactElement | null {
  const line = rankings.mode === 'tokens' ? coverageLine(rankings.coverage) : null;
  return line === null ? null : (
    <p className="mr-note mr-coverage" role="note">
      {line}
    </p>
  );
}

/** The tokenizer caveat on every token share or per-model token comparison, with the Data API page. */
export function TokenizerCaveat(): ReactElement {
  return (
    <p className="mr-muted mr-caveat">
      {tokenizerCaveat()}{' '}
      <a href={DATA_API_DOCS_URL} title={DATA_API_DOCS_URL}>
        {l10n.t('About the Data API')}
      </a>
    </p>
  );
}

/** "prices as of Jul 29, bundled" while prices are not live; nothing when they are. */
export function PriceAgeNote({ snapshot, nowMs = safeNow() }: { snapshot: Snapshot; nowMs?: number | undefined }): ReactElement | null {
  const label = priceAgeLabel(snapshot.catalog, { stale: snapshot.resources.models.stale, nowMs });
  return label === null ? null : (
    <p className="mr-muted mr-price-age" role="note">
      {l10n.t('{0}.', asSentence(label))}
    </p>
  );
}

/** The same label inside a sentence that is already there (" Prices as of Jul 29, bundled."). */
export function PriceAgeInline({ snapshot, nowMs = safeNow() }: { snapshot: Snapshot; nowMs?: number | undefined }): ReactElement | null {
  const label = priceAgeLabel(snapshot.catalog, { stale: snapshot.resources.models.stale, nowMs });
  return label === null ? null : <span className="mr-price-age">{` ${l10n.t('{0}.', asSentence(label))}`}</span>;
}

/** "Rankings as of Jul 26, bundled" while the rankings are not live. */
export function RankingsAgeNote({ rankings, nowMs = safeNow() }: { rankings: RankingsView; nowMs?: number | undefined }): ReactElement | null {
  const label = rankingsAgeLabel(rankings.source, rankings.asOf, nowMs);
  return label === null ? null : (
    <p className="mr-note mr-rankings-age" role="note">
      {rankings.source === 'bundled' ? l10n.t('{0}: the snapshot shipped with Model Radar, shown until live data arrives.', asSentence(label)) : l10n.t('{0}.', asSentence(label))}
    </p>
  );
}
