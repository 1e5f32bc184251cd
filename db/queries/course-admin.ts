import 'server-only';
import { and, asc, count, desc, eq, gt, inArray, isNull, ne } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { lockSession } from '@/db/queries/course-bookings';
import { courseBookings, courseOrders, courses, courseSessions, type BookingStatus, type CourseQuestion, type CourseStatus, type OrderStatus, type PaymentMethod } from '@/db/schema';

/**
 * What course admins change in the catalogue: a course's text, price, questions and status,
 * deleting a course nobody has booked, and cancelling a session with everything booked on it.
 * Sessions themselves are added and changed in course-session-admin.ts.
 */

/** A course as the editor writes it; the form (lib/courses/course-form.ts) has checked every field. */
export type CourseInput = {
  slug: string;
  title: string;
  summary: string;
  description: string;
  section: string | null;
  tags: string[];
  priceNok: number;
  questions: CourseQuestion[];
  status: CourseStatus;
};

export type EditableCourse = CourseInput & { id: string; isExample: boolean; bookings: number };

/** A course as its editor opens it, with how many bookings it has (any status: a booked course is never deleted). */
export async function courseForEdit(db: DbOrTx, { id }: { id: string }): Promise<EditableCourse | undefined> {
  const [row] = await db
    .select({
      id: courses.id,
      slug: courses.slug,
      title: courses.title,
      summary: courses.summary,
      description: courses.description,
      section: courses.section,
      tags: courses.tags,
      priceNok: courses.priceNok,
      questions: courses.questions,
      status: courses.status,
      isExample: courses.isExample,
    })
    .from(courses)
    .where(eq(courses.id, id));
  if (!row) return undefined;
  return { ...row, bookings: await bookingCount(db, id) };
}

async function bookingCount(db: DbOrTx, courseId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(courseBookings)
    .innerJoin(courseSessions, eq(courseSessions.id, courseBookings.sessionId))
    .where(eq(courseSessions.courseId, courseId));
  return row?.n ?? 0;
}

async function slugTaken(db: DbOrTx, slug: string, exceptId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: courses.id })
    .from(courses)
    .where(and(eq(courses.slug, slug), exceptId ? ne(courses.id, exceptId) : undefined));
  return row !== undefined;
}

/** A new course. Its address must be free: another course's slug gives `slug_taken`. */
export async function createCourse(db: DbOrTx, { course, now }: { course: CourseInput; now: Date }): Promise<{ ok: true; id: string } | { ok: false; reason: 'slug_taken' }> {
  const [row] = await db
    .insert(courses)
    .values({ ...course, isExample: false, createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: courses.slug })
    .returning({ id: courses.id });
  return row ? { ok: true, id: row.id } : { ok: false, reason: 'slug_taken' };
}

export type CourseChange = { ok: true; cancelled: { sessionId: string; bookings: CancelledBooking[] }[] } | { ok: false; reason: 'not_found' | 'slug_taken' };

/**
 * Saves a course. Setting it to cancelled cancels each of its sessions still ahead, as
 * `cancelSession` does, and returns what each cancellation affected; sessions already started
 * are left as they were.
 */
export async function updateCourse(db: DbOrTx, { id, course, now }: { id: string; course: CourseInput; now: Date }): Promise<CourseChange> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ slug: courses.slug, status: courses.status }).from(courses).where(eq(courses.id, id)).for('update');
    if (!before) return { ok: false, reason: 'not_found' } as const;
    if (course.slug !== before.slug && (await slugTaken(tx, course.slug, id))) return { ok: false, reason: 'slug_taken' } as const;
    await tx
      .update(courses)
      .set({ ...course, updatedAt: now })
      .where(eq(courses.id, id));
    const cancelled: { sessionId: string; bookings: CancelledBooking[] }[] = [];
    if (course.status === 'cancelled') {
      const ahead = await tx
        .select({ id: courseSessions.id })
        .from(courseSessions)
        .where(and(eq(courseSessions.courseId, id), isNull(courseSessions.cancelledAt), gt(courseSessions.startsAt, now)))
        .orderBy(asc(courseSessions.id));
      for (const s of ahead) cancelled.push({ sessionId: s.id, bookings: (await cancelSession(tx, { sessionId: s.id, now })) ?? [] });
    }
    return { ok: true, cancelled } as const;
  });
}

