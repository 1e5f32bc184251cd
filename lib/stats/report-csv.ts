import { BOM, csvLine as line } from '@/lib/csv';
import { dayLabel, monthLabel, weekLabel } from './report-dates';
import { CHAT_STARTED, channelLabels, chatColumnLabels, COVERAGE_OPEN, COVERAGE_SHARE, COVERAGE_STAFFED, RETIRED, siteLabels, TOTAL } from './report-labels';
import type { Coverage, StatisticsReport } from './report';
import { countText, type ShownCount, type ShownTable } from './suppress';

/**
 * The dashboard as one CSV file, a section per table, with the numbers suppressed exactly as on
 * the page ("under 5", "minst N" as text). Semicolons between fields and a byte-order mark, so
 * Excel set up for Norway opens it with æøå and the columns in place.
 */

/** A count as plain digits (no thousands separator, so a spreadsheet reads it as a number), or its text when hidden. */
function countCell(count: ShownCount): string {
  if ('value' in count) return String(count.value);
  return count.hidden === 'total' ? `minst ${count.atLeast}` : countText(count);
}


/** A table with its row labels, the cells and any totals. */
function tableLines(headings: readonly string[], labels: readonly string[], table: ShownTable): string[] {
  const lines = [line([...headings, ...(table.rowTotals ? [TOTAL] : [])])];
  table.cells.forEach((row, r) => lines.push(line([labels[r]!, ...row.map(countCell), ...(table.rowTotals ? [countCell(table.rowTotals[r]!)] : [])])));
  if (table.columnTotals) lines.push(line([TOTAL, ...table.columnTotals.map(countCell), ...(table.grandTotal ? [countCell(table.grandTotal)] : [])]));
  return lines;
}

const percent = new Intl.NumberFormat('nb-NO', { style: 'percent', maximumFractionDigits: 0 });
const hours = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1, useGrouping: false });

const coverageLine = (label: string, c: Coverage) => line([label, hours.format(c.openHours), hours.format(c.staffedHours), c.share === undefined ? '' : percent.format(c.share)]);

export function reportCsv(report: StatisticsReport): string {
  const { range, visits, pages, started, categories, chats, coverage } = report;
  const sections: string[][] = [
    [line(['Statistikk for hjelpelinjen']), line(['Fra', range.from]), line(['Til', range.to]), line(['Tall fra 1 til 4 vises som «under 5», og summer der slike tall inngår som «minst N».'])],
    [line(['Besøk per dag']), ...tableLines(['Dag', ...visits.sites.map((s) => siteLabels[s])], visits.days, visits.table)],
    [line(['Mest leste sider']), line(['Side', 'Sidevisninger']), ...pages.map((p) => line([p.path, countCell(p.views)]))],
    [
      line(['Henvendelser og chatter startet per uke']),
      ...tableLines(['Uke', ...started.channels.map((c) => channelLabels[c])], started.weeks.map((w) => `${weekLabel(w)} (fra ${dayLabel(w)})`), started.table),
    ],
    ...(['reason', 'outcome'] as const).map((kind) => {
      const t = categories[kind];
      const title = kind === 'reason' ? 'Tema for kontakten' : 'Utfall';
      return [
        line([`${title} per måned (henvendelser og chatter sammen)`]),
        ...tableLines([title, ...t.months.map(monthLabel)], t.rows.map((r) => (r.retired ? `${r.label} ${RETIRED}` : r.label)), t.table),
      ];
    }),
    [
      line(['Chat per måned']),
      line(['Måned', ...chatColumnLabels, CHAT_STARTED, 'Ventetid, median', 'Ventetid, 90-persentil', 'Andel besvart']),
      ...chats.months.map((m, i) => {
        const row = chats.table.cells[i]!;
        const { median, p90, answeredShare } = chats.perMonth[i]!;
        return line([monthLabel(m), ...row.map(countCell), countCell(chats.table.rowTotals![i]!), median ?? '', p90 ?? '', answeredShare === undefined ? '' : percent.format(answeredShare)]);
      }),
      line([TOTAL, ...chats.table.columnTotals!.map(countCell), countCell(chats.table.grandTotal!), '', '', '']),
    ],
    [
      line(['Åpningstid med chattevert per måned']),
      line(['Måned', COVERAGE_OPEN, COVERAGE_STAFFED, COVERAGE_SHARE]),
      ...coverage.months.map((m, i) => coverageLine(monthLabel(m), coverage.perMonth[i]!)),
      coverageLine(TOTAL, coverage.total),
    ],
  ];
  return BOM + sections.map((s) => s.join('\r\n')).join('\r\n\r\n') + '\r\n';
}

export function reportFileName(range: { from: string; to: string }): string {
  return `statistikk-${range.from}-til-${range.to}.csv`;
}
