import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyPath } from '../../src/core/refs/classify';
import { compileGlob } from '../../src/core/refs/glob';
import { findRefs } from '../../src/core/refs/recognize';
import type { FileKind, ModelRef } from '../../src/core/refs/types';
import { fixtureCatalog } from './refsFixtureCatalog';

const catalog = fixtureCatalog();
const refs = (file: string, text: string): ModelRef[] => findRefs(file, text, catalog);
const brief = (file: string, text: string): string[] =>
  refs(file, text).map((r) => `${r.line}:${r.column} ${r.raw} -> ${r.id}${r.known ? '' : ' (unknown)'} @${r.keyPath ?? '-'}`);

/** "line:column" of the nth occurrence of `needle` in `text`, counted independently of the code under test. */
function at(text: string, needle: string, nth = 0): string {
  let from = -1;
  for (let i = 0; i <= nth; i++) {
    from = text.indexOf(needle, from + 1);
    if (from < 0) throw new Error(`${needle} #${nth} not in text`);
  }
  const lines = text.slice(0, from).split(/\r\n|\r|\n/);
  return `${lines.length}:${lines[lines.length - 1]!.length + 1}`;
}

describe('classifyPath', () => {
  it.each<[string, FileKind | null]>([
    ['.continue/config.yaml', 'continue-yaml'],
    ['proj/.continue/config.json', 'continue-json'],
    ['.continue/assistants/team.yaml', 'continue-yaml'],
    ['.aider.conf.yml', 'aider-yaml'],
    ['opencode.jsonc', 'opencode-json'],
    ['.opencode/agent/review.md', 'opencode-agent'],
    ['.opencode/agents/plan.md', 'opencode-agent'],
    ['docs/agent/readme.md', null],
    ['.zed/settings.json', 'zed-json'],
    ['.claude/settings.local.json', 'claude-json'],
    ['.codex/config.toml', 'codex-toml'],
    ['.env', 'dotenv'],
    ['.env.production', 'dotenv'],
    ['.vscode/settings.json', 'vscode-json'],
    ['deploy/litellm.yml', 'yaml'],
    ['src/a.tsx', 'code'],
    ['main.rs', 'code'],
    ['README.md', null],
    ['package.json', null],
    ['settings.json', null],
  ])('%s -> %s', (path, kind) => {
    expect(classifyPath(path)).toBe(kind);
  });
});

describe('Continue', () => {
  it('reads models[].model with provider openrouter, keeps columns exact', () => {
    const text = [
      'models:',
      '  - name: A',
      '    provider: openrouter',
      '    model: deepseek/deepseek-v3.2 # main',
      '  - provider: openrouter',
      "    model: 'deepseek/deepseek-v9-preview'",
      '  - provider: ollama',
      '    model: qwen/qwen3-coder',
      '  - model: qwen/qwen3-coder',
      '  - model: qwen/qwen7-coder',
      '',
    ].join('\n');
    expect(brief('.continue/config.yaml', text)).toEqual([
      `${at(text, 'deepseek/deepseek-v3.2')} deepseek/deepseek-v3.2 -> deepseek/deepseek-v3.2 @models[0].model`,
      `${at(text, 'deepseek/deepseek-v9-preview')} deepseek/deepseek-v9-preview -> deepseek/deepseek-v9-preview (unknown) @models[1].model`,
      // No provider: only what the catalog confirms.
      `${at(text, 'qwen/qwen3-coder', 1)} qwen/qwen3-coder -> qwen/qwen3-coder @models[3].model`,
    ]);
    const r = refs('.continue/config.yaml', text);
    expect(r[0]).toMatchObject({ tool: 'continue', prefix: '', quote: 'none', role: 'value', known: true, modelId: 'deepseek/deepseek-v3.2' });
    expect(r[1]!.quote).toBe("'");
  });

  it('reads legacy JSON including tabAutocompleteModel', () => {
    const text = '{"models":[{"title":"x","provider":"openrouter","model":"openai/gpt-5"}],\n"tabAutocompleteModel":{"provider":"openrouter","model":"qwen/qwen3-coder-flash"}}';
    expect(brief('.continue/config.json', text)).toEqual([
      `${at(text, 'openai/gpt-5')} openai/gpt-5 -> openai/gpt-5 @models[0].model`,
      `${at(text, 'qwen/qwen3-coder-flash')} qwen/qwen3-coder-flash -> qwen/qwen3-coder-flash @tabAutocompleteModel.model`,
    ]);
  });

  it('treats an OpenAI-compatible provider pointed at openrouter.ai like openrouter', () => {
    const text = 'models:\n  - provider: openai\n    apiBase: https://openrouter.ai/api/v1\n    model: openai/gpt-9-preview\n';
    expect(brief('.continue/config.yaml', text)).toEqual([`${at(text, 'openai/gpt-9-preview')} openai/gpt-9-preview -> openai/gpt-9-preview (unknown) @models[0].model`]);
  });
});

