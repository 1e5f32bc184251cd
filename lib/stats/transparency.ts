import 'server-only';
import { getDb } from '@/db/client';
import { deletionsByMonth, holdEventsByMonth, purgeRunTimes, type DeletedKind, type MonthlyDeletions, type MonthlyHoldEvents, type PurgeRunTimes } from '@/db/queries/transparency';
import { osloIsoDate, osloStartOfDay } from '@/lib/dates';
import { cachedNumbers } from '@/lib/stats/transparency-cache';
import { suppressTable, suppressWholesAndParts, type ShownCount } from '@/lib/stats/suppress';

/**
 * What the transparency page (/apenhet) shows besides the rules: per Oslo month, newest first,
 * how much the purge deleted of each kind and how many legal holds were placed and ended, every
 * number suppressed (lib/stats/suppress.ts); and whether the purge has finished lately.
 */
export const MONTHS_SHOWN = 12;

/** A purge that has not finished for this long has stopped: the page says so to everyone. */
export const PURGE_OVERDUE_HOURS = 26;

type CountColumn = { key: string; header: string };
type MonthRow = { month: string; label: string; counts: ShownCount[] };
export type ShownMonths = { columns: CountColumn[]; rows: MonthRow[]; totals: ShownCount[] };

/**
 * Inquiries come first, as two columns: all deleted ("Henvendelser", both inquiry rules) and,
 * of those, the ones where the person had declined a journal (before the inquiry rule was
 * split, 0). Being a part of the first, they are suppressed together (suppressWholesAndParts).
 */
const INQUIRY_COLUMNS: CountColumn[] = [
  { key: 'inquiries', header: 'Henvendelser' },
  { key: 'journalDeclinedInquiries', header: 'Av disse: reservert mot journal' },
];

const DELETED_COLUMNS: { kind: Exclude<DeletedKind, 'inquiries' | 'journalDeclinedInquiries'>; header: string; always: boolean }[] = [
  { kind: 'flaggedChats', header: 'Merkede chatter', always: true },
  { kind: 'endedChats', header: 'Andre chatter', always: true },
  // Receipts from before the chat rule was split in two: shown only where there are any.
  { kind: 'chatsBeforeSplit', header: 'Chatter (før delingen i to regler)', always: false },
  { kind: 'courseBookings', header: 'Kurspåmeldinger', always: true },
  { kind: 'courseOrders', header: 'Kursordrer', always: true },
  { kind: 'accessLog', header: 'Oppføringer i tilgangsloggen', always: true },
];

const HOLD_COLUMNS = [
  { event: 'placed', header: 'Lagt inn' },
  { event: 'ended', header: 'Avsluttet' },
] as const;

/** The last `n` Oslo months as YYYY-MM, the one `now` falls in first. */
export function lastMonths(now: Date, n = MONTHS_SHOWN): string[] {
  const [year, month] = osloIsoDate(now).split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 1 - i, 1));
    return d.toISOString().slice(0, 7);
  });
}

const monthFormat = new Intl.DateTimeFormat('nb-NO', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "juni 2027" for 2027-06. */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return monthFormat.format(new Date(Date.UTC(year, m - 1, 15)));
}

function shownMonths(months: readonly string[], columns: CountColumn[], value: (month: string, column: string) => number): ShownMonths {
  const cells = months.map((month) => columns.map((c) => value(month, c.key)));
  const shown = suppressTable({ cells, columnTotals: true });
  return {
    columns,
    rows: months.map((month, r) => ({ month, label: monthLabel(month), counts: shown.cells[r]! })),
    totals: shown.columnTotals!,
  };
}

/** Deletions per month and kind, with a total per kind over the months shown. */
export function deletionTable(months: readonly string[], rows: readonly MonthlyDeletions[]): ShownMonths {
  const inRange = rows.filter((r) => months.includes(r.month));
  const sum = (month: string, kind: string) => inRange.filter((r) => r.month === month && r.kind === kind).reduce((n, r) => n + r.deleted, 0);
  const columns = DELETED_COLUMNS.filter((c) => c.always || inRange.some((r) => r.kind === c.kind && r.deleted > 0)).map((c) => ({ key: c.kind, header: c.header }));
  const others = shownMonths(months, columns, sum);
  const declined = (month: string) => sum(month, 'journalDeclinedInquiries');
  const inquiries = suppressWholesAndParts(months.map((month) => ({ whole: sum(month, 'inquiries') + declined(month), part: declined(month) })));
  return {
    columns: [...INQUIRY_COLUMNS, ...others.columns],
    rows: others.rows.map((row, r) => ({ ...row, counts: [inquiries.wholes[r]!, inquiries.parts[r]!, ...row.counts] })),
    totals: [inquiries.wholeTotal, inquiries.partTotal, ...others.totals],
  };
}

/** Legal holds placed and ended per month, with totals. */
export function holdTable(months: readonly string[], rows: readonly MonthlyHoldEvents[]): ShownMonths {
  const sum = (month: string, event: string) => rows.filter((r) => r.month === month && r.event === event).reduce((n, r) => n + r.holds, 0);
  return shownMonths(
    months,
    HOLD_COLUMNS.map((c) => ({ key: c.event, header: c.header })),
    sum,
  );
}

export type PurgeHealth = PurgeRunTimes & {
  /** Not finished within PURGE_OVERDUE_HOURS of `now` (or never). */
  overdue: boolean;
  /** Its last start has no finish after it: running now, or stopped half way. */
  unfinished: boolean;
};

export function purgeHealth(times: PurgeRunTimes | undefined, now: Date): PurgeHealth | undefined {
  if (!times) return undefined;
  const { startedAt, finishedAt } = times;
  return {
    startedAt,
    finishedAt,
    overdue: !finishedAt || now.getTime() - finishedAt.getTime() > PURGE_OVERDUE_HOURS * 3_600_000,
    unfinished: !finishedAt || startedAt.getTime() > finishedAt.getTime(),
  };
}

type Numbers = { deletions: MonthlyDeletions[]; holds: MonthlyHoldEvents[]; purge: PurgeRunTimes | undefined };

async function readNumbers(months: readonly string[]): Promise<Numbers> {
  const [year, month] = months.at(-1)!.split('-').map(Number) as [number, number];
  const db = await getDb();
  const [deletions, holds, purge] = await Promise.all([
    deletionsByMonth(db, { since: osloStartOfDay(year, month, 1) }),
    holdEventsByMonth(db, { sinceDay: `${months.at(-1)!}-01` }),
    purgeRunTimes(db),
  ]);
  return { deletions, holds, purge };
}

export type Transparency = { deletions: ShownMonths; holds: ShownMonths; purge: PurgeHealth | undefined };

/**
 * The page's numbers at `now`, read from the database at most once an hour per instance (and
 * again after a purge here, or when a new month begins); whether the purge is overdue is
 * judged at `now` every time.
 */
export async function transparencyAt(now: Date): Promise<Transparency> {
  const months = lastMonths(now);
  const numbers = await cachedNumbers(months[0]!, () => readNumbers(months));
  return { deletions: deletionTable(months, numbers.deletions), holds: holdTable(months, numbers.holds), purge: purgeHealth(numbers.purge, now) };
}
