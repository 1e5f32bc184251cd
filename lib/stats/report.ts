import type { StatisticsRows } from '@/db/queries/statistics-report';
import type { CategoryKind, ContactChannel, StatsSite } from '@/db/schema';
import { CHAT_WAIT_BANDS, quantileBand, UNANSWERED_BAND } from './chat-waits';
import { daysIn, monthsIn, weeksIn, type DayRange } from './report-dates';
import { showCount, suppressTable, type ShownCount, type ShownTable } from './suppress';

/**
 * The dashboard's numbers, shaped and suppressed once, for the page and the CSV alike: what
 * one shows the other writes. Every count has been through lib/stats/suppress.ts; nothing
 * exact is left in here but the labels and the days, weeks and months.
 */
export type StatisticsReport = {
  range: DayRange;
  /** Rows: the days; columns: the sites; with each site's total for the range. */
  visits: { days: string[]; sites: StatsSite[]; table: ShownTable };
  /** The most read pages, most first (the order is of the exact sums). */
  pages: { path: string; views: ShownCount }[];
  /** Rows: the weeks (Mondays); columns: the channels; with totals both ways. */
  started: { weeks: string[]; channels: ContactChannel[]; table: ShownTable };
  /** Inquiries and chats together. Rows: the categories; columns: the months; with totals both ways. */
  categories: Record<CategoryKind, { rows: { label: string; retired: boolean }[]; months: string[]; table: ShownTable }>;
  /** Rows: the months; columns: answered, ended unanswered, neither; row totals are the chats started. */
  chats: { months: string[]; table: ShownTable; perMonth: ChatMonth[] };
  /**
   * Opening-hours coverage per month and for the period. Hours of the staff's own schedule,
   * not counts of people who made contact, so they are shown as they are.
   */
  coverage: { months: string[]; perMonth: Coverage[]; total: Coverage };
};

export type Coverage = {
  /** Hours the chat was open, and of those the hours a host was on duty, to a tenth. */
  openHours: number;
  staffedHours: number;
  /** Staffed as a share of open, 0 to 1; undefined when the chat was never open. */
  share?: number;
};

export type ChatMonth = {
  /** Bands of the median and the 90th percentile wait; undefined when too few chats were answered to show them. */
  median?: string;
  p90?: string;
  /** Answered as a share of started, 0 to 1; undefined when either number is not shown exact. */
  answeredShare?: number;
};

const SITES: readonly StatsSite[] = ['voksen', 'unge'];
const CHANNELS: readonly ContactChannel[] = ['henvendelse', 'chat'];

/** A table of zeros, rows by columns, filled in from `rows` where `at` finds their cell. */
function grid<R>(height: number, width: number, rows: readonly R[], at: (row: R) => [number, number, number] | undefined): number[][] {
  const cells = Array.from({ length: height }, () => Array<number>(width).fill(0));
  for (const row of rows) {
    const found = at(row);
    if (found && found[0] >= 0 && found[1] >= 0) cells[found[0]]![found[1]]! += found[2];
  }
  return cells;
}

const shown = (count: ShownCount) => ('value' in count ? count.value : undefined);

function chatMonths(rows: StatisticsRows, months: string[]) {
  // Answered, ended unanswered, and started with neither yet (still waiting, or before waits were counted).
  const waits = grid(months.length, UNANSWERED_BAND + 1, rows.waitsPerMonth, (r) => [months.indexOf(r.month), r.bucket, r.chats]);
  const started = new Map(rows.chatsStartedPerMonth.map((r) => [r.month, r.started]));
  const cells = months.map((month, i) => {
    const answered = waits[i]!.slice(0, CHAT_WAIT_BANDS.length).reduce((a, b) => a + b, 0);
    const unanswered = waits[i]![UNANSWERED_BAND]!;
    return [answered, unanswered, Math.max(0, (started.get(month) ?? 0) - answered - unanswered)];
  });
  const table = suppressTable({ cells, rowTotals: true, columnTotals: true });
  const perMonth = months.map((_, i): ChatMonth => {
    const answered = shown(table.cells[i]![0]!);
    const total = shown(table.rowTotals![i]!);
    // Only from numbers the table shows exact, so a band or a share gives nothing hidden away.
    if (answered === undefined) return {};
    const answeredShare = total ? answered / total : undefined;
    if (answered === 0) return { answeredShare };
    const band = (q: number) => CHAT_WAIT_BANDS[quantileBand(waits[i]!, q)!]!.label;
    return { median: band(0.5), p90: band(0.9), answeredShare };
  });
  return { months, table, perMonth };
}

function coverageOf(openMinutes: number, staffedMinutes: number): Coverage {
  const hours = (minutes: number) => Math.round(minutes / 6) / 10;
  return { openHours: hours(openMinutes), staffedHours: hours(staffedMinutes), share: openMinutes > 0 ? staffedMinutes / openMinutes : undefined };
}

function coverageMonths(rows: StatisticsRows, months: string[]): StatisticsReport['coverage'] {
  const byMonth = new Map(rows.coveragePerMonth.map((r) => [r.month, r]));
  const sums = months.map((m) => byMonth.get(m) ?? { openMinutes: 0, staffedMinutes: 0 });
  const open = sums.reduce((n, r) => n + r.openMinutes, 0);
  const staffed = sums.reduce((n, r) => n + r.staffedMinutes, 0);
  return { months, perMonth: sums.map((r) => coverageOf(r.openMinutes, r.staffedMinutes)), total: coverageOf(open, staffed) };
}

function categoryTables(rows: StatisticsRows, months: string[]): StatisticsReport['categories'] {
  const one = (kind: CategoryKind) => {
    const categories = rows.categories.filter((c) => c.kind === kind);
    const ids = categories.map((c) => c.id);
    const cells = grid(ids.length, months.length, rows.categoriesPerMonth, (r) => [ids.indexOf(r.categoryId), months.indexOf(r.month), r.contacts]);
    return {
      rows: categories.map((c) => ({ label: c.label, retired: c.retired })),
      months,
      table: suppressTable({ cells, rowTotals: true, columnTotals: true }),
    };
  };
  return { reason: one('reason'), outcome: one('outcome') };
}

export function buildReport(rows: StatisticsRows, range: DayRange): StatisticsReport {
  const days = daysIn(range);
  const weeks = weeksIn(range);
  const months = monthsIn(range);
  const visits = grid(days.length, SITES.length, rows.visits, (r) => [days.indexOf(r.day), SITES.indexOf(r.site), r.visits]);
  const started = grid(weeks.length, CHANNELS.length, rows.startedPerWeek, (r) => [weeks.indexOf(r.week), CHANNELS.indexOf(r.channel), r.started]);
  return {
    range,
    visits: { days, sites: [...SITES], table: suppressTable({ cells: visits, columnTotals: true }) },
    pages: rows.pages.map((p) => ({ path: p.path, views: showCount(p.views) })),
    started: { weeks, channels: [...CHANNELS], table: suppressTable({ cells: started, rowTotals: true, columnTotals: true }) },
    categories: categoryTables(rows, months),
    chats: chatMonths(rows, months),
    coverage: coverageMonths(rows, months),
  };
}
