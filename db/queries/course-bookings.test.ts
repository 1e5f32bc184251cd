import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { acceptOffer, cancelBooking, cancelByToken, OFFER_HOURS, PAYMENT_HOLD_MINUTES, seatsLeft, signUp, type NewBooking } from '@/db/queries/course-bookings';
import { courseBookings, courseOrders, courses, courseSessions } from '@/db/schema';
import { databaseTargets } from '@/test/database-targets';

const now = new Date('2027-03-01T10:00:00Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const person = (n: number): NewBooking => ({ name: `Deltaker ${n}`, email: `deltaker${n}@example.org`, phone: n % 2 ? '912 34 567' : undefined, answers: n % 3 ? {} : { alder: '8 og 11' } });

describe.each(databaseTargets())('course places on $name', (target) => {
  beforeAll(target.open, 180_000);
  afterAll(target.close);

  let n = 0;
  /** A course with one session of `capacity` seats, starting in a week. */
  async function session({ capacity, priceNok = 0, status = 'published' as const }: { capacity: number; priceNok?: number; status?: 'published' | 'hidden' }) {
    const db = await getDb();
    n += 1;
    const [course] = await db
      .insert(courses)
      .values({ slug: `kurs-${n}`, title: `Kurs ${n}`, summary: 'Et kurs.', description: 'Om kurset.', priceNok, status, createdAt: now, updatedAt: now })
      .returning({ id: courses.id });
    const [s] = await db
      .insert(courseSessions)
      .values({
        courseId: course!.id,
        startsAt: later(7 * 24 * 60),
        endsAt: later(7 * 24 * 60 + 120),
        place: 'Kurslokalet',
        capacity,
        signupDeadline: later(6 * 24 * 60),
        cancelDeadline: later(5 * 24 * 60),
      })
      .returning();
    return s!;
  }

  const statuses = async (sessionId: string) =>
    (await (await getDb()).select({ status: courseBookings.status }).from(courseBookings).where(eq(courseBookings.sessionId, sessionId))).reduce<Record<string, number>>(
      (acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }),
      {},
    );

  it('gives 100 people who sign up at once for 10 seats exactly 10 seats and 90 places in the queue; a cancellation offers the seat to the first in it', async () => {
    const db = await getDb();
    const s = await session({ capacity: 10 });
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => signUp(db, { sessionId: s.id, person: person(i), privacyVersion: 1, paidWith: 'invoice', now: later(i / 1000) })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await statuses(s.id)).toEqual({ confirmed: 10, waiting: 90 });
    expect(await seatsLeft(db, { sessionId: s.id, capacity: s.capacity, now })).toBe(0);

    const waiting = await db
      .select({ id: courseBookings.id, createdAt: courseBookings.createdAt })
      .from(courseBookings)
      .where(and(eq(courseBookings.sessionId, s.id), eq(courseBookings.status, 'waiting')));
    const first = waiting.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))[0]!;
    const [confirmed] = await db.select({ id: courseBookings.id }).from(courseBookings).where(and(eq(courseBookings.sessionId, s.id), eq(courseBookings.status, 'confirmed'))).limit(1);

    expect(await cancelBooking(db, { id: confirmed!.id, now: later(60) })).toEqual({ offered: [first.id] });
    expect(await statuses(s.id)).toEqual({ confirmed: 9, offered: 1, waiting: 89, cancelled: 1 });
    const [offer] = await db.select().from(courseBookings).where(eq(courseBookings.id, first.id));
    expect(offer!.holdUntil).toEqual(new Date(later(60).getTime() + OFFER_HOURS * 3_600_000));
    // Cancelled twice: nothing more happens.
    expect(await cancelBooking(db, { id: confirmed!.id, now: later(61) })).toBeUndefined();
    expect(await statuses(s.id)).toEqual({ confirmed: 9, offered: 1, waiting: 89, cancelled: 1 });
  });

  it('holds a seat for a buyer paying with Vipps, and frees it when the hold runs out', async () => {
    const db = await getDb();
    const s = await session({ capacity: 1, priceNok: 450 });
    const buyer = await signUp(db, { sessionId: s.id, person: person(1), privacyVersion: 1, paidWith: 'vipps', now });
    expect(buyer).toMatchObject({ ok: true, status: 'held', payment: 'vipps', holdUntil: later(PAYMENT_HOLD_MINUTES) });
    expect(await signUp(db, { sessionId: s.id, person: person(2), privacyVersion: 1, paidWith: 'vipps', now: later(PAYMENT_HOLD_MINUTES - 1) })).toMatchObject({ ok: true, status: 'waiting' });
    // The hold has run out: the seat is free again for the next who asks.
    expect(await seatsLeft(db, { sessionId: s.id, capacity: 1, now: later(PAYMENT_HOLD_MINUTES) })).toBe(1);
    expect(await signUp(db, { sessionId: s.id, person: person(3), privacyVersion: 1, paidWith: 'invoice', now: later(PAYMENT_HOLD_MINUTES) })).toMatchObject({ ok: true, status: 'confirmed', payment: 'invoice' });
  });

  it('refuses a session whose deadline has passed, one that has started, and a hidden course', async () => {
    const db = await getDb();
    const s = await session({ capacity: 5 });
    const at = (minutes: number) => signUp(db, { sessionId: s.id, person: person(1), privacyVersion: 1, paidWith: 'invoice', now: later(minutes) });
    expect(await at(6 * 24 * 60)).toEqual({ ok: false, reason: 'deadline_passed' });
    expect(await at(7 * 24 * 60)).toEqual({ ok: false, reason: 'started' });
    const hidden = await session({ capacity: 5, status: 'hidden' });
    expect(await signUp(db, { sessionId: hidden.id, person: person(1), privacyVersion: 1, paidWith: 'invoice', now })).toEqual({ ok: false, reason: 'not_found' });
    await db.update(courseSessions).set({ cancelledAt: now }).where(eq(courseSessions.id, s.id));
    expect(await at(0)).toEqual({ ok: false, reason: 'closed' });
    expect(await statuses(s.id)).toEqual({});
  });

  it('seals the name, e-mail, phone and answers @claim:kurs-forseglet', async () => {
    const db = await getDb();
    const s = await session({ capacity: 5 });
    const r = await signUp(db, { sessionId: s.id, person: { name: 'Kari Nordmann', email: 'kari@example.org', phone: '912 34 567', answers: { alder: 'Sju år' } }, privacyVersion: 1, paidWith: 'invoice', now });
    expect(r.ok).toBe(true);
    const [row] = await db.select().from(courseBookings).where(eq(courseBookings.sessionId, s.id));
    // Only the sealed columns: an id is hex and may hold any three digits by chance.
    const stored = JSON.stringify([row!.name, row!.email, row!.phone, row!.answers]);
    for (const plain of ['Kari', 'kari@example.org', '912 34 567', '91234567', 'Sju år']) expect(stored).not.toContain(plain);
    for (const sealed of [row!.name, row!.email, row!.phone, row!.answers]) expect(sealed).toMatch(/^v1\./);
    expect(row!.tokenHash).not.toBe(r.ok ? r.token : '');
  });

  it('lets a participant cancel through their link before the deadline, not after; the order is cancelled and the seat offered to the next, who takes it on an invoice', async () => {
    const db = await getDb();
    const s = await session({ capacity: 1, priceNok: 450 });
    const first = await signUp(db, { sessionId: s.id, person: person(1), privacyVersion: 1, paidWith: 'invoice', now });
    const second = await signUp(db, { sessionId: s.id, person: person(2), privacyVersion: 1, paidWith: 'invoice', now: later(1) });
    if (!first.ok || !second.ok) throw new Error('sign-up refused');
    expect([first.status, second.status]).toEqual(['confirmed', 'waiting']);
    const orderOf = async (bookingId: string) => (await db.select({ status: courseOrders.status }).from(courseOrders).where(eq(courseOrders.bookingId, bookingId)))[0]?.status;
    expect(await orderOf(first.id)).toBe('invoice');

    // After the cancellation deadline a seat can no longer be given up through the link.
    expect(await cancelByToken(db, { token: first.token, now: s.cancelDeadline })).toEqual({ ok: false, reason: 'too_late' });
    expect(await cancelByToken(db, { token: 'ukjent', now })).toEqual({ ok: false, reason: 'not_found' });
    expect(await cancelByToken(db, { token: first.token, now: later(60) })).toEqual({ ok: true, offered: [second.id] });
    expect(await orderOf(first.id)).toBe('cancelled');
    expect(await cancelByToken(db, { token: first.token, now: later(61) })).toEqual({ ok: false, reason: 'already' });

    // The offer runs out after OFFER_HOURS; within it, the seat is taken on an invoice.
    expect(await acceptOffer(db, { token: second.token, now: later(60 + OFFER_HOURS * 60) })).toEqual({ ok: false, reason: 'expired' });
    const taken = await acceptOffer(db, { token: second.token, now: later(120) });
    expect(taken).toMatchObject({ ok: true, orderReference: expect.stringMatching(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/) });
    expect(await orderOf(second.id)).toBe('invoice');
    expect(await statuses(s.id)).toEqual({ confirmed: 1, cancelled: 1 });
    expect(await acceptOffer(db, { token: second.token, now: later(121) })).toEqual({ ok: false, reason: 'not_found' });
  });

  it('makes one booking of the same form sent twice at once, and a booking of its own for another person on the same copy of the page', async () => {
    const db = await getDb();
    const s = await session({ capacity: 5, priceNok: 450 });
    const submission = 'c2FtbWUtc2tqZW1hLTEyMzQ';
    const send = (p: NewBooking, at = now) => signUp(db, { sessionId: s.id, person: p, privacyVersion: 1, paidWith: 'invoice', submission, now: at });
    const [first, second] = await Promise.all([send(person(1)), send(person(1), later(0.01))]);
    if (!first.ok || !second.ok) throw new Error('refused');
    expect(second.id).toBe(first.id);
    expect(second.token).toBe(first.token);
    expect([first.duplicate, second.duplicate].filter(Boolean)).toHaveLength(1);
    expect(second.orderReference ?? first.orderReference).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(first.orderReference ?? second.orderReference).toBe(second.orderReference ?? first.orderReference);
    const sibling = await send(person(2), later(1));
    expect(sibling).toMatchObject({ ok: true, status: 'confirmed' });
    if (sibling.ok) expect(sibling.id).not.toBe(first.id);
    expect(await statuses(s.id)).toEqual({ confirmed: 2 });
    expect(await db.select().from(courseOrders).innerJoin(courseBookings, eq(courseBookings.id, courseOrders.bookingId)).where(eq(courseBookings.sessionId, s.id))).toHaveLength(2);
  });
});
