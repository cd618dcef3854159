import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findRefs } from '../../src/core/refs/recognize';
import { applyEdits, computeSwap, keepVariantOption, sameModelKey, type SwapResult } from '../../src/core/refs/swap';
import { computeSwapAll } from '../support/swapAll';
import { baseOf, variantOf } from '../../src/core/refs/idShape';
import type { ModelRef } from '../../src/core/refs/types';
import { fixtureCatalog } from './refsFixtureCatalog';

const catalog = fixtureCatalog();

function ok(result: SwapResult): { edits: { offset: number; length: number; newText: string }[]; notes: string[] } {
  if (!result.ok) throw new Error(`refused: ${result.refusal.kind} ${result.refusal.message}`);
  return result;
}

function swapText(file: string, text: string, index: number, target: string): { text: string; notes: string[] } {
  const ref = findRefs(file, text, catalog)[index];
  const r = ok(computeSwap(text, ref!, target, catalog));
  return { text: applyEdits(text, r.edits), notes: r.notes };
}

describe('computeSwap', () => {
  it('replaces only the id, keeping the prefix, quotes and the comment', () => {
    const text = 'model: "openrouter/deepseek/deepseek-v3.2"   # main model\nauto-commits: false\n';
    expect(swapText('.aider.conf.yml', text, 0, 'qwen/qwen3-coder').text).toBe(
      'model: "openrouter/qwen/qwen3-coder"   # main model\nauto-commits: false\n',
    );
  });

  it('accepts a target written with the LiteLLM prefix', () => {
    expect(swapText('.env', 'OPENROUTER_MODEL=openai/gpt-5\n', 0, 'openrouter/qwen/qwen3-coder').text).toBe('OPENROUTER_MODEL=qwen/qwen3-coder\n');
  });

  it('writes exactly the picked target: a variant is never added or kept silently (#9 item 3)', () => {
    const text = 'OPENROUTER_MODEL=openai/gpt-5:batch\n';
    expect(swapText('.env', text, 0, 'anthropic/claude-sonnet-4.5')).toEqual({ text: 'OPENROUTER_MODEL=anthropic/claude-sonnet-4.5\n', notes: [] });
    expect(swapText('.env', text, 0, 'anthropic/claude-sonnet-4.5:batch').text).toBe('OPENROUTER_MODEL=anthropic/claude-sonnet-4.5:batch\n');
    expect(swapText('src/a.ts', 'const m = "openai/gpt-5:nitro";\n', 0, 'deepseek/deepseek-v3.2').text).toBe('const m = "deepseek/deepseek-v3.2";\n');
    // A routing variant is routable for every catalog model, so it may be picked explicitly.
    expect(swapText('src/a.ts', 'const m = "openai/gpt-5:nitro";\n', 0, 'deepseek/deepseek-v3.2:nitro').text).toBe('const m = "deepseek/deepseek-v3.2:nitro";\n');
  });

  it('x:free -> x writes x (it is a change, not "already x")', () => {
    const text = 'OPENROUTER_MODEL=openai/gpt-oss-20b:free\n';
    expect(catalog.has('openai/gpt-oss-20b')).toBe(true);
    const r = ok(computeSwap(text, findRefs('.env', text, catalog)[0]!, 'openai/gpt-oss-20b', catalog));
    expect(applyEdits(text, r.edits)).toBe('OPENROUTER_MODEL=openai/gpt-oss-20b\n');
  });

  it('a target that exists only as a variant must be picked with it', () => {
    // The catalog lists nvidia/nemotron-nano-9b-v2:free but no paid nvidia/nemotron-nano-9b-v2.
    expect(catalog.has('nvidia/nemotron-nano-9b-v2')).toBe(false);
    const text = 'OPENROUTER_MODEL=openai/gpt-oss-20b:free\n';
    const ref = findRefs('.env', text, catalog)[0];
    const r = computeSwap(text, ref!, 'nvidia/nemotron-nano-9b-v2', catalog);
    expect(!r.ok && r.refusal.kind).toBe('targetUnknown');
    expect(swapText('.env', text, 0, 'nvidia/nemotron-nano-9b-v2:free').text).toBe('OPENROUTER_MODEL=nvidia/nemotron-nano-9b-v2:free\n');
  });

  it('offers "keep :variant" only when the target exists with that variant', () => {
    expect(keepVariantOption('openai/gpt-oss-20b:free', 'nvidia/nemotron-nano-9b-v2', catalog)).toBe('nvidia/nemotron-nano-9b-v2:free');
    expect(keepVariantOption('openai/gpt-5:nitro', 'deepseek/deepseek-v3.2', catalog)).toBe('deepseek/deepseek-v3.2:nitro');
    expect(keepVariantOption('openai/gpt-5:batch', 'deepseek/deepseek-v3.2', catalog)).toBeNull();
    expect(keepVariantOption('openai/gpt-5', 'deepseek/deepseek-v3.2', catalog)).toBeNull();
    expect(keepVariantOption('openai/gpt-oss-20b:free', 'openai/gpt-5:nitro', catalog)).toBeNull();
  });

  it('uses an explicit target variant as given', () => {
    expect(swapText('src/a.ts', "const m = 'openai/gpt-5';\n", 0, 'openai/gpt-oss-20b:free').text).toBe("const m = 'openai/gpt-oss-20b:free';\n");
  });

  it('refuses a target the catalog does not list, and writes nothing', () => {
    const text = 'OPENROUTER_MODEL=openai/gpt-5\n';
    const ref = findRefs('.env', text, catalog)[0];
    const r = computeSwap(text, ref!, 'openai/gpt-9', catalog);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.kind).toBe('targetUnknown');
    // A canonical slug is not a routable id to write.
    const slug = computeSwap(text, ref!, 'deepseek/deepseek-v4-flash-20260731', catalog);
    expect(!slug.ok && slug.refusal.kind).toBe('targetUnknown');
  });

  it('refuses when the file changed since the scan', () => {
    const text = 'OPENROUTER_MODEL=openai/gpt-5\n';
    const ref = findRefs('.env', text, catalog)[0];
    for (const changed of ['OPENROUTER_MODEL=openai/gpt-4o\n', 'X=1\nOPENROUTER_MODEL=openai/gpt-5\n', 'OPENROUTER']) {
      const r = computeSwap(changed, ref!, 'qwen/qwen3-coder', catalog);
      expect(!r.ok && r.refusal.kind).toBe('stale');
    }
  });

  it('refuses to rename an object key onto an existing key', () => {
    const text = '{ "provider": { "openrouter": { "models": { "openai/gpt-5": {}, "qwen/qwen3-coder": {} } } } }';
    const ref = findRefs('opencode.json', text, catalog)[0];
    const r = computeSwap(text, ref!, 'qwen/qwen3-coder', catalog);
    expect(!r.ok && r.refusal.kind).toBe('duplicateKey');
    expect(ok(computeSwap(text, ref!, 'x-ai/grok-4.5', catalog)).edits).toEqual([{ offset: ref!.offset, length: ref!.length, newText: 'x-ai/grok-4.5' }]);
  });

  it('changes nothing when the reference already names the target', () => {
    const text = 'OPENROUTER_MODEL=openai/gpt-5\n';
    const r = ok(computeSwap(text, findRefs('.env', text, catalog)[0]!, 'openai/gpt-5', catalog));
    expect(r.edits).toEqual([]);
  });

  it('swaps everywhere in one edit list: all spellings of the same model become exactly the target', () => {
    const text = [
      'model: openrouter/openai/gpt-5',
      'editor-model: openrouter/openai/gpt-5:batch',
      'weak-model: openrouter/openai/gpt-5-mini',
      'alias:',
      '  - "g:openrouter/openai/gpt-5-20250807"',
      '',
    ].join('\n');
    const refs = findRefs('.aider.conf.yml', text, catalog);
    const key = sameModelKey(refs[0]!);
    expect(refs.filter((r) => sameModelKey(r) === key)).toHaveLength(refs.some((r) => r.raw.endsWith('20250807') && r.known) ? 3 : 2);
    const r = ok(computeSwapAll(text, refs, refs[0]!, 'anthropic/claude-sonnet-4.5', catalog));
    const out = applyEdits(text, r.edits);
    expect(out).toContain('model: openrouter/anthropic/claude-sonnet-4.5\n');
    expect(out).toContain('editor-model: openrouter/anthropic/claude-sonnet-4.5\n');
    expect(out).toContain('weak-model: openrouter/openai/gpt-5-mini\n');
  });
});

