// Which lab, and which region, an OpenRouter author prefix stands for.
//
// OpenRouter publishes no author-country field, so this table is maintained by hand from
// docs/openrouter-api.md §10 (prefixes seen in /models, the frontend catalog and rankings). The region is the
// lab's origin, not where a provider hosts the weights: an open-weight DeepSeek model served by a US provider
// still counts as CN, which is what "Chinese vs US labs" asks.
//
// Decisions the doc leaves open, written down so they are not re-litigated in review:
// - EU means the European Union: mistralai (FR), tngtech and black-forest-labs (DE).
// - cohere → OTHER: founded and headquartered in Canada; OpenRouter's provider directory lists its legal
//   entity as US, but origin is what the comparison is about.
// - rekaai → OTHER: the doc lists it under "Other" with US/UK uncertain; neither reading makes it CN or EU.
// - poolside → US, as the doc's US table has it (HQ uncertain US/France).
// - Community fine-tuners (sao10k, thedrummer, ...) → UNKNOWN: they re-train other labs' weights and are
//   often individuals; a country for them would be invented. They are still *known* authors (listed here), so
//   "UNKNOWN" is a decision, not a gap.
// - openrouter (routers such as openrouter/auto) and stealth models → UNKNOWN: no lab behind the name.
// User overrides (setting `modelRadar.regions.overrides`) win over this table.
import type { Region } from '../../shared/types';

export interface LabInfo {
  lab: string;
  region: Region;
}

export interface AuthorInfo extends LabInfo {
  /** Normalised author: lower case, no "~". Empty when the id had no author part. */
  author: string;
  /** The author is in the table or the user's overrides; false means UNKNOWN by default, not by decision. */
  known: boolean;
}

const CN = (lab: string): LabInfo => ({ lab, region: 'CN' });
const US = (lab: string): LabInfo => ({ lab, region: 'US' });
const EU = (lab: string): LabInfo => ({ lab, region: 'EU' });
const OTHER = (lab: string): LabInfo => ({ lab, region: 'OTHER' });
const UNKNOWN = (lab: string): LabInfo => ({ lab, region: 'UNKNOWN' });

/** Author prefix (lower case, no "~") → lab and region. */
export const AUTHOR_TABLE: Readonly<Record<string, LabInfo>> = Object.freeze({
  // China
  deepseek: CN('DeepSeek'),
  'deepseek-ai': CN('DeepSeek'),
  qwen: CN('Alibaba Qwen'),
  alibaba: CN('Alibaba'),
  moonshotai: CN('Moonshot AI'),
  'z-ai': CN('Z.ai'),
  thudm: CN('Tsinghua KEG / Zhipu'),
  minimax: CN('MiniMax'),
  baidu: CN('Baidu'),
  tencent: CN('Tencent'),
  'bytedance-seed': CN('ByteDance Seed'),
  bytedance: CN('ByteDance'),
  'bytedance-research': CN('ByteDance Research'),
  stepfun: CN('StepFun'),
  'stepfun-ai': CN('StepFun'),
  '01-ai': CN('01.AI'),
  inclusionai: CN('inclusionAI'),
  meituan: CN('Meituan'),
  xiaomi: CN('Xiaomi'),
  kwaipilot: CN('Kuaishou KwaiPilot'),
  kwaivgi: CN('Kuaishou'),
  baai: CN('Beijing Academy of AI'),
  opengvlab: CN('Shanghai AI Lab'),
  'nex-agi': CN('Nex AGI'),
  internlm: CN('Shanghai AI Lab (InternLM)'),
  openbmb: CN('OpenBMB'),
  // United States
  openai: US('OpenAI'),
  anthropic: US('Anthropic'),
  google: US('Google'),
  'meta-llama': US('Meta'),
  meta: US('Meta'),
  'x-ai': US('xAI'),
  microsoft: US('Microsoft'),
  amazon: US('Amazon'),
  nvidia: US('NVIDIA'),
  perplexity: US('Perplexity'),
  'ibm-granite': US('IBM'),
  allenai: US('Ai2'),
  'arcee-ai': US('Arcee AI'),
  inception: US('Inception Labs'),
  liquid: US('Liquid AI'),
  nousresearch: US('Nous Research'),
  deepcogito: US('Deep Cogito'),
  thinkingmachines: US('Thinking Machines Lab'),
  perceptron: US('Perceptron'),
  writer: US('Writer'),
  relace: US('Relace'),
  morph: US('Morph'),
  poolside: US('Poolside'),
  inflection: US('Inflection AI'),
  databricks: US('Databricks'),
  snowflake: US('Snowflake'),
  togethercomputer: US('Together AI'),
  essentialai: US('Essential AI'),
  'prime-intellect': US('Prime Intellect'),
  zyphra: US('Zyphra'),
  // European Union
  mistralai: EU('Mistral AI'),
  tngtech: EU('TNG Technology Consulting'),
  'black-forest-labs': EU('Black Forest Labs'),
  // Elsewhere
  cohere: OTHER('Cohere'),
  ai21: OTHER('AI21 Labs'),
  'aion-labs': OTHER('AionLabs'),
  sakana: OTHER('Sakana AI'),
  upstage: OTHER('Upstage'),
  rekaai: OTHER('Reka AI'),
  sarvamai: OTHER('Sarvam AI'),
  'tokyotech-llm': OTHER('Tokyo Tech'),
  scb10x: OTHER('SCB 10X'),
  // Not a lab: routers, stealth releases, community fine-tuners (see the header).
  openrouter: UNKNOWN('OpenRouter (router)'),
  stealth: UNKNOWN('Stealth model'),
  gryphe: UNKNOWN('Gryphe (community fine-tune)'),
  sao10k: UNKNOWN('Sao10K (community fine-tune)'),
  thedrummer: UNKNOWN('TheDrummer (community fine-tune)'),
  undi95: UNKNOWN('Undi95 (community fine-tune)'),
  'anthracite-org': UNKNOWN('Anthracite (community fine-tune)'),
  mancer: UNKNOWN('Mancer (community fine-tune)'),
  cognitivecomputations: UNKNOWN('Cognitive Computations (community fine-tune)'),
  neversleep: UNKNOWN('NeverSleep (community fine-tune)'),
  'eva-unit-01': UNKNOWN('EVA (community fine-tune)'),
  alpindale: UNKNOWN('Alpindale (community fine-tune)'),
});

