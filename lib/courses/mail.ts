import 'server-only';
import type { DbOrTx } from '@/db/client';
import { bookingForMail } from '@/db/queries/course-payments';
import { appClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { bookingMail, type BookingMailKind } from '@/lib/mail/course-booking';
import { sendMail } from '@/lib/mail/send';

/**
 * Sends a participant the e-mail about their booking, when SMTP_URL is set. The sign-up or
 * the webhook never waits for it: the send runs on its own with a time limit, and a failure is
 * logged as a kind and a code only (never an address). The booking's page always shows the
 * same facts, so a lost mail loses nothing.
 */
export function sendBookingMail(db: DbOrTx, { bookingId, kind }: { bookingId: string; kind: BookingMailKind }): void {
  if (!env().SMTP_URL?.trim()) return;
  void deliverBookingMail(db, { bookingId, kind }).catch((err: unknown) => {
    log.error('course.mail_failed', { kind, code: 'internal', name: err instanceof Error ? err.name : 'unknown' });
  });
}

/** Sends now and says whether it went; the reminder job waits for this to mark a reminder sent. */
export async function deliverBookingMail(db: DbOrTx, { bookingId, kind }: { bookingId: string; kind: BookingMailKind }): Promise<boolean> {
  const e = env();
  const smtpUrl = e.SMTP_URL?.trim();
  if (!smtpUrl) return false;
  const booking = await bookingForMail(db, { bookingId });
  if (!booking) return false;
  const mail = bookingMail({
    ...booking,
    kind,
    bookingUrl: booking.token ? `${e.SITE_URL}/kurs/bestilling/${booking.token}` : null,
    siteUrl: e.SITE_URL,
    contactEmail: e.CONTACT_EMAIL,
    now: appClock().now(),
  });
  const result = await sendMail(smtpUrl, { from: e.MAIL_FROM?.trim() || `Hjelpelinje <${e.CONTACT_EMAIL}>`, to: [booking.email], ...mail });
  if (!result.ok) {
    log.warn('course.mail_failed', { kind, code: result.code, smtp: result.smtp });
    return false;
  }
  log.info('course.mail_sent', { kind });
  return true;
}
