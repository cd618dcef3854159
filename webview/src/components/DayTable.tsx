import type { ReactElement, ReactNode } from 'react';
import { formatDay } from '../../../src/shared/format';
import * as l10n from '../l10n';

export interface DayTableColumn {
  key: string;
  label: ReactNode;
  className?: string;
}

/**
 * A chart's figures per day as a table, folded under the chart (`aria-describedby` names it): what a screen reader,
 * or anyone who wants the exact number, reads instead of the picture. `cells` gives a day's <td>s after its date.
 */
export function DayTable<D extends { date: string }>({
  id,
  summary,
  className,
  columns,
  days,
  cells,
}: {
  id: string;
  summary: string;
  className?: string;
  columns: readonly DayTableColumn[];
  days: readonly D[];
  cells: (day: D) => ReactNode;
}): ReactElement {
  return (
    <details className="mr-table-alt">
      <summary>{summary}</summary>
      <table id={id} className={className}>
        <thead>
          <tr>
            <th scope="col">{l10n.t('Day')}</th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.className}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.date}>
              <th scope="row">{formatDay(d.date)}</th>
              {cells(d)}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
