import { BarChart } from '@/components/staff/charts/bar-chart';
import { RankedChart } from '@/components/staff/charts/ranked-chart';
import { dayLabel, isoWeek, monthLabel, weekLabel } from '@/lib/stats/report-dates';
import { channelLabels, RETIRED } from '@/lib/stats/report-labels';
import type { StatisticsReport } from '@/lib/stats/report';
import { CountTable } from './count-table';
import { Section } from './section';

/** Inquiries and chats started per ISO week, as a chart and a table. */
export function StartedSection({ started }: { started: StatisticsReport['started'] }) {
  const { weeks, channels, table } = started;
  const labels = weeks.map(weekLabel);
  return (
    <Section
      id="startet"
      title="Henvendelser og chatter per uke"
      intro={<p>Henvendelser sendt fra kontaktskjemaet og chatter startet, per uke (mandag til søndag). Første og siste uke kan ligge delvis utenfor perioden; bare dagene i perioden er talt.</p>}
    >
      <BarChart
        id="startet-graf"
        title="Henvendelser og chatter startet per uke"
        labels={labels}
        axisLabels={weeks.map((w) => `u. ${isoWeek(w).week}`)}
        series={channels.map((c, i) => ({ name: channelLabels[c], values: table.cells.map((row) => row[i]!) }))}
        unit="startet"
      />
      <CountTable
        caption="Henvendelser og chatter startet per uke, med summer"
        corner="Uke"
        labels={weeks.map((w, i) => (
          <span key={w}>
            {labels[i]} <span className="block text-sm text-muted">fra {dayLabel(w)}</span>
          </span>
        ))}
        headings={channels.map((c) => channelLabels[c])}
        table={table}
      />
    </Section>
  );
}

const kinds = {
  reason: { id: 'arsaker', title: 'Tema for kontakten per måned', corner: 'Tema', unit: 'kontakter' },
  outcome: { id: 'utfall', title: 'Utfall per måned', corner: 'Utfall', unit: 'kontakter' },
} as const;

/** Reasons for contact and outcomes per month, inquiries and chats together. */
export function CategoriesSection({ categories }: { categories: StatisticsReport['categories'] }) {
  return (
    <>
      {(['reason', 'outcome'] as const).map((kind) => {
        const { rows, months, table } = categories[kind];
        const k = kinds[kind];
        const labels = rows.map((r) => (r.retired ? `${r.label} ${RETIRED}` : r.label));
        return (
          <Section
            key={kind}
            id={k.id}
            title={k.title}
            intro={
              <p>
                Henvendelser og chatter sammen, talt den dagen kontakten ble avsluttet. En kontakt kan ha flere {kind === 'reason' ? 'årsaker' : 'utfall'}, så summen kan bli
                større enn antall kontakter.
              </p>
            }
          >
            <RankedChart id={`${k.id}-graf`} title={`${k.corner}, hele perioden`} rows={rows.map((_, r) => ({ label: labels[r]!, count: table.rowTotals![r]! }))} unit={k.unit} />
            <CountTable caption={`${k.title}, med summer`} corner={k.corner} labels={labels} headings={months.map(monthLabel)} table={table} />
          </Section>
        );
      })}
    </>
  );
}
