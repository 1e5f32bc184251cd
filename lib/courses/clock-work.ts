import 'server-only';
import { getDb } from '@/db/client';
import { markReminded, remindersDue } from '@/db/queries/course-payments';
import { COURSE_CLOCK_LOCK, tryWithAdvisoryLock } from '@/db/locks';
import { deliverBookingMail } from '@/lib/courses/mail';
import { captureDuePayments, settleCancelledPayments, vippsFromEnv } from '@/lib/courses/payment';
import { env } from '@/lib/env';

/** The reminder goes out when the session is this close. */
const REMINDER_HOURS = 48;

export type CourseClockSummary = { ran: boolean; captured: number; captureFailed: number; settled: number; settleFailed: number; reminded: number };

/**
 * What the course portal does on the clock, on one instance at a time: charge the reserved
 * amounts of courses that have started, release or pay back the payments of cancelled bookings
 * that are still open, and remind participants two days before. Each step is
 * tried again on the next run when it fails (a reminder is marked sent only once it went).
 */
export async function runCourseClock(now: Date): Promise<CourseClockSummary> {
  const result = await tryWithAdvisoryLock(COURSE_CLOCK_LOCK, async () => {
    const db = await getDb();
    let captured = 0;
    let captureFailed = 0;
    let settled = 0;
    let settleFailed = 0;
    const client = vippsFromEnv();
    if (client) {
      ({ captured, failed: captureFailed } = await captureDuePayments(db, client, { now }));
      ({ settled, failed: settleFailed } = await settleCancelledPayments(db, client));
    }
    let reminded = 0;
    if (env().SMTP_URL?.trim()) {
      for (const bookingId of await remindersDue(db, { now, withinHours: REMINDER_HOURS })) {
        if (await deliverBookingMail(db, { bookingId, kind: 'reminder' })) {
          await markReminded(db, { bookingId, now });
          reminded++;
        }
      }
    }
    return { captured, captureFailed, settled, settleFailed, reminded };
  });
  return result.ran ? { ran: true, ...result.value } : { ran: false, captured: 0, captureFailed: 0, settled: 0, settleFailed: 0, reminded: 0 };
}
