import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, asc, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { courseBookings, courseOrders, courses, courseSessions, type BookingStatus, type PaymentMethod } from '@/db/schema';
import { orderDeleteAfter } from '@/lib/retention/course-orders';
import { openOptional, openText, sealOptional, sealText } from '@/lib/crypto/seal';
import { newReference } from '@/lib/inquiries/reference';

/**
 * Places on course sessions. Every change that takes or frees a seat locks the session's row
 * first, so sign-ups, cancellations and offers to the waiting list happen one at a time per
 * session, however many arrive at once: a session is never overbooked, and the waiting list
 * keeps its order (sign-up time, then id).
 */

/** How long a seat is kept while a buyer pays. */
export const PAYMENT_HOLD_MINUTES = 15;
/** How long a seat offered to the first on the waiting list is kept for them. */
export const OFFER_HOURS = 48;

export type NewBooking = {
  name: string;
  email: string;
  phone?: string;
  /** The answers to the course's own questions, by question id. */
  answers: Record<string, string>;
};

export type SignUpResult =
  | {
      ok: true;
      id: string;
      status: BookingStatus;
      payment: PaymentMethod;
      token: string;
      holdUntil: Date | null;
      orderReference?: string;
      session: BookedSession;
      /** The same form was sent before: this is that booking, and nothing new was made. */
      duplicate?: { paymentUrl: string | null };
    }
  | { ok: false; reason: 'not_found' | 'closed' | 'deadline_passed' | 'started' };

/** What the person is told of the session they signed up for; the meeting link only with a seat. */
export type BookedSession = { courseTitle: string; startsAt: Date; endsAt: Date; place: string | null; onlineLink: string | null; priceNok: number };

export const bookingAad = (id: string, column: string) => `course_bookings:${id}:${column}`;
const bookingTokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A seat is taken by a confirmed booking, and by a held or offered one whose time has not run out. */
const takesSeat = (now: Date) =>
  or(eq(courseBookings.status, 'confirmed'), and(inArray(courseBookings.status, ['held', 'offered']), gt(courseBookings.holdUntil, now)));

/** The session's row, locked for the rest of the transaction, with what a sign-up needs of its course. */
export async function lockSession(tx: DbOrTx, sessionId: string) {
  const [row] = await tx
    .select({
      id: courseSessions.id,
      capacity: courseSessions.capacity,
      startsAt: courseSessions.startsAt,
      endsAt: courseSessions.endsAt,
      place: courseSessions.place,
      onlineLink: courseSessions.onlineLink,
      signupDeadline: courseSessions.signupDeadline,
      cancelledAt: courseSessions.cancelledAt,
      courseStatus: courses.status,
      courseTitle: courses.title,
      priceNok: courses.priceNok,
    })
    .from(courseSessions)
    .innerJoin(courses, eq(courses.id, courseSessions.courseId))
    .where(eq(courseSessions.id, sessionId))
    .for('update', { of: courseSessions });
  return row;
}

export async function seatsTaken(tx: DbOrTx, sessionId: string, now: Date): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(courseBookings)
    .where(and(eq(courseBookings.sessionId, sessionId), takesSeat(now)));
  return row?.n ?? 0;
}

/**
 * Signs a person up for a session: a seat when one is free (confirmed for a free course, held
 * for PAYMENT_HOLD_MINUTES for a paid one), or a place on the waiting list when it is full.
 * `paidWith` says how a paid course is paid: by Vipps (the seat is held) or invoice (confirmed).
 */
