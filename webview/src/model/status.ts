// What the banners say, decided from each resource's error kind (never its message text) and age.
import type { WebviewCommand } from '../../../src/shared/protocol';
import type { ErrorKind, ResourceName, Snapshot } from '../../../src/shared/types';
import { formatAge } from '../../../src/shared/format';
import { t } from '../l10n';
import { unreadableParts, type SnapshotPart } from './intake';

export interface BannerAction {
  command: WebviewCommand;
  label: string;
}

export interface Banner {
  id: string;
  severity: 'error' | 'warning' | 'info';
  title: string;
  detail: string;
  actions: BannerAction[];
}

const RESOURCE_LABELS: Record<ResourceName, string> = {
  models: 'prices',
  rankings: 'rankings',
  key: 'key usage',
  credits: 'balance',
  activity: 'activity',
};

const RETRY: BannerAction = { command: 'refresh', label: 'Retry' };
const LOG: BannerAction = { command: 'showLog', label: 'Open log' };
const SET_KEY: BannerAction = { command: 'setApiKey', label: 'Set key' };
const SET_MANAGEMENT_KEY: BannerAction = { command: 'setManagementKey', label: 'Set management key' };

const MANAGEMENT_ONLY: readonly ResourceName[] = ['credits', 'activity'];

function joinLabels(names: ResourceName[]): string {
  return joinWords(names.map((n) => RESOURCE_LABELS[n]));
}

