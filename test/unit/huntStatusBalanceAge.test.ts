// The status bar's "left" can come from the account balance (/credits, read with the management key) while
// "today" comes from the API key's /key. When /credits has stopped answering (the management key revoked: 401;
// a 5xx; offline) the balance shown is hours old: the status bar must not call it up to date.
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/core/service/settings';
import { presentStatus } from '../../src/core/status/presenter';
import { errorInfo, managementSnapshot, resources } from '../support/snapshotBuilders';

const NOW = Date.parse('2026-07-29T09:00:30Z');
const HOURS_AGO = NOW - 3 * 3_600_000;

describe('a balance from a /credits that no longer answers is not live', () => {
  it.each(['unauthorized', 'server', 'offline', 'forbidden'] as const)('/credits %s, balance 3 h old: stale, and the text says how old', (kind) => {
    const snap = managementSnapshot({ resources: resources({ fetchedAt: NOW - 30_000 }, { credits: { error: errorInfo(kind), stale: true, fetchedAt: HOURS_AGO } }) });
    const p = presentStatus(snap, defaultSettings(), NOW);
    expect(p.text).toContain('$18.75 left');
    expect(p.state).toBe('stale');
    expect(p.text).toContain('3 h old');
    expect(p.tooltipMarkdown).not.toContain('Up to date');
  });

  it('a balance older than two credit intervals is stale even without an error', () => {
    const snap = managementSnapshot({ resources: resources({ fetchedAt: NOW - 30_000 }, { credits: { fetchedAt: HOURS_AGO } }) });
    expect(presentStatus(snap, defaultSettings(), NOW).state).toBe('stale');
  });

  it('fresh key and fresh balance: live', () => {
    const snap = managementSnapshot({ resources: resources({ fetchedAt: NOW - 30_000 }) });
    expect(presentStatus(snap, defaultSettings(), NOW).state).toBe('live');
  });
});
