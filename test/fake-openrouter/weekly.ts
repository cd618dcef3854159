// Generated weekly rankings for the fake's `/datasets/rankings-daily?period=week`: 52 Monday-dated weeks back
// from the last complete week before `now`, deterministic (no randomness), with one lead change: US labs lead
// the older 15 weeks, Chinese labs the latest 37. Each week has a few models per region and the "other" tail.
import { isoDay } from './builders';

export const WEEKLY_WEEKS = 52;
/** Weeks (most recent first) Chinese labs lead; the week before them is the last US one. */
export const WEEKLY_CN_STREAK = 37;

const DAY = 86_400_000;

/** Monday of the week holding `ms`, as epoch ms at 00:00 UTC. */
function mondayOf(ms: number): number {
  const day = Math.floor(ms / DAY) * DAY;
  return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY;
}

/** Monday (YYYY-MM-DD) of the last complete week before `now`. */
export function lastCompleteWeek(now: Date): string {
  return isoDay(mondayOf(now.getTime()) - 7 * DAY);
}

const MODELS = [
  { slug: 'deepseek/deepseek-v4-flash-20260423', region: 'CN', weight: 5 },
  { slug: 'qwen/qwen3.7-plus-20260501', region: 'CN', weight: 3 },
  { slug: 'z-ai/glm-5.2-20260616', region: 'CN', weight: 2 },
  { slug: 'anthropic/claude-4.5-sonnet-20250929', region: 'US', weight: 5 },
  { slug: 'google/gemini-3-flash-preview-20251217', region: 'US', weight: 3 },
  { slug: 'openai/gpt-5-20250807', region: 'US', weight: 2 },
  { slug: 'mistralai/mistral-medium-3.1', region: 'EU', weight: 1 },
] as const;

/** Billions of tokens per region in week `i` (0 = oldest): CN rises from 30 % to 55 %, US falls. */
function regionTokens(i: number, cnLeads: boolean): Record<'CN' | 'US' | 'EU', bigint> {
  const base = 10_000n + BigInt(i) * 150n; // total grows a little every week
  const cn = cnLeads ? 45n + BigInt(i % 5) : 30n + BigInt(i % 4);
  const us = cnLeads ? 35n - BigInt(i % 3) : 50n - BigInt(i % 4);
  return { CN: (base * cn) / 100n, US: (base * us) / 100n, EU: (base * 5n) / 100n };
}

export function weeklyRankingRows(now: Date, start: string | null, end: string | null): { date: string; model_permaslug: string; total_tokens: string }[] {
  const last = Date.parse(`${lastCompleteWeek(now)}T00:00:00Z`);
  const rows: { date: string; model_permaslug: string; total_tokens: string }[] = [];
  for (let i = 0; i < WEEKLY_WEEKS; i++) {
    const ms = last - (WEEKLY_WEEKS - 1 - i) * 7 * DAY;
    const date = isoDay(ms);
    if (start !== null && date < isoDay(mondayOf(Date.parse(`${start}T00:00:00Z`)))) continue;
    if (end !== null && date > end) continue;
    const cnLeads = i >= WEEKLY_WEEKS - WEEKLY_CN_STREAK;
    const totals = regionTokens(i, cnLeads);
    for (const region of ['CN', 'US', 'EU'] as const) {
      const models = MODELS.filter((m) => m.region === region);
      const weights = models.reduce((s, m) => s + m.weight, 0);
      for (const m of models) rows.push({ date, model_permaslug: m.slug, total_tokens: String((totals[region] * 1_000_000_000n * BigInt(m.weight)) / BigInt(weights)) });
    }
    const base = 10_000n + BigInt(i) * 150n;
    rows.push({ date, model_permaslug: 'other', total_tokens: String(((base * 10n) / 100n) * 1_000_000_000n) });
  }
  return rows;
}
