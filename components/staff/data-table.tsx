import type { ReactNode } from 'react';

const th = 'px-3 py-2 text-left font-semibold';
const td = 'px-3 py-2 align-top';

export type Column<Row> = {
  /** The column's heading; a screen reader reads it before each of the column's cells. */
  header: string;
  cell: (row: Row) => ReactNode;
  /** Classes added to this column's cells only. */
  className?: string;
};

type DataTableProps<Row> = {
  /** Read by screen readers only: what the table lists and in which order. */
  caption: string;
  /** The first column heads its row, so every cell is announced with the row it belongs to. */
  columns: readonly [Column<Row>, ...Column<Row>[]];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  /** Classes for a whole row, such as one that marks it unread. */
  rowClassName?: (row: Row) => string;
  /** Said instead of an empty table when there are no rows. */
  empty?: ReactNode;
  /**
   * For a table that may be wider than a phone: its box becomes a labelled region that takes
   * focus, so it can be scrolled sideways with the keyboard (axe: scrollable-region-focusable).
   */
  scrollRegion?: boolean;
};

/** The staff pages' tables: a white card that scrolls sideways on a narrow screen. */
export function DataTable<Row>({ caption, columns, rows, rowKey, rowClassName, empty, scrollRegion = false }: DataTableProps<Row>) {
  if (!rows.length && empty !== undefined) return <p className="rounded-2xl bg-white p-6">{empty}</p>;
  const [first, ...rest] = columns;
  return (
    <div className="overflow-x-auto rounded-2xl bg-white" {...(scrollRegion ? { role: 'region', 'aria-label': caption, tabIndex: 0 } : {})}>
      <table className="w-full border-collapse">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b-2 border-muted/40">
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={th}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName ? `border-b border-muted/20 ${rowClassName(row)}` : 'border-b border-muted/20'}>
              <th scope="row" className={first.className ? `${td} text-left ${first.className}` : `${td} text-left`}>
                {first.cell(row)}
              </th>
              {rest.map((c) => (
                <td key={c.header} className={c.className ? `${td} ${c.className}` : td}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