describe('Aider', () => {
  it('needs the LiteLLM prefix and reads aliases after the colon', () => {
    const text = [
      'model: openrouter/anthropic/claude-sonnet-4.5',
      'editor-model: deepseek/deepseek-chat',
      'weak-model: "openrouter/openai/gpt-5-mini"  # cheap',
      'alias:',
      '  - "r1:openrouter/deepseek/deepseek-r1"',
      '  - free:openrouter/openrouter/free',
      '# model: openrouter/openai/gpt-5',
      '',
    ].join('\n');
    expect(brief('.aider.conf.yml', text)).toEqual([
      `${at(text, 'openrouter/anthropic/claude-sonnet-4.5')} openrouter/anthropic/claude-sonnet-4.5 -> anthropic/claude-sonnet-4.5 @model`,
      `${at(text, 'openrouter/openai/gpt-5-mini')} openrouter/openai/gpt-5-mini -> openai/gpt-5-mini @weak-model`,
      `${at(text, 'openrouter/deepseek/deepseek-r1')} openrouter/deepseek/deepseek-r1 -> deepseek/deepseek-r1 @alias[0]`,
      `${at(text, 'openrouter/openrouter/free')} openrouter/openrouter/free -> openrouter/free @alias[1]`,
    ]);
    expect(refs('.aider.conf.yml', text)[0]).toMatchObject({ tool: 'aider', prefix: 'openrouter/', length: 38 });
  });
});

describe('opencode', () => {
  it('reads model, small_model, agents and the keys of provider.openrouter.models in JSONC', () => {
    const text = `{
  // comment "openai/gpt-5"
  "model": "openrouter/deepseek/deepseek-v4-flash",
  "small_model": "anthropic/claude-haiku-4.5",
  "agent": { "build": { "model": "openrouter/z-ai/glm-5.2" } },
  "provider": { "openrouter": { "models": { "moonshotai/kimi-k3": {}, "~anthropic/claude-sonnet-latest": {}, "qwen/qwen9": {} } } },
}`;
    expect(brief('opencode.jsonc', text)).toEqual([
      `${at(text, 'openrouter/deepseek/deepseek-v4-flash')} openrouter/deepseek/deepseek-v4-flash -> deepseek/deepseek-v4-flash @model`,
      `${at(text, 'openrouter/z-ai/glm-5.2')} openrouter/z-ai/glm-5.2 -> z-ai/glm-5.2 @agent.build.model`,
      `${at(text, 'moonshotai/kimi-k3')} moonshotai/kimi-k3 -> moonshotai/kimi-k3 @provider.openrouter.models["moonshotai/kimi-k3"]`,
      `${at(text, '~anthropic/claude-sonnet-latest')} ~anthropic/claude-sonnet-latest -> ~anthropic/claude-sonnet-latest @provider.openrouter.models["~anthropic/claude-sonnet-latest"]`,
      `${at(text, 'qwen/qwen9')} qwen/qwen9 -> qwen/qwen9 (unknown) @provider.openrouter.models["qwen/qwen9"]`,
    ]);
    expect(refs('opencode.jsonc', text).filter((r) => r.role === 'key')).toHaveLength(3);
  });

  it('reads agent front matter only, with offsets into the whole file (BOM, CRLF)', () => {
    const text = '\uFEFF---\r\ndescription: r\r\nmodel: openrouter/deepseek/deepseek-v4-pro\r\n---\r\nmodel: openrouter/openai/gpt-5\r\n';
    const r = refs('.opencode/agent/review.md', text);
    expect(r.map((x) => [x.line, x.column, x.id])).toEqual([[3, 8, 'deepseek/deepseek-v4-pro']]);
    expect(text.slice(r[0]!.offset, r[0]!.offset + r[0]!.length)).toBe('openrouter/deepseek/deepseek-v4-pro');
  });
});