// ---- round trip over generated configs ------------------------------------------------------------------------

type Format = 'continue-yaml' | 'continue-json' | 'aider' | 'opencode' | 'litellm' | 'zed' | 'claude' | 'codex' | 'dotenv' | 'vscode' | 'ts' | 'py' | 'agent';

interface GenParams {
  format: Format;
  ids: string[];
  quote: number;
  indent: number;
  crlf: boolean;
  comments: boolean;
  prefixed: boolean;
  repeatFirst: boolean;
}

interface Generated {
  file: string;
  text: string;
  /** Comments the swap must leave in place. */
  markers: string[];
  slots: number;
}

const pool = catalog.all.map((m) => m.id);

/** A typed generator of config files in every supported format, each holding `ids` in recognised places. */
function generate(p: GenParams): Generated {
  const ind = ' '.repeat(p.indent);
  const markers: string[] = [];
  let n = 0;
  const note = (lead: string): string => {
    if (!p.comments) return '';
    const m = `note-${n++}`;
    markers.push(m);
    return ` ${lead} ${m}`;
  };
  const ids = p.repeatFirst && p.format !== 'agent' && p.format !== 'opencode' ? [...p.ids, p.ids[0]] : p.ids;
  const pick3 = <T,>(xs: readonly T[]): T => xs[p.quote % xs.length]!;
  const pre = (id: string): string => (p.prefixed ? `openrouter/${id}` : id);
  let file: string;
  let lines: string[];
  let slots = ids.length;
  switch (p.format) {
    case 'continue-yaml': {
      const q = pick3(['', '"', "'"]);
      file = '.continue/config.yaml';
      lines = [`name: gen${note('#')}`, 'models:'];
      ids.forEach((id, i) => lines.push(`${ind.slice(2)}- name: m${i}`, `${ind}provider: openrouter`, `${ind}model: ${q}${id}${q}${note('#')}`));
      break;
    }
    case 'continue-json':
      file = '.continue/config.json';
      lines = ['{', `${ind}"models": [`, ids.map((id, i) => `${ind}${ind}{ "title": "m${i}", "provider": "openrouter", "model": "${id}" }`).join(',\n'), `${ind}]`, '}'];
      break;
    case 'aider': {
      const q = pick3(['', '"', "'"]);
      file = '.aider.conf.yml';
      const keys = ['model', 'editor-model', 'weak-model'];
      lines = [`# aider${note('#')}`];
      ids.slice(0, 3).forEach((id, i) => lines.push(`${keys[i]}: ${q}openrouter/${id}${q}${note('#')}`));
      if (ids.length > 3) {
        lines.push('alias:');
        ids.slice(3).forEach((id, i) => lines.push(`${ind}- ${q}a${i}:openrouter/${id}${q}`));
      }
      break;
    }
    case 'opencode': {
      file = 'opencode.jsonc';
      const [first, ...rest] = ids;
      lines = ['{', `${ind}// ${note('//').trim() || 'x'}`, `${ind}"model": "openrouter/${first}",`, `${ind}"provider": { "openrouter": { "models": {`];
      lines.push(rest.map((id) => `${ind}${ind}"${id}": {}`).join(',\n'));
      lines.push(`${ind}} } },`, '}');
      break;
    }
    case 'litellm': {
      const q = pick3(['', '"', "'"]);
      file = 'proxy.yaml';
      lines = [`model_list:${note('#')}`];
      ids.forEach((id, i) => {
        // Keys of a sequence item line up with the first one, two columns after the dash.
        lines.push(`${ind}- model_name: m${i}`, `${ind}  litellm_params:`);
        if (p.prefixed) lines.push(`${ind}  ${ind}model: ${q}openrouter/${id}${q}${note('#')}`);
        else lines.push(`${ind}  ${ind}model: ${q}${id}${q}`, `${ind}  ${ind}api_base: https://openrouter.ai/api/v1`);
      });
      break;
    }
    case 'zed': {
      file = '.zed/settings.json';
      const [first, ...rest] = ids;
      lines = [`// zed${note('//')}`, '{', `${ind}"agent": { "default_model": { "provider": "openrouter", "model": "${first}" } },`,
        `${ind}"language_models": { "open_router": { "available_models": [`, rest.map((id) => `${ind}${ind}{ "name": "${id}", "max_tokens": 1000 }`).join(',\n'), `${ind}] } }`, '}'];
      break;
    }
    case 'claude': {
      file = '.claude/settings.json';
      const keys = ['ANTHROPIC_MODEL', 'ANTHROPIC_DEFAULT_OPUS_MODEL', 'ANTHROPIC_DEFAULT_SONNET_MODEL', 'ANTHROPIC_DEFAULT_HAIKU_MODEL', 'CLAUDE_CODE_SUBAGENT_MODEL'];
      const used = ids.slice(0, keys.length);
      slots = used.length;
      lines = ['{', `${ind}"env": {`, used.map((id, i) => `${ind}${ind}"${keys[i]}": "${id}"`).join(',\n'), `${ind}}`, '}'];
      break;
    }
    case 'codex': {
      const q = pick3(['"', "'"]);
      file = '.codex/config.toml';
      const [first, ...rest] = ids;
      lines = [`model = ${q}${first}${q}${note('#')}`, 'model_provider = "openrouter"'];
      rest.forEach((id, i) => lines.push('', `[profiles.p${i}]${note('#')}`, `model = ${q}${id}${q}`));
      break;
    }
    case 'dotenv': {
      const q = pick3(['', '"', "'"]);
      file = '.env';
      lines = [`#${note('#')}`];
      ids.forEach((id, i) => lines.push(`${i % 2 ? 'export ' : ''}M${i}_MODEL=${q}${pre(id!)}${q}${q === '' ? note('#') : ''}`));
      break;
    }
    case 'vscode':
      file = '.vscode/settings.json';
      lines = ['{', `${ind}// ${note('//').trim() || 'x'}`, ids.map((id, i) => `${ind}"ext.model${i}": "${pre(id!)}"`).join(',\n'), '}'];
      break;
    case 'ts': {
      const q = pick3(['"', "'", '`']);
      file = 'src/models.ts';
      lines = ids.map((id, i) => `export const m${i} = ${q}${pre(id!)}${q};${note('//')}`);
      break;
    }
    case 'py': {
      const q = pick3(['"', "'"]);
      file = 'app/models.py';
      lines = [`"""Models."""${note('#')}`, ...ids.map((id, i) => `M${i} = ${q}${pre(id!)}${q}${note('#')}`)];
      break;
    }
    case 'agent':
      file = '.opencode/agent/a.md';
      slots = 1;
      lines = ['---', `description: x${note('#')}`, `model: openrouter/${ids[0]}`, '---', '', 'Body text.'];
      break;
  }
  const text = lines.join('\n') + '\n';
  return { file, text: p.crlf ? text.replace(/\n/g, '\r\n') : text, markers, slots };
}

