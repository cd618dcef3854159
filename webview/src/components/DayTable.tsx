import type { ReactElement, ReactNode } from 'react';
import { formatDay } from '../../../src/shared/format';
import * as l10n from '../l10n';

export interface DayTableColumn {
  key: string;
  label: ReactNode;
  className?: string;
}

/**
 * A chart's figures per day (or per week, named by its first day) as a table, folded under the chart
 * (`aria-describedby` names it): what a screen reader, or anyone who wants the exact number, reads instead of the
 * picture. `cells` gives a row's <td>s after its date; each row carries its date as `data-day`.
 */
export function DayTable<D extends { date: string }>({
  id,
  summary,
  className,
  columns,
  days,
  cells,
  dayColumn,
  dayLabel = (d) => formatDay(d.date),
}: {
  id: string;
  summary: string;
  className?: string;
  columns: readonly DayTableColumn[];
  days: readonly D[];
  cells: (day: D) => ReactNode;
  /** The first column's heading (default "Day"). */
  dayColumn?: string;
  /** A row's heading (default: its day, "Jul 29"). */
  dayLabel?: (day: D) => string;
}): ReactElement {
  return (
    <details className="mr-table-alt">
      <summary>{summary}</summary>
      <table id={id} className={className}>
        <thead>
          <tr>
            <th scope="col">{dayColumn ?? l10n.t('Day')}</th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.className}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.date} data-day={d.date}>
              <th scope="row">{dayLabel(d)}</th>
              {cells(d)}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
