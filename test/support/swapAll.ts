// "Swap everywhere" within one file, as the editor flow (src/host/modelRefs/swapFlow.ts) selects it: every
// reference naming the same model as `ref` (sameModelKey), swapped in one computeSwapMany edit list.
import { computeSwapMany, sameModelKey, type SwapOptions, type SwapResult } from '../../src/core/refs/swap';
import type { ModelRef, RefCatalog } from '../../src/core/refs/types';

export function computeSwapAll(text: string, refs: readonly ModelRef[], ref: ModelRef, targetId: string, catalog: RefCatalog, options: SwapOptions = {}): SwapResult {
  const key = sameModelKey(ref);
  return computeSwapMany(text, refs.filter((r) => r.file === ref.file && sameModelKey(r) === key), targetId, catalog, options);
}