/**
 * Deletes a course and its sessions, only while nobody has booked any of them (a booking of any
 * status; the purge removes old ones in time). The sessions are locked first, as a sign-up
 * locks them, so no booking can arrive between the count and the delete. Orders, the accounting
 * records, would survive anyway: they point at a booking with ON DELETE SET NULL.
 */
export async function deleteCourse(db: DbOrTx, { id }: { id: string }): Promise<{ ok: true } | { ok: false; reason: 'not_found' | 'has_bookings' }> {
  return db.transaction(async (tx) => {
    const [course] = await tx.select({ id: courses.id }).from(courses).where(eq(courses.id, id)).for('update');
    if (!course) return { ok: false, reason: 'not_found' } as const;
    await tx.select({ id: courseSessions.id }).from(courseSessions).where(eq(courseSessions.courseId, id)).orderBy(asc(courseSessions.id)).for('update');
    if ((await bookingCount(tx, id)) > 0) return { ok: false, reason: 'has_bookings' } as const;
    await tx.delete(courses).where(eq(courses.id, id));
    return { ok: true } as const;
  });
}

/** A booking that a cancelled session cancelled, with its order as it stands afterwards. */
export type CancelledBooking = {
  bookingId: string;
  payment: PaymentMethod;
  previousStatus: Exclude<BookingStatus, 'cancelled'>;
  order: { id: string; reference: string; status: OrderStatus; paymentReference: string | null } | null;
};

/**
 * Cancels a session: marks it cancelled and cancels every booking on it that is not cancelled
 * yet (seats, holds, offers and the waiting list), in one transaction that holds the session's
 * row lock, as every sign-up and cancellation does, so nothing is booked meanwhile. An order on
 * an invoice is cancelled with its booking: nothing is owed. Orders reserved or captured by a
 * payment provider are left as they are: the payment step (cancel or refund) decides those,
 * from the list returned. Returns the bookings it cancelled ([] when called again), or
 * undefined when there is no such session. Sends nothing: notices are the caller's.
 */
export async function cancelSession(db: DbOrTx, { sessionId, now }: { sessionId: string; now: Date }): Promise<CancelledBooking[] | undefined> {
  return db.transaction(async (tx) => {
    const session = await lockSession(tx, sessionId);
    if (!session) return undefined;
    if (!session.cancelledAt) await tx.update(courseSessions).set({ cancelledAt: now }).where(eq(courseSessions.id, sessionId));
    const open = await tx
      .select({ id: courseBookings.id, status: courseBookings.status, payment: courseBookings.payment })
      .from(courseBookings)
      .where(and(eq(courseBookings.sessionId, sessionId), ne(courseBookings.status, 'cancelled')))
      .orderBy(asc(courseBookings.createdAt), asc(courseBookings.id))
      .for('update');
    if (open.length === 0) return [];
    const ids = open.map((b) => b.id);
    await tx.update(courseBookings).set({ status: 'cancelled', cancelledAt: now, holdUntil: null }).where(inArray(courseBookings.id, ids));
    await tx
      .update(courseOrders)
      .set({ status: 'cancelled' })
      .where(and(inArray(courseOrders.bookingId, ids), eq(courseOrders.status, 'invoice')));
    const orders = await tx
      .select({ id: courseOrders.id, bookingId: courseOrders.bookingId, reference: courseOrders.reference, status: courseOrders.status, paymentReference: courseOrders.paymentReference })
      .from(courseOrders)
      .where(inArray(courseOrders.bookingId, ids))
      .orderBy(desc(courseOrders.soldAt), desc(courseOrders.id));
    return open.map((b) => {
      // The newest order of a booking is the one that counts; a booking normally has one.
      const order = orders.find((o) => o.bookingId === b.id);
      return {
        bookingId: b.id,
        payment: b.payment,
        previousStatus: b.status as Exclude<BookingStatus, 'cancelled'>,
        order: order ? { id: order.id, reference: order.reference, status: order.status, paymentReference: order.paymentReference } : null,
      };
    });
  });
}
