// npm run mutation: StrykerJS over the money, usage, status, refs-swap, protocol-guard and base-URL-policy modules
// (stryker.config.mjs lists them), then one line with the score read from reports/mutation/mutation.json.
// Exits non-zero when Stryker fails or the score is under the target. Extra arguments go to Stryker, e.g.
// `npm run mutation -- --mutate src/core/account/money.ts` while working on one file.
// Not part of `npm test`: a full run takes many minutes on two cores.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { PROGRESS } from './strykerCheckpoint.mjs';

const REPORT = 'reports/mutation/mutation.json';
const TARGET = 85;

/** Stryker's own definition: killed + timeout over all mutants with a result (no-coverage counts as survived). */
export function score(report) {
  const perFile = [];
  let detected = 0;
  let valid = 0;
  let killed = 0;
  for (const [file, { mutants }] of Object.entries(report.files)) {
    let d = 0;
    let v = 0;
    let k = 0;
    for (const m of mutants) {
      if (m.status === 'Killed' || m.status === 'Timeout') d += 1;
      if (m.status === 'Killed') k += 1;
      if (['Killed', 'Timeout', 'Survived', 'NoCoverage'].includes(m.status)) v += 1;
    }
    perFile.push({ file, detected: d, valid: v, pct: v === 0 ? 100 : (100 * d) / v });
    detected += d;
    valid += v;
    killed += k;
  }
  return { perFile, detected, killed, valid, pct: valid === 0 ? 100 : (100 * detected) / valid };
}

/**
 * The checkpoint reporter's lines (scripts/strykerCheckpoint.mjs) as a report for score(): the mutants tested so
 * far, per file, and how many the plan held. Lines cut short by a stop are skipped.
 */
export function partialReport(jsonl) {
  const files = {};
  let planned = null;
  let tested = 0;
  for (const text of jsonl.split('\n')) {
    let record;
    try {
      record = JSON.parse(text);
    } catch {
      continue;
    }
    if (record?.type === 'plan' && Number.isInteger(record.mutants)) planned = record.mutants;
    if (record?.type !== 'mutant' || typeof record.file !== 'string' || typeof record.status !== 'string') continue;
    (files[record.file] ??= { mutants: [] }).mutants.push({ status: record.status });
    tested += 1;
  }
  return { files, planned, tested };
}

function printScore(s) {
  console.log('');
  for (const f of s.perFile.sort((a, b) => a.file.localeCompare(b.file))) {
    console.log(`${f.pct.toFixed(2).padStart(7)} %  ${String(f.detected).padStart(4)} / ${String(f.valid).padEnd(4)} ${f.file}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  rmSync(REPORT, { force: true });
  rmSync(PROGRESS, { force: true });
  const r = spawnSync(process.execPath, ['node_modules/@stryker-mutator/core/bin/stryker.js', 'run', ...process.argv.slice(2)], { stdio: 'inherit' });
  if (!existsSync(REPORT)) {
    console.error(`mutation: Stryker wrote no ${REPORT} (exit ${r.status ?? r.signal})`);
    // What the run reached before it stopped: a partial figure, never the score.
    if (existsSync(PROGRESS)) {
      const p = partialReport(readFileSync(PROGRESS, 'utf8'));
      const s = score(p);
      printScore(s);
      console.log(`mutation score so far (partial, not the score): ${s.pct.toFixed(2)} % (killed ${s.detected} / ${s.valid}) after ${p.tested} of ${p.planned ?? '?'} mutants; see ${PROGRESS}`);
    }
    process.exit(r.status || 1);
  }
  const s = score(JSON.parse(readFileSync(REPORT, 'utf8')));
  printScore(s);
  console.log(`mutation score: ${s.pct.toFixed(2)} % (killed ${s.detected} / total ${s.valid}, target ${TARGET} %) on ${s.perFile.length} files`);
  process.exitCode = s.pct >= TARGET && r.status === 0 ? 0 : 1;
}
