import 'server-only';
import { and, desc, eq, gte, like, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { COURSE_RULE_NAMES } from '@/db/queries/purge-course-rules';
import { PURGE_RULE_NAMES } from '@/db/queries/purge-rules';
import { dailyHoldEvents, purgeReceipts, purgeStatus } from '@/db/schema';

/**
 * The numbers of the public transparency page (/apenhet): what the purge deleted per Oslo
 * month and kind (summed from its receipts), legal holds placed and ended per month, and when
 * the purge last ran. Totals only; nothing here can point at a person.
 */
/**
 * `inquiries`: deleted by the rule for inquiries where the person allowed a journal, which kept
 * the name of the one rule that deleted every inquiry before the split, so receipts from before
 * it count here and months before it have no `journalDeclinedInquiries`.
 */
export type DeletedKind = 'inquiries' | 'journalDeclinedInquiries' | 'flaggedChats' | 'endedChats' | 'chatsBeforeSplit' | 'courseBookings' | 'courseOrders' | 'accessLog';

/** A LIKE pattern for names that start with `prefix` (its underscores taken literally). */
const likePrefix = (prefix: string) => `${prefix.replaceAll('_', '\\_')}%`;

/*
 * Left out on purpose: receipts of chats deleted at once on their visitor's request
 * (CHAT_ON_REQUEST_RULE, db/queries/chat-deletion.ts) and of inquiries erased at once on their
 * sender's request (INQUIRY_ON_REQUEST_RULE, db/queries/inquiry-rights.ts). The page shows what the retention rules
 * deleted as their deadlines came; a deletion someone asked for is not one of them, and such
 * counts would be hidden as small numbers in nearly every month anyway. The filter below names
 * every rule it sums, so those receipts are never counted under another kind.
 */

/** Until chats were split into two rules, one rule deleted both kinds: its receipts stay as they are. */
const CHATS_BEFORE_SPLIT = 'chats_flagged_next_working_day_or_days_after_end';

const kindOfRule = sql<DeletedKind>`case
  when ${purgeReceipts.rule} = ${PURGE_RULE_NAMES.inquiries} then 'inquiries'
  when ${purgeReceipts.rule} = ${PURGE_RULE_NAMES.journalDeclinedInquiries} then 'journalDeclinedInquiries'
  when ${purgeReceipts.rule} = ${PURGE_RULE_NAMES.flaggedChats} then 'flaggedChats'
  when ${purgeReceipts.rule} = ${PURGE_RULE_NAMES.endedChats} then 'endedChats'
  when ${purgeReceipts.rule} = ${CHATS_BEFORE_SPLIT} then 'chatsBeforeSplit'
  when ${purgeReceipts.rule} = ${COURSE_RULE_NAMES.holds} or ${purgeReceipts.rule} like ${likePrefix(COURSE_RULE_NAMES.bookingsPrefix)} then 'courseBookings'
  when ${purgeReceipts.rule} = ${COURSE_RULE_NAMES.orders} then 'courseOrders'
  else 'accessLog' end`;

/** `month`: YYYY-MM in Oslo. */
export type MonthlyDeletions = { month: string; kind: DeletedKind; deleted: number };

/** What the purge deleted from `since` on, per Oslo month and kind of data. */
export async function deletionsByMonth(db: Database, { since }: { since: Date }): Promise<MonthlyDeletions[]> {
  const month = sql<string>`to_char(${purgeReceipts.ranAt} at time zone 'Europe/Oslo', 'YYYY-MM')`;
  const rows = await db
    .select({ month, kind: kindOfRule, deleted: sql<number>`sum(${purgeReceipts.deleted})::int` })
    .from(purgeReceipts)
    .where(
      and(
        gte(purgeReceipts.ranAt, since),
        or(
          sql`${purgeReceipts.rule} in (${PURGE_RULE_NAMES.inquiries}, ${PURGE_RULE_NAMES.journalDeclinedInquiries}, ${PURGE_RULE_NAMES.flaggedChats}, ${PURGE_RULE_NAMES.endedChats}, ${CHATS_BEFORE_SPLIT})`,
          sql`${purgeReceipts.rule} in (${COURSE_RULE_NAMES.holds}, ${COURSE_RULE_NAMES.orders})`,
          like(purgeReceipts.rule, likePrefix(COURSE_RULE_NAMES.bookingsPrefix)),
          like(purgeReceipts.rule, likePrefix(PURGE_RULE_NAMES.accessLogPrefix)),
        ),
      ),
    )
    // By position: the kind's expression carries parameters, which PostgreSQL cannot match
    // between the select list and a repeated GROUP BY.
    .groupBy(sql`1, 2`)
    .orderBy(desc(month));
  return rows.map((r) => ({ month: r.month, kind: r.kind, deleted: Number(r.deleted) }));
}

export type MonthlyHoldEvents = { month: string; event: 'placed' | 'ended'; holds: number };

/** Legal holds placed and ended from the Oslo day `sinceDay` (YYYY-MM-DD) on, per month. */
export async function holdEventsByMonth(db: Database, { sinceDay }: { sinceDay: string }): Promise<MonthlyHoldEvents[]> {
  const month = sql<string>`to_char(${dailyHoldEvents.day}, 'YYYY-MM')`;
  const rows = await db
    .select({ month, event: dailyHoldEvents.event, holds: sql<number>`sum(${dailyHoldEvents.holds})::int` })
    .from(dailyHoldEvents)
    .where(gte(dailyHoldEvents.day, sinceDay))
    .groupBy(month, dailyHoldEvents.event)
    .orderBy(desc(month));
  return rows.map((r) => ({ month: r.month, event: r.event, holds: Number(r.holds) }));
}

export type PurgeRunTimes = { startedAt: Date; finishedAt: Date | null };

/** When the purge last started and last finished; undefined if it has never run. */
export async function purgeRunTimes(db: Database): Promise<PurgeRunTimes | undefined> {
  const [row] = await db
    .select({ startedAt: purgeStatus.lastStartedAt, finishedAt: purgeStatus.lastFinishedAt })
    .from(purgeStatus)
    .where(eq(purgeStatus.id, 1));
  return row;
}
