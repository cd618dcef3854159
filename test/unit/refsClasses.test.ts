// Recognition classes (issue #9 item 7): an id the catalog does not list is flagged "unknown" only where the key or
// the file says the value is an OpenRouter model; only model settings count in .vscode/settings.json; a duplicate
// key's last value wins (JSON, JSONC, YAML, TOML); one-line YAML block scalars and TOML inline tables are read.
import { describe, expect, it } from 'vitest';
import { findRefs } from '../../src/core/refs/recognize';
import { fixtureCatalog } from './refsFixtureCatalog';

const catalog = fixtureCatalog();
/** "raw -> id [(unknown)] @keyPath" per reference, in file order. */
const brief = (file: string, text: string): string[] =>
  findRefs(file, text, catalog).map((r) => `${r.raw} -> ${r.id}${r.known ? '' : ' (unknown)'} @${r.keyPath ?? '-'}`);
/** Every reference's range holds exactly its raw text. */
const rangesHold = (file: string, text: string): void => {
  for (const r of findRefs(file, text, catalog)) expect(text.slice(r.offset, r.offset + r.length)).toBe(r.raw);
};

describe('.env: unknown ids only under keys or files that say OpenRouter', () => {
  it('ignores ids of other model kinds and hubs (Whisper, embeddings, TTS, Hugging Face) that the catalog does not list', () => {
    const text = [
      'WHISPER_MODEL=openai/whisper-large-v3',
      'EMBEDDING_MODEL=openai/text-embedding-3-large',
      'TTS_MODEL=openai/tts-1-hd',
      'HF_MODEL=mistralai/mistral-7b-instruct-v0.2',
      'RERANK_MODEL_NAME=cohere/rerank-v3.5',
      'LLM_MODEL=deepseek/deepseek-v9-preview',
      '',
    ].join('\n');
    expect(brief('.env', text)).toEqual([]);
  });

  it('still reports catalog ids under any model key, as known', () => {
    const text = 'SUMMARY_MODEL=deepseek/deepseek-chat\nIMAGE_MODEL=google/gemini-2.5-flash-image\nWHISPER_MODEL=openai/whisper-1\n';
    expect(brief('.env', text)).toEqual([
      'deepseek/deepseek-chat -> deepseek/deepseek-chat @SUMMARY_MODEL',
      'google/gemini-2.5-flash-image -> google/gemini-2.5-flash-image @IMAGE_MODEL',
    ]);
  });

  it('flags unknown ids under a key naming OpenRouter, or written with the openrouter/ prefix', () => {
    const text = 'OPENROUTER_MODEL=qwen/qwen9-max\nOPENROUTER_FALLBACK_MODEL_ID="moonshotai/kimi-k9"\nLITELLM_MODEL=openrouter/x-ai/grok-9\nCHAT_MODEL=x-ai/grok-9\n';
    expect(brief('.env', text)).toEqual([
      'qwen/qwen9-max -> qwen/qwen9-max (unknown) @OPENROUTER_MODEL',
      'moonshotai/kimi-k9 -> moonshotai/kimi-k9 (unknown) @OPENROUTER_FALLBACK_MODEL_ID',
      'openrouter/x-ai/grok-9 -> x-ai/grok-9 (unknown) @LITELLM_MODEL',
    ]);
  });

  it('flags unknown ids under generic model keys when the file points at OpenRouter, but never under other kinds of model keys', () => {
    const viaBaseUrl = 'OPENAI_BASE_URL=https://openrouter.ai/api/v1\nOPENAI_MODEL=openai/gpt-9\nWHISPER_MODEL=openai/whisper-large-v3\nEMBEDDINGS_MODEL=openai/text-embedding-9\n';
    expect(brief('.env.local', viaBaseUrl)).toEqual(['openai/gpt-9 -> openai/gpt-9 (unknown) @OPENAI_MODEL']);
    // The declaration may come after the key.
    const viaProvider = 'export MODEL=anthropic/claude-nova-7\nLLM_PROVIDER="OpenRouter"\n';
    expect(brief('.envrc', viaProvider)).toEqual(['anthropic/claude-nova-7 -> anthropic/claude-nova-7 (unknown) @MODEL']);
    // Another gateway's URL says nothing about OpenRouter.
    expect(brief('.env', 'OPENAI_BASE_URL=https://api.together.xyz/v1\nOPENAI_MODEL=openai/gpt-9\n')).toEqual([]);
    // An OpenRouter key alone does not say which of the file's models go through OpenRouter.
    expect(brief('.env', 'OPENROUTER_API_KEY=sk-or-v1-0\nLOCAL_MODEL=mistralai/mistral-7b-instruct-v0.2\nAI_MODEL=z-ai/glm-9\n')).toEqual([]);
  });
});

