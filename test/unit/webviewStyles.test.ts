// What the stylesheet promises every surface: no text a user needs is cut with an ellipsis, and the spend chart's
// series colours come from the theme and stay apart from their neighbours, colour-blind eyes included.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(__dirname, '../../webview/src/styles.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** Each rule's selector and body. */
function rules(): { selector: string; body: string }[] {
  return [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => ({ selector: m[1]!.trim(), body: m[2]! }));
}

describe('styles', () => {
  it('never cuts text with an ellipsis: names and ids wrap instead', () => {
    const cutting = rules().filter((r) => /text-overflow\s*:\s*ellipsis/.test(r.body));
    expect(cutting.map((r) => r.selector)).toEqual([]);
    for (const selector of ['.mr-top-models .mr-model-name', '.mr-model-head .mr-model-name']) {
      const rule = rules().find((r) => r.selector === selector);
      expect(rule?.body).toMatch(/overflow-wrap\s*:\s*anywhere/);
      expect(rule?.body).not.toMatch(/white-space\s*:\s*nowrap/);
    }
  });

  it('spend series: theme chart colours, all different, neighbours told apart without red/green or two warm hues', () => {
    const series = rules()
      .map((r) => ({ m: /^\.mr-series-(\d+)$/.exec(r.selector), body: r.body }))
      .filter((r) => r.m !== null)
      .sort((a, b) => Number(a.m?.[1]) - Number(b.m?.[1]))
      .map((r) => /fill\s*:\s*var\(--vscode-charts-([a-z]+)\)/.exec(r.body)?.[1] ?? 'not a theme chart colour');
    expect(series.length).toBeGreaterThanOrEqual(5);
    expect(new Set(series).size).toBe(series.length);
    expect(series.every((c) => ['blue', 'orange', 'green', 'purple', 'red', 'yellow'].includes(c))).toBe(true);
    // charts-yellow and charts-orange are nearly the same colour in VS Code's built-in themes.
    expect(series.includes('yellow') && series.includes('orange')).toBe(false);
    const warm = new Set(['red', 'orange', 'yellow']);
    for (let i = 1; i < series.length; i++) {
      const pair = new Set([series[i - 1], series[i]]);
      expect(pair.has('red') && pair.has('green')).toBe(false);
      expect(warm.has(series[i - 1]!) && warm.has(series[i]!)).toBe(false);
    }
  });
});
