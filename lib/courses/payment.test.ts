import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { acceptOffer, PAYMENT_HOLD_MINUTES, seatsLeft, signUp, type NewBooking } from '@/db/queries/course-bookings';
import { courseBookings, courseOrders, courses, courseSessions } from '@/db/schema';
import { applyPaymentEvent, applyPaymentState, cancelOwnBooking, captureDuePayments, createSeatPayment, payForHeldSeat, PAYMENT_DESCRIPTION } from '@/lib/courses/payment';
import { runPurge } from '@/lib/jobs/purge';
import { vippsClient, type VippsClient } from '@/lib/payments/vipps';
import { databaseTargets } from '@/test/database-targets';
import { startVippsStandIn, type VippsStandIn } from '@/test/vipps-stand-in';

/**
 * Paying for a course seat with Vipps, against the local stand-in for the ePayment API: the
 * seat held while the buyer pays, confirmed once however often Vipps says so, freed when the
 * buyer gives up, charged when the course starts, released or paid back when the participant
 * cancels in time, and nothing lost when Vipps fails.
 */
const now = new Date('2027-03-01T10:00:00Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const CANARY: NewBooking = { name: 'Kanari Betaler', email: 'kanari.betaler@example.org', phone: '987 65 432', answers: { alder: 'kanari-svar' } };

describe.each(databaseTargets())('paying for a course seat with Vipps on $name', (target) => {
  let standIn: VippsStandIn;
  let client: VippsClient;
  beforeAll(async () => {
    await target.open();
    standIn = await startVippsStandIn();
    client = vippsClient({
      baseUrl: standIn.url,
      clientId: standIn.env.VIPPS_CLIENT_ID!,
      clientSecret: standIn.env.VIPPS_CLIENT_SECRET!,
      subscriptionKey: standIn.env.VIPPS_SUBSCRIPTION_KEY!,
      msn: standIn.env.VIPPS_MSN!,
    });
  }, 180_000);
  afterAll(async () => {
    await standIn.close();
    await target.close();
  });
  afterEach(() => standIn.failNext(0, 500));

  let n = 0;
  async function paidSession({ capacity = 5 }: { capacity?: number } = {}) {
    const db = await getDb();
    n += 1;
    const [course] = await db
      .insert(courses)
      .values({ slug: `betalt-${n}`, title: `Betalt kurs ${n}`, summary: 'Et kurs.', description: 'Om kurset.', priceNok: 450, status: 'published', createdAt: now, updatedAt: now })
      .returning({ id: courses.id });
    const [s] = await db
      .insert(courseSessions)
      .values({ courseId: course!.id, startsAt: later(7 * 1440), endsAt: later(7 * 1440 + 120), place: 'Kurslokalet', capacity, signupDeadline: later(6 * 1440), cancelDeadline: later(5 * 1440) })
      .returning();
    return s!;
  }

  /** A seat held and its payment started, as the sign-up does it. */
  async function heldSeat(sessionId: string, at = now, person: NewBooking = CANARY) {
    const db = await getDb();
    const booking = await signUp(db, { sessionId, person, privacyVersion: 1, paidWith: 'vipps', now: at });
    if (!booking.ok || booking.status !== 'held') throw new Error('no held seat');
    const started = await payForHeldSeat(db, client, { bookingId: booking.id, amountNok: 450 });
    if (!started.ok) throw new Error(`payment not started: ${started.code}`);
    return { ...booking, reference: started.reference };
  }

  const bookingRow = async (id: string) => (await (await getDb()).select().from(courseBookings).where(eq(courseBookings.id, id)))[0];
  const ordersOf = async (bookingId: string) => (await getDb()).select().from(courseOrders).where(eq(courseOrders.bookingId, bookingId));

  it('tells Vipps the amount, a random reference and a fixed description, and nothing about the buyer @claim:kurs-vipps-faar-lite', async () => {
    const s = await paidSession();
    const before = standIn.calls().length;
    const seat = await heldSeat(s.id);
    const create = standIn.calls().slice(before).find((c) => c.path === '/epayment/v1/payments')!;
    const sent = JSON.parse(create.body) as Record<string, unknown>;
    expect(Object.keys(sent).sort()).toEqual(['amount', 'paymentDescription', 'paymentMethod', 'reference', 'returnUrl', 'userFlow']);
    expect(sent.amount).toEqual({ currency: 'NOK', value: 45_000 });
    expect(sent.paymentDescription).toBe(PAYMENT_DESCRIPTION);
    expect(sent.reference).toBe(seat.reference);
    expect(sent.returnUrl).toMatch(new RegExp(`/kurs/betaling/${seat.reference}$`));
    expect(create.headers['idempotency-key']).toBe(seat.reference);
    const everything = JSON.stringify(standIn.calls().map((c) => [c.body, c.headers]));
    for (const canary of [CANARY.name, CANARY.email, CANARY.phone!, '98765432', 'kanari-svar', seat.token, 'Betalt kurs']) expect(everything).not.toContain(canary);
  });

  it('confirms the seat and writes one order however many times Vipps says the amount is reserved, by webhook or on return', async () => {
    const db = await getDb();
    const s = await paidSession();
    const seat = await heldSeat(s.id);
    await standIn.approve(seat.reference);
    const authorised = { reference: seat.reference, name: 'AUTHORIZED' as const, success: true };
    await applyPaymentEvent(db, client, { event: authorised, now: later(2) });
    await applyPaymentEvent(db, client, { event: authorised, now: later(3) });
    expect(await applyPaymentState(db, client, { reference: seat.reference, state: 'AUTHORIZED', now: later(4) })).toEqual({ kind: 'already', bookingId: seat.id });
    expect((await bookingRow(seat.id))!.status).toBe('confirmed');
    const orders = await ordersOf(seat.id);
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ method: 'vipps', status: 'reserved', amountNok: 450, paymentReference: seat.reference });
  });

  it('frees the seat of a payment the buyer abandons: at once when Vipps says so, or when the hold runs out, and the purge deletes it', async () => {
    const db = await getDb();
    const s = await paidSession({ capacity: 1 });
    const aborted = await heldSeat(s.id);
    expect(await seatsLeft(db, { sessionId: s.id, capacity: 1, now: later(1) })).toBe(0);
    await standIn.abort(aborted.reference);
    await applyPaymentEvent(db, client, { event: { reference: aborted.reference, name: 'ABORTED', success: true }, now: later(1) });
    expect(await seatsLeft(db, { sessionId: s.id, capacity: 1, now: later(1) })).toBe(1);

    // Never paid and never heard of again: the seat is free when the hold runs out.
    const silent = await heldSeat(s.id, later(2), { ...CANARY, name: 'Stille Kjøper' });
    expect(await seatsLeft(db, { sessionId: s.id, capacity: 1, now: later(2 + PAYMENT_HOLD_MINUTES - 1) })).toBe(0);
    expect(await seatsLeft(db, { sessionId: s.id, capacity: 1, now: later(2 + PAYMENT_HOLD_MINUTES) })).toBe(1);
    await runPurge({ now: later(2 + PAYMENT_HOLD_MINUTES) });
    expect(await bookingRow(aborted.id)).toBeUndefined();
    expect(await bookingRow(silent.id)).toBeUndefined();
    expect(await ordersOf(silent.id)).toHaveLength(0);
  });

  it('cancels the reservation when the approval comes after the hold ran out and the seat went to someone else', async () => {
    const db = await getDb();
    const s = await paidSession({ capacity: 1 });
    const late = await heldSeat(s.id);
    // The hold runs out; another buyer takes the seat and pays.
    const other = await heldSeat(s.id, later(PAYMENT_HOLD_MINUTES + 1), { ...CANARY, name: 'Annen Kjøper' });
    await standIn.approve(other.reference);
    await applyPaymentState(db, client, { reference: other.reference, state: 'AUTHORIZED', now: later(PAYMENT_HOLD_MINUTES + 2) });
    await standIn.approve(late.reference);
    expect(await applyPaymentState(db, client, { reference: late.reference, state: 'AUTHORIZED', now: later(PAYMENT_HOLD_MINUTES + 3) })).toEqual({ kind: 'no_seat' });
    expect(standIn.payment(late.reference)).toMatchObject({ state: 'TERMINATED', cancelled: 45_000, captured: 0 });
    expect(await ordersOf(late.id)).toHaveLength(0);
    expect((await bookingRow(other.id))!.status).toBe('confirmed');
  });

  it('when Vipps answers 500, gives the seat back and keeps no booking, so the form can be sent again', async () => {
    const db = await getDb();
    const s = await paidSession({ capacity: 1 });
    const booking = await signUp(db, { sessionId: s.id, person: CANARY, privacyVersion: 1, paidWith: 'vipps', now });
    if (!booking.ok) throw new Error('refused');
    standIn.failNext(1, 500);
    expect(await payForHeldSeat(db, client, { bookingId: booking.id, amountNok: 450 })).toEqual({ ok: false, code: 'http_500' });
    expect(await bookingRow(booking.id)).toBeUndefined();
    expect(await seatsLeft(db, { sessionId: s.id, capacity: 1, now })).toBe(1);
    // Vipps is back: the same person gets the seat.
    const again = await heldSeat(s.id, later(1));
    expect((await bookingRow(again.id))!.paymentReference).toBe(again.reference);
  });

  it('charges a reserved amount when the course starts, not before, and once', async () => {
    const db = await getDb();
    const s = await paidSession();
    const seat = await heldSeat(s.id);
    await standIn.approve(seat.reference);
    await applyPaymentState(db, client, { reference: seat.reference, state: 'AUTHORIZED', now: later(1) });
    const start = s.startsAt;
    expect(await captureDuePayments(db, client, { now: new Date(start.getTime() - 1000) })).toEqual({ captured: 0, failed: 0 });
    expect(standIn.payment(seat.reference)!.captured).toBe(0);
    // Vipps failing at the start: tried again on the next run.
    standIn.failNext(100, 503);
    const failed = await captureDuePayments(db, client, { now: start });
    expect(failed.failed).toBeGreaterThanOrEqual(1);
    expect((await ordersOf(seat.id))[0]!.status).toBe('reserved');
    standIn.failNext(0, 500);
    const done = await captureDuePayments(db, client, { now: start });
    expect(done.captured).toBeGreaterThanOrEqual(1);
    expect(standIn.payment(seat.reference)!.captured).toBe(45_000);
    expect((await ordersOf(seat.id))[0]!.status).toBe('captured');
    await captureDuePayments(db, client, { now: new Date(start.getTime() + 60_000) });
    expect(standIn.payment(seat.reference)!.captured).toBe(45_000);
  });

  it('lets a participant cancel a paid seat before the deadline (the reservation released), not after; a captured one is paid back; Vipps down changes nothing', async () => {
    const db = await getDb();
    const s = await paidSession();
    const seat = await heldSeat(s.id);
    await standIn.approve(seat.reference);
    await applyPaymentState(db, client, { reference: seat.reference, state: 'AUTHORIZED', now: later(1) });

    expect(await cancelOwnBooking(db, client, { token: seat.token, now: s.cancelDeadline })).toEqual({ ok: false, reason: 'too_late' });
    expect(standIn.payment(seat.reference)!.state).toBe('AUTHORIZED');

    standIn.failNext(1, 500);
    expect(await cancelOwnBooking(db, client, { token: seat.token, now: later(60) })).toEqual({ ok: false, reason: 'payment_failed' });
    expect((await bookingRow(seat.id))!.status).toBe('confirmed');
    expect((await ordersOf(seat.id))[0]!.status).toBe('reserved');

    expect(await cancelOwnBooking(db, client, { token: seat.token, now: later(61) })).toEqual({ ok: true, offered: [], paid: true });
    expect(standIn.payment(seat.reference)).toMatchObject({ state: 'TERMINATED', cancelled: 45_000, captured: 0 });
    expect((await bookingRow(seat.id))!.status).toBe('cancelled');
    expect((await ordersOf(seat.id))[0]!.status).toBe('cancelled');

    // Captured already (staff moved the start, say): the amount is paid back.
    const captured = await heldSeat(s.id, later(100), { ...CANARY, name: 'Betalt Allerede' });
    await standIn.approve(captured.reference);
    await applyPaymentState(db, client, { reference: captured.reference, state: 'AUTHORIZED', now: later(101) });
    await client.capture({ reference: captured.reference, amountNok: 450, idempotencyKey: `${captured.reference}-capture` });
    await db.update(courseOrders).set({ status: 'captured' }).where(eq(courseOrders.paymentReference, captured.reference));
    expect(await cancelOwnBooking(db, client, { token: captured.token, now: later(102) })).toMatchObject({ ok: true, paid: true });
    expect(standIn.payment(captured.reference)).toMatchObject({ captured: 45_000, refunded: 45_000 });
    expect((await ordersOf(captured.id))[0]!.status).toBe('refunded');
  });

  it('lets the first on the waiting list take a paid seat offered to them by paying for it, held while they pay as at sign-up', async () => {
    const db = await getDb();
    const s = await paidSession({ capacity: 1 });
    const seat = await heldSeat(s.id);
    await standIn.approve(seat.reference);
    await applyPaymentState(db, client, { reference: seat.reference, state: 'AUTHORIZED', now: later(1) });
    const queued = await signUp(db, { sessionId: s.id, person: { ...CANARY, name: 'Neste I Køen' }, privacyVersion: 1, paidWith: 'vipps', now: later(2) });
    if (!queued.ok) throw new Error('refused');
    expect(queued.status).toBe('waiting');
    const given = await cancelOwnBooking(db, client, { token: seat.token, now: later(10) });
    expect(given).toEqual({ ok: true, offered: [queued.id], paid: true });

    // Without a payment the offer cannot be taken; with one, the seat is held while they pay.
    expect(await acceptOffer(db, { token: queued.token, now: later(11) })).toEqual({ ok: false, reason: 'not_found' });
    const started = await createSeatPayment(client, { amountNok: 450 });
    if (!started.ok) throw new Error('no payment');
    expect(await acceptOffer(db, { token: queued.token, now: later(11), payment: { reference: started.reference, url: started.url } })).toEqual({ ok: true, status: 'held' });
    expect((await bookingRow(queued.id))!.holdUntil).toEqual(later(11 + PAYMENT_HOLD_MINUTES));
    await standIn.approve(started.reference);
    expect(await applyPaymentState(db, client, { reference: started.reference, state: 'AUTHORIZED', now: later(12) })).toMatchObject({ kind: 'confirmed' });
    expect((await bookingRow(queued.id))!.status).toBe('confirmed');
    expect(await ordersOf(queued.id)).toHaveLength(1);
  });
});