describe('Claude Code and Codex: unknown ids only when the file points at OpenRouter', () => {
  it('Claude Code env model keys trust unknown ids only with ANTHROPIC_BASE_URL at openrouter.ai', () => {
    const via = '{"env":{"ANTHROPIC_BASE_URL":"https://openrouter.ai/api","ANTHROPIC_MODEL":"anthropic/claude-nova-7"}}';
    expect(brief('.claude/settings.json', via)).toEqual(['anthropic/claude-nova-7 -> anthropic/claude-nova-7 (unknown) @env.ANTHROPIC_MODEL']);
    const direct = '{"env":{"ANTHROPIC_MODEL":"anthropic/claude-nova-7","ANTHROPIC_SMALL_FAST_MODEL":"anthropic/claude-haiku-4.5"}}';
    expect(brief('.claude/settings.json', direct)).toEqual(['anthropic/claude-haiku-4.5 -> anthropic/claude-haiku-4.5 @env.ANTHROPIC_SMALL_FAST_MODEL']);
  });

  it('Codex trusts unknown ids where the (profile or top-level) provider is OpenRouter or sits at openrouter.ai', () => {
    const text = [
      'model = "openai/gpt-9"',
      'model_provider = "or"',
      '[model_providers.or]',
      'base_url = "https://openrouter.ai/api/v1"',
      '[profiles.local]',
      'model = "qwen/qwen9-coder"',
      'model_provider = "ollama"',
      '[profiles.inherit]',
      'model = "z-ai/glm-9"',
      '[profiles.catalog]',
      'model_provider = "ollama"',
      'model = "qwen/qwen3-coder"',
      '',
    ].join('\n');
    expect(brief('.codex/config.toml', text)).toEqual([
      'openai/gpt-9 -> openai/gpt-9 (unknown) @model',
      'z-ai/glm-9 -> z-ai/glm-9 (unknown) @profiles.inherit.model',
      'qwen/qwen3-coder -> qwen/qwen3-coder @profiles.catalog.model',
    ]);
    expect(brief('.codex/config.toml', 'model = "openai/gpt-9"\n')).toEqual([]);
  });
});

