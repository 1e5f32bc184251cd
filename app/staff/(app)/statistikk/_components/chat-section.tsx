import { BarChart } from '@/components/staff/charts/bar-chart';
import { DataTable, type Column } from '@/components/staff/data-table';
import { monthLabel } from '@/lib/stats/report-dates';
import { CHAT_STARTED, chatColumnLabels, TOTAL } from '@/lib/stats/report-labels';
import type { ChatMonth, StatisticsReport } from '@/lib/stats/report';
import type { ShownCount } from '@/lib/stats/suppress';
import { Count } from './count-table';
import { Section } from './section';

type Row = { key: string; label: string; cells: ShownCount[]; started: ShownCount; month?: ChatMonth };

const number = 'text-right tabular-nums whitespace-nowrap';
const percent = new Intl.NumberFormat('nb-NO', { style: 'percent', maximumFractionDigits: 0 });
/** Why a band or a share is missing: no chats at all, or too few to show without giving a small number away. */
const missing = (r: Row) => ('value' in r.started && r.started.value === 0 ? '–' : <span className="text-muted italic">for få</span>);

/** Chats per month: answered or not, the waits as bands, and the share answered. */
export function ChatSection({ chats }: { chats: StatisticsReport['chats'] }) {
  const { months, table, perMonth } = chats;
  const rows: Row[] = months.map((m, i) => ({ key: m, label: monthLabel(m), cells: table.cells[i]!, started: table.rowTotals![i]!, month: perMonth[i] }));
  rows.push({ key: 'sum', label: TOTAL, cells: table.columnTotals!, started: table.grandTotal! });
  const columns: [Column<Row>, ...Column<Row>[]] = [
    { header: 'Måned', cell: (r) => r.label, className: 'font-normal' },
    ...chatColumnLabels.map((header, c): Column<Row> => ({ header, cell: (r) => <Count count={r.cells[c]!} />, className: number })),
    { header: CHAT_STARTED, cell: (r) => <Count count={r.started} />, className: `${number} font-semibold` },
    { header: 'Ventetid, median', cell: (r) => (r.month ? (r.month.median ?? missing(r)) : null) },
    { header: 'Ventetid, 90-persentil', cell: (r) => (r.month ? (r.month.p90 ?? missing(r)) : null) },
    { header: 'Andel besvart', cell: (r) => (r.month ? (r.month.answeredShare === undefined ? missing(r) : percent.format(r.month.answeredShare)) : null), className: number },
  ];
  return (
    <Section
      id="chat"
      title="Chat: svar og ventetid per måned"
      intro={
        <>
          <p>
            Chatter talt den dagen de ble startet. Ventetiden lagres bare som et tidsrom (for eksempel «1–2 minutter»): halvparten av de besvarte chattene fikk svar innen
            medianen, og ni av ti innen 90-persentilen. «Uten registrert ventetid» er chatter som verken er besvart eller avsluttet uten svar, for eksempel fordi de
            fortsatt venter.
          </p>
          <p>
            Andel besvart er besvarte chatter delt på startede chatter. Ventetid og andel vises bare når tallene de bygger på kan vises.
          </p>
        </>
      }
    >
      <BarChart
        id="chat-graf"
        title="Chatter besvart og avsluttet uten svar per måned"
        labels={months.map(monthLabel)}
        axisLabels={months.map((m) => monthLabel(m).slice(0, 3))}
        series={chatColumnLabels.slice(0, 2).map((name, c) => ({ name, values: table.cells.map((row) => row[c]!) }))}
        unit="chatter"
      />
      <DataTable caption="Chatter per måned: besvart, uten svar, startet, ventetid og andel besvart" columns={columns} rows={rows} rowKey={(r) => r.key} scrollRegion rowClassName={(r) => (r.month ? '' : 'font-semibold border-t-2 border-muted/40')} />
    </Section>
  );
}
