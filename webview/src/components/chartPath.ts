// SVG geometry shared by the line charts (daily regions, weekly shares): not a figure a user reads, so not the
// shared formatter's business. Coordinates to one decimal keep the path short without a visible difference.

/** An SVG path through the points by index; a null value breaks the line, which starts again after the gap. */
export function gapLinePath(values: readonly (number | null)[], x: (i: number) => number, y: (v: number) => number): string {
  const parts: string[] = [];
  let open = false;
  values.forEach((v, i) => {
    if (v === null) {
      open = false;
      return;
    }
    parts.push(`${open ? 'L' : 'M'} ${x(i).toFixed(1)} ${y(v).toFixed(1)}`);
    open = true;
  });
  return parts.join(' ');
}