describe('.vscode/settings.json: only model settings count', () => {
  it('ignores catalog ids in json.schemas, cSpell.words, files.associations, terminal env and other settings', () => {
    const text = `{
  "json.schemas": [{ "fileMatch": ["deepseek/deepseek-chat"], "url": "openai/gpt-5", "schema": { "model": "qwen/qwen3-coder", "default": "openai/gpt-5" } }],
  "cSpell.words": ["openai/gpt-5"],
  "files.associations": { "openai/gpt-5": "json", "*.x": "deepseek/deepseek-chat" },
  "terminal.integrated.env.linux": { "MODEL": "openai/gpt-5" },
  "search.exclude": { "openai/gpt-5": true },
  "myext.modelSettings": { "name": "openai/gpt-5" },
  "editor.defaultFormatter": "openai/gpt-5"
}`;
    expect(brief('.vscode/settings.json', text)).toEqual([]);
  });

  it('reads known model settings and settings named like one, their lists, maps and language overrides', () => {
    const text = `{
  "inlineChat.defaultModel": "openai/gpt-5",
  "chat.utilitySmallModel": "deepseek/deepseek-chat",
  "multi-llm-single.selectedModel": "qwen/qwen3-coder",
  "cody.autocomplete.advanced.model": "openrouter/qwen/qwen3-coder-flash",
  "myext.models": ["deepseek/deepseek-chat", "not/a-catalog-id"],
  "myext.roleModels": { "chat": "openai/gpt-5", "edit": { "deep": "openai/gpt-5" } },
  "github.copilot.chat.customOAIModels": { "qwen/qwen3-coder-plus": { "name": "Qwen", "url": "https://openrouter.ai/api/v1" } },
  "[python]": { "myext.defaultModel": "openai/gpt-5" },
  "myext.nextModel": "deepseek/deepseek-v9-preview"
}`;
    expect(brief('.vscode/settings.json', text)).toEqual([
      'openai/gpt-5 -> openai/gpt-5 @["inlineChat.defaultModel"]',
      'deepseek/deepseek-chat -> deepseek/deepseek-chat @["chat.utilitySmallModel"]',
      'qwen/qwen3-coder -> qwen/qwen3-coder @["multi-llm-single.selectedModel"]',
      'openrouter/qwen/qwen3-coder-flash -> qwen/qwen3-coder-flash @["cody.autocomplete.advanced.model"]',
      'deepseek/deepseek-chat -> deepseek/deepseek-chat @["myext.models"][0]',
      'openai/gpt-5 -> openai/gpt-5 @["myext.roleModels"].chat',
      'qwen/qwen3-coder-plus -> qwen/qwen3-coder-plus @["github.copilot.chat.customOAIModels"]["qwen/qwen3-coder-plus"]',
      'openai/gpt-5 -> openai/gpt-5 @["[python]"]["myext.defaultModel"]',
    ]);
    rangesHold('.vscode/settings.json', text);
  });

  it('counts numbered model settings, not settings that merely mention models', () => {
    const text = '{ "ext.model2": "openai/gpt-5", "ext.model_3": "deepseek/deepseek-chat", "ext.modelFilter": "openai/gpt-5", "ext.modelsDir": "qwen/qwen3-coder" }';
    expect(brief('.vscode/settings.json', text)).toEqual([
      'openai/gpt-5 -> openai/gpt-5 @["ext.model2"]',
      'deepseek/deepseek-chat -> deepseek/deepseek-chat @["ext.model_3"]',
    ]);
  });

  it('flags unknown ids only in a setting that names OpenRouter', () => {
    const text = '{ "openrouter.defaultModel": "deepseek/deepseek-v9-preview", "myext.model": "deepseek/deepseek-v9-preview" }';
    expect(brief('.vscode/settings.json', text)).toEqual(['deepseek/deepseek-v9-preview -> deepseek/deepseek-v9-preview (unknown) @["openrouter.defaultModel"]']);
  });
});

