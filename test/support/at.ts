/** xs[i] for a fixture that must hold it: a clear failure instead of an undefined flowing on. */
export function at<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`expected an element at index ${i}, the list holds ${xs.length}`);
  return x;
}
