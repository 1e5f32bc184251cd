import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { signUp } from '@/db/queries/course-bookings';
import { courseBookings, courseOrders, courses, courseSessions, purgeReceipts } from '@/db/schema';
import { runPurge } from '@/lib/jobs/purge';
import { databaseTargets } from '@/test/database-targets';

const signedUpAt = new Date('2027-03-01T10:00:00Z');
const endsAt = new Date('2027-03-08T19:00:00Z');
const DAY = 86_400_000;
const justBefore = (at: Date) => new Date(at.getTime() - 1);

async function session(priceNok: number) {
  const db = await getDb();
  const [course] = await db
    .insert(courses)
    .values({ slug: `kurs-${priceNok}`, title: `Kurs til ${priceNok} kr`, summary: 'Et kurs.', description: 'Om kurset.', priceNok, status: 'published', createdAt: signedUpAt, updatedAt: signedUpAt })
    .returning({ id: courses.id });
  const [s] = await db
    .insert(courseSessions)
    .values({ courseId: course!.id, startsAt: new Date('2027-03-08T17:00:00Z'), endsAt, place: 'Kurslokalet', capacity: 10, signupDeadline: new Date('2027-03-07T12:00:00Z'), cancelDeadline: new Date('2027-03-06T12:00:00Z') })
    .returning({ id: courseSessions.id });
  return s!.id;
}

const person = { name: 'Kari Nordmann', email: 'kari@example.org', phone: '912 34 567', answers: { tilrettelegging: 'Glutenfri mat' } };

describe.each(databaseTargets())('the purge of course data on $name', (target) => {
  beforeAll(target.open, 180_000);
  afterAll(target.close);

  it('deletes an unpaid hold when it runs out, bookings 30 days after the session, and the order on 1 January of the sixth year after the sale @claim:kurs-pameldinger-slettes @claim:kursordre', async () => {
    const db = await getDb();
    const free = await session(0);
    const paid = await session(450);
    const freeBooking = await signUp(db, { sessionId: free, person, privacyVersion: 1, paidWith: 'invoice', now: signedUpAt });
    const invoiced = await signUp(db, { sessionId: paid, person, privacyVersion: 1, paidWith: 'invoice', now: signedUpAt });
    const held = await signUp(db, { sessionId: paid, person, privacyVersion: 1, paidWith: 'vipps', now: signedUpAt });
    expect([freeBooking.ok && freeBooking.status, invoiced.ok && invoiced.status, held.ok && held.status]).toEqual(['confirmed', 'confirmed', 'held']);
    const bookings = async () => (await db.select({ id: courseBookings.id }).from(courseBookings)).length;
    const orders = async () => db.select({ bookingId: courseOrders.bookingId, reference: courseOrders.reference }).from(courseOrders);
    const receiptsOf = async (runId: string) => db.select({ rule: purgeReceipts.rule, deleted: purgeReceipts.deleted }).from(purgeReceipts).where(eq(purgeReceipts.runId, runId));

    // The hold: kept until its fifteen minutes have run out, then gone.
    const holdEnds = held.ok ? held.holdUntil! : new Date(0);
    expect((await runPurge({ now: justBefore(holdEnds) })).rules.find((r) => r.rule === 'course_holds_when_expired')?.deleted).toBe(0);
    expect(await bookings()).toBe(3);
    const holdRun = await runPurge({ now: holdEnds });
    expect(await receiptsOf(holdRun.runId)).toEqual([{ rule: 'course_holds_when_expired', deleted: 1 }]);
    expect(await bookings()).toBe(2);

    // The bookings, with names, phones and answers: 30 days after the session ended.
    const bookingsDue = new Date(endsAt.getTime() + 30 * DAY);
    await runPurge({ now: justBefore(bookingsDue) });
    expect(await bookings()).toBe(2);
    const bookingRun = await runPurge({ now: bookingsDue });
    expect(await receiptsOf(bookingRun.runId)).toEqual([{ rule: 'course_bookings_30_days_after_session', deleted: 2 }]);
    expect(await bookings()).toBe(0);
    // The order stands on its own: the sale is accounting material.
    expect(await orders()).toEqual([{ bookingId: null, reference: invoiced.ok ? invoiced.orderReference : '' }]);

    // Sold in 2027: kept through 31 December 2032 in Oslo, gone on 1 January 2033.
    const lastMinuteOf2032 = new Date('2032-12-31T22:59:00Z');
    await runPurge({ now: lastMinuteOf2032 });
    expect(await orders()).toHaveLength(1);
    const orderRun = await runPurge({ now: new Date('2032-12-31T23:00:00Z') });
    expect(await receiptsOf(orderRun.runId)).toEqual([{ rule: 'course_orders_end_of_fifth_year_after_sale', deleted: 1 }]);
    expect(await orders()).toEqual([]);
  });
});