export async function signUp(
  db: DbOrTx,
  {
    sessionId,
    person,
    privacyVersion,
    paidWith,
    submission,
    now,
  }: { sessionId: string; person: NewBooking; privacyVersion: number; paidWith: 'vipps' | 'invoice'; submission?: string; now: Date },
): Promise<SignUpResult> {
  const id = submission ? submissionBookingId(submission, person) : randomUUID();
  const token = randomBytes(32).toString('base64url');
  return db.transaction(async (tx) => {
    const session = await lockSession(tx, sessionId);
    if (!session || session.courseStatus === 'hidden') return { ok: false, reason: 'not_found' } as const;
    // The same form sent twice (a double click without JavaScript, a retry after a lost answer):
    // under the session's lock, the first one's booking is found and answered again.
    const earlier = submission ? await earlierBooking(tx, id, session) : undefined;
    if (earlier) return earlier;
    if (session.cancelledAt || session.courseStatus === 'cancelled') return { ok: false, reason: 'closed' } as const;
    if (now >= session.startsAt) return { ok: false, reason: 'started' } as const;
    if (now >= session.signupDeadline) return { ok: false, reason: 'deadline_passed' } as const;

    const payment: PaymentMethod = session.priceNok === 0 ? 'free' : paidWith;
    const free = (await seatsTaken(tx, sessionId, now)) < session.capacity;
    const status: BookingStatus = !free ? 'waiting' : payment === 'vipps' ? 'held' : 'confirmed';
    const holdUntil = status === 'held' ? new Date(now.getTime() + PAYMENT_HOLD_MINUTES * 60_000) : null;
    const seal = (column: string, value: string) => sealText(value, bookingAad(id, column));
    await tx.insert(courseBookings).values({
      id,
      sessionId,
      status,
      payment,
      name: seal('name', person.name),
      email: seal('email', person.email),
      phone: sealOptional(person.phone || null, bookingAad(id, 'phone')),
      answers: Object.keys(person.answers).length ? seal('answers', JSON.stringify(person.answers)) : null,
      privacyVersion,
      tokenHash: bookingTokenHash(token),
      linkToken: seal('link_token', token),
      createdAt: now,
      holdUntil,
    });
    // A seat on an invoice is a sale: its accounting record is written now, apart from the booking.
    const orderReference = status === 'confirmed' && payment === 'invoice' ? await writeOrder(tx, { bookingId: id, person, session, method: 'invoice', now }) : undefined;
    const booked: BookedSession = {
      courseTitle: session.courseTitle,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      place: session.place,
      onlineLink: status === 'confirmed' ? session.onlineLink : null,
      priceNok: session.priceNok,
    };
    return { ok: true, id, status, payment, token, holdUntil, orderReference, session: booked } as const;
  });
}

/**
 * The booking id of a form sent with its random key: the same key, e-mail and name give the same
 * id, so a second send is the same booking, while another person signed up with the same copy of
 * the page (a family, one after the other) is a booking of their own.
 */
