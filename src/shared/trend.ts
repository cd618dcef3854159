// The weekly region trend behind the "who leads OpenRouter tokens" headline: its shape (core builds it, the
// dashboard and the CLI show it). Token figures are decimal strings; a week without data is `tokens: null`.
import type { ErrorInfo, Region } from './types';

/** The regions that can lead: labs of unknown origin and the Data API's "other" tail are never a leader. */
export const TREND_REGIONS = ['CN', 'US', 'EU', 'OTHER'] as const satisfies readonly Region[];
export type TrendRegion = (typeof TREND_REGIONS)[number];

export interface TrendWeek {
  /** Monday of the week, YYYY-MM-DD (UTC). */
  week: string;
  /** Tokens per region; null = no rows for this week (a gap, never a zero). */
  tokens: Record<TrendRegion, string> | null;
  /** Tokens with no known lab region: the "other" row outside the top models, and authors of unknown origin. */
  unattributed: string | null;
  /** All tokens of the week (regions + unattributed). */
  total: string | null;
  /** Region tokens / total; null for a gap or an empty week. */
  shares: Record<TrendRegion, number> | null;
  /** The region with the most tokens; null when tied, empty or missing. */
  leader: TrendRegion | null;
  /** The regions sharing the top figure when two or more tie. */
  tied: TrendRegion[];
}

export interface TrendStreak {
  leader: TrendRegion;
  /** Weeks with data that this region led, back from `through`. */
  weeks: number;
  /** First and last led week. */
  since: string;
  through: string;
  /** Weeks without data inside since..through: the streak is read across them, and says so. */
  missingInside: number;
  /** No earlier week with data breaks the streak inside the window: it may be longer ("at least"). */
  openStart: boolean;
}

export interface TrendLeadChange {
  /** First week of the current streak. */
  week: string;
  /** Who led the last week with data before it; null when that week was a tie. */
  from: TrendRegion | null;
  to: TrendRegion;
  /** That earlier week. When it is not the week just before `week`, the change fell somewhere in the gap. */
  previousWeek: string;
}

export type TrendEmptyReason = 'noData' | 'tie';

export interface TrendView {
  /** Every week of the window, oldest first. */
  weeks: TrendWeek[];
  window: { start: string; end: string };
  missingWeeks: string[];
  streak: TrendStreak | null;
  /** Why there is no streak: no week with data, or the latest week with data is a tie. */
  noStreakReason: TrendEmptyReason | null;
  lastChange: TrendLeadChange | null;
  asOf: string | null;
  citation: string;
  droppedRows: number;
}

/** What the snapshot carries: the last weekly view (fetched at most once a day) and the last attempt's failure. */
export interface TrendState {
  view: TrendView | null;
  /** Epoch ms of the request behind `view`. */
  fetchedAt: number | null;
  /** Epoch ms of the last request, failed or not: the next waits a day from here. */
  attemptedAt: number | null;
  error: ErrorInfo | null;
}