describe('LiteLLM and other YAML', () => {
  it('reads model_list[].litellm_params.model; bare only when api_base is OpenRouter', () => {
    const text = [
      'model_list:',
      '  - model_name: a',
      '    litellm_params:',
      '      model: openrouter/qwen/qwen3-coder',
      '  - model_name: b',
      '    litellm_params: { model: google/gemini-2.5-flash, api_base: "https://openrouter.ai/api/v1" }',
      '  - model_name: c',
      '    litellm_params:',
      '      model: anthropic/claude-sonnet-4.5',
      '',
    ].join('\n');
    expect(brief('proxy/config.yaml', text)).toEqual([
      `${at(text, 'openrouter/qwen/qwen3-coder')} openrouter/qwen/qwen3-coder -> qwen/qwen3-coder @model_list[0].litellm_params.model`,
      `${at(text, 'google/gemini-2.5-flash')} google/gemini-2.5-flash -> google/gemini-2.5-flash @model_list[1].litellm_params.model`,
    ]);
  });

  it('ignores YAML that is not a LiteLLM config', () => {
    expect(refs('.github/workflows/ai.yml', 'jobs:\n  x:\n    with:\n      model: openai/gpt-5\n')).toEqual([]);
  });
});

describe('Zed, Claude Code, Codex', () => {
  it('Zed: default_model with provider openrouter and available_models names', () => {
    const text = '{ "agent": { "default_model": { "provider": "openrouter", "model": "openai/gpt-5.5" },\n "inline_assistant_model": { "provider": "anthropic", "model": "anthropic/claude-sonnet-4.5" } },\n "language_models": { "open_router": { "available_models": [ { "name": "x-ai/grok-4.5" } ] } } }';
    expect(brief('.zed/settings.json', text)).toEqual([
      `${at(text, 'openai/gpt-5.5')} openai/gpt-5.5 -> openai/gpt-5.5 @agent.default_model.model`,
      `${at(text, 'x-ai/grok-4.5')} x-ai/grok-4.5 -> x-ai/grok-4.5 @language_models.open_router.available_models[0].name`,
    ]);
  });

  it('Claude Code: env model keys, aliases, routers', () => {
    const text = '{"env":{"ANTHROPIC_BASE_URL":"https://openrouter.ai/api","ANTHROPIC_DEFAULT_SONNET_MODEL":"~anthropic/claude-sonnet-latest","CLAUDE_CODE_SUBAGENT_MODEL":"openrouter/pareto-code","OTHER":"openai/gpt-5"}}';
    expect(refs('.claude/settings.json', text).map((r) => [r.id, r.keyPath, r.tool])).toEqual([
      ['~anthropic/claude-sonnet-latest', 'env.ANTHROPIC_DEFAULT_SONNET_MODEL', 'claude-code'],
      ['openrouter/pareto-code', 'env.CLAUDE_CODE_SUBAGENT_MODEL', 'claude-code'],
    ]);
  });

  it('Codex: top-level and profile models, strings of both kinds, multi-line strings and arrays skipped', () => {
    const text = [
      'model = "~openai/gpt-latest" # alias',
      'model_provider = "openrouter"',
      "[profiles.cheap]",
      "model = 'deepseek/deepseek-v4-flash'",
      'tags = ["openai/gpt-5", """',
      'model = "openai/gpt-5"',
      '"""]',
      '[profiles."quoted name"]',
      'model = "openai/gpt-9"',
      '[other]',
      'model = "openai/gpt-5"',
      '',
    ].join('\n');
    expect(brief('.codex/config.toml', text)).toEqual([
      `${at(text, '~openai/gpt-latest')} ~openai/gpt-latest -> ~openai/gpt-latest @model`,
      `${at(text, 'deepseek/deepseek-v4-flash')} deepseek/deepseek-v4-flash -> deepseek/deepseek-v4-flash @profiles.cheap.model`,
      `${at(text, 'openai/gpt-9')} openai/gpt-9 -> openai/gpt-9 (unknown) @profiles["quoted name"].model`,
    ]);
  });
});

describe('.env', () => {
  it('reads model keys, quotes, export, comments; skips look-alikes and multi-line values', () => {
    const text = [
      'export OPENROUTER_MODEL=meta-llama/llama-3.3-70b-instruct # default',
      'AIDER_MODEL="openrouter/anthropic/claude-sonnet-4.5"',
      'AIDER_WEAK_MODEL=openai/gpt-5-mini',
      "LLM_MODEL_NAME='google/gemma-4-31b-it:free'",
      'HF_MODEL=meta-llama/Llama-3.1-8B-Instruct',
      'EMBEDDING_MODEL=sentence-transformers/all-minilm-l6-v2',
      'CONTENT_TYPE=application/json',
      'PROMPT="line one',
      'MODEL=openai/gpt-5',
      '"',
      '# MODEL=openai/gpt-5',
      'MODEL=#openai/gpt-5',
      '',
    ].join('\r\n');
    expect(brief('.env', text)).toEqual([
      `${at(text, 'meta-llama/llama-3.3-70b-instruct')} meta-llama/llama-3.3-70b-instruct -> meta-llama/llama-3.3-70b-instruct @OPENROUTER_MODEL`,
      `${at(text, 'openrouter/anthropic/claude-sonnet-4.5')} openrouter/anthropic/claude-sonnet-4.5 -> anthropic/claude-sonnet-4.5 @AIDER_MODEL`,
      `${at(text, 'google/gemma-4-31b-it:free')} google/gemma-4-31b-it:free -> google/gemma-4-31b-it:free @LLM_MODEL_NAME`,
    ]);
  });
});