function submissionBookingId(submission: string, person: Pick<NewBooking, 'name' | 'email'>): string {
  const h = createHash('sha256').update(`course-signup\n${submission}\n${person.email.trim().toLowerCase()}\n${person.name.trim()}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x80; // version 8: a custom UUID
  h[8] = (h[8]! & 0x3f) | 0x80; // the RFC 9562 variant
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

async function earlierBooking(tx: DbOrTx, id: string, session: NonNullable<Awaited<ReturnType<typeof lockSession>>>): Promise<SignUpResult | undefined> {
  const [row] = await tx
    .select({ status: courseBookings.status, payment: courseBookings.payment, holdUntil: courseBookings.holdUntil, linkToken: courseBookings.linkToken, paymentUrl: courseBookings.paymentUrl })
    .from(courseBookings)
    .where(eq(courseBookings.id, id));
  const token = row ? openOptional(row.linkToken, bookingAad(id, 'link_token')) : null;
  if (!row || !token) return undefined;
  const [order] = await tx.select({ reference: courseOrders.reference }).from(courseOrders).where(eq(courseOrders.bookingId, id));
  return {
    ok: true,
    id,
    status: row.status,
    payment: row.payment,
    token,
    holdUntil: row.holdUntil,
    orderReference: order?.reference,
    session: {
      courseTitle: session.courseTitle,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      place: session.place,
      onlineLink: row.status === 'confirmed' ? session.onlineLink : null,
      priceNok: session.priceNok,
    },
    duplicate: { paymentUrl: row.paymentUrl },
  };
}

/** The accounting record of a sale (bokføringsloven § 13), kept to the end of the fifth year after its financial year. */
export async function writeOrder(
  tx: DbOrTx,
  {
    bookingId,
    person,
    session,
    method,
    paymentReference,
    now,
  }: { bookingId: string; person: Pick<NewBooking, 'name' | 'email'>; session: { startsAt: Date; courseTitle: string; priceNok: number }; method: 'vipps' | 'invoice'; paymentReference?: string; now: Date },
): Promise<string> {
  const id = randomUUID();
  const reference = newReference();
  const seal = (column: string, value: string) => sealText(value, `course_orders:${id}:${column}`);
  await tx.insert(courseOrders).values({
    id,
    reference,
    bookingId,
    soldAt: now,
    courseTitle: session.courseTitle,
    sessionStartsAt: session.startsAt,
    amountNok: session.priceNok,
    method,
    name: seal('name', person.name),
    email: seal('email', person.email),
    paymentReference: paymentReference ?? null,
    status: method === 'invoice' ? 'invoice' : 'reserved',
    deleteAfter: orderDeleteAfter(now),
  });
  return reference;
}

/**
 * Offers every free seat of a session to the first on its waiting list, in order, each for
 * OFFER_HOURS. Call it in a transaction that holds the session's lock. Returns the ids offered.
 */
export async function offerFreeSeats(tx: DbOrTx, sessionId: string, capacity: number, now: Date): Promise<string[]> {
  const free = capacity - (await seatsTaken(tx, sessionId, now));
  if (free <= 0) return [];
  const next = await tx
    .select({ id: courseBookings.id })
    .from(courseBookings)
    .where(and(eq(courseBookings.sessionId, sessionId), eq(courseBookings.status, 'waiting')))
    .orderBy(asc(courseBookings.createdAt), asc(courseBookings.id))
    .limit(free);
  if (next.length === 0) return [];
  const ids = next.map((r) => r.id);
  await tx
    .update(courseBookings)
    .set({ status: 'offered', holdUntil: new Date(now.getTime() + OFFER_HOURS * 3_600_000) })
    .where(inArray(courseBookings.id, ids));
  return ids;
}

/**
 * Cancels a booking (a seat or a place in the queue) and offers the seats that are then free
 * to the waiting list. Returns the ids of the bookings now offered a seat, or undefined when
 * there was nothing to cancel.
 */
export async function cancelBooking(db: DbOrTx, { id, now }: { id: string; now: Date }): Promise<{ offered: string[] } | undefined> {
  return db.transaction(async (tx) => {
    const [booking] = await tx.select({ sessionId: courseBookings.sessionId, status: courseBookings.status }).from(courseBookings).where(eq(courseBookings.id, id));
    if (!booking || booking.status === 'cancelled') return undefined;
    const session = await lockSession(tx, booking.sessionId);
    if (!session) return undefined;
    const rows = await tx
      .update(courseBookings)
      .set({ status: 'cancelled', cancelledAt: now, holdUntil: null })
      .where(and(eq(courseBookings.id, id), sql`${courseBookings.status} <> 'cancelled'`))
      .returning({ id: courseBookings.id });
    if (rows.length === 0) return undefined;
    const offered = session.cancelledAt ? [] : await offerFreeSeats(tx, booking.sessionId, session.capacity, now);
    return { offered };
  });
}

/** How many seats a session has left, for its page. */
export async function seatsLeft(db: DbOrTx, { sessionId, capacity, now }: { sessionId: string; capacity: number; now: Date }): Promise<number> {
  return Math.max(0, capacity - (await seatsTaken(db, sessionId, now)));
}

export type BookingView = {
  id: string;
  status: BookingStatus;
  payment: PaymentMethod;
  holdUntil: Date | null;
  /** Where to pay for a held seat, and the payment's reference. */
  paymentUrl: string | null;
  paymentReference: string | null;
  session: BookedSession & { id: string; cancelDeadline: Date; cancelled: boolean };
  courseSlug: string;
};

/** The booking a participant's link points at, by the token in it; undefined for an unknown or deleted one. */
export function bookingByToken(db: DbOrTx, { token }: { token: string }): Promise<BookingView | undefined> {
  return bookingView(db, eq(courseBookings.tokenHash, bookingTokenHash(token)));
}

/** A booking by its id, as its page shows it (for the e-mails about it). */
export function bookingById(db: DbOrTx, { id }: { id: string }): Promise<BookingView | undefined> {
  return bookingView(db, eq(courseBookings.id, id));
}

/** The booking a Vipps payment belongs to, for the buyer's return from Vipps. */
export function bookingByPaymentReference(db: DbOrTx, { reference }: { reference: string }): Promise<BookingView | undefined> {
  return bookingView(db, eq(courseBookings.paymentReference, reference));
}

async function bookingView(db: DbOrTx, where: SQL): Promise<BookingView | undefined> {
  const [row] = await db
    .select({
      id: courseBookings.id,
      status: courseBookings.status,
      payment: courseBookings.payment,
      holdUntil: courseBookings.holdUntil,
      paymentUrl: courseBookings.paymentUrl,
      paymentReference: courseBookings.paymentReference,
      sessionId: courseSessions.id,
      startsAt: courseSessions.startsAt,
      endsAt: courseSessions.endsAt,
      place: courseSessions.place,
      onlineLink: courseSessions.onlineLink,
      cancelDeadline: courseSessions.cancelDeadline,
      cancelledAt: courseSessions.cancelledAt,
      courseTitle: courses.title,
      courseSlug: courses.slug,
      priceNok: courses.priceNok,
    })
    .from(courseBookings)
    .innerJoin(courseSessions, eq(courseSessions.id, courseBookings.sessionId))
    .innerJoin(courses, eq(courses.id, courseSessions.courseId))
    .where(where);
  if (!row) return undefined;
  return {
    id: row.id,
    status: row.status,
    payment: row.payment,
    holdUntil: row.holdUntil,
    paymentUrl: row.paymentUrl,
    paymentReference: row.paymentReference,
    courseSlug: row.courseSlug,
    session: {
      id: row.sessionId,
      courseTitle: row.courseTitle,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      place: row.place,
      onlineLink: row.status === 'confirmed' ? row.onlineLink : null,
      priceNok: row.priceNok,
      cancelDeadline: row.cancelDeadline,
      cancelled: row.cancelledAt !== null,
    },
  };
}

export type CancelOutcome =
  | { ok: true; offered: string[] }
  | { ok: false; reason: 'not_found' | 'already' | 'too_late' | 'payment_failed' };

/**
 * A participant gives up their booking through their link: a seat before the session's
 * cancellation deadline (an order on an invoice is then cancelled: nothing is owed), a place in
 * the queue at any time before the session. The seat is offered to the waiting list.
 * `settle` runs once the rules allow the cancellation and before anything changes (a payment
 * released or paid back); when it says no, nothing changes (`payment_failed`).
 */
export async function cancelByToken(
  db: DbOrTx,
  { token, now, settle }: { token: string; now: Date; settle?: (booking: BookingView) => Promise<boolean> },
): Promise<CancelOutcome> {
  const booking = await bookingByToken(db, { token });
  if (!booking) return { ok: false, reason: 'not_found' };
  if (booking.status === 'cancelled') return { ok: false, reason: 'already' };
  const holdsSeat = booking.status !== 'waiting';
  if ((holdsSeat && now >= booking.session.cancelDeadline) || now >= booking.session.startsAt) return { ok: false, reason: 'too_late' };
  if (settle && !(await settle(booking))) return { ok: false, reason: 'payment_failed' };
  return db.transaction(async (tx) => {
    const done = await cancelBooking(tx, { id: booking.id, now });
    if (!done) return { ok: false, reason: 'already' } as const;
    // Nothing is owed: an invoice is not sent, a reservation was released, a captured amount
    // was paid back (`settle` did that with the payment provider).
    await tx.update(courseOrders).set({ status: 'cancelled' }).where(and(eq(courseOrders.bookingId, booking.id), inArray(courseOrders.status, ['invoice', 'reserved'])));
    await tx.update(courseOrders).set({ status: 'refunded' }).where(and(eq(courseOrders.bookingId, booking.id), eq(courseOrders.status, 'captured')));
    return { ok: true, offered: done.offered } as const;
  });
}

/**
 * The first in the queue takes the seat offered to them, while the offer stands: confirmed at
 * once for a free course or on an invoice (its order is written then, the moment of the sale).
 * With Vipps, the caller has started a payment first (`payment`): the seat is then held for
 * PAYMENT_HOLD_MINUTES while they pay, as at sign-up.
 */
export async function acceptOffer(
  db: DbOrTx,
  { token, now, payment }: { token: string; now: Date; payment?: { reference: string; url: string } },
): Promise<{ ok: true; status: 'confirmed' | 'held'; orderReference?: string } | { ok: false; reason: 'not_found' | 'expired' }> {
  const booking = await bookingByToken(db, { token });
  if (!booking || booking.status !== 'offered') return { ok: false, reason: 'not_found' };
  if (!booking.holdUntil || booking.holdUntil <= now) return { ok: false, reason: 'expired' };
  const held = booking.payment === 'vipps';
  if (held && !payment) return { ok: false, reason: 'not_found' };
  return db.transaction(async (tx) => {
    const session = await lockSession(tx, booking.session.id);
    const [row] = await tx
      .update(courseBookings)
      .set(
        held
          ? { status: 'held', holdUntil: new Date(now.getTime() + PAYMENT_HOLD_MINUTES * 60_000), paymentReference: payment!.reference, paymentUrl: payment!.url }
          : { status: 'confirmed', holdUntil: null },
      )
      .where(and(eq(courseBookings.id, booking.id), eq(courseBookings.status, 'offered'), gt(courseBookings.holdUntil, now)))
      .returning({ name: courseBookings.name, email: courseBookings.email });
    if (!row || !session) return { ok: false, reason: 'expired' } as const;
    if (held) return { ok: true, status: 'held' } as const;
    if (booking.payment !== 'invoice') return { ok: true, status: 'confirmed' } as const;
    const person = { name: openText(row.name, bookingAad(booking.id, 'name')), email: openText(row.email, bookingAad(booking.id, 'email')) };
    return { ok: true, status: 'confirmed', orderReference: await writeOrder(tx, { bookingId: booking.id, person, session, method: 'invoice', now }) } as const;
  });
}
