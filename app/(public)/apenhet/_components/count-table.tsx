import { countText } from '@/lib/stats/suppress';
import type { ShownMonths } from '@/lib/stats/transparency';

const th = 'px-3 py-2 text-left font-semibold';
const td = 'px-3 py-2 text-right tabular-nums';

/**
 * Months down, kinds across, every number as suppress.ts shows it. On a narrow screen the
 * table scrolls sideways inside a region that keyboard users can reach and scroll too.
 */
export function CountTable({ id, caption, table }: { id: string; caption: string; table: ShownMonths }) {
  return (
    <div role="region" aria-labelledby={id} tabIndex={0} className="mt-4 overflow-x-auto rounded-2xl bg-white focus-visible:outline-2 focus-visible:outline-brand-dark">
      <table className="w-full border-collapse">
        <caption id={id} className="px-3 pt-3 text-left font-semibold">
          {caption}
        </caption>
        <thead className="border-b-2 border-muted/40">
          <tr>
            <th scope="col" className={th}>
              Måned
            </th>
            {table.columns.map((c) => (
              <th key={c.key} scope="col" className={`${th} text-right`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.month} className="border-b border-muted/20">
              <th scope="row" className={`${th} font-normal whitespace-nowrap`}>
                <time dateTime={row.month}>{row.label}</time>
              </th>
              {row.counts.map((count, i) => (
                <td key={table.columns[i]!.key} className={td}>
                  {countText(count)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t-2 border-muted/40">
            <th scope="row" className={th}>
              Sum {table.rows.length} måneder
            </th>
            {table.totals.map((count, i) => (
              <td key={table.columns[i]!.key} className={`${td} font-semibold`}>
                {countText(count)}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
