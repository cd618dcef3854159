// What the banners say, decided from each resource's error kind (never its message text) and age.
import type { WebviewCommand } from '../../../src/shared/protocol';
import type { ErrorKind, ResourceName, Snapshot } from '../../../src/shared/types';
import { formatAge } from '../../../src/shared/format';
import * as l10n from '../l10n';
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

// Words are read when the banners are built (functions, not strings), so they are in the UI language.
const RESOURCE_LABELS: Record<ResourceName, () => string> = {
  models: () => l10n.t('prices'),
  rankings: () => l10n.t('rankings'),
  key: () => l10n.t('key usage'),
  credits: () => l10n.t('balance'),
  activity: () => l10n.t('activity'),
  userModels: () => l10n.t('the models your key may use'),
};

const MANAGEMENT_ONLY: readonly ResourceName[] = ['credits', 'activity'];

function joinLabels(names: ResourceName[]): string {
  return joinWords(names.map((n) => RESOURCE_LABELS[n]()));
}

function joinWords(labels: string[]): string {
  return labels.length <= 1 ? (labels[0] ?? '') : l10n.t('{0} and {1}', labels.slice(0, -1).join(l10n.t(', ')), labels[labels.length - 1] ?? '');
}

/** Severity order when several kinds fail at once: the one the user must act on comes first. */
const ORDER: readonly ErrorKind[] = ['unauthorized', 'notManagementKey', 'paymentRequired', 'forbidden', 'config', 'blocked', 'offline', 'timeout', 'rateLimited', 'server', 'badResponse', 'notFound'];

export function banners(snapshot: Snapshot, now: number): Banner[] {
  const RETRY: BannerAction = { command: 'refresh', label: l10n.t('Retry') };
  const LOG: BannerAction = { command: 'showLog', label: l10n.t('Open log') };
  const SET_KEY: BannerAction = { command: 'setApiKey', label: l10n.t('Set key') };
  const SET_MANAGEMENT_KEY: BannerAction = { command: 'setManagementKey', label: l10n.t('Set management key') };
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
    return t === null ? l10n.t('Nothing cached yet.') : l10n.t('Showing data from {0}.', formatAge(t, now));
  };
  const messageOf = (names: ResourceName[]): string | null => {
    const first = names[0];
    const m = first === undefined ? undefined : snapshot.resources[first].error?.message;
    return m ? m : null;
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
            ? {
                id: kind,
                severity: 'error',
                title: l10n.t('Your management key was rejected.'),
                detail: l10n.t('Set a new management key to see {0}. {1}', what, since(names)),
                actions: [SET_MANAGEMENT_KEY, LOG],
              }
            : { id: kind, severity: 'error', title: l10n.t('OpenRouter rejected your API key.'), detail: l10n.t('Set a valid key to update {0}. {1}', what, since(names)), actions: [SET_KEY, LOG] },
        );
        break;
      case 'notManagementKey':
        out.push({
          id: kind,
          severity: 'warning',
          title: l10n.t('Balance unavailable: this is not a management key.'),
          detail: l10n.t(
            'The key saved as the management key is an ordinary API key, so {0} cannot be read. Set a management key from openrouter.ai/settings/management-keys.',
            what,
          ),
          actions: [SET_MANAGEMENT_KEY],
        });
        break;
      case 'paymentRequired':
        out.push({ id: kind, severity: 'error', title: l10n.t('Your OpenRouter account is out of credits.'), detail: l10n.t('Add credits on openrouter.ai, then retry. {0}', since(names)), actions: [RETRY, LOG] });
        break;
      case 'forbidden':
        out.push(
          managementOnly
            ? { id: kind, severity: 'warning', title: l10n.t('Your key may not read {0}.', what), detail: l10n.t('Balance and activity need a management key.'), actions: [SET_MANAGEMENT_KEY, LOG] }
            : {
                id: kind,
                severity: 'error',
                title: l10n.t('OpenRouter refused access to {0}.', what),
                detail: withMessage(
                  messageOf(names),
                  (m) => l10n.t("Check the key's permissions ({0}). {1}", m, since(names)),
                  () => l10n.t("Check the key's permissions. {0}", since(names)),
                ),
                actions: [SET_KEY, LOG],
              },
        );
        break;
      case 'config':
        out.push({ id: kind, severity: 'error', title: l10n.t('A Model Radar setting is invalid.'),
          detail: withMessage(
            messageOf(names),
            (m) => l10n.t('Fix it in Settings ({0}).', m),
            () => l10n.t('Fix it in Settings.'),
          ),
          actions: [LOG] });
        break;
      case 'blocked':
        // The web extension host: the browser refused the cross-origin request, so nothing came back to show.
        out.push({
          id: kind,
          severity: 'error',
          title: l10n.t('Your browser blocked the request for {0}.', what),
          detail: l10n.t('The browser refused the cross-origin request to OpenRouter, so no answer reached Model Radar. An extension or a policy that blocks openrouter.ai can cause this. {0}', since(names)),
          actions: [RETRY, LOG],
        });
        break;
      case 'offline':
      case 'timeout':
        if (out.some((b) => b.id === 'offline')) break;
        out.push({
          id: 'offline',
          severity: 'warning',
          title: kind === 'offline' ? l10n.t('Offline: openrouter.ai cannot be reached.') : l10n.t('OpenRouter is not answering in time.'),
          detail: l10n.t('{0} Model Radar retries by itself.', since(names)),
          actions: [RETRY, LOG],
        });
        break;
      case 'rateLimited': {
        const first = names[0];
        const retry = first === undefined ? undefined : snapshot.resources[first].error?.retryAfterMs;
        const detail =
          retry && Number.isFinite(retry)
            ? l10n.t('{0} Retrying in {1} s.', since(names), Math.max(1, Math.ceil(retry / 1000)))
            : l10n.t('{0} Retrying shortly.', since(names));
        out.push({ id: kind, severity: 'info', title: l10n.t('OpenRouter is rate-limiting {0}.', what), detail, actions: [LOG] });
        break;
      }
      case 'server':
      case 'badResponse':
      case 'notFound':
        if (out.some((b) => b.id === 'server')) break;
        out.push({ id: 'server', severity: 'warning', title: l10n.t('OpenRouter had a problem serving {0}.', what),
          detail: withMessage(
            messageOf(names),
            (m) => l10n.t('{0} ({1})', since(names), m),
            () => since(names),
          ),
          actions: [RETRY, LOG] });
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
      title: staleOnly.length > 1 ? l10n.t('{0} are out of date.', capitalize(joinLabels(staleOnly))) : l10n.t('{0} is out of date.', capitalize(joinLabels(staleOnly))),
      detail: t === null ? '' : l10n.t('Last updated {0}.', formatAge(t, now)),
      actions: [RETRY],
    });
  }
  return out;
}