describe('VS Code settings', () => {
  it('reads catalog ids in model settings, prefixed or not', () => {
    const text = '{ "maiide.model": "openrouter/auto", "x.models": ["openrouter/openai/gpt-5"], "files.exclude": { "src/**": true }, "z.model": "openai/gpt-9" }';
    expect(refs('.vscode/settings.json', text).map((r) => [r.raw, r.id, r.prefix])).toEqual([
      ['openrouter/auto', 'openrouter/auto', ''],
      ['openrouter/openai/gpt-5', 'openai/gpt-5', 'openrouter/'],
    ]);
  });
});

describe('code', () => {
  it('TypeScript: literals yes; comments, templates with ${}, regexes and look-alikes no', () => {
    const text = [
      'import x from "@types/node"; // "openai/gpt-5"',
      '/* "openai/gpt-5" */ const a = "openai/gpt-5", b = \'openrouter/deepseek/deepseek-r1\';',
      'const re = /"openai\\/gpt-5"/; const t = `anthropic/claude-opus-5`; const u = `${p}/gpt-5`;',
      'const r = a / 2 / "x-ai/grok-4.5".length;',
      'const n = ["src/index", "text/html", "2024/05/13", "16/9", "https://openrouter.ai/api/v1", "openai/gpt-5 or so", "deepseek/deepseek-v9"];',
      '',
    ].join('\n');
    expect(brief('src/a.ts', text)).toEqual([
      `${at(text, 'openai/gpt-5', 2)} openai/gpt-5 -> openai/gpt-5 @-`,
      `${at(text, 'openrouter/deepseek/deepseek-r1')} openrouter/deepseek/deepseek-r1 -> deepseek/deepseek-r1 @-`,
      `${at(text, 'anthropic/claude-opus-5')} anthropic/claude-opus-5 -> anthropic/claude-opus-5 @-`,
      `${at(text, 'x-ai/grok-4.5')} x-ai/grok-4.5 -> x-ai/grok-4.5 @-`,
    ]);
  });

  it('Python: triple quotes, comments, f-strings', () => {
    const text = '"""\nopenai/gpt-5\n"""\nA = "openai/gpt-5"  # "x-ai/grok-4.5"\nB = f"{a}/gpt-5"\nC = \'\'\'openai/gpt-5\'\'\'\nD = r"qwen/qwen3-coder"\n';
    expect(brief('cfg.py', text)).toEqual([`${at(text, 'openai/gpt-5', 1)} openai/gpt-5 -> openai/gpt-5 @-`, `${at(text, 'qwen/qwen3-coder')} qwen/qwen3-coder -> qwen/qwen3-coder @-`]);
  });

  it('Go, Rust, C#, Ruby, PHP, Java special forms', () => {
    const go = 'var q = \'"\'\nconst M = "openai/gpt-5" // "x-ai/grok-4.5"\nconst R = `qwen/qwen3-coder`\n';
    expect(brief('m.go', go)).toEqual([
      `${at(go, 'openai/gpt-5')} openai/gpt-5 -> openai/gpt-5 @-`,
      `${at(go, 'qwen/qwen3-coder')} qwen/qwen3-coder -> qwen/qwen3-coder @-`,
    ]);
    const rs = "fn f<'a>(x: &'a str) { let q = '\"'; let r = r#\"openai/gpt-5\"#; /* /* \"x-ai/grok-4.5\" */ */ }\n";
    expect(brief('m.rs', rs)).toEqual([`${at(rs, 'openai/gpt-5')} openai/gpt-5 -> openai/gpt-5 @-`]);
    const cs = 'var a = @"openai/gpt-5"; var b = $"{x}/gpt-5"; char q = \'"\'; var c = "x-ai/grok-4.5";\n';
    expect(brief('M.cs', cs)).toEqual([
      `${at(cs, 'openai/gpt-5')} openai/gpt-5 -> openai/gpt-5 @-`,
      `${at(cs, 'x-ai/grok-4.5')} x-ai/grok-4.5 -> x-ai/grok-4.5 @-`,
    ]);
    const rb = '=begin\n"openai/gpt-5"\n=end\nM = "openai/gpt-5" # "x-ai/grok-4.5"\nL = "#{a}/gpt-5"\n';
    expect(brief('m.rb', rb)).toEqual([`${at(rb, 'openai/gpt-5', 1)} openai/gpt-5 -> openai/gpt-5 @-`]);
    const php = "<?php\n# 'openai/gpt-5'\n#[Attr('x-ai/grok-4.5')]\nconst M = 'openai/gpt-5';\n";
    expect(brief('m.php', php)).toEqual([
      `${at(php, 'x-ai/grok-4.5')} x-ai/grok-4.5 -> x-ai/grok-4.5 @-`,
      `${at(php, 'openai/gpt-5', 1)} openai/gpt-5 -> openai/gpt-5 @-`,
    ]);
    const java = 'class M { String a = "openai/gpt-5"; char q = \'"\'; String b = """\n  x-ai/grok-4.5\n  """; }\n';
    expect(brief('M.java', java)).toEqual([`${at(java, 'openai/gpt-5')} openai/gpt-5 -> openai/gpt-5 @-`]);
  });

  it('skips a source file without a catalog id before tokenising it', () => {
    expect(refs('src/b.ts', 'const a = "deepseek/deepseek-v9"; const b = "src/index";')).toEqual([]);
  });
});

