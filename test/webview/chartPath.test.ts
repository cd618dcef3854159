import { describe, expect, it } from 'vitest';
import { gapLinePath } from '../../webview/src/components/chartPath';

describe('gapLinePath', () => {
  const x = (i: number): number => i * 10;
  const y = (v: number): number => 100 - v;
  it('draws one line through the points, to one decimal', () => {
    expect(gapLinePath([1, 2.25, 3], x, y)).toBe('M 0.0 99.0 L 10.0 97.8 L 20.0 97.0');
  });
  it('breaks at a missing value and starts again after it', () => {
    expect(gapLinePath([1, null, 3, 4], x, y)).toBe('M 0.0 99.0 M 20.0 97.0 L 30.0 96.0');
    expect(gapLinePath([null, null], x, y)).toBe('');
  });
});
