// Trims a captured GET /api/v1/datasets/rankings-daily response to the rankings snapshot the extension ships:
// the capture's last complete Monday..Sunday week (UTC), every row of it, folded per model so a permaslug is
// written once. The extension shows it in the leaders and the daily chart until live data arrives, labelled
// "bundled" with its as_of; the CC BY 4.0 licence asks for the citation it carries.
//
//   node scripts/make-bundled-rankings.mjs [capture.json]
//
// Sibling of make-bundled-catalog.mjs. Output: src/core/data/rankingsSnapshot.json, copied to
// dist/rankings-snapshot.json by esbuild.mjs (read after activation, not part of the host bundle).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const input = resolve(process.argv[2] ?? resolve(root, 'test/fixtures/openrouter/rankings-daily-2026-07-06_2026-07-26.json'));
const output = resolve(root, 'src/core/data/rankingsSnapshot.json');
const CITATION = 'Source: OpenRouter (openrouter.ai/rankings), CC BY 4.0';
const DAY_MS = 86_400_000;

const day = (ms) => new Date(ms).toISOString().slice(0, 10);
const addDays = (d, n) => day(Date.parse(`${d}T00:00:00Z`) + n * DAY_MS);

const capture = JSON.parse(readFileSync(input, 'utf8'));
const rows = capture.data.filter(
  (r) => typeof r?.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(r.date) && typeof r.model_permaslug === 'string' && /^\d+$/.test(String(r.total_tokens)),
);
const daysWithRows = new Set(rows.map((r) => r.date));

// The last Sunday with data whose Monday..Sunday all have data.
let end = [...daysWithRows].sort().at(-1);
while (end !== undefined) {
  if (new Date(`${end}T00:00:00Z`).getUTCDay() === 0 && [0, 1, 2, 3, 4, 5, 6].every((i) => daysWithRows.has(addDays(end, -i)))) break;
  end = [...daysWithRows].filter((d) => d < end).sort().at(-1);
}
if (end === undefined) {
  console.error('make-bundled-rankings: the capture has no complete Monday..Sunday week');
  process.exit(2);
}
const start = addDays(end, -6);
const days = [0, 1, 2, 3, 4, 5, 6].map((i) => addDays(start, i));

// permaslug -> tokens per day (null: not in that day's top 50). Duplicates in a capture keep the larger figure,
// as the extension does.
const byModel = new Map();
for (const r of rows) {
  const i = days.indexOf(r.date);
  if (i < 0) continue;
  const cells = byModel.get(r.model_permaslug) ?? Array(7).fill(null);
  const t = String(r.total_tokens);
  if (cells[i] === null || BigInt(t) > BigInt(cells[i])) cells[i] = t;
  byModel.set(r.model_permaslug, cells);
}
const models = [...byModel.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
// The capture's own as_of (how fresh OpenRouter said the data was), else the end of the week.
const asOf = typeof capture.meta?.as_of === 'string' && capture.meta.as_of !== '' ? capture.meta.as_of : `${end}T23:59:59Z`;

const text =
  `{"asOf":${JSON.stringify(asOf)},"citation":${JSON.stringify(CITATION)},"window":${JSON.stringify({ start, end })},"days":${JSON.stringify(days)},"models":{\n` +
  models.map(([slug, cells]) => `${JSON.stringify(slug)}:${JSON.stringify(cells)}`).join(',\n') +
  '\n}}\n';
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, text);
console.log(`${output}: ${start}..${end}, ${models.length} models, ${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`);
