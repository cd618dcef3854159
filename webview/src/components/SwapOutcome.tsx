// What a swap from a webview button came to, beside the button: the host's refusal or failure as an inline error,
// or its outcome message (applied, cancelled, nothing to do) announced to screen readers as a status.
import type { ReactElement } from 'react';

export function SwapOutcome({ swap, leadingSpace = false }: { swap: { error: { message: string } | null; result: { message: string } | null }; leadingSpace?: boolean }): ReactElement | null {
  const gap = leadingSpace ? ' ' : '';
  if (swap.error) return <span className="mr-inline-error">{gap}{swap.error.message}</span>;
  if (swap.result) return <span role="status">{gap}{swap.result.message}</span>;
  return null;
}
