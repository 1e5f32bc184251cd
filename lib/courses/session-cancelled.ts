import 'server-only';
import { getDb, type DbOrTx } from '@/db/client';
import type { CancelledBooking } from '@/db/queries/course-admin';
import { deliverBookingMail } from '@/lib/courses/mail';
import { settleCancelledPayments, vippsFromEnv } from '@/lib/courses/payment';
import { env } from '@/lib/env';
import { log } from '@/lib/log';

/**
 * What follows when staff cancel a date (or a whole course), after the cancellation is stored:
 * every Vipps payment of its bookings is released or paid back, and every participant, on the
 * waiting list too, is told by e-mail. A payment Vipps does not settle now is tried again by the
 * course clock; the counts are logged, never who.
 */
export async function afterSessionCancelled(db: DbOrTx, cancelled: readonly CancelledBooking[]): Promise<{ settled: number; failed: number; mailed: number }> {
  const client = vippsFromEnv();
  const paid = cancelled.some((b) => b.order && (b.order.status === 'reserved' || b.order.status === 'captured'));
  const { settled, failed } = client && paid ? await settleCancelledPayments(db, client) : { settled: 0, failed: 0 };
  let mailed = 0;
  if (env().SMTP_URL?.trim()) {
    for (const b of cancelled) if (await deliverBookingMail(db, { bookingId: b.bookingId, kind: 'session_cancelled' })) mailed++;
  }
  log.info('course.session_cancelled', { bookings: cancelled.length, settled, failed, mailed });
  return { settled, failed, mailed };
}

/** Runs `afterSessionCancelled` without making the staff member wait for Vipps or the mail server. */
function startAfterSessionCancelled(db: DbOrTx, cancelled: readonly CancelledBooking[]): void {
  if (cancelled.length === 0) return;
  void afterSessionCancelled(db, cancelled).catch((err: unknown) => log.error('course.session_cancelled_failed', { name: err instanceof Error ? err.name : 'unknown' }));
}

/** What the staff member is told happens next, after "Datoen er avlyst …". */
export function followUpSentence(cancelled: readonly CancelledBooking[]): string {
  if (cancelled.length === 0) return '';
  const paid = cancelled.filter((b) => b.order && (b.order.status === 'reserved' || b.order.status === 'captured')).length;
  const payments = paid
    ? vippsFromEnv()
      ? ` ${paid === 1 ? 'Én betaling' : `${paid} betalinger`} med Vipps blir opphevet eller refundert nå.`
      : ` ${paid === 1 ? 'Én betaling' : `${paid} betalinger`} med Vipps må refunderes for hånd: Vipps er ikke satt opp her nå.`
    : '';
  const mail = env().SMTP_URL?.trim() ? ' Deltakerne får beskjed på e-post.' : ' E-post er ikke satt opp: gi deltakerne beskjed selv.';
  return `${payments}${mail}`;
}

/** After the commit: the follow-up starts on its own, on a connection of its own. */
export function followUpCancellation(cancelled: readonly CancelledBooking[]): void {
  if (cancelled.length === 0) return;
  void getDb()
    .then((db) => startAfterSessionCancelled(db, cancelled))
    .catch((err: unknown) => log.error('course.session_cancelled_failed', { name: err instanceof Error ? err.name : 'unknown' }));
}
