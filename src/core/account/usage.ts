// Own spend and headroom from GET /key and (management key only) GET /credits.
import type { ApiKeyData } from '../openrouter/apiTypes';
import type { BalanceInfo, KeyUsage, UsageView } from '../../shared/types';
import { roundUsd } from './money';
import { isManagementKeyData } from './keyCheck';

export interface UsageInput {
  key: ApiKeyData | null;
  credits: { total_credits: number; total_usage: number } | null;
  /**
   * The /credits figures were read with a key GET /key confirmed as a management key (the only key the API
   * documents for it). Anything else, an unverified key included, may be an ordinary key's 0/0: not a balance.
   */
  creditsFromManagementKey: boolean;
  /** The management slot holds an ordinary key (GET /key said so, or /credits or /activity answered 403). */
  notManagementKey?: boolean;
  now: number | Date;
}

const DAY_MS = 86_400_000;
/**
 * Burn rate divides by the time elapsed this month. Within the first day that is a few hours of one day's habits
 * (a morning's work read as $600/day): no rate or projection is shown until a whole day of the month has passed.
 */
const MIN_ELAPSED_DAYS = 1;

/** Older /key responses lack many fields: missing stays null (unknown), never 0. */
function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

/**
 * What is left under a key's cap: never more than the cap (that is not a figure the cap can produce, so it is
 * unknown). Below zero is kept: an overspent cap is the true figure, and reads as exhausted. Without a cap there
 * is nothing to remain under, whatever the field says.
 */
function remainingUnder(limit: number | null, remaining: number | null): number | null {
  if (limit === null || remaining === null) return null;
  // A cent of tolerance for the server's own rounding.
  return remaining > limit + 0.01 ? null : remaining;
}

export function toKeyUsage(k: ApiKeyData): KeyUsage {
  const limit = num(k.limit);
  return {
    label: typeof k.label === 'string' ? k.label : '',
    isManagementKey: isManagementKeyData(k),
    isFreeTier: typeof k.is_free_tier === 'boolean' ? k.is_free_tier : null,
    limit,
    limitRemaining: remainingUnder(limit, num(k.limit_remaining)),
    limitReset: str(k.limit_reset),
    usage: num(k.usage) ?? 0,
    daily: num(k.usage_daily),
    weekly: num(k.usage_weekly),
    monthly: num(k.usage_monthly),
    byokDaily: num(k.byok_usage_daily),
    byokWeekly: num(k.byok_usage_weekly),
    byokMonthly: num(k.byok_usage_monthly),
    expiresAt: str(k.expires_at),
  };
}

/** Days since 00:00 UTC on the 1st, and the month's length in days. */
export function monthProgress(now: number | Date): { elapsedDays: number; daysInMonth: number } {
  const t = typeof now === 'number' ? now : now.getTime();
  const d = new Date(t);
  const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return { elapsedDays: (t - start) / DAY_MS, daysInMonth: Math.round((next - start) / DAY_MS) };
}

function readBalance(input: UsageInput): { status: UsageView['balanceStatus']; balance: BalanceInfo | null } {
  if (input.notManagementKey === true) return { status: 'notManagementKey', balance: null };
  const c = input.credits;
  // A normal key gets 200 with 0/0 instead of a 403 (observed, not documented): from anything but a verified
  // management key the figures are "unknown", never "broke".
  if (c === null || !input.creditsFromManagementKey) return { status: 'unavailable', balance: null };
  const total = num(c.total_credits);
  const used = num(c.total_usage);
  if (total === null || used === null || total < 0 || used < 0) return { status: 'unavailable', balance: null };
  return { status: 'ok', balance: { totalCredits: total, totalUsage: used, balance: roundUsd(total - used) } };
}

/**
 * Spend, caps and the balance in one view. Spend means OpenRouter credits; BYOK spend is billed by the
 * provider, so it is reported beside it but not in the burn rate.
 */
export function buildUsageView(input: UsageInput): UsageView {
  const key = input.key === null ? null : toKeyUsage(input.key);
  const { status, balance } = readBalance(input);

  const keyRemaining = key?.limitRemaining ?? null;
  const balanceLeft = balance?.balance ?? null;
  let effectiveRemaining: number | null = null;
  let binding: UsageView['binding'] = null;
  if (keyRemaining !== null && (balanceLeft === null || keyRemaining <= balanceLeft)) {
    effectiveRemaining = keyRemaining;
    binding = 'key';
  } else if (balanceLeft !== null) {
    effectiveRemaining = balanceLeft;
    binding = 'balance';
  }

  let burnRatePerDay: number | null = null;
  let monthEndProjection: number | null = null;
  const { elapsedDays, daysInMonth } = monthProgress(input.now);
  if (key?.monthly !== null && key?.monthly !== undefined && elapsedDays >= MIN_ELAPSED_DAYS) {
    const rate = key.monthly / elapsedDays;
    burnRatePerDay = roundUsd(rate);
    monthEndProjection = roundUsd(Math.max(key.monthly, rate * daysInMonth));
  }

  return { key, balanceStatus: status, balance, effectiveRemaining, binding, burnRatePerDay, monthEndProjection };
}
