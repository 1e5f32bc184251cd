import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { cancelSession } from '@/db/queries/course-admin';
import { signUp, type NewBooking } from '@/db/queries/course-bookings';
import { courseOrders, courses, courseSessions } from '@/db/schema';
import { runCourseClock } from '@/lib/courses/clock-work';
import { applyPaymentState, payForHeldSeat, vippsFromEnv } from '@/lib/courses/payment';
import { afterSessionCancelled } from '@/lib/courses/session-cancelled';
import { databaseTargets } from '@/test/database-targets';
import { recipients } from '@/test/mail-parts';
import { startCourseServices, type CourseServices } from '@/test/course-services';

/**
 * Staff cancel a date: every Vipps payment of it is released (reserved) or paid back (charged),
 * an invoice is cancelled, and every participant, the waiting list too, gets an e-mail. A
 * payment Vipps does not settle at once is settled by the course clock later.
 */
const now = new Date('2027-03-01T10:00:00Z');
const minutes = (m: number) => new Date(now.getTime() + m * 60_000);
const person = (email: string): NewBooking => ({ name: 'Deltaker', email, answers: {} });

describe.each(databaseTargets())('a cancelled date on $name', (target) => {
  let services: CourseServices;
  beforeAll(async () => {
    await target.open();
    services = await startCourseServices();
  }, 180_000);
  afterAll(async () => {
    await services.stop();
    await target.close();
  });

  async function paidDate(capacity: number) {
    const db = await getDb();
    const [course] = await db
      .insert(courses)
      .values({ slug: `avlyst-${Math.random().toString(36).slice(2, 8)}`, title: 'Avlyst kurs', summary: 'Et kurs.', description: 'Om kurset.', priceNok: 450, status: 'published', createdAt: now, updatedAt: now })
      .returning({ id: courses.id });
    const [s] = await db
      .insert(courseSessions)
      .values({ courseId: course!.id, startsAt: minutes(7 * 1440), endsAt: minutes(7 * 1440 + 120), place: 'Kurslokalet', capacity, signupDeadline: minutes(6 * 1440), cancelDeadline: minutes(5 * 1440) })
      .returning();
    return s!;
  }

  async function paidSeat(sessionId: string, email: string, at: Date) {
    const db = await getDb();
    const client = vippsFromEnv()!;
    const booking = await signUp(db, { sessionId, person: person(email), privacyVersion: 1, paidWith: 'vipps', now: at });
    if (!booking.ok) throw new Error('refused');
    const started = await payForHeldSeat(db, client, { bookingId: booking.id, amountNok: 450 });
    if (!started.ok) throw new Error('no payment');
    await services.vipps.approve(started.reference);
    await applyPaymentState(db, client, { reference: started.reference, state: 'AUTHORIZED', now: at });
    return started.reference;
  }

  const orderStatus = async (paymentReference: string) => (await (await getDb()).select({ status: courseOrders.status }).from(courseOrders).where(eq(courseOrders.paymentReference, paymentReference)))[0]?.status;

  it('releases a reserved payment, pays back a charged one, cancels an invoice and tells everyone, the waiting list too', async () => {
    const db = await getDb();
    const client = vippsFromEnv()!;
    const s = await paidDate(3);
    const reserved = await paidSeat(s.id, 'reservert@example.org', minutes(1));
    const charged = await paidSeat(s.id, 'trukket@example.org', minutes(2));
    await client.capture({ reference: charged, amountNok: 450, idempotencyKey: `${charged}-capture` });
    await db.update(courseOrders).set({ status: 'captured' }).where(eq(courseOrders.paymentReference, charged));
    await signUp(db, { sessionId: s.id, person: person('faktura@example.org'), privacyVersion: 1, paidWith: 'invoice', now: minutes(3) });
    await signUp(db, { sessionId: s.id, person: person('venter@example.org'), privacyVersion: 1, paidWith: 'invoice', now: minutes(4) });

    const cancelled = await cancelSession(db, { sessionId: s.id, now: minutes(10) });
    expect(cancelled).toHaveLength(4);
    expect(await afterSessionCancelled(db, cancelled!)).toEqual({ settled: 2, failed: 0, mailed: 4 });
    expect(services.vipps.payment(reserved)).toMatchObject({ state: 'TERMINATED', cancelled: 45_000, captured: 0 });
    expect(services.vipps.payment(charged)).toMatchObject({ captured: 45_000, refunded: 45_000 });
    expect([await orderStatus(reserved), await orderStatus(charged)]).toEqual(['cancelled', 'refunded']);
    const told = services.smtp.mails().filter((m) => /Subject: (=\?UTF-8\?Q\?)?Avlyst/i.test(m));
    expect(told.flatMap(recipients).sort()).toEqual(['faktura@example.org', 'reservert@example.org', 'trukket@example.org', 'venter@example.org']);
  });

  it('leaves a payment Vipps cannot settle now to the course clock, which settles it on its next run', async () => {
    const db = await getDb();
    const s = await paidDate(1);
    const reserved = await paidSeat(s.id, 'senere@example.org', minutes(1));
    const cancelled = await cancelSession(db, { sessionId: s.id, now: minutes(10) });
    services.vipps.failNext(100, 503);
    expect(await afterSessionCancelled(db, cancelled!)).toMatchObject({ settled: 0, failed: 1 });
    expect(await orderStatus(reserved)).toBe('reserved');
    services.vipps.failNext(0, 500);
    expect(await runCourseClock(minutes(11))).toMatchObject({ settled: 1, settleFailed: 0 });
    expect(await orderStatus(reserved)).toBe('cancelled');
    expect(services.vipps.payment(reserved)).toMatchObject({ state: 'TERMINATED', captured: 0 });
  });
});