function withMessage(m: string | null, withIt: (m: string) => string, without: () => string): string {
  return m === null ? without() : withIt(m);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const PART_LABELS: Record<Exclude<SnapshotPart, 'message'>, () => string> = {
  keys: () => l10n.t('key status'),
  catalog: () => l10n.t('prices'),
  rankings: () => l10n.t('rankings'),
  usage: () => l10n.t('key usage'),
  activity: () => l10n.t('activity'),
  resources: () => l10n.t('refresh status'),
  trend: () => l10n.t('weekly trend'),
  allowedModels: () => l10n.t('the models your key may use'),
};

/** The extension sent data the view could not read as it was: say so, and what was affected (nothing is silently lost). */
function unreadableBanner(parts: readonly SnapshotPart[]): Banner | null {
  if (parts.length === 0) return null;
  const RETRY: BannerAction = { command: 'refresh', label: l10n.t('Retry') };
  const LOG: BannerAction = { command: 'showLog', label: l10n.t('Open log') };
  if (parts.includes('message')) {
    return {
      id: 'unreadable',
      severity: 'error',
      title: l10n.t('Model Radar could not read the data the extension sent.'),
      detail: l10n.t('Nothing from it is shown. Retry, or open the log if this keeps happening.'),
      actions: [RETRY, LOG],
    };
  }
  const what = joinWords(parts.map((p) => PART_LABELS[p as Exclude<SnapshotPart, 'message'>]()));
  return {
    id: 'unreadable',
    severity: 'warning',
    title: l10n.t('Some {0} data could not be read.', what),
    detail: l10n.t('What could not be read is left out or shown as "—"; the rest is as sent. Retry, or open the log if this keeps happening.'),
    actions: [RETRY, LOG],
  };
}
