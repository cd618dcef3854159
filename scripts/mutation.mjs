// npm run mutation: StrykerJS over the money, usage, status, refs-swap, protocol-guard and base-URL-policy modules
// (stryker.config.mjs lists them), then one line with the score read from reports/mutation/mutation.json.
// Exits non-zero when Stryker fails or the score is under the target. Extra arguments go to Stryker, e.g.
// `npm run mutation -- --mutate src/core/account/money.ts` while working on one file.
// Not part of `npm test`: a full run takes many minutes on two cores.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

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

if (import.meta.url === `file://${process.argv[1]}`) {
  rmSync(REPORT, { force: true });
  const r = spawnSync(process.execPath, ['node_modules/@stryker-mutator/core/bin/stryker.js', 'run', ...process.argv.slice(2)], { stdio: 'inherit' });
  if (!existsSync(REPORT)) {
    console.error(`mutation: Stryker wrote no ${REPORT} (exit ${r.status})`);
    process.exit(r.status || 1);
  }
  const s = score(JSON.parse(readFileSync(REPORT, 'utf8')));
  console.log('');
  for (const f of s.perFile.sort((a, b) => a.file.localeCompare(b.file))) {
    console.log(`${f.pct.toFixed(2).padStart(7)} %  ${String(f.detected).padStart(4)} / ${String(f.valid).padEnd(4)} ${f.file}`);
  }
  console.log(`mutation score: ${s.pct.toFixed(2)} % (killed ${s.detected} / total ${s.valid}, target ${TARGET} %) on ${s.perFile.length} files`);
  process.exitCode = s.pct >= TARGET && r.status === 0 ? 0 : 1;
}