describe('duplicate keys: the last one wins', () => {
  it('JSON: an earlier value of the same key is not a reference', () => {
    const text = '{ "model": "openrouter/openai/gpt-5", "small_model": "openrouter/openai/gpt-5-mini", "model": "openrouter/deepseek/deepseek-chat" }';
    expect(brief('opencode.json', text)).toEqual([
      'openrouter/openai/gpt-5-mini -> openai/gpt-5-mini @small_model',
      'openrouter/deepseek/deepseek-chat -> deepseek/deepseek-chat @model',
    ]);
  });

  it('JSONC: a sibling given twice decides with its last value; whole objects are replaced', () => {
    const continueJson = `{
  "models": [
    { "provider": "openrouter", "model": "qwen/qwen9-coder", "provider": "ollama" },
    { "provider": "ollama", "provider": "openrouter", "model": "qwen/qwen9-coder" }
  ],
  // the second "tabAutocompleteModel" replaces the first
  "tabAutocompleteModel": { "provider": "openrouter", "model": "openai/gpt-5" },
  "tabAutocompleteModel": { "provider": "openrouter", "model": "qwen/qwen3-coder-flash" },
}`;
    expect(brief('.continue/config.json', continueJson)).toEqual([
      'qwen/qwen9-coder -> qwen/qwen9-coder (unknown) @models[1].model',
      'qwen/qwen3-coder-flash -> qwen/qwen3-coder-flash @tabAutocompleteModel.model',
    ]);
    const settings = '{ "maiide.model": "openai/gpt-5", "maiide.model": "deepseek/deepseek-chat" }';
    expect(brief('.vscode/settings.json', settings)).toEqual(['deepseek/deepseek-chat -> deepseek/deepseek-chat @["maiide.model"]']);
    const claude = '{"env":{"ANTHROPIC_BASE_URL":"https://openrouter.ai/api","ANTHROPIC_MODEL":"openai/gpt-5","ANTHROPIC_MODEL":"anthropic/claude-nova-7"}}';
    expect(brief('.claude/settings.local.json', claude)).toEqual(['anthropic/claude-nova-7 -> anthropic/claude-nova-7 (unknown) @env.ANTHROPIC_MODEL']);
  });

  it('JSON: a model listed twice as a key counts once, at its last place', () => {
    const text = '{"provider":{"openrouter":{"models":{"qwen/qwen3-coder":{},"openai/gpt-5":{},"qwen/qwen3-coder":{"options":{}}}}}}';
    const found = findRefs('opencode.json', text, catalog);
    expect(found.map((r) => [r.id, r.offset])).toEqual([
      ['openai/gpt-5', text.indexOf('openai/gpt-5')],
      ['qwen/qwen3-coder', text.lastIndexOf('qwen/qwen3-coder')],
    ]);
  });

  it('YAML: a key given twice in one mapping', () => {
    const text = 'models:\n  - provider: openrouter\n    model: openai/gpt-5\n    model: deepseek/deepseek-chat\n  - provider: openrouter\n    model: qwen/qwen3-coder\n    provider: ollama\n';
    expect(brief('.continue/config.yaml', text)).toEqual(['deepseek/deepseek-chat -> deepseek/deepseek-chat @models[0].model']);
    const aider = 'model: openrouter/openai/gpt-5\nweak-model: openrouter/openai/gpt-5-mini\nmodel: openrouter/anthropic/claude-sonnet-4.5\n';
    expect(brief('.aider.conf.yml', aider)).toEqual([
      'openrouter/openai/gpt-5-mini -> openai/gpt-5-mini @weak-model',
      'openrouter/anthropic/claude-sonnet-4.5 -> anthropic/claude-sonnet-4.5 @model',
    ]);
  });

  it('TOML: a key given twice in one table', () => {
    const text = 'model_provider = "openrouter"\nmodel = "openai/gpt-5"\nmodel = "deepseek/deepseek-chat"\n[profiles.x]\nmodel = { x = 1 }\nmodel = "qwen/qwen9"\n';
    expect(brief('.codex/config.toml', text)).toEqual([
      'deepseek/deepseek-chat -> deepseek/deepseek-chat @model',
      'qwen/qwen9 -> qwen/qwen9 (unknown) @profiles.x.model',
    ]);
  });
});

