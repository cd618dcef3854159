import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InitPayload } from '../../src/shared/protocol';
import { renderApp } from './support/fakeHost';
import { catalogModel, initPayload, liveSnapshot, managementSnapshot } from '../support/snapshotBuilders';

/** Builds a payload the types forbid, as a version skew or a corrupted cache would deliver it. */
function corrupt<T>(value: T, edit: (raw: Record<string, unknown>) => void): T {
  const raw = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  edit(raw);
  return raw as T;
}

describe('malformed host payloads', () => {
  let consoleError: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    consoleError.mockRestore();
  });

  it('null prices, a missing context, an unknown region and garbage numbers render as "—"', async () => {
    const sonnet = corrupt(catalogModel('anthropic/claude-sonnet-4.5'), (m) => {
      m.price = { input: null, output: 'fifteen', cacheRead: -1 };
      delete m.contextLength;
      m.region = 'MARS';
      m.codingIndex = 'NaN';
      m.lab = 42;
    });
    const snapshot = liveSnapshot();
    snapshot.catalog!.models = snapshot.catalog!.models.map((m) => (m.id === sonnet.id ? sonnet : m));
    await renderApp({ init: initPayload({ snapshot }) });
    const item = within(screen.getByRole('region', { name: 'Your models' })).getByRole('listitem', { name: 'Anthropic: Claude Sonnet 4.5' });
    // The meta line under the name prints no garbage either.
    expect(item.querySelector('.mr-model-meta')?.textContent).toBe('— / — per 1M · Unknown anthropic');
    fireEvent.click(within(item).getByRole('button', { name: 'Details of anthropic/claude-sonnet-4.5' }));
    const fact = (label: string): string => within(item).getByText(label, { selector: 'dt' }).nextElementSibling?.textContent ?? '';
    expect(fact('$/1M in / out')).toBe('— / —');
    expect(fact('Context')).toBe('—');
    expect(fact('Coding index')).toBe('—');
    expect(fact('Lab')).toBe('Unknown · anthropic');
  });

  it('a snapshot with missing sections and wrong types still renders every section', async () => {
    const init = corrupt(initPayload(), (raw) => {
      const s = raw.snapshot as Record<string, unknown>;
      s.keys = { inference: 'stored' };
      s.usage = { key: { daily: '1.84', weekly: null }, balanceStatus: 'maybe', effectiveRemaining: 'lots' };
      s.rankings = { mode: 'tokens', models: [{ rank: 'first', permaslug: 'x/y', tokens: 12, change: 'up' }, null, 7], regions: 'none' };
      s.resources = { models: null, key: { error: { kind: 'explosion' } } };
      delete s.catalog;
    });
    await renderApp({ init });
    const spend = screen.getByRole('region', { name: 'Spend' });
    const stat = (label: string): string => within(spend).getByText(label, { selector: 'dt' }).nextElementSibling?.textContent ?? '';
    expect(stat('Today')).toBe('—');
    expect(stat('This week')).toBe('—');
    expect(stat('Remaining')).toBe('—');
    const leaders = screen.getByRole('region', { name: 'Leaders' });
    expect(within(leaders).getByText('No China models in this window.')).toBeTruthy();
    // An unknown error kind is still shown, as a generic server problem.
    expect(document.querySelector('[data-banner="server"]')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Compare' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Your models' })).toBeTruthy();
  });

  it('token figures that are not decimal strings render as "—"', async () => {
    const snapshot = liveSnapshot();
    const rankings = snapshot.rankings!;
    const models = rankings.models.map((m, i) => (i === 0 ? corrupt(m, (r) => (r.tokens = '1e12')) : m));
    await renderApp({ init: initPayload({ snapshot: { ...snapshot, rankings: { ...rankings, models } } }) });
    const first = within(screen.getByRole('list', { name: 'Top China models' })).getAllByRole('listitem')[0];
    expect(first!.textContent).toBe('#1Xiaomi: MiMo-V2.5— ▲ +12%$0.14 / $0.28');
  });

  it('a non-object init or notification is ignored or defaulted, never thrown', async () => {
    const { host } = await renderApp({ init: 'garbage' as unknown as InitPayload });
    expect(screen.getByRole('region', { name: 'Spend' })).toBeTruthy();
    host.post({ type: 'notification', method: 'no/such', params: {} });
    host.post({ type: 'response', id: 999, ok: true, result: {} });
    host.post(null as unknown as Record<string, unknown>);
    await host.push('snapshot/didChange', 42 as unknown as InitPayload['snapshot']);
    expect(screen.getByRole('region', { name: 'Leaders' })).toBeTruthy();
  });

  it('a malformed activity view draws what it can', async () => {
    const snapshot = corrupt(managementSnapshot(), (raw) => {
      const a = raw.activity as { days: Record<string, unknown>[]; byModel: unknown[] };
      a.days[3]!.models = 'oops';
      a.days[4] = { date: null };
      a.byModel.push({ model: 'ghost/model', usage: 'free' });
    });
    await renderApp({ init: initPayload({ snapshot }) });
    const chart = within(screen.getByRole('region', { name: 'Spend' })).getByRole('img', { name: /Spend per day over the last 29 days/ });
    expect(chart).toBeTruthy();
  });

  it('a part that throws is contained by its boundary and the rest keeps working', async () => {
    await renderApp({ nowThrows: true });
    const notices = screen.getByText(/^Notices could not be shown/).closest('[role="alert"]');
    expect(notices?.textContent).toContain('Notices could not be shown: clock unavailable.');
    expect(within(notices as HTMLElement).getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Spend' })).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Leaders' })).getByText('Xiaomi: MiMo-V2.5')).toBeTruthy();
    expect(consoleError).toHaveBeenCalled();
  });
});
