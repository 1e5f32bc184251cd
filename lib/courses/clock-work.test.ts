import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { signUp } from '@/db/queries/course-bookings';
import { courseBookings, courseOrders, courses, courseSessions } from '@/db/schema';
import { runCourseClock } from '@/lib/courses/clock-work';
import { applyPaymentState, payForHeldSeat, vippsFromEnv } from '@/lib/courses/payment';
import { databaseTargets } from '@/test/database-targets';
import { attachmentText, recipients } from '@/test/mail-parts';
import { startCourseServices, type CourseServices } from '@/test/course-services';

/**
 * The course clock: a reminder two days before a date, once, to confirmed participants only,
 * with the calendar file; and the reserved payments charged when the course starts. Against a
 * local SMTP server and the local stand-in for Vipps's ePayment API.
 */
const now = new Date('2027-03-01T10:00:00Z');
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);

describe.each(databaseTargets())('the course clock on $name', (target) => {
  let services: CourseServices;
  beforeAll(async () => {
    await target.open();
    services = await startCourseServices();
  }, 180_000);
  afterAll(async () => {
    await services.stop();
    await target.close();
  });

  let n = 0;
  async function sessionIn(startsInHours: number, priceNok = 0) {
    const db = await getDb();
    n += 1;
    const [course] = await db
      .insert(courses)
      .values({ slug: `klokke-${n}`, title: `Klokkekurs ${n}`, summary: 'Et kurs.', description: 'Om kurset.', priceNok, status: 'published', createdAt: now, updatedAt: now })
      .returning({ id: courses.id });
    const [s] = await db
      .insert(courseSessions)
      .values({ courseId: course!.id, startsAt: hours(startsInHours), endsAt: hours(startsInHours + 2), place: 'Kurslokalet', capacity: 1, signupDeadline: hours(startsInHours - 1), cancelDeadline: hours(startsInHours - 1) })
      .returning();
    return s!;
  }
  const person = (email: string) => ({ name: 'Deltaker', email, answers: {} });

  it('reminds each confirmed participant once, two days before, with the calendar file; not the waiting list, not a later date @claim:kurs-epost', async () => {
    const db = await getDb();
    const soon = await sessionIn(47);
    const later = await sessionIn(49);
    await signUp(db, { sessionId: soon.id, person: person('snart@example.org'), privacyVersion: 1, paidWith: 'invoice', now });
    await signUp(db, { sessionId: soon.id, person: person('venter@example.org'), privacyVersion: 1, paidWith: 'invoice', now });
    await signUp(db, { sessionId: later.id, person: person('senere@example.org'), privacyVersion: 1, paidWith: 'invoice', now });

    expect(await runCourseClock(now)).toMatchObject({ ran: true, reminded: 1 });
    const reminders = services.smtp.mails().filter((m) => m.includes('Klokkekurs'));
    expect(reminders.map(recipients)).toEqual([['snart@example.org']]);
    expect(attachmentText(reminders[0]!, 'kurs.ics')).toMatch(/\r\nSUMMARY:Klokkekurs \d+\r\n/);
    expect(await runCourseClock(hours(0.5))).toMatchObject({ reminded: 0 });
    // Two hours on, the later date is within two days too.
    expect(await runCourseClock(hours(2))).toMatchObject({ reminded: 1 });
    expect(services.smtp.mails().filter((m) => m.includes('Klokkekurs')).map(recipients)).toEqual([['snart@example.org'], ['senere@example.org']]);
  });

  it('charges a reserved payment on the run after the course starts, and not before', async () => {
    const db = await getDb();
    const s = await sessionIn(5 * 24, 450);
    const client = vippsFromEnv()!;
    const booking = await signUp(db, { sessionId: s.id, person: person('betaler@example.org'), privacyVersion: 1, paidWith: 'vipps', now });
    if (!booking.ok) throw new Error('refused');
    const started = await payForHeldSeat(db, client, { bookingId: booking.id, amountNok: 450 });
    if (!started.ok) throw new Error('no payment');
    await services.vipps.approve(started.reference);
    await applyPaymentState(db, client, { reference: started.reference, state: 'AUTHORIZED', now: hours(0.1) });

    expect(await runCourseClock(new Date(s.startsAt.getTime() - 60_000))).toMatchObject({ captured: 0 });
    expect(services.vipps.payment(started.reference)!.captured).toBe(0);
    expect(await runCourseClock(s.startsAt)).toMatchObject({ captured: 1 });
    expect(services.vipps.payment(started.reference)!.captured).toBe(45_000);
    const [order] = await db.select().from(courseOrders).where(eq(courseOrders.paymentReference, started.reference));
    expect(order!.status).toBe('captured');
    const [row] = await db.select({ status: courseBookings.status }).from(courseBookings).where(eq(courseBookings.id, booking.id));
    expect(row!.status).toBe('confirmed');
  });
});
