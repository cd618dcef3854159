// The Changes list as pushed by the host, checked before any component sees it: entries that do not have the
// shape of a WatchChange are left out (never shown half right), and the rest of the view still renders.
import type { WatchChange, WatchPrice, WatchView } from '../../../src/shared/types';
import { asRecord as rec } from '../../../src/shared/isRecord';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const numOrNull = (v: unknown): number | null | undefined => (v === null ? null : typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const strOrNull = (v: unknown): string | null | undefined => (v === null ? null : typeof v === 'string' ? v : undefined);

function price(v: unknown): WatchPrice | null {
  const r = rec(v);
  if (!r) return null;
  const input = numOrNull(r.input);
  const output = numOrNull(r.output);
  return input === undefined || output === undefined ? null : { input, output };
}

function change(v: unknown): WatchChange | null {
  const r = rec(v);
  if (!r || typeof r.seq !== 'number') return null;
  const at = str(r.at);
  const modelId = str(r.modelId);
  const name = str(r.name) ?? '';
  if (at === null || modelId === null) return null;
  const base = { seq: r.seq, at, modelId, name };
  switch (r.kind) {
    case 'price': {
      const from = price(r.from);
      const to = price(r.to);
      return from && to ? { ...base, kind: 'price', from, to } : null;
    }
    case 'expiration': {
      const from = strOrNull(r.from);
      const to = strOrNull(r.to);
      return from === undefined || to === undefined ? null : { ...base, kind: 'expiration', from, to };
    }
    case 'context': {
      const from = numOrNull(r.from);
      const to = numOrNull(r.to);
      return from === undefined || to === undefined ? null : { ...base, kind: 'context', from, to };
    }
    case 'removed': {
      const from = price(r.from);
      return from ? { ...base, kind: 'removed', from, to: null } : null;
    }
    default:
      return null;
  }
}

export function watchView(raw: unknown): WatchView {
  const r = rec(raw) ?? {};
  const changes = Array.isArray(r.changes) ? r.changes.map(change).filter((c): c is WatchChange => c !== null) : [];
  const watching = typeof r.watching === 'number' && Number.isFinite(r.watching) && r.watching >= 0 ? r.watching : 0;
  return { changes, watching, since: str(r.since), note: str(r.note) };
}
