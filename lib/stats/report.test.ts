import { describe, expect, it } from 'vitest';
import type { StatisticsRows } from '@/db/queries/statistics-report';
import { buildReport } from './report';
import { reportCsv } from './report-csv';

const range = { from: '2026-02-23', to: '2026-03-08' };

const empty: StatisticsRows = { visits: [], pages: [], startedPerWeek: [], categoriesPerMonth: [], categories: [], waitsPerMonth: [], chatsStartedPerMonth: [], coveragePerMonth: [] };

const rows: StatisticsRows = {
  ...empty,
  visits: [
    { day: '2026-02-23', site: 'voksen', visits: 12 },
    { day: '2026-02-24', site: 'voksen', visits: 3 },
    { day: '2026-03-08', site: 'unge', visits: 7 },
  ],
  pages: [
    { path: '/', views: 40 },
    { path: '/kontakt', views: 2 },
  ],
  startedPerWeek: [
    { week: '2026-02-23', channel: 'henvendelse', started: 6 },
    { week: '2026-02-23', channel: 'chat', started: 9 },
    { week: '2026-03-02', channel: 'henvendelse', started: 3 },
  ],
  categories: [
    { id: 1, kind: 'reason', label: 'Rus', retired: false },
    { id: 7, kind: 'reason', label: '=Gammel årsak; med "sitat"', retired: true },
    { id: 20, kind: 'outcome', label: 'Veiledning gitt', retired: false },
  ],
  categoriesPerMonth: [
    { month: '2026-02', categoryId: 1, contacts: 8 },
    { month: '2026-03', categoryId: 1, contacts: 6 },
    { month: '2026-02', categoryId: 7, contacts: 2 },
    { month: '2026-03', categoryId: 20, contacts: 5 },
  ],
  // February: 10 answered (6 within 30 s, 3 in 1–2 min, 1 in 15–30 min), 2 unanswered, 12 started.
  // March: 3 answered, 6 started.
  waitsPerMonth: [
    { month: '2026-02', bucket: 0, chats: 6 },
    { month: '2026-02', bucket: 2, chats: 3 },
    { month: '2026-02', bucket: 6, chats: 1 },
    { month: '2026-02', bucket: 8, chats: 2 },
    { month: '2026-03', bucket: 1, chats: 3 },
  ],
  chatsStartedPerMonth: [
    { month: '2026-02', started: 12 },
    { month: '2026-03', started: 6 },
  ],
  // February: 120 hours open, 90 of them with a host on duty (90.5 h as minutes: 5430). March: no hours counted.
  coveragePerMonth: [{ month: '2026-02', openMinutes: 7200, staffedMinutes: 5430 }],
};