describe('robustness', () => {
  it('damaged JSON keeps only what the catalog confirms', () => {
    const text = '{ "model": "openrouter/openai/gpt-9", "small_model": "openrouter/openai/gpt-5", ';
    expect(refs('opencode.json', text).map((r) => r.id)).toEqual(['openai/gpt-5']);
  });

  it('damaged YAML keeps only what the catalog confirms', () => {
    const text = 'models:\n  - provider: openrouter\n    model: openai/gpt-9\n  - provider: openrouter\n    model: openai/gpt-5\n   bad: [\n';
    expect(refs('.continue/config.yaml', text).map((r) => r.id)).toEqual(['openai/gpt-5']);
  });

  it('the raw text at every reported range is the reported raw', () => {
    const text = 'model: "openrouter/deepseek/deepseek-v3.2"\r\nalias:\r\n  - x:openrouter/openai/gpt-5\r\n';
    for (const r of refs('.aider.conf.yml', text)) expect(text.slice(r.offset, r.offset + r.length)).toBe(r.raw);
  });

  const kinds: [string, string][] = [
    ['.continue/config.yaml', 'models:\n  - provider: openrouter\n    model: '],
    ['.continue/config.json', '{"models":[{"provider":"openrouter","model":"'],
    ['.aider.conf.yml', 'alias:\n  - '],
    ['opencode.json', '{"provider":{"openrouter":{"models":{"'],
    ['.opencode/agent/a.md', '---\nmodel: '],
    ['.codex/config.toml', '[profiles.x]\nmodel = "'],
    ['.env', 'MODEL="'],
    ['src/x.ts', 'const a = `${"'],
    ['x.py', 'a = """'],
    ['x.rs', 'let r = r#"'],
    ['l.yaml', 'model_list:\n  - litellm_params:\n      model: '],
  ];
  it.each(kinds)('never throws on arbitrary input after a %s prefix', (file, prefix) => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '/', '"', "'", '`', '\\', '\n', '\r', ':', '#', '{', '}', '[', ']', '-', ' ', '~', '$', 'openai/gpt-5', 'openrouter/', '*', '/*', '---') }), (tail) => {
        const text = prefix + tail;
        const found = findRefs(file, text, catalog);
        for (const r of found) expect(text.slice(r.offset, r.offset + r.length)).toBe(r.raw);
      }),
      { numRuns: 150 },
    );
  });
});

describe('compileGlob', () => {
  it.each<[string, string, boolean]>([
    ['**/node_modules', 'a/node_modules', true],
    ['node_modules', 'a/b/node_modules', true],
    ['*.min.js', 'web/app.min.js', true],
    ['src/**/*.{ts,js}', 'src/a/b.ts', true],
    ['src/**/*.{ts,js}', 'src/b.js', true],
    ['src/**/*.{ts,js}', 'lib/b.js', false],
    ['docs/?.md', 'docs/a.md', true],
    ['docs/[ab].md', 'docs/c.md', false],
    ['/generated/', 'generated', true],
  ])('%s matches %s: %s', (pattern, path, expected) => {
    expect(compileGlob(pattern).test(path)).toBe(expected);
  });
});
