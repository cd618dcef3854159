// A Stryker reporter plugin ("checkpoint") for `npm run mutation`: one JSON line per mutant as soon as it is
// tested, in reports/mutation/progress.jsonl. Stryker writes its own report only when the whole run ends, and a
// full run takes hours on two cores; a run that is stopped (or crashes) still leaves every result it reached, and
// scripts/mutation.mjs prints the score so far from them, said to be partial.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { PluginKind, declareClassPlugin } from '@stryker-mutator/api/plugin';

export const PROGRESS = 'reports/mutation/progress.jsonl';

const line = (record) => appendFileSync(PROGRESS, `${JSON.stringify(record)}\n`);

class CheckpointReporter {
  constructor() {
    mkdirSync(dirname(PROGRESS), { recursive: true });
    writeFileSync(PROGRESS, '');
  }

  onMutationTestingPlanReady({ mutantPlans }) {
    line({ type: 'plan', at: new Date().toISOString(), mutants: mutantPlans.length, toRun: mutantPlans.filter((p) => p.plan === 'Run').length });
  }

  onMutantTested(result) {
    line({
      type: 'mutant',
      file: relative(process.cwd(), result.fileName).split('\\').join('/'),
      id: result.id,
      line: result.location.start.line,
      mutator: result.mutatorName,
      replacement: result.replacement,
      status: result.status,
    });
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, 'checkpoint', CheckpointReporter)];
