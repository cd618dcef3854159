// OpenRouter presets in configs: "@preset/slug" alone and "model@preset/slug" are references of their own kind,
// never "unknown ids"; a swap of "model@preset/slug" changes the model and keeps the preset. And a model the watch
// saw leave the catalog is diagnosed as removed, with its successor, not as a typo.
import { describe, expect, it } from 'vitest';
import { findRefs } from '../../src/core/refs/recognize';
import { codeLensTitle, hoverMarkdown, refProblems } from '../../src/core/refs/present';
import { computeSwap } from '../../src/core/refs/swap';
import { fixtureCatalog } from './refsFixtureCatalog';

const catalog = fixtureCatalog();
const brief = (file: string, text: string): string[] => findRefs(file, text, catalog).map((r) => `${r.raw} -> ${r.id} preset=${r.preset ?? '-'} known=${r.known}`);
const noSuggest = { suggest: (): string[] => [], successors: (): string[] => [] };

describe('presets in configs', () => {
  it.each([
    ['.continue/config.yaml', 'models:\n  - name: Chat\n    provider: openrouter\n    model: "@preset/coding-assistant"\n', ['@preset/coding-assistant -> @preset/coding-assistant preset=coding-assistant known=false']],
    ['.continue/config.yaml', 'models:\n  - name: Chat\n    provider: openrouter\n    model: anthropic/claude-sonnet-5@preset/reviewer\n', ['anthropic/claude-sonnet-5 -> anthropic/claude-sonnet-5 preset=reviewer known=true']],
    ['.aider.conf.yml', 'model: openrouter/deepseek/deepseek-v4-pro@preset/cheap\nweak-model: openrouter/@preset/tiny\n', ['openrouter/deepseek/deepseek-v4-pro -> deepseek/deepseek-v4-pro preset=cheap known=true', 'openrouter/@preset/tiny -> @preset/tiny preset=tiny known=false']],
    ['.env', 'OPENROUTER_MODEL=@preset/prod-chat\nSUMMARY_MODEL=qwen/qwen3-coder@preset/summaries\n', ['@preset/prod-chat -> @preset/prod-chat preset=prod-chat known=false', 'qwen/qwen3-coder -> qwen/qwen3-coder preset=summaries known=true']],
  ])('%s: %j', (file, text, expected) => {
    expect(brief(file, text)).toEqual(expected);
  });

  it('in code only a catalog model with a preset counts; a bare preset string proves nothing there', () => {
    const code = 'const a = "@preset/coding";\nconst b = "openai/gpt-5.5@preset/coding";\nconst c = "nobody/nothing@preset/x";\n';
    expect(brief('src/app.ts', code)).toEqual(['openai/gpt-5.5 -> openai/gpt-5.5 preset=coding known=true']);
  });

  it('refuses malformed presets', () => {
    expect(brief('.env', 'A_MODEL=@preset/\nB_MODEL=@preset/Bad Slug\nC_MODEL=openai/gpt-5.5@preset/\nD_MODEL=@preset/a@preset/b\n')).toEqual([]);
  });

  it('a preset is no diagnostic, its CodeLens and hover say it is a preset', () => {
    const [ref] = findRefs('.env', 'OPENROUTER_MODEL=@preset/prod-chat\n', catalog);
    expect(refProblems(ref!, null, '2026-07-29', noSuggest)).toEqual([]);
    expect(codeLensTitle(null, null, null, undefined, ref!.preset)).toBe('OpenRouter preset prod-chat');
    const hover = hoverMarkdown({ ref: ref!, model: null, aliasTarget: null, ranked: null, refId: null, suggestions: [], today: '2026-07-29' });
    expect(hover).toContain('is an OpenRouter preset');
    expect(hover).not.toContain('not in the OpenRouter catalog');
  });

  it('a model with a preset: the hover names the preset; a swap replaces the model and keeps the preset', () => {
    const text = 'model: openrouter/deepseek/deepseek-v4-pro@preset/cheap\n';
    const [ref] = findRefs('.aider.conf.yml', text, catalog);
    const hover = hoverMarkdown({ ref: ref!, model: catalog.get('deepseek/deepseek-v4-pro'), aliasTarget: null, ranked: null, refId: null, suggestions: [], today: '2026-07-29' });
    expect(hover).toContain('With the OpenRouter preset `cheap`');
    const plan = computeSwap(text, ref!, 'qwen/qwen3-coder-next', catalog);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    let out = text;
    for (const e of [...plan.edits].reverse()) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
    expect(out).toBe('model: openrouter/qwen/qwen3-coder-next@preset/cheap\n');
  });
});

describe('a model that left the catalog', () => {
  const [ref] = findRefs('.aider.conf.yml', 'model: openrouter/deepseek/deepseek-v3.9\n', catalog);

  it('is "removed" with its successor when the watch saw it go, "unknown" otherwise', () => {
    const removed = (id: string): { removedAt: string; successors: string[] } | null =>
      id === 'deepseek/deepseek-v3.9' ? { removedAt: '2026-07-20T08:00:00.000Z', successors: ['deepseek/deepseek-v4-pro'] } : null;
    const [p] = refProblems(ref!, null, '2026-07-29', { ...noSuggest, removed });
    expect(p).toEqual({ kind: 'removed', message: 'deepseek/deepseek-v3.9 left the OpenRouter catalog (seen Jul 20, 2026); requests to it fail. Its successor: "deepseek/deepseek-v4-pro".', targets: ['deepseek/deepseek-v4-pro'] });
    expect(refProblems(ref!, null, '2026-07-29', { ...noSuggest, removed: () => null })[0]!.kind).toBe('unknown');
  });

  it('a variant of a removed model is removed too', () => {
    const [v] = findRefs('.aider.conf.yml', 'model: openrouter/deepseek/deepseek-v3.9:free\n', catalog);
    const removed = (id: string): { removedAt: string; successors: string[] } | null => (id === 'deepseek/deepseek-v3.9' ? { removedAt: '2026-07-20T08:00:00.000Z', successors: [] } : null);
    const [p] = refProblems(v!, null, '2026-07-29', { ...noSuggest, removed });
    expect(p!.kind).toBe('removed');
    expect(p!.message).toContain('Swap it for a model the catalog lists.');
  });
});
