// The table each chart folds under it (one component, DayTable): one row per day, the date through the shared
// formatter, the chart names it with aria-describedby.
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DayTable } from '../../webview/src/components/DayTable';
import { SpendChart } from '../../webview/src/sections/SpendChart';
import { catalogIndex } from '../../webview/src/model/derive';
import { formatDay, formatUsd } from '../../src/shared/format';
import { activityView } from '../support/snapshotBuilders';

describe('DayTable', () => {
  it('heads the columns after "Day" and writes a row per day with its cells', () => {
    const days = [
      { date: '2026-07-20', n: 1 },
      { date: '2026-07-21', n: 2 },
    ];
    render(<DayTable id="t1" summary="Figures as a table" className="mr-table" columns={[{ key: 'n', label: 'N', className: 'mr-num' }]} days={days} cells={(d) => <td>{d.n}</td>} />);
    const table = document.getElementById('t1') as HTMLTableElement;
    expect(table.className).toBe('mr-table');
    expect(table.closest('details')?.querySelector('summary')?.textContent).toBe('Figures as a table');
    expect([...table.querySelectorAll('thead th')].map((th) => [th.textContent, th.className])).toEqual([
      ['Day', ''],
      ['N', 'mr-num'],
    ]);
    expect([...table.querySelectorAll('tbody tr')].map((tr) => tr.textContent)).toEqual([`${formatDay('2026-07-20')}1`, `${formatDay('2026-07-21')}2`]);
  });
});

describe('the Spend chart’s table', () => {
  it('is the one the chart names, with each day’s total spend', () => {
    const activity = activityView();
    render(<SpendChart activity={activity} catalog={catalogIndex(null)} />);
    const chart = screen.getByRole('img');
    const table = document.getElementById(chart.getAttribute('aria-describedby') ?? '') as HTMLTableElement;
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(activity.days.length);
    const last = activity.days.at(-1);
    expect(rows.at(-1)?.textContent).toBe(`${formatDay(last?.date ?? '')}${formatUsd(last?.total ?? 0)}`);
  });
});