const ROUTING = new Set(['nitro', 'floor', 'exacto', 'online']);

/** A target every reference in the group can take without losing its variant, distinct from every id present. */
function chooseTarget(group: ModelRef[], present: ModelRef[], seed: number): string | null {
  const taken = new Set(present.map((r) => sameModelKey(r)));
  const variants = [...new Set(group.map((r) => variantOf(r.id)).filter((v): v is string => v !== null && !ROUTING.has(v)))];
  const fits = pool.filter((id) => variantOf(id) === null && !taken.has(baseOf(id)) && variants.every((v) => catalog.has(`${id}:${v}`)));
  return fits[seed % fits.length] ?? null;
}

const FORMATS: Format[] = ['continue-yaml', 'continue-json', 'aider', 'opencode', 'litellm', 'zed', 'claude', 'codex', 'dotenv', 'vscode', 'ts', 'py', 'agent'];

describe('swap round trip over generated configs', () => {
  it('A -> B -> A restores every file byte for byte; one swap keeps comments and structure', () => {
    let runs = 0;
    fc.assert(
      fc.property(
        fc.record({
          format: fc.constantFrom(...FORMATS),
          ids: fc.uniqueArray(fc.constantFrom(...pool), { minLength: 1, maxLength: 5, selector: baseOf }),
          quote: fc.nat(5),
          indent: fc.constantFrom(2, 4),
          crlf: fc.boolean(),
          comments: fc.boolean(),
          prefixed: fc.boolean(),
          repeatFirst: fc.boolean(),
        }),
        fc.boolean(),
        fc.nat(),
        (params, everywhere, seed) => {
          const gen = generate(params);
          const before = findRefs(gen.file, gen.text, catalog);
          expect(before, gen.text).toHaveLength(gen.slots);
          const ref = before[0]!;
          const group = everywhere ? before.filter((r) => sameModelKey(r) === sameModelKey(ref)) : [ref];
          const target = chooseTarget(group, before, seed);
          if (target === null) return;
          runs++;

          const forward = ok(everywhere ? computeSwapAll(gen.text, before, ref!, target, catalog) : computeSwap(gen.text, ref!, target, catalog));
          expect(forward.notes).toEqual([]);
          expect(forward.edits).toHaveLength(group.length);
          const swapped = applyEdits(gen.text, forward.edits);

          // Comments, line structure and every key path survive; the swapped places now name the target.
          for (const m of gen.markers) expect(swapped).toContain(m);
          expect(swapped.split('\n').length).toBe(gen.text.split('\n').length);
          const after = findRefs(gen.file, swapped, catalog);
          expect(after.map((r) => [r.keyPath, r.tool, r.prefix, r.quote])).toEqual(before.map((r) => [r.keyPath, r.tool, r.prefix, r.quote]));
          const moved = after.filter((r) => baseOf(r.id) === target);
          expect(moved).toHaveLength(group.length);

          const back = ok(everywhere
            ? computeSwapAll(swapped, after, moved[0]!, ref!.modelId ?? ref!.id, catalog)
            : computeSwap(swapped, moved[0]!, ref!.modelId ?? ref!.id, catalog));
          expect(applyEdits(swapped, back.edits)).toBe(gen.text);
        },
      ),
      { numRuns: 260, seed: 20260729 },
    );
    expect(runs).toBeGreaterThanOrEqual(200);
  });
});
