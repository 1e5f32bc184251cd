import { and, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { bookingAad, bookingById, lockSession, seatsTaken, writeOrder } from '@/db/queries/course-bookings';
import { courseBookings, courseOrders, courseSessions, type BookingStatus, type OrderStatus, type PaymentMethod } from '@/db/schema';
import { openOptional, openText } from '@/lib/crypto/seal';

/**
 * The database's side of a seat paid with Vipps MobilePay. A paid seat is held while the buyer
 * pays; the order, the accounting record of the sale, is written when Vipps says the amount is
 * reserved (AUTHORIZED), from the webhook or from the buyer's return, whichever comes first:
 * every change here is conditional on the state before it, so the second one changes nothing.
 */

/** Binds the Vipps payment to a held seat, with where the buyer approves it. */
export async function attachPayment(db: DbOrTx, { bookingId, reference, url }: { bookingId: string; reference: string; url: string }): Promise<void> {
  await db.update(courseBookings).set({ paymentReference: reference, paymentUrl: url }).where(and(eq(courseBookings.id, bookingId), eq(courseBookings.status, 'held')));
}

/**
 * A held seat whose payment could not even be started (Vipps unreachable or refusing): the
 * booking is removed at once, as if it had never been made. Nothing was reserved.
 */
export async function dropUnpaidHold(db: DbOrTx, { bookingId }: { bookingId: string }): Promise<void> {
  await db.delete(courseBookings).where(and(eq(courseBookings.id, bookingId), eq(courseBookings.status, 'held'), isNull(courseBookings.paymentReference)));
}

/**
 * The buyer aborted, or the payment expired or was ended: the held seat is freed now (its hold
 * ends), and the purge deletes the booking on its next run, as any expired hold.
 */
export async function releaseHold(db: DbOrTx, { reference, now }: { reference: string; now: Date }): Promise<boolean> {
  const rows = await db
    .update(courseBookings)
    .set({ holdUntil: now, paymentUrl: null })
    .where(and(eq(courseBookings.paymentReference, reference), eq(courseBookings.status, 'held'), gt(courseBookings.holdUntil, now)))
    .returning({ id: courseBookings.id });
  return rows.length > 0;
}

export type PaidOutcome =
  /** The seat is now confirmed and the order written. */
  | { kind: 'confirmed'; bookingId: string; orderReference: string }
  /** Already confirmed by an earlier webhook or return. */
  | { kind: 'already'; bookingId: string }
  /** The seat is gone (the hold ran out and the session filled, or the booking was cancelled): the reservation must be cancelled. */
  | { kind: 'no_seat' }
  /** No booking has this payment: it was deleted, or the reference is not ours. */
  | { kind: 'unknown' };

/**
 * Vipps says the amount is reserved. A held seat is confirmed and its order written, once.
 * A hold that ran out a moment ago is still honoured while the session has a free seat; if it
 * has not, the buyer must get their reservation back (the caller cancels it with Vipps).
 */
export async function confirmPaid(db: DbOrTx, { reference, now }: { reference: string; now: Date }): Promise<PaidOutcome> {
  return db.transaction(async (tx) => {
    const [found] = await tx.select({ id: courseBookings.id, sessionId: courseBookings.sessionId }).from(courseBookings).where(eq(courseBookings.paymentReference, reference));
    if (!found) return { kind: 'unknown' } as const;
    const session = await lockSession(tx, found.sessionId);
    const [booking] = await tx
      .select({ status: courseBookings.status, holdUntil: courseBookings.holdUntil, name: courseBookings.name, email: courseBookings.email })
      .from(courseBookings)
      .where(eq(courseBookings.id, found.id));
    if (!booking || !session) return { kind: 'unknown' } as const;
    if (booking.status === 'confirmed') return { kind: 'already', bookingId: found.id } as const;
    if (booking.status !== 'held') return { kind: 'no_seat' } as const;
    const holding = booking.holdUntil !== null && booking.holdUntil > now;
    const open = !session.cancelledAt && session.courseStatus !== 'cancelled' && now < session.startsAt;
    if (!open || (!holding && (await seatsTaken(tx, found.sessionId, now)) >= session.capacity)) return { kind: 'no_seat' } as const;

    await tx.update(courseBookings).set({ status: 'confirmed', holdUntil: null, paymentUrl: null }).where(eq(courseBookings.id, found.id));
    const person = { name: openText(booking.name, bookingAad(found.id, 'name')), email: openText(booking.email, bookingAad(found.id, 'email')) };
    const orderReference = await writeOrder(tx, { bookingId: found.id, person, session, method: 'vipps', paymentReference: reference, now });
    return { kind: 'confirmed', bookingId: found.id, orderReference } as const;
  });
}

/** What Vipps reports after the sale, kept on the order: captured, cancelled or refunded. */
const FOLLOWS: Record<'captured' | 'cancelled' | 'refunded', OrderStatus[]> = {
  captured: ['reserved'],
  cancelled: ['reserved'],
  refunded: ['captured'],
};

export async function setOrderPaymentStatus(db: DbOrTx, { reference, status }: { reference: string; status: keyof typeof FOLLOWS }): Promise<boolean> {
  const rows = await db
    .update(courseOrders)
    .set({ status })
    .where(and(eq(courseOrders.paymentReference, reference), eq(courseOrders.method, 'vipps'), inArray(courseOrders.status, FOLLOWS[status])))
    .returning({ id: courseOrders.id });
  return rows.length > 0;
}

export type PaidOrder = { id: string; reference: string; paymentReference: string; amountNok: number; status: OrderStatus };

/** The Vipps order of a booking, if one is reserved or captured. */
export async function paidOrderOfBooking(db: DbOrTx, { bookingId }: { bookingId: string }): Promise<PaidOrder | undefined> {
  const [row] = await db
    .select({ id: courseOrders.id, reference: courseOrders.reference, paymentReference: courseOrders.paymentReference, amountNok: courseOrders.amountNok, status: courseOrders.status })
    .from(courseOrders)
    .where(and(eq(courseOrders.bookingId, bookingId), eq(courseOrders.method, 'vipps'), inArray(courseOrders.status, ['reserved', 'captured'])));
  return row?.paymentReference ? { ...row, paymentReference: row.paymentReference } : undefined;
}

/** Reserved amounts whose course has started: the time to charge them. */
export async function dueCaptures(db: DbOrTx, { now, limit = 100 }: { now: Date; limit?: number }): Promise<PaidOrder[]> {
  const rows = await db
    .select({ id: courseOrders.id, reference: courseOrders.reference, paymentReference: courseOrders.paymentReference, amountNok: courseOrders.amountNok, status: courseOrders.status })
    .from(courseOrders)
    .where(and(eq(courseOrders.method, 'vipps'), eq(courseOrders.status, 'reserved'), lte(courseOrders.sessionStartsAt, now), sql`${courseOrders.paymentReference} is not null`))
    .limit(limit);
  return rows.map((r) => ({ ...r, paymentReference: r.paymentReference! }));
}

export type BookingForMail = {
  id: string;
  status: BookingStatus;
  payment: PaymentMethod;
  holdUntil: Date | null;
  name: string;
  email: string;
  /** The token of the participant's link; null for a booking made before tokens were kept. */
  token: string | null;
  courseTitle: string;
  priceNok: number;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  onlineLink: string | null;
  sessionCancelled: boolean;
  orderReference: string | null;
};

/** A booking as an e-mail to its participant needs it: what its page shows, with who they are opened from the seals. */
export async function bookingForMail(db: DbOrTx, { bookingId }: { bookingId: string }): Promise<BookingForMail | undefined> {
  const view = await bookingById(db, { id: bookingId });
  if (!view) return undefined;
  const [sealed] = await db.select({ name: courseBookings.name, email: courseBookings.email, linkToken: courseBookings.linkToken }).from(courseBookings).where(eq(courseBookings.id, bookingId));
  if (!sealed) return undefined;
  const [order] = await db
    .select({ reference: courseOrders.reference })
    .from(courseOrders)
    .where(and(eq(courseOrders.bookingId, bookingId), inArray(courseOrders.status, ['invoice', 'reserved', 'captured'])));
  const { session } = view;
  return {
    id: view.id,
    status: view.status,
    payment: view.payment,
    holdUntil: view.holdUntil,
    name: openText(sealed.name, bookingAad(view.id, 'name')),
    email: openText(sealed.email, bookingAad(view.id, 'email')),
    token: openOptional(sealed.linkToken, bookingAad(view.id, 'link_token')),
    courseTitle: session.courseTitle,
    priceNok: session.priceNok,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    place: session.place,
    onlineLink: session.onlineLink,
    sessionCancelled: session.cancelled,
    orderReference: order?.reference ?? null,
  };
}

/** Confirmed seats of sessions that start within `withinHours` and have had no reminder. */
export async function remindersDue(db: DbOrTx, { now, withinHours, limit = 200 }: { now: Date; withinHours: number; limit?: number }): Promise<string[]> {
  const rows = await db
    .select({ id: courseBookings.id })
    .from(courseBookings)
    .innerJoin(courseSessions, eq(courseSessions.id, courseBookings.sessionId))
    .where(
      and(
        eq(courseBookings.status, 'confirmed'),
        isNull(courseBookings.remindedAt),
        isNull(courseSessions.cancelledAt),
        gt(courseSessions.startsAt, now),
        lte(courseSessions.startsAt, new Date(now.getTime() + withinHours * 3_600_000)),
      ),
    )
    .limit(limit);
  return rows.map((r) => r.id);
}

export async function markReminded(db: DbOrTx, { bookingId, now }: { bookingId: string; now: Date }): Promise<void> {
  await db.update(courseBookings).set({ remindedAt: now }).where(eq(courseBookings.id, bookingId));
}

/**
 * Vipps payments still reserved or charged for bookings that are cancelled (a cancelled date, a
 * whole course cancelled, or a settlement that failed before): to be released or paid back.
 */
export async function paymentsToSettle(db: DbOrTx, { limit = 100 }: { limit?: number } = {}): Promise<PaidOrder[]> {
  const rows = await db
    .select({ id: courseOrders.id, reference: courseOrders.reference, paymentReference: courseOrders.paymentReference, amountNok: courseOrders.amountNok, status: courseOrders.status })
    .from(courseOrders)
    .innerJoin(courseBookings, eq(courseBookings.id, courseOrders.bookingId))
    .where(and(eq(courseOrders.method, 'vipps'), inArray(courseOrders.status, ['reserved', 'captured']), eq(courseBookings.status, 'cancelled'), sql`${courseOrders.paymentReference} is not null`))
    .limit(limit);
  return rows.map((r) => ({ ...r, paymentReference: r.paymentReference! }));
}
