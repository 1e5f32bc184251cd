import { asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { cancelSession, createCourse, deleteCourse, updateCourse, type CourseInput } from '@/db/queries/course-admin';
import { cancelBooking, signUp } from '@/db/queries/course-bookings';
import { createSession, updateSession, type SessionInput } from '@/db/queries/course-session-admin';
import { courseBookings, courseOrders, courses, courseSessions } from '@/db/schema';
import { databaseTargets } from '@/test/database-targets';

const now = new Date('2027-03-01T10:00:00Z');
const later = (days: number, hours = 0) => new Date(now.getTime() + (days * 24 + hours) * 3_600_000);

const course = (slug: string, over: Partial<CourseInput> = {}): CourseInput => ({
  slug,
  title: `Kurs ${slug}`,
  summary: 'Et kurs.',
  description: 'Om *kurset*.',
  section: null,
  tags: [],
  priceNok: 450,
  questions: [],
  status: 'published',
  ...over,
});
const session = (days: number, capacity: number): SessionInput => ({
  startsAt: later(days),
  endsAt: later(days, 2),
  place: 'Kurslokalet',
  onlineLink: null,
  capacity,
  signupDeadline: later(days - 1),
  cancelDeadline: later(days - 2),
});
const person = (name: string) => ({ name, email: `${name.toLowerCase()}@example.org`, answers: {} });

describe.each(databaseTargets())('course administration on $name', (target) => {
  beforeAll(target.open, 180_000);
  afterAll(target.close);

  async function newSession(slug: string, capacity: number, days = 7) {
    const db = await getDb();
    const created = await createCourse(db, { course: course(slug), now });
    if (!created.ok) throw new Error('course not created');
    const s = await createSession(db, { courseId: created.id, session: session(days, capacity) });
    if (!s.ok) throw new Error('session not created');
    return { courseId: created.id, sessionId: s.id };
  }

  it('keeps every address to one course, on creating and on changing', async () => {
    const db = await getDb();
    const first = await createCourse(db, { course: course('samme-adresse'), now });
    expect(first.ok).toBe(true);
    expect(await createCourse(db, { course: course('samme-adresse', { title: 'Et annet' }), now })).toEqual({ ok: false, reason: 'slug_taken' });
    const other = await createCourse(db, { course: course('annen-adresse'), now });
    if (!other.ok) throw new Error('not created');
    expect(await updateCourse(db, { id: other.id, course: course('samme-adresse'), now })).toEqual({ ok: false, reason: 'slug_taken' });
    expect(await updateCourse(db, { id: other.id, course: course('annen-adresse', { title: 'Nytt navn' }), now })).toEqual({ ok: true, cancelled: [] });
    const [row] = await db.select({ title: courses.title }).from(courses).where(eq(courses.id, other.id));
    expect(row?.title).toBe('Nytt navn');
  });

  it('deletes a course nobody booked (an example course too), refuses one with a booking, and an order outlives its booking', async () => {
    const db = await getDb();
    const [example] = await db.select({ id: courses.id }).from(courses).where(eq(courses.slug, 'snakke-med-barn-om-sykdom'));
    expect(await deleteCourse(db, { id: example!.id })).toEqual({ ok: true });
    expect(await db.select().from(courses).where(eq(courses.id, example!.id))).toEqual([]);
    expect(await db.select().from(courseSessions).where(eq(courseSessions.courseId, example!.id))).toEqual([]);
    expect(await deleteCourse(db, { id: example!.id })).toEqual({ ok: false, reason: 'not_found' });

    const { courseId, sessionId } = await newSession('har-pamelding', 5);
    const booked = await signUp(db, { sessionId, person: person('Anne'), privacyVersion: 1, paidWith: 'invoice', now });
    if (!booked.ok) throw new Error('not booked');
    await cancelBooking(db, { id: booked.id, now });
    // Even a cancelled booking keeps the course: it is deleted with its data by the purge.
    expect(await deleteCourse(db, { id: courseId })).toEqual({ ok: false, reason: 'has_bookings' });
    expect(await db.select({ id: courses.id }).from(courses).where(eq(courses.id, courseId))).toHaveLength(1);

    // When the booking goes (the purge, or its session), the order stays, pointing at nothing.
    await db.delete(courseSessions).where(eq(courseSessions.id, sessionId));
    const orders = await db.select({ bookingId: courseOrders.bookingId, courseTitle: courseOrders.courseTitle }).from(courseOrders).where(eq(courseOrders.reference, booked.orderReference!));
    expect(orders).toEqual([{ bookingId: null, courseTitle: 'Kurs har-pamelding' }]);
  });

  it('cancels a session: every open booking, its invoices, never a payment in progress or taken; a second call changes nothing', async () => {
    const db = await getDb();
    const { sessionId } = await newSession('avlyses', 3);
    const sign = async (name: string, paidWith: 'invoice' | 'vipps', minute: number) => {
      const r = await signUp(db, { sessionId, person: person(name), privacyVersion: 1, paidWith, now: new Date(now.getTime() + minute * 60_000) });
      if (!r.ok) throw new Error('not booked');
      return r;
    };
    const anne = await sign('Anne', 'invoice', 0);
    const bjorn = await sign('Bjorn', 'vipps', 1);
    const cecilie = await sign('Cecilie', 'vipps', 2);
    const dag = await sign('Dag', 'invoice', 3);
    const gone = await sign('Eva', 'invoice', 4);
    expect([anne.status, bjorn.status, cecilie.status, dag.status, gone.status]).toEqual(['confirmed', 'held', 'held', 'waiting', 'waiting']);
    // A Vipps payment reserved for Bjørn's seat, and one taken for Cecilie's: the payment step's to undo.
    const order = (bookingId: string, reference: string, status: 'reserved' | 'captured', paymentReference: string) =>
      ({ id: crypto.randomUUID(), reference, bookingId, soldAt: now, courseTitle: 'Kurs avlyses', sessionStartsAt: later(7), amountNok: 450, method: 'vipps' as const, name: 'x', email: 'x', paymentReference, status, deleteAfter: later(2500) });
    await db.insert(courseOrders).values([order(bjorn.id, 'VIPP-RES1', 'reserved', 'vipps-1'), order(cecilie.id, 'VIPP-CAP1', 'captured', 'vipps-2')]);
    await db.update(courseBookings).set({ status: 'confirmed', holdUntil: null }).where(eq(courseBookings.id, cecilie.id));
    // Eva gave up her place in the queue before: she is not cancelled again.
    await cancelBooking(db, { id: gone.id, now });

    const at = later(1);
    const result = await cancelSession(db, { sessionId, now: at });
    const [anneOrder] = await db.select({ id: courseOrders.id }).from(courseOrders).where(eq(courseOrders.reference, anne.orderReference!));
    expect(result).toEqual([
      { bookingId: anne.id, payment: 'invoice', previousStatus: 'confirmed', order: { id: anneOrder!.id, reference: anne.orderReference, status: 'cancelled', paymentReference: null } },
      { bookingId: bjorn.id, payment: 'vipps', previousStatus: 'held', order: { id: expect.any(String), reference: 'VIPP-RES1', status: 'reserved', paymentReference: 'vipps-1' } },
      { bookingId: cecilie.id, payment: 'vipps', previousStatus: 'confirmed', order: { id: expect.any(String), reference: 'VIPP-CAP1', status: 'captured', paymentReference: 'vipps-2' } },
      { bookingId: dag.id, payment: 'invoice', previousStatus: 'waiting', order: null },
    ]);

    const bookings = await db
      .select({ id: courseBookings.id, status: courseBookings.status, cancelledAt: courseBookings.cancelledAt, holdUntil: courseBookings.holdUntil })
      .from(courseBookings)
      .where(eq(courseBookings.sessionId, sessionId))
      .orderBy(asc(courseBookings.createdAt));
    expect(bookings.map((b) => [b.status, b.cancelledAt?.getTime(), b.holdUntil])).toEqual([
      ['cancelled', at.getTime(), null],
      ['cancelled', at.getTime(), null],
      ['cancelled', at.getTime(), null],
      ['cancelled', at.getTime(), null],
      ['cancelled', now.getTime(), null],
    ]);
    const [s] = await db.select({ cancelledAt: courseSessions.cancelledAt }).from(courseSessions).where(eq(courseSessions.id, sessionId));
    expect(s?.cancelledAt).toEqual(at);

    // Again, later: nothing left to cancel, and nothing moves.
    const ordersBefore = await db.select().from(courseOrders).where(inArray(courseOrders.bookingId, [anne.id, bjorn.id, cecilie.id, gone.id])).orderBy(asc(courseOrders.id));
    expect(await cancelSession(db, { sessionId, now: later(2) })).toEqual([]);
    expect(await db.select().from(courseOrders).where(inArray(courseOrders.bookingId, [anne.id, bjorn.id, cecilie.id, gone.id])).orderBy(asc(courseOrders.id))).toEqual(ordersBefore);
    const [again] = await db.select({ cancelledAt: courseSessions.cancelledAt }).from(courseSessions).where(eq(courseSessions.id, sessionId));
    expect(again?.cancelledAt).toEqual(at);

    expect(await signUp(db, { sessionId, person: person('Frida'), privacyVersion: 1, paidWith: 'invoice', now: later(1, 1) })).toEqual({ ok: false, reason: 'closed' });
    expect(await cancelSession(db, { sessionId: crypto.randomUUID(), now })).toBeUndefined();
  });

  it('cancelling a course cancels its sessions ahead, not one that has started', async () => {
    const db = await getDb();
    const { courseId, sessionId: ahead } = await newSession('hele-kurset', 4);
    const past = await db
      .insert(courseSessions)
      .values({ courseId, ...session(-1, 4) })
      .returning({ id: courseSessions.id });
    const booked = await signUp(db, { sessionId: ahead, person: person('Anne'), privacyVersion: 1, paidWith: 'invoice', now });
    const changed = await updateCourse(db, { id: courseId, course: course('hele-kurset', { status: 'cancelled' }), now });
    expect(changed).toEqual({ ok: true, cancelled: [{ sessionId: ahead, bookings: [expect.objectContaining({ bookingId: booked.ok ? booked.id : '', previousStatus: 'confirmed' })] }] });
    const rows = await db.select({ id: courseSessions.id, cancelledAt: courseSessions.cancelledAt }).from(courseSessions).where(eq(courseSessions.courseId, courseId));
    expect(rows.find((r) => r.id === ahead)?.cancelledAt).toEqual(now);
    expect(rows.find((r) => r.id === past[0]!.id)?.cancelledAt).toBeNull();
    expect(await createSession(db, { courseId, session: session(20, 4) })).toEqual({ ok: false, reason: 'course_cancelled' });
  });

  it('keeps the capacity at or above the seats taken, and offers seats a larger one frees to the waiting list in order', async () => {
    const db = await getDb();
    const { sessionId } = await newSession('plasser', 2);
    const ids: string[] = [];
    for (const [i, name] of ['Anne', 'Bjorn', 'Cecilie', 'Dag'].entries()) {
      const r = await signUp(db, { sessionId, person: person(name), privacyVersion: 1, paidWith: 'invoice', now: new Date(now.getTime() + i) });
      if (r.ok) ids.push(r.id);
    }
    expect(await updateSession(db, { id: sessionId, session: session(7, 1), now })).toEqual({ ok: false, reason: 'below_taken', taken: 2 });
    const changed = await updateSession(db, { id: sessionId, session: session(7, 3), now });
    expect(changed).toMatchObject({ ok: true, offered: [ids[2]] });
    const [row] = await db.select({ capacity: courseSessions.capacity }).from(courseSessions).where(eq(courseSessions.id, sessionId));
    expect(row?.capacity).toBe(3);
    await cancelSession(db, { sessionId, now });
    expect(await updateSession(db, { id: sessionId, session: session(7, 5), now })).toEqual({ ok: false, reason: 'cancelled' });
  });
});
