import { BarChart } from '@/components/staff/charts/bar-chart';
import { DataTable, type Column } from '@/components/staff/data-table';
import { monthLabel } from '@/lib/stats/report-dates';
import { COVERAGE_OPEN, COVERAGE_SHARE, COVERAGE_STAFFED, TOTAL } from '@/lib/stats/report-labels';
import type { Coverage, StatisticsReport } from '@/lib/stats/report';
import { Section } from './section';

type Row = { key: string; label: string; coverage: Coverage; isTotal?: boolean };

const number = 'text-right tabular-nums whitespace-nowrap';
const hours = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('nb-NO', { style: 'percent', maximumFractionDigits: 0 });

/** Opening-hours coverage: per month, the hours the chat was open and the hours a host was on duty. */
export function CoverageSection({ coverage }: { coverage: StatisticsReport['coverage'] }) {
  const { months, perMonth, total } = coverage;
  const rows: Row[] = months.map((m, i) => ({ key: m, label: monthLabel(m), coverage: perMonth[i]! }));
  rows.push({ key: 'sum', label: TOTAL, coverage: total, isTotal: true });
  const columns: [Column<Row>, ...Column<Row>[]] = [
    { header: 'Måned', cell: (r) => r.label, className: 'font-normal' },
    { header: COVERAGE_OPEN, cell: (r) => hours.format(r.coverage.openHours), className: number },
    { header: COVERAGE_STAFFED, cell: (r) => hours.format(r.coverage.staffedHours), className: number },
    { header: COVERAGE_SHARE, cell: (r) => (r.coverage.share === undefined ? '–' : percent.format(r.coverage.share)), className: number },
  ];
  return (
    <Section
      id="dekning"
      title="Chat: åpningstid med chattevert"
      intro={
        <p>
          Hvert minutt chatten er åpen, teller vi om minst én chattevert hadde chatten oppe i arbeidsverktøyet. Vi lagrer bare to tall per dag: minutter åpent og minutter
          med chattevert, aldri hvem som var pålogget eller når på dagen. Minutter da nettsiden ikke kjørte, er ikke med.
        </p>
      }
    >
      <BarChart
        id="dekning-graf"
        title="Timer åpent og timer med chattevert per måned"
        labels={months.map(monthLabel)}
        axisLabels={months.map((m) => monthLabel(m).slice(0, 3))}
        series={[
          { name: COVERAGE_OPEN, values: perMonth.map((c) => ({ value: c.openHours })) },
          { name: COVERAGE_STAFFED, values: perMonth.map((c) => ({ value: c.staffedHours })) },
        ]}
        unit="timer"
      />
      <DataTable
        caption={`Åpningstid med chattevert per måned: ${COVERAGE_OPEN.toLowerCase()}, ${COVERAGE_STAFFED.toLowerCase()} og ${COVERAGE_SHARE.toLowerCase()}`}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.key}
        scrollRegion
        rowClassName={(r) => (r.isTotal ? 'font-semibold border-t-2 border-muted/40' : '')}
      />
    </Section>
  );
}
