import { BarChart } from '@/components/staff/charts/bar-chart';
import { dayLabel, shortDayLabel } from '@/lib/stats/report-dates';
import { siteLabels } from '@/lib/stats/report-labels';
import type { StatisticsReport } from '@/lib/stats/report';
import { Count, CountTable } from './count-table';
import { Section } from './section';

/** Visits per day, a chart per site, and the same numbers day by day in a table. */
export function VisitsSection({ visits }: { visits: StatisticsReport['visits'] }) {
  const { days, sites, table } = visits;
  const labels = days.map(dayLabel);
  return (
    <Section
      id="besok"
      title="Besøk per dag"
      intro={<p>Et besøk er en side åpnet fra utsiden av nettstedet: skrevet inn, fra et bokmerke eller fra en lenke på et annet nettsted.</p>}
    >
      <ul className="space-y-1">
        {sites.map((site, s) => (
          <li key={site}>
            {siteLabels[site]}, hele perioden: <strong><Count count={table.columnTotals![s]!} /></strong> besøk
          </li>
        ))}
      </ul>
      <div className="grid gap-6 lg:grid-cols-2">
        {sites.map((site, s) => (
          <BarChart
            key={site}
            id={`besok-${site}`}
            title={`Besøk per dag, ${siteLabels[site].toLowerCase()}`}
            labels={labels}
            axisLabels={days.map(shortDayLabel)}
            series={[{ name: siteLabels[site], values: table.cells.map((row) => row[s]!) }]}
            unit="besøk"
          />
        ))}
      </div>
      <details className="rounded-2xl bg-white p-4">
        <summary className="cursor-pointer font-semibold text-brand-dark">Tallene dag for dag</summary>
        <div className="mt-3">
          <CountTable caption="Besøk per dag og nettside" corner="Dag" labels={labels} headings={sites.map((s) => siteLabels[s])} table={table} />
        </div>
      </details>
    </Section>
  );
}