describe('YAML block scalars whose value is one id', () => {
  it('reads folded and literal scalars of one line, with any chomping, comments and CRLF', () => {
    const text = [
      'models:',
      '  - provider: openrouter',
      '    model: >-',
      '      deepseek/deepseek-chat',
      '  - provider: openrouter',
      '    model: | # main',
      '      qwen/qwen9-coder',
      '',
      '  - provider: openrouter',
      '    model: |+',
      '      openai/gpt-5',
      '',
      '  - provider: openrouter',
      '    model: >',
      '        x-ai/grok-4.5',
      '    # trailing comment',
      '',
    ].join('\r\n');
    expect(brief('.continue/config.yaml', text)).toEqual([
      'deepseek/deepseek-chat -> deepseek/deepseek-chat @models[0].model',
      'qwen/qwen9-coder -> qwen/qwen9-coder (unknown) @models[1].model',
      'openai/gpt-5 -> openai/gpt-5 @models[2].model',
      'x-ai/grok-4.5 -> x-ai/grok-4.5 @models[3].model',
    ]);
    rangesHold('.continue/config.yaml', text);
  });

  it('in Aider, LiteLLM and agent front matter too', () => {
    const aider = 'model: >-\n  openrouter/deepseek/deepseek-chat\nalias:\n  - |-\n    fast:openrouter/openai/gpt-5-mini\n';
    expect(brief('.aider.conf.yml', aider)).toEqual([
      'openrouter/deepseek/deepseek-chat -> deepseek/deepseek-chat @model',
      'openrouter/openai/gpt-5-mini -> openai/gpt-5-mini @alias[0]',
    ]);
    const litellm = 'model_list:\n  - model_name: a\n    litellm_params:\n      model: |\n        openrouter/qwen/qwen3-coder\n';
    expect(brief('proxy.yaml', litellm)).toEqual(['openrouter/qwen/qwen3-coder -> qwen/qwen3-coder @model_list[0].litellm_params.model']);
    const agent = '---\nmodel: >-\n  openrouter/openai/gpt-5\n---\nbody\n';
    expect(brief('.opencode/agent/review.md', agent)).toEqual(['openrouter/openai/gpt-5 -> openai/gpt-5 @model']);
    rangesHold('.opencode/agent/review.md', agent);
  });

  it('ignores block scalars of several lines, with a leading empty line, trailing spaces or an explicit indentation', () => {
    const text = [
      'models:',
      '  - provider: openrouter',
      '    model: |',
      '      openai/gpt-5',
      '      deepseek/deepseek-chat',
      '  - provider: openrouter',
      '    model: >-',
      '',
      '      openai/gpt-5',
      '  - provider: openrouter',
      '    model: >-',
      '      openai/gpt-5  ',
      '  - provider: openrouter',
      '    model: |2',
      '      openai/gpt-5',
      '  - provider: openrouter',
      '    model: >',
      '      openai/gpt-5 is the default',
      '',
    ].join('\n');
    expect(brief('.continue/config.yaml', text)).toEqual([]);
  });
});

describe('TOML inline tables', () => {
  it('reads models in inline tables, dotted or nested, over several lines', () => {
    const text = [
      'model_provider = "openrouter"',
      'profiles.fast = { model = "deepseek/deepseek-chat", model_reasoning_effort = "low" }',
      '[profiles]',
      'deep = { model = "openai/gpt-9", model_provider = "openrouter" }',
      "cheap = { model = 'qwen/qwen3-coder', tags = [\"a/b\", { model = \"openai/gpt-5\" }] }",
      '',
      '[other]',
      'nested = { profiles = { x = { model = "openai/gpt-5" } } }',
      '',
    ].join('\n');
    expect(brief('.codex/config.toml', text)).toEqual([
      'deepseek/deepseek-chat -> deepseek/deepseek-chat @profiles.fast.model',
      'openai/gpt-9 -> openai/gpt-9 (unknown) @profiles.deep.model',
      'qwen/qwen3-coder -> qwen/qwen3-coder @profiles.cheap.model',
    ]);
    const root = 'profiles = { a = { model = "openai/gpt-5" }, b.model = "deepseek/deepseek-chat" }\nmodel = { x = "openai/gpt-5" }\n';
    expect(brief('.codex/config.toml', root)).toEqual([
      'openai/gpt-5 -> openai/gpt-5 @profiles.a.model',
      'deepseek/deepseek-chat -> deepseek/deepseek-chat @profiles.b.model',
    ]);
    const multiLine = 'profiles.x = {\n  model = "openai/gpt-5", # main\n  model_provider = "openrouter",\n}\n';
    expect(brief('.codex/config.toml', multiLine)).toEqual(['openai/gpt-5 -> openai/gpt-5 @profiles.x.model']);
    rangesHold('.codex/config.toml', text);
  });

  it('ignores ids in inline tables under other keys', () => {
    const text = 'model_provider = "openrouter"\n[mcp_servers.docs]\nenv = { MODEL = "openai/gpt-5", model = "openai/gpt-5" }\nnotes = { model = "deepseek/deepseek-chat" }\n';
    expect(brief('.codex/config.toml', text)).toEqual([]);
  });
});
