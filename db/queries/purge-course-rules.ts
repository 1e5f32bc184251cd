// Not marked 'server-only': the purge also runs from the command line (scripts/purge.ts).
import { and, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { courseBookings, courseOrders, courseSessions } from '@/db/schema';
import type { PurgeRule } from '@/db/queries/purge-rules';

/**
 * The course portal's retention rules, each with its receipts like every other rule:
 * - a booking (name, e-mail, phone, answers, attendance) a set number of days after its
 *   session ends, counted from the session as it stands, so a session moved later keeps its
 *   participants' data that much longer;
 * - an unpaid hold as soon as it runs out (the buyer left the payment);
 * - an order, the accounting record, on its deleteAfter: 1 January of the sixth year after the
 *   financial year of the sale (lib/courses/retention.ts). The booking it came from may be long
 *   gone; nothing else points at it.
 */
/** The rules' names, as their receipts carry them (the booking rule's with its number of days). */
export const COURSE_RULE_NAMES = {
  bookingsPrefix: 'course_bookings_',
  holds: 'course_holds_when_expired',
  orders: 'course_orders_end_of_fifth_year_after_sale',
} as const;

async function countWhere(db: Database, table: typeof courseBookings | typeof courseOrders, where: SQL): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int`.mapWith(Number) }).from(table).where(where);
  return row?.n ?? 0;
}

function bookingRule(name: string, due: (now: Date) => SQL): PurgeRule {
  return {
    name,
    count: (db, now) => countWhere(db, courseBookings, due(now)),
    async deleteBatch(tx, now, limit) {
      const rows = tx.select({ id: courseBookings.id }).from(courseBookings).where(due(now)).limit(limit).for('update', { skipLocked: true });
      const deleted = await tx.delete(courseBookings).where(inArray(courseBookings.id, rows)).returning({ id: courseBookings.id });
      return deleted.length;
    },
  };
}

export function courseBookingRule(retentionDays: number): PurgeRule {
  return bookingRule(`${COURSE_RULE_NAMES.bookingsPrefix}${retentionDays}_days_after_session`, (now) => {
    const endedBy = new Date(now.getTime() - retentionDays * 86_400_000);
    return sql`exists (select 1 from ${courseSessions} where ${courseSessions.id} = ${courseBookings.sessionId} and ${courseSessions.endsAt} <= ${endedBy.toISOString()}::timestamptz)`;
  });
}

export const unpaidHoldRule = bookingRule(COURSE_RULE_NAMES.holds, (now) => and(eq(courseBookings.status, 'held'), lte(courseBookings.holdUntil, now))!);

export const courseOrderRule: PurgeRule = {
  name: COURSE_RULE_NAMES.orders,
  count: (db, now) => countWhere(db, courseOrders, lte(courseOrders.deleteAfter, now)),
  async deleteBatch(tx, now, limit) {
    const rows = tx.select({ id: courseOrders.id }).from(courseOrders).where(lte(courseOrders.deleteAfter, now)).orderBy(courseOrders.deleteAfter).limit(limit).for('update', { skipLocked: true });
    const deleted = await tx.delete(courseOrders).where(inArray(courseOrders.id, rows)).returning({ id: courseOrders.id });
    return deleted.length;
  },
};
