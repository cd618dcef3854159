// Work accounting for recognition: every scanning loop reports how many characters (or tokens) it looked at, so a
// test can check that work grows linearly with the input without timing anything, and the caller can set a time
// budget that stops a file that takes too long (checked on the injected clock every few thousand units).

/** Thrown by `Meter.spend` when the budget runs out; recognition turns it into a `skipped` result. */
export class BudgetExceeded extends Error {
  readonly kind = 'budgetExceeded';
  constructor(readonly elapsedMs: number) {
    super('recognition took longer than its budget');
  }
}

export interface Meter {
  /** Account for `units` of work (characters scanned, tokens read). Throws BudgetExceeded past the deadline. */
  spend(units: number): void;
  /** Work accounted so far. */
  readonly units: number;
}

export interface MeterOptions {
  /** Milliseconds the work may take; no limit when absent. */
  budgetMs?: number;
  /** Clock in milliseconds; `Date.now` when absent. */
  now?: () => number;
}

/** How much work passes between two looks at the clock. */
const CHECK_EVERY = 8192;

export function createMeter(options: MeterOptions = {}): Meter {
  const budget = options.budgetMs;
  const now = options.now ?? Date.now;
  const start = budget === undefined ? 0 : now();
  let units = 0;
  let nextCheck = CHECK_EVERY;
  return {
    spend(n: number): void {
      units += n;
      if (units < nextCheck) return;
      nextCheck = units + CHECK_EVERY;
      if (budget === undefined) return;
      const elapsed = now() - start;
      if (elapsed > budget) throw new BudgetExceeded(elapsed);
    },
    get units(): number {
      return units;
    },
  };
}

/** For callers that need no accounting. */
export const UNMETERED: Meter = {
  spend(): void {
    // Nothing to count.
  },
  units: 0,
};