function joinWords(labels: string[]): string {
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/** Severity order when several kinds fail at once: the one the user must act on comes first. */
const ORDER: readonly ErrorKind[] = ['unauthorized', 'notManagementKey', 'paymentRequired', 'forbidden', 'config', 'offline', 'timeout', 'rateLimited', 'server', 'badResponse', 'notFound'];

export function banners(snapshot: Snapshot, now: number): Banner[] {
  const byKind = new Map<ErrorKind, ResourceName[]>();
  for (const [name, state] of Object.entries(snapshot.resources) as [ResourceName, Snapshot['resources'][ResourceName]][]) {
    const kind = state.error?.kind;
    if (!kind || kind === 'cancelled') continue;
    byKind.set(kind, [...(byKind.get(kind) ?? []), name]);
  }
  const oldest = (names: ResourceName[]): number | null => {
    const times = names.map((n) => snapshot.resources[n].fetchedAt).filter((t): t is number => t !== null);
    return times.length ? Math.min(...times) : null;
  };
  const since = (names: ResourceName[]): string => {
    const t = oldest(names);
    return t === null ? 'Nothing cached yet.' : `Showing data from ${formatAge(t, now)}.`;
  };
  const messageOf = (names: ResourceName[]): string => {
    const first = names[0];
    const m = first === undefined ? undefined : snapshot.resources[first].error?.message;
    return m ? ` (${m})` : '';
  };

  const out: Banner[] = [];
  const kinds = [...byKind.keys()].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
  for (const kind of kinds) {
    const names = byKind.get(kind) ?? [];
    const what = joinLabels(names);
    const managementOnly = names.every((n) => MANAGEMENT_ONLY.includes(n));
    switch (kind) {
      case 'unauthorized':
        out.push(
          managementOnly
            ? { id: kind, severity: 'error', title: 'Your management key was rejected.', detail: `Set a new management key to see ${what}. ${since(names)}`, actions: [SET_MANAGEMENT_KEY, LOG] }
            : { id: kind, severity: 'error', title: 'OpenRouter rejected your API key.', detail: `Set a valid key to update ${what}. ${since(names)}`, actions: [SET_KEY, LOG] },
        );
        break;
      case 'notManagementKey':
        out.push({
          id: kind,
          severity: 'warning',
          title: 'Balance unavailable: this is not a management key.',
          detail: `The key saved as the management key is an ordinary API key, so ${what} cannot be read. Set a management key from openrouter.ai/settings/management-keys.`,
          actions: [SET_MANAGEMENT_KEY],
        });
        break;
      case 'paymentRequired':
        out.push({ id: kind, severity: 'error', title: 'Your OpenRouter account is out of credits.', detail: `Add credits on openrouter.ai, then retry. ${since(names)}`, actions: [RETRY, LOG] });
        break;
      case 'forbidden':
        out.push(
          managementOnly
            ? { id: kind, severity: 'warning', title: `Your key may not read ${what}.`, detail: 'Balance and activity need a management key.', actions: [SET_MANAGEMENT_KEY, LOG] }
            : { id: kind, severity: 'error', title: `OpenRouter refused access to ${what}.`, detail: `Check the key's permissions${messageOf(names)}. ${since(names)}`, actions: [SET_KEY, LOG] },
        );
        break;
      case 'config':
        out.push({ id: kind, severity: 'error', title: 'A Model Radar setting is invalid.', detail: `Fix it in Settings${messageOf(names)}.`, actions: [LOG] });
        break;
      case 'offline':
      case 'timeout':
        if (out.some((b) => b.id === 'offline')) break;
        out.push({
          id: 'offline',
          severity: 'warning',
          title: kind === 'offline' ? 'Offline: openrouter.ai cannot be reached.' : 'OpenRouter is not answering in time.',
          detail: `${since(names)} Model Radar retries by itself.`,
          actions: [RETRY, LOG],
        });
        break;
      case 'rateLimited': {
        const first = names[0];
        const retry = first === undefined ? undefined : snapshot.resources[first].error?.retryAfterMs;
        const when = retry && Number.isFinite(retry) ? ` Retrying in ${Math.max(1, Math.ceil(retry / 1000))} s.` : ' Retrying shortly.';
        out.push({ id: kind, severity: 'info', title: `OpenRouter is rate-limiting ${what}.`, detail: `${since(names)}${when}`, actions: [LOG] });
        break;
      }
      case 'server':
      case 'badResponse':
      case 'notFound':
        if (out.some((b) => b.id === 'server')) break;
        out.push({ id: 'server', severity: 'warning', title: `OpenRouter had a problem serving ${what}.`, detail: `${since(names)}${messageOf(names)}`, actions: [RETRY, LOG] });
        break;
    }
  }

  const unreadable = unreadableBanner(unreadableParts(snapshot));
  if (unreadable) out.unshift(unreadable);

  const failing = new Set([...byKind.values()].flat());
  const staleOnly = (Object.keys(snapshot.resources) as ResourceName[]).filter(
    (n) => snapshot.resources[n].stale && !failing.has(n) && snapshot.resources[n].fetchedAt !== null,
  );
  if (staleOnly.length) {
    const t = oldest(staleOnly);
    out.push({
      id: 'stale',
      severity: 'info',
      title: `${capitalize(joinLabels(staleOnly))} ${staleOnly.length > 1 ? 'are' : 'is'} out of date.`,
      detail: t === null ? '' : `Last updated ${formatAge(t, now)}.`,
      actions: [RETRY],
    });
  }
  return out;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const PART_LABELS: Record<Exclude<SnapshotPart, 'message'>, string> = {
  keys: 'key status',
  catalog: 'prices',
  rankings: 'rankings',
  usage: 'key usage',
  activity: 'activity',
  resources: 'refresh status',
  trend: 'weekly trend',
};

/** The extension sent data the view could not read as it was: say so, and what was affected (nothing is silently lost). */
function unreadableBanner(parts: readonly SnapshotPart[]): Banner | null {
  if (parts.length === 0) return null;
  if (parts.includes('message')) {
    return {
      id: 'unreadable',
      severity: 'error',
      title: t('Model Radar could not read the data the extension sent.'),
      detail: t('Nothing from it is shown. Retry, or open the log if this keeps happening.'),
      actions: [RETRY, LOG],
    };
  }
  const what = joinWords(parts.map((p) => PART_LABELS[p as Exclude<SnapshotPart, 'message'>]));
  return {
    id: 'unreadable',
    severity: 'warning',
    title: t('Some {0} data could not be read.', what),
    detail: t('What could not be read is left out or shown as "—"; the rest is as sent. Retry, or open the log if this keeps happening.'),
    actions: [RETRY, LOG],
  };
}