/**
 * The author part of a model id or permaslug: "~Anthropic/claude-x:free" → "anthropic". An id without "/"
 * (seen in rankings: "text-embedding-3-large") has no author: "".
 */
export function authorOfId(id: string): string {
  const slash = id.indexOf('/');
  if (slash < 0) return '';
  return normalizeAuthor(id.slice(0, slash));
}

/** Lower case, surrounding space and a leading "~" removed. */
export function normalizeAuthor(author: string): string {
  const a = author.trim().toLowerCase();
  return a.startsWith('~') ? a.slice(1) : a;
}

export interface RegionResolver {
  /** Lab and region of an author prefix (any case, "~" allowed). */
  author(author: string): AuthorInfo;
  /** Lab and region of a model id or permaslug. */
  model(id: string): AuthorInfo;
  /** Listed in the table or the overrides. */
  isKnownAuthor(author: string): boolean;
}

/**
 * A resolver over the built-in table with the user's overrides on top. The overrides are `settings.regions.overrides`
 * as the settings reader left them (validated there, once: normalised author → region); they are not re-checked here.
 */
export function createRegionResolver(overrides: Readonly<Record<string, Region>> = {}): RegionResolver {
  const own = new Map<string, Region>(Object.entries(overrides));
  const cache = new Map<string, AuthorInfo>();
  const lookup = (a: string): AuthorInfo => {
    const hit = cache.get(a);
    if (hit !== undefined) return hit;
    const base = Object.hasOwn(AUTHOR_TABLE, a) ? AUTHOR_TABLE[a] : undefined;
    const override = own.get(a);
    const info: AuthorInfo = {
      author: a,
      lab: base?.lab ?? a,
      region: override ?? base?.region ?? 'UNKNOWN',
      known: override !== undefined || base !== undefined,
    };
    // Authors come from data, so the cache stays small; the cap only guards against pathological input.
    if (cache.size < 4096) cache.set(a, info);
    return info;
  };
  return {
    author: (author) => lookup(normalizeAuthor(author)),
    model: (id) => lookup(authorOfId(id)),
    isKnownAuthor: (author) => lookup(normalizeAuthor(author)).known,
  };
}

/** The resolver without overrides, for callers that have no settings (CLI, tests, bundled data). */
export const DEFAULT_REGIONS: RegionResolver = createRegionResolver();
