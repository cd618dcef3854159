// One rank lookup: the hover/CodeLens (core), Compare's alternatives and the webview lists ask the same function,
// so a variant or an alias is ranked as its base model everywhere, or nowhere.
import { describe, expect, it } from 'vitest';
import { rankIndex } from '../../webview/src/model/derive';
import { rankLookup, rankOf } from '../../src/shared/variantTokens';
import { catalogModel, rankingsView } from '../support/snapshotBuilders';

describe('rankLookup', () => {
  const rankings = rankingsView();
  const base = rankings.models.find((r) => r.id === 'deepseek/deepseek-v4-flash');

  it.each([
    ['a variant the rankings do not list', catalogModel('deepseek/deepseek-v4-flash', { id: 'deepseek/deepseek-v4-flash:nitro', canonicalSlug: 'deepseek/deepseek-v4-flash-nitro' })],
    ['an alias, by its target', catalogModel('deepseek/deepseek-v4-flash', { id: '~deepseek/flash-latest', canonicalSlug: '~deepseek/flash-latest', aliasTarget: 'deepseek/deepseek-v4-flash' })],
    ['upper case in the id', catalogModel('deepseek/deepseek-v4-flash', { id: 'DeepSeek/DeepSeek-V4-Flash', canonicalSlug: 'x/y' })],
  ])('%s is ranked as its base model, the same in core and in the webview', (_case, model) => {
    expect(base).toBeDefined();
    expect(rankOf(rankings, model)).toBe(base);
    expect(rankIndex(rankings).get(model)).toBe(base);
  });

  it('a model the rankings do not name is unranked everywhere', () => {
    const other = catalogModel('deepseek/deepseek-v4-flash', { id: 'nobody/nothing', canonicalSlug: 'nobody/nothing-2026', aliasTarget: null });
    expect(rankLookup(rankings)(other)).toBeNull();
    expect(rankIndex(rankings).get(other)).toBeNull();
    expect(rankLookup(null)(other)).toBeNull();
  });
});