describe('the dashboard report', () => {
  const report = buildReport(rows, range);

  it('has a row for every day and week of the range, and hides 1 to 4 with every total over them', () => {
    expect(report.visits.days).toHaveLength(14);
    expect(report.visits.table.cells[0]).toEqual([{ value: 12 }, { value: 0 }]);
    expect(report.visits.table.cells[1]).toEqual([{ hidden: 'small' }, { value: 0 }]);
    expect(report.visits.table.cells[13]).toEqual([{ value: 0 }, { value: 7 }]);
    expect(report.visits.table.columnTotals).toEqual([{ hidden: 'total', atLeast: 13 }, { value: 7 }]);
    expect(report.pages).toEqual([
      { path: '/', views: { value: 40 } },
      { path: '/kontakt', views: { hidden: 'small' } },
    ]);
    expect(report.started.weeks).toEqual(['2026-02-23', '2026-03-02']);
    expect(report.started.table.cells).toEqual([
      [{ value: 6 }, { value: 9 }],
      [{ hidden: 'small' }, { value: 0 }],
    ]);
    expect(report.started.table.rowTotals).toEqual([{ value: 15 }, { hidden: 'small' }]);
    expect(report.started.table.grandTotal).toEqual({ hidden: 'total', atLeast: 16 });
  });

  it('keeps a retired category under its own label, and a month per column', () => {
    const reasons = report.categories.reason;
    expect(reasons.rows).toEqual([
      { label: 'Rus', retired: false },
      { label: '=Gammel årsak; med "sitat"', retired: true },
    ]);
    expect(reasons.months).toEqual(['2026-02', '2026-03']);
    expect(reasons.table.cells).toEqual([
      [{ value: 8 }, { value: 6 }],
      [{ hidden: 'small' }, { value: 0 }],
    ]);
    expect(reasons.table.columnTotals).toEqual([{ hidden: 'total', atLeast: 9 }, { value: 6 }]);
    expect(report.categories.outcome.table.rowTotals).toEqual([{ value: 5 }]);
  });

  it('gives the waits as bands and the share answered only from numbers it shows', () => {
    const { table, perMonth } = report.chats;
    expect(table.cells).toEqual([
      [{ value: 10 }, { hidden: 'small' }, { value: 0 }],
      [{ hidden: 'small' }, { value: 0 }, { hidden: 'small' }],
    ]);
    // Started: February's 12 is not shown, since its 2 unanswered would follow from it.
    expect(table.rowTotals).toEqual([
      { hidden: 'total', atLeast: 11 },
      { hidden: 'total', atLeast: 5 },
    ]);
    // 10 answered: the 5th is within 30 seconds, the 9th in 1–2 minutes.
    expect(perMonth[0]).toEqual({ median: 'Under 30 sekunder', p90: '1–2 minutter', answeredShare: undefined });
    expect(perMonth[1]).toEqual({});
  });

  it('gives opening-hours coverage per month and for the period, in hours to a tenth and unsuppressed', () => {
    expect(report.coverage.months).toEqual(['2026-02', '2026-03']);
    expect(report.coverage.perMonth).toEqual([{ openHours: 120, staffedHours: 90.5, share: 5430 / 7200 }, { openHours: 0, staffedHours: 0, share: undefined }]);
    expect(report.coverage.total).toEqual({ openHours: 120, staffedHours: 90.5, share: 5430 / 7200 });
    // A few minutes are not hidden: they are the staff's hours, not people who made contact.
    const few = buildReport({ ...empty, coveragePerMonth: [{ month: '2026-03', openMinutes: 3, staffedMinutes: 2 }] }, { from: '2026-03-01', to: '2026-03-31' });
    expect(few.coverage.perMonth).toEqual([{ openHours: 0.1, staffedHours: 0, share: 2 / 3 }]);
  });

  it('shows the share answered when every number under it is shown', () => {
    const whole = buildReport({ ...empty, waitsPerMonth: [{ month: '2026-03', bucket: 0, chats: 15 }, { month: '2026-03', bucket: 8, chats: 5 }], chatsStartedPerMonth: [{ month: '2026-03', started: 20 }] }, { from: '2026-03-01', to: '2026-03-31' });
    expect(whole.chats.table.rowTotals).toEqual([{ value: 20 }]);
    expect(whole.chats.perMonth[0]).toEqual({ median: 'Under 30 sekunder', p90: 'Under 30 sekunder', answeredShare: 0.75 });
  });
});

describe('the CSV export', () => {
  const csv = reportCsv(buildReport(rows, range));
  const lines = csv.split('\r\n');

  it('starts with a byte-order mark and writes the suppressed numbers as text', () => {
    expect(csv.startsWith('\uFEFFStatistikk for hjelpelinjen')).toBe(true);
    expect(lines).toContain('2026-02-24;under 5;0');
    expect(lines).toContain('Sum;minst 13;7');
    expect(lines).toContain('/kontakt;under 5');
    expect(lines).toContain('Uke 10, 2026 (fra 2. mars 2026);under 5;0;under 5');
    expect(lines).toContain('februar 2026;10;under 5;0;minst 11;Under 30 sekunder;1–2 minutter;');
  });

  it('writes opening-hours coverage with a decimal comma and the share in per cent', () => {
    expect(lines).toContain('Måned;Timer åpent;Timer med chattevert;Andel med chattevert');
    expect(lines).toContain('februar 2026;120;90,5;75\u00a0%');
    expect(lines).toContain('mars 2026;0;0;');
    expect(lines).toContain('Sum;120;90,5;75\u00a0%');
  });

  it('quotes a field with a separator or a quote, and defuses a leading formula sign', () => {
    expect(lines).toContain(`"'=Gammel årsak; med ""sitat"" (ikke lenger i bruk)";under 5;0;under 5`);
  });

  it('never writes a hidden number', () => {
    // The small numbers in the rows: 3 visits, 2 views, 3 inquiries, 2 of a category, 2 and 3 chats.
    for (const line of lines.filter((l) => /^(2026-02-24|\/kontakt|Uke 10|"'=Gammel|mars 2026)/.test(l))) {
      expect(line.split(';').slice(1).join(';'), line).not.toMatch(/(^|;)[1-4](;|$)/);
    }
  });
});
