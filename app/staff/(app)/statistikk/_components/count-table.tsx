import { DataTable, type Column } from '@/components/staff/data-table';
import { TOTAL } from '@/lib/stats/report-labels';
import { countText, type ShownCount, type ShownTable } from '@/lib/stats/suppress';

type Row = { key: string; label: React.ReactNode; cells: ShownCount[]; total?: ShownCount; isTotal?: boolean };

const number = 'text-right tabular-nums whitespace-nowrap';

/** A count as the table shows it; a hidden one in grey italics beside the exact ones. */
export function Count({ count }: { count: ShownCount }) {
  return 'value' in count ? <>{countText(count)}</> : <span className="text-muted italic">{countText(count)}</span>;
}

/**
 * A suppressed table of counts: a row per label, a column per heading, and the totals the
 * table was suppressed with (a "Sum" column, a "Sum" row). Cells come as suppress.ts left them.
 */
export function CountTable({ caption, corner, labels, headings, table }: { caption: string; corner: string; labels: readonly React.ReactNode[]; headings: readonly string[]; table: ShownTable }) {
  const rows: Row[] = table.cells.map((cells, r) => ({ key: String(r), label: labels[r], cells, total: table.rowTotals?.[r] }));
  if (table.columnTotals) rows.push({ key: 'sum', label: TOTAL, cells: table.columnTotals, total: table.grandTotal, isTotal: true });
  const columns: [Column<Row>, ...Column<Row>[]] = [
    { header: corner, cell: (row) => row.label, className: 'font-normal' },
    ...headings.map((header, c): Column<Row> => ({ header, cell: (row) => <Count count={row.cells[c]!} />, className: number })),
    ...(table.rowTotals ? [{ header: TOTAL, cell: (row: Row) => (row.total ? <Count count={row.total} /> : null), className: `${number} font-semibold` }] : []),
  ];
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(row) => row.key} scrollRegion rowClassName={(row) => (row.isTotal ? 'font-semibold border-t-2 border-muted/40' : '')} />;
}
