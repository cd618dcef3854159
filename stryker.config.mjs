// StrykerJS configuration for `npm run mutation` (see README, "Test strength"). It mutates the modules where a
// wrong line costs users money or files, runs the `unit` vitest project against each mutant, and writes
// reports/mutation/mutation.json, which scripts/mutation.mjs turns into one score line (target >= 85 % killed).
//
// Mutants judged equivalent (no observable behaviour differs) are disabled in the source with
// `// Stryker disable next-line <mutator>: <reason>` comments, each with its reason; grep for "Stryker disable".
// Where a disable comment would also hide real mutants on the same line, the equivalent ones are left to count
// as survivors and listed here instead:
//   money.ts      intPart = '' default: the (\d*) group always matches, so the default is never used.
//   format.ts     formatUsd `n <= 0` for the sign: 0 returns "$0.00" before the sign is used.
//                 trimZeros `int = ''` default: split always yields a first element.
//                 finite()'s `typeof n === 'number'` -> true: Number.isFinite is false for every non-number.
//                 Boundaries where both branches write the same text: formatUsd `a <= 0.01` ("$0.01"), formatPrice
//                 `n > 100` ("$100") and `n > 0.01` ("$0.01"), formatPercent's floored `a > 10` ("10%"),
//                 formatLatency `s <= 10` ("10 s"), formatThroughput `< 10` -> `<= 10` ("10 tok/s"), formatChange
//                 `fraction >= 0` and formatPercent `pct <= 0` (0 has no sign), formatPercent `a === 0` -> false
//                 (0 through toFixed also reads "0").
//                 formatPrice `/\.00$/` without "$": toFixed(2) puts ".00" only at the end.
//                 formatTokens' rounding guard `value > 0`, `value <= MAX_SAFE_INTEGER` -> true or `<`: rounding 0 or
//                 a whole number past 2^53 changes nothing.
//                 parseTokenInput `Number.isFinite(n)` -> true, `||`, `n >= 0` -> true: the pattern admits no sign,
//                 and Infinity fails `n <= 1e15` as well.
//                 formatAsOfDay `nowMs !== undefined` / `Number.isFinite(nowMs)` -> true and `||`: an undefined or NaN
//                 clock makes an invalid Date, whose year (NaN) equals none.
//                 formatUnixDay `seconds >= 8.64e12`: the last Date's ISO form starts "+275760", which no day pattern reads.
//   levels.ts     budgetLevel `spent === null` / `=== undefined` -> false: neither is finite, same exit.
//                 trustedUsage `?? 'unverified'` -> "": both are neither 'management' nor 'notManagement'.
//                 lowestRemaining `typeof v === 'number'` -> true: Number.isFinite is false for non-numbers.
//   protocolGuard describe() `if (!first)`: valibot never fails with an empty issue list.
//                 `typeof ms/id/method` checks -> false: Number.isFinite / isInteger / hasOwnProperty refuse them too.
//   activity.ts   bySpend's tie branches (`>=` for `>` after an equality check; model names are unique per list,
//                 and V8's sort never needs the "a > b" answer for them); droppedRows `>= 0` (0 gives 0 either way);
//                 baseId toUpperCase for toLowerCase (both sides of the comparison change alike); baseId's
//                 `colon <= 0` (an id starting with ":" names no model); typeof checks before Number.isFinite; the
//                 unused "" default of a non-string date; `opts.droppedRows !== undefined` -> true (Number.isInteger
//                 refuses undefined too).
//   usage.ts      num()'s typeof check before Number.isFinite; monthProgress reading a Date through valueOf.
//   presenter.ts  switch cases removed in stateBackground ('notManagementKey', 'invalid') and stateCommand ('error'):
//                 each falls through to a case that answers the same for that state (no figures: 'none', refresh).
//                 spendFigure's `typeof byok === 'number'` before Number.isFinite; `if (creditsAge !== null)`
//                 (Math.max with null is the key's own age); notManagementKey's `managementKind === 'notManagement'`
//                 (trustedUsage already turns that into balanceStatus 'notManagementKey').
//                 headline 'error' without an error: the state is 'error' only when there is one.
//   alerts.ts     lowBalanceMessage `usage.binding === null` -> true, and `usage.key?.limitReset` -> `usage.key.`:
//                 only differ for a binding with no figure behind it (binding 'balance' without a balance, a
//                 remaining figure with neither key nor balance), which usageView never builds.
//   protocolGuard, and any module-level constant: the regexes and the schema table are built at import, so
//                 with ignoreStatic Stryker activates their mutants at run time, after the import: they survive
//                 whatever the tests assert (test/unit/protocolGuard.mutation.test.ts pins MODEL_ID_PATTERN and
//                 each method's schema). They count as survivors in the score. So do the "() => undefined" mutants
//                 of arrow functions held in module-level constants (activity.ts's toUnits, fromUnits, isAmount,
//                 isCount, bySpend): the constant is built at import, before the mutant is active.
//   errors.ts     the constructor's `if (init.x !== undefined)` guards: the declared class fields already hold
//                 undefined (ES2022 define semantics), so assigning undefined changes nothing.
//   baseUrl.ts    isLoopbackHost without "^": URL refuses any host whose last labels read as an IPv4 address.
//   tomlLex.ts    basicClose `i < text.length` -> `<=`: past the end charCodeAt is NaN and startsWith false, same -1.
//   dupKeys.ts    (TOML) decodeBasic `i < raw.length` -> `<=` (charAt past the end appends ""). The `pos < n` bounds
//                 of the key, space, inline-table and bare-value loops (`<=`, true) and readInline's `pos >= n`
//                 return: past the end text[pos] is undefined, which no loop accepts and no key starts with.
//                 readInline's comment loop `pos < n` -> `<=` (one step past the end, then the same return).
//                 compatibleDefinitions `now === 'value'` -> false and `case 'header'` removed: the switch falls off
//                 its end, and undefined reads as false. define's `was.recorded = true` -> false (the first key,
//                 pushed again, pairs with each later one as before: same first and last repeat, still more than
//                 before) and, in the implied -> kind update, `kind !== 'implied'` -> true and `&&` -> `||` (an
//                 implied table set to implied again; otherwise only equal kinds are compatible there).
//                 `out = []` -> ["Stryker was here"] (an entry without container or key pairs with nothing).
//                 child()'s `parent === ''` -> false, `inlineId--`, arrayCount's `- 1`: every path or id changes
//                 alike and stays unique. The root loop's `c === '\r'` -> false: a CR at a line start reads as no
//                 key and is skipped to its LF.
//                 (YAML) keyFormatOf's `pop() ?? ''` default (a path always has a last segment) and its .yml/.yaml
//                 fallback (classifyPath reads every such path as YAML first); yamlKeys' `lead = ''` default (the
//                 group always matches); in the explicit-key line scan, `?? -1` after `stack.length > 0` and
//                 `doc--` (document ids change alike and stay unique).
//   recognize.ts  yamlKindCandidates' `fm !== null` -> true (a missing front matter throws inside the file's try:
//                 the same empty result); textTokens' `end - start > MAX_TOKEN` (interpretId refuses anything over
//                 200 characters anyway); `text.indexOf('/') < 0` -> `<= 0` (a lone "/" at offset 0 starts no id);
//                 bareIdEnd's `i < end` / `i >= end` bounds (the character at `end` never is an id character).
//   presenter.ts  the tooltip's 'error' line without an error (as the headline's, above).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.mts' },
  // checkpoint (scripts/strykerCheckpoint.mjs): each result as it comes, so a stopped run still leaves what it reached.
  plugins: ['@stryker-mutator/vitest-runner', './scripts/strykerCheckpoint.mjs'],
  coverageAnalysis: 'perTest',
  // Two cores shared with other work: one test-runner process at a time.
  concurrency: 1,
  // Added to each mutant's expected time (its covering tests' own time x 1.5): an infinite loop (a lexer's bound
  // mutated) is cut after ~10 s more than the tests need, not 20 s; each timeout also restarts the worker.
  timeoutMS: 10_000,
  // The initial run executes the whole unit project once; on a loaded machine it takes well over the default 5 min.
  dryRunTimeoutMinutes: 30,
  // Static mutants (module-level code, and code the test files run at import to build their fixtures: the
  // refs fixture catalog, rankings views, sanitiser tables) cannot be traced to single tests, so each one re-runs
  // every related test file: 1,469 of 4,880 mutants, estimated by Stryker at 95 % of the run (days on two shared
  // cores). They are reported as "Ignored" and not counted in the score; see README, "Test strength".
  ignoreStatic: true,
  mutate: [
    // money and usage
    'src/core/account/money.ts',
    // every figure a user reads is rendered here (money, prices, tokens, percentages)
    'src/shared/format.ts',
    'src/core/account/usage.ts',
    'src/core/account/activity.ts',
    // rankings
    'src/core/market/rankings.ts',
    // status presenter and alerts
    'src/core/status/presenter.ts',
    'src/core/status/alerts.ts',
    'src/core/status/levels.ts',
    // refs swap and recognition
    'src/core/refs/swap.ts',
    'src/core/refs/dupKeys.ts',
    'src/core/refs/tomlLex.ts',
    'src/core/refs/recognize.ts',
    // protocol guard
    'src/core/bridge/protocolGuard.ts',
    // error redaction: the sanitiser for server text and the typed API errors
    'src/core/openrouter/errors.ts',
    'src/shared/sanitize.ts',
    // settings' base-URL policy: one module decides it for the settings reader, the CLI and the client
    'src/core/openrouter/baseUrl.ts',
  ],
  reporters: ['json', 'html', 'clear-text', 'progress', 'checkpoint'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  thresholds: { high: 90, low: 85, break: 85 },
  // Keep the sandbox copy small: the e2e stage, build output and packages play no part in unit tests.
  ignorePatterns: ['/dist', '/dist-test', '/test/e2e', '/test/.results', '/bench/.out', '/.demo', '/*.vsix', '/reports',
    // Stryker leaves out '.next' folders by default; the refs corpus holds one on purpose (excluded build output).
    '!/test/fixtures/refs/corpus/excluded/.next', '!/test/fixtures/refs/corpus/excluded/.next/**'],
  // Only sources get the '// @ts-nocheck' header: test fixtures (the refs corpus) must stay byte-identical.
  disableTypeChecks: 'src/**/*.ts',
  // Incremental: a run reuses the last run's result for every mutant whose code and covering tests did not change
  // (reports/stryker-incremental.json, Stryker's own diff), so after a first full run, reviewing survivors costs
  // minutes, not hours; the report is still the whole set. `npm run mutation -- --force` tests every mutant again.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
