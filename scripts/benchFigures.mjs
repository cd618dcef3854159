// The bench's bookkeeping, kept apart from its I/O so it can be tested: a figure is either measured (value, how,
// when; min/median/max for timed ones) or missing (value null and why). Nothing older than the run is reported.

const sorted = (xs) => [...xs].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
export const median = (xs) => {
  const s = sorted(xs);
  if (s.length === 0) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (n, d = 3) => (n === null ? null : Number(n.toFixed(d)));

/** A measured figure: its value (the median for timed ones) and where it came from. */
export const figure = (value, method, extra = {}) => ({ value, method, measuredAt: extra.measuredAt ?? new Date().toISOString(), ...extra });

/** A timed figure from its samples: min, median, max; missing when there is no finite sample. */
export const timed = (samples, method, measuredAt) => {
  const s = sorted(samples);
  if (s.length === 0) return missing(`no samples (${method})`);
  const mid = round(median(s));
  return figure(mid, method, { min: s[0], median: mid, max: s.at(-1), samples: s.length, measuredAt });
};

export const missing = (reason) => ({ value: null, reason });

/**
 * A figure the e2e recorded ({ samples, method, measuredAt }), only when it was measured during this run
 * (at or after runStart, ms); otherwise missing, with the run's problem or what was wrong with the record.
 */
export function e2eFigure(record, key, runStart, problem) {
  if (!record || !Array.isArray(record.samples) || record.samples.length === 0) return missing(problem ?? `the e2e run recorded no ${key}`);
  if (!(Date.parse(record.measuredAt) >= runStart)) return missing(`${key} was recorded before this run (${record.measuredAt ?? 'no time'}): not reported`);
  return timed(record.samples, `e2e (test/e2e/specs/foundation.e2e.ts): ${record.method}`, record.measuredAt);
}

/** median(a) ÷ median(b), missing when either is. */
export function ratioOf(a, b, names, method) {
  if (a.value === null || b.value === null) return missing(`needs ${names[0]} and ${names[1]}: ${a.reason ?? b.reason}`);
  const x = a.median ?? a.value;
  const y = b.median ?? b.value;
  if (!(y > 0)) return missing(`${names[1]} is ${y}: no ratio`);
  return figure(round(x / y, 2), method, { measuredAt: a.measuredAt });
}

/** Every target checked: ok only for a measured value within it; a missing figure fails with its reason. */
export function checkTargets(figures, targets) {
  const checks = {};
  for (const [key, [op, limit]] of Object.entries(targets)) {
    const f = figures[key] ?? missing(`nothing produced ${key}`);
    const ok = typeof f.value === 'number' && (op === '<=' ? f.value <= limit : f.value >= limit);
    checks[key] = { value: f.value, target: `${op} ${limit}`, ok, ...(f.value === null ? { reason: f.reason } : {}) };
  }
  const failed = Object.entries(checks).filter(([, c]) => !c.ok).map(([k]) => k);
  return { checks, failed };
}
