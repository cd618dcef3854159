// Words and shapes the sidebar's Leaders and region marks use, written once for the first screen
// (webview/src/first/firstScreen.ts, plain DOM) and the app (LeadersSection, RegionMark): the first screen had its
// own copies and wrote "CN 75% · US 15%", the region codes and the share label's separator in English under a
// Chinese UI, then the app swapped in the Chinese words.
import type { RankingsView, Region } from '../../../src/shared/types';
import { formatPercent, regionLabel } from '../../../src/shared/format';
import * as l10n from '../l10n';

/** An SVG marker path centred on (0,0) with radius r: a shape per region, so colour is never the only cue. */
export function shapePath(region: Region, r: number): string {
  switch (region) {
    case 'CN':
      return `M ${-r} 0 A ${r} ${r} 0 1 0 ${r} 0 A ${r} ${r} 0 1 0 ${-r} 0 Z`;
    case 'US':
      return `M ${-r} ${-r} H ${r} V ${r} H ${-r} Z`;
    case 'EU':
      return `M 0 ${-r * 1.15} L ${r * 1.1} ${r * 0.85} L ${-r * 1.1} ${r * 0.85} Z`;
    case 'OTHER':
      return `M 0 ${-r * 1.25} L ${r * 1.25} 0 L 0 ${r * 1.25} L ${-r * 1.25} 0 Z`;
    default:
      return `M ${-r} ${-r} L ${r} ${r} M ${r} ${-r} L ${-r} ${r}`;
  }
}

/**
 * The short form a row with no room prints instead of the region's name (CN, US, EU), in the UI language; undefined
 * when the short form is the name itself (Chinese names are already short: 中国, 美国, 欧洲) or there is none.
 */
export function regionCode(region: Region): string | undefined {
  const short = region === 'CN' ? l10n.t('CN') : region === 'US' ? l10n.t('US') : region === 'EU' ? l10n.t('EU') : undefined;
  return short !== undefined && short !== regionLabel(region) ? short : undefined;
}

/** The Leaders section's summary: "CN 75% · US 15%"; undefined when neither region is in the rankings. */
export function shareSummary(r: RankingsView): string | undefined {
  const cn = r.regions.find((x) => x.region === 'CN');
  const us = r.regions.find((x) => x.region === 'US');
  if (!cn && !us) return undefined;
  return l10n.t('CN {0} · US {1}', formatPercent(cn?.share), formatPercent(us?.share));
}

/** The share bar's text alternative: "Share of tokens: China 75%, US 15%, unattributed 10%." */
export function shareBarLabel(parts: readonly { label: string; share: number }[]): string {
  return l10n.t('Share of tokens: {0}.', parts.map((p) => l10n.t('{0} {1}', p.label, formatPercent(p.share))).join(l10n.t(', ')));
}
