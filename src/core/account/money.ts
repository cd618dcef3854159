// Money and token arithmetic at the edge: OpenRouter sends prices as decimal strings in USD per token; they are
// converted here, once, and nowhere else (token totals, also decimal strings, by parseTokens in src/shared/format.ts).
// Rendering is src/shared/format.ts.

/** What a price string means once read. */
export interface PriceReading {
  /** USD per unit scaled by the requested factor; null when missing, malformed or negative. */
  value: number | null;
  /** A negative price ("-1"): OpenRouter's sentinel for router models whose price depends on the route. */
  variable: boolean;
}

const DECIMAL_RE = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,3}))?$/;

/**
 * Reads a decimal string and shifts its point by `exponent` in the string domain, so "0.00000009" at 6
 * becomes exactly 0.09 rather than `0.09 * 1e6`'s 0.09000000000000001. Returns null for anything that is
 * not a plain decimal.
 */
function shiftDecimal(raw: string, exponent: number): number | null {
  const m = DECIMAL_RE.exec(raw.trim());
  if (m === null) return null;
  const [, sign = '', intPart = '', fracPart = '', expPart] = m;
  if (intPart === '' && fracPart === '') return null;
  const digits = intPart + fracPart;
  // Position of the decimal point inside `digits`, after applying the scale and any exponent.
  const point = intPart.length + exponent + (expPart === undefined ? 0 : Number(expPart));
  let text: string;
  // Stryker disable EqualityOperator: at point 0 the last branch gives ".5", at point = length "5."; Number reads both the same
  if (point <= 0) text = '0.' + '0'.repeat(-point) + digits;
  else if (point >= digits.length) text = digits + '0'.repeat(point - digits.length);
  else text = digits.slice(0, point) + '.' + digits.slice(point);
  // Stryker restore EqualityOperator
  const n = Number(sign + text);
  return Number.isFinite(n) ? n : null;
}

/**
 * The largest price a reading accepts, in its own unit: $1,000,000 per 1M tokens ($1 a token) or per request,
 * image or search. The dearest real models cost a few hundred dollars per 1M tokens; above this bound a figure is
 * read as missing, like a malformed one, so no view shows "$1e+306" and no sum overflows.
 */
export const MAX_PRICE_READING = 1e6;

function read(raw: string | null | undefined, exponent: number): PriceReading {
  // Empty and blank strings fail shiftDecimal's "no digits" check.
  if (typeof raw !== 'string') return { value: null, variable: false };
  const n = shiftDecimal(raw, exponent);
  // Stryker disable next-line ConditionalExpression: null would fall through to the same { null, false }; the check narrows the type
  if (n === null) return { value: null, variable: false };
  if (n < 0) return { value: null, variable: true };
  // A price beyond any real one ("1e300" per token) is a corrupt or hostile value, not a price to show or multiply.
  if (n > MAX_PRICE_READING) return { value: null, variable: false };
  // -0 would print as "-0" in places that format it.
  return { value: n === 0 ? 0 : n, variable: false };
}

/**
 * THE conversion from an OpenRouter per-token price string to US dollars per 1M tokens.
 * "0.00000009" → 0.09. Missing or malformed → null; negative → null with `variable: true`.
 */
export function readPricePerMillion(raw: string | null | undefined): PriceReading {
  return read(raw, 6);
}

/** Same reading for per-unit prices (per request, per web search, per image): plain USD, no scaling. */
export function readPricePerUnit(raw: string | null | undefined): PriceReading {
  return read(raw, 0);
}


/** Rounds away binary noise from sums and products of prices (10 significant digits). */
export function roundUsd(n: number): number {
  // toPrecision keeps Infinity and NaN, and turns -0 into "0.000000000", i.e. 0.
  return Number(n.toPrecision(10));
}

/** part / whole as a fraction; 0 when the whole is 0. Precision is that of a double, plenty for a share. */
export function tokenShare(part: bigint, whole: bigint): number {
  if (whole <= 0n) return 0;
  return Number(part) / Number(whole);
}

/** Relative change (now - before) / before; null when there is no earlier figure to compare with. */
export function tokenChange(now: bigint, before: bigint | null): number | null {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: null <= 0n is true, so null takes the same exit; the check narrows the type
  if (before === null || before <= 0n) return null;
  return Number(now - before) / Number(before);
}
