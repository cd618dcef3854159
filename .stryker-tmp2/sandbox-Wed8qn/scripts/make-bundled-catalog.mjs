// Trims a captured GET /api/v1/models response to what the catalog normaliser reads, for the snapshot the
// extension ships (used until the first live fetch succeeds, and by the CLI's --offline).
//
//   node scripts/make-bundled-catalog.mjs [capture.json] [YYYY-MM-DD]
//
// The output keeps OpenRouter's raw field names (an ApiModel subset), so the same normaliser runs on it and
// on live data. One model per line keeps a refresh reviewable in a diff.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const input = resolve(process.argv[2] ?? resolve(root, 'test/fixtures/openrouter/models-2026-07-29.json'));
const capturedAt = process.argv[3] ?? /(\d{4}-\d{2}-\d{2})/.exec(basename(input))?.[1];
const output = resolve(root, 'src/core/data/catalogSnapshot.json');

if (!capturedAt || !/^\d{4}-\d{2}-\d{2}$/.test(capturedAt)) {
  console.error('make-bundled-catalog: give the capture date as YYYY-MM-DD (second argument)');
  process.exit(2);
}

const PRICE_KEYS = ['prompt', 'completion', 'input_cache_read', 'input_cache_write', 'internal_reasoning', 'request', 'web_search', 'image'];
const OVERRIDE_KEYS = ['min_prompt_tokens', 'utc_start', 'utc_end', 'prompt', 'completion', 'input_cache_read', 'input_cache_write'];
const AA_KEYS = ['intelligence_index', 'coding_index', 'agentic_index'];

function pick(obj, keys) {
  const out = {};
  for (const k of keys) if (obj?.[k] !== undefined && obj[k] !== null) out[k] = obj[k];
  return out;
}

/**
 * "0.00000009" → "9e-8" when shorter: the same number, rewritten in the string domain so no float rounding
 * creeps in. The schemas and the price reader accept exponent notation.
 */
function shortPrice(s) {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (m === null) return s;
  const [, sign, int, frac = ''] = m;
  let digits = (int + frac).replace(/^0+/, '');
  if (digits === '') return s;
  let exp = -frac.length;
  while (digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    exp += 1;
  }
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const alt = `${sign}${mantissa}e${exp + digits.length - 1}`;
  return alt.length < s.length && Number(alt) === Number(s) ? alt : s;
}

function shortPrices(obj) {
  for (const [k, v] of Object.entries(obj)) if (typeof v === 'string') obj[k] = shortPrice(v);
  return obj;
}

function trim(m) {
  if (typeof m?.id !== 'string' || typeof m?.pricing?.prompt !== 'string' || typeof m?.pricing?.completion !== 'string') {
    throw new Error(`entry without id or prices: ${JSON.stringify(m).slice(0, 120)}`);
  }
  const out = { id: m.id, name: m.name };
  if (m.canonical_slug && m.canonical_slug !== m.id) out.canonical_slug = m.canonical_slug;
  if (typeof m.created === 'number') out.created = m.created;
  const contextLength = m.context_length ?? m.top_provider?.context_length ?? null;
  if (contextLength !== null) out.context_length = contextLength;
  const inputs = m.architecture?.input_modalities;
  const outputs = m.architecture?.output_modalities;
  // The "in+in->out" modality string is half the size of the two lists and the normaliser reads either.
  // Every entry keeps it: the extension host reads this file directly (dist/catalog-snapshot.json), so the
  // snapshot must be complete on its own, with no loader filling in defaults.
  if (Array.isArray(inputs) && Array.isArray(outputs) && inputs.length > 0 && outputs.length > 0) {
    out.architecture = { modality: `${inputs.join('+')}->${outputs.join('+')}` };
  }
  out.pricing = shortPrices(pick(m.pricing, PRICE_KEYS));
  if (Array.isArray(m.pricing.overrides) && m.pricing.overrides.length > 0) {
    out.pricing.overrides = m.pricing.overrides.map((o) => shortPrices(pick(o, OVERRIDE_KEYS)));
  }
  // The normaliser only asks whether tools are supported.
  if (Array.isArray(m.supported_parameters) && m.supported_parameters.includes('tools')) out.supported_parameters = ['tools'];
  if (m.expiration_date) out.expiration_date = m.expiration_date;
  const aa = pick(m.benchmarks?.artificial_analysis, AA_KEYS);
  if (Object.keys(aa).length > 0) out.benchmarks = { artificial_analysis: aa };
  if (m.alias_target?.slug) out.alias_target = { slug: m.alias_target.slug };
  return out;
}

const capture = JSON.parse(readFileSync(input, 'utf8'));
const models = (Array.isArray(capture) ? capture : capture.data).map(trim);
const text = `{"capturedAt":${JSON.stringify(capturedAt)},"models":[\n${models.map((m) => JSON.stringify(m)).join(',\n')}\n]}\n`;
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, text);
console.log(`${output}: ${models.length} models, ${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`);
