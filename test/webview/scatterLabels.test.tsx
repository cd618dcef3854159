// Scatter labels never overlap each other, any point, or the plot's edge; crowded labels are left to hover/focus.
import { fireEvent, screen, within } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LABEL_METRICS, placeLabels, type Box } from '../../webview/src/model/derive';
import { renderApp } from './support/fakeHost';
import { initPayload, liveSnapshot, modelRef, referencesView } from '../support/snapshotBuilders';

const overlap = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
const hits = (b: Box, p: { x: number; y: number; r: number }): boolean => {
  const cx = Math.max(b.x0, Math.min(p.x, b.x1));
  const cy = Math.max(b.y0, Math.min(p.y, b.y1));
  return (cx - p.x) ** 2 + (cy - p.y) ** 2 < p.r * p.r;
};
const BOUNDS: Box = { x0: 0, y0: 0, x1: 640, y1: 300 };

describe('placeLabels', () => {
  it('for any points and labels: no two labels overlap, none covers a point or leaves the plot', () => {
    const pt = fc.record({ x: fc.double({ min: 0, max: 640, noNaN: true }), y: fc.double({ min: 0, max: 300, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(pt, { minLength: 1, maxLength: 40 }), fc.array(fc.string({ minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 40 }), (pts, texts) => {
        const points = pts.map((p) => ({ ...p, r: 4.5 }));
        const labels = texts.slice(0, pts.length).map((text, i) => ({ key: String(i), text, x: pts[i]!.x, y: pts[i]!.y }));
        const placed = placeLabels(labels, points, BOUNDS);
        for (const [i, a] of placed.entries()) {
          expect(a.box.x1 - a.box.x0).toBeCloseTo(a.text.length * LABEL_METRICS.charWidth, 6);
          expect(a.box.x0 >= BOUNDS.x0 && a.box.x1 <= BOUNDS.x1 && a.box.y0 >= BOUNDS.y0 && a.box.y1 <= BOUNDS.y1).toBe(true);
          for (const p of points) expect(hits(a.box, p)).toBe(false);
          for (const b of placed.slice(i + 1)) expect(overlap(a.box, b.box)).toBe(false);
        }
      }),
    );
  });

  it('two labels for points side by side both fit, in different spots', () => {
    const points = [{ x: 300, y: 150, r: 6.5 }, { x: 304, y: 152, r: 6.5 }];
    const placed = placeLabels([{ key: 'a', text: 'Claude Sonnet 5', x: 300, y: 150 }, { key: 'b', text: 'Claude Opus 4.8', x: 304, y: 152 }], points, BOUNDS);
    expect(placed.map((p) => p.key)).toEqual(['a', 'b']);
    expect(overlap(placed[0]!.box, placed[1]!.box)).toBe(false);
  });

  it('a label with no free spot is left out rather than drawn over others', () => {
    const crowd = Array.from({ length: 400 }, (_, i) => ({ x: 200 + (i % 20) * 6, y: 100 + Math.floor(i / 20) * 6, r: 4.5 }));
    expect(placeLabels([{ key: 'x', text: 'Hidden in the crowd', x: 257, y: 157 }], crowd, BOUNDS)).toEqual([]);
  });
});

describe('scatter on the dashboard', () => {
  it('labels your models without overlaps, and names a focused point with a label of its own', async () => {
    const refs = ['anthropic/claude-opus-4.8', 'anthropic/claude-opus-4.7', 'anthropic/claude-sonnet-4.6', 'anthropic/claude-sonnet-5', 'openai/gpt-5.6-sol', 'deepseek/deepseek-v4-flash', 'deepseek/deepseek-v4-pro', 'z-ai/glm-5.2'];
    await renderApp({ init: initPayload({ view: 'dashboard', snapshot: liveSnapshot(), references: referencesView(refs.map((id, i) => modelRef(id, { refId: `r${i}` }))) }) });
    const svg = within(screen.getByRole('region', { name: 'Price vs coding quality' })).getByRole('group', { name: 'Price versus coding index scatter plot' });
    const boxes = (): Box[] =>
      [...svg.querySelectorAll('text.mr-point-label')].map((t) => {
        const x = Number(t.getAttribute('x'));
        const y = Number(t.getAttribute('y'));
        const w = (t.textContent ?? '').length * LABEL_METRICS.charWidth;
        const anchor = t.getAttribute('text-anchor');
        const x0 = anchor === 'end' ? x - w : anchor === 'middle' ? x - w / 2 : x;
        return { x0, y0: y - LABEL_METRICS.height + 2, x1: x0 + w, y1: y + 2 };
      });
    const points = [...svg.querySelectorAll('path.mr-point')].map((p) => {
      const m = /translate\(([\d.]+) ([\d.]+)\)/.exec(p.getAttribute('transform') ?? '');
      return { x: Number(m?.[1]), y: Number(m?.[2]), r: p.classList.contains('mr-point-yours') ? 6.5 : 4.5 };
    });
    const check = (): void => {
      const b = boxes();
      expect(b.length).toBeGreaterThan(0);
      for (const [i, a] of b.entries()) {
        for (const p of points) expect(hits(a, p)).toBe(false);
        for (const c of b.slice(i + 1)) expect(overlap(a, c)).toBe(false);
      }
    };
    check();
    fireEvent.keyDown(svg, { key: 'Home' });
    const readout = screen.getByText(/blended per 1M, coding index/, { selector: '.mr-chart-readout' });
    const focusedName = /^(.+?) \(/.exec(readout.textContent ?? '')?.[1]?.replace(/^[^:]+:\s*/, '');
    expect([...svg.querySelectorAll('text.mr-point-label')].map((t) => t.textContent)).toContain(focusedName);
    check();
  });
});
