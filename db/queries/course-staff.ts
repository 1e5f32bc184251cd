import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { bookingAad } from '@/db/queries/course-bookings';
import { courseBookings, courseOrders, courses, courseSessions, type BookingStatus, type CourseQuestion, type CourseStatus, type OrderStatus, type PaymentMethod } from '@/db/schema';
import { openOptional, openText } from '@/lib/crypto/seal';

/**
 * What course staff read: every course with its recent and coming sessions and how full they
 * are, and one session's participants, opened from their seals. Each read of participants is
 * logged by the caller (course_participants_view, course_participants_export).
 */
type StaffSessionSummary = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  capacity: number;
  cancelled: boolean;
  counts: Partial<Record<BookingStatus, number>>;
};
export type StaffCourse = { id: string; slug: string; title: string; status: CourseStatus; priceNok: number; isExample: boolean; sessions: StaffSessionSummary[] };

/** Sessions that ended more than this many days ago are left off the overview. */
const RECENT_DAYS = 60;

export async function staffCourseList(db: DbOrTx, { now }: { now: Date }): Promise<StaffCourse[]> {
  const list = await db
    .select({ id: courses.id, slug: courses.slug, title: courses.title, status: courses.status, priceNok: courses.priceNok, isExample: courses.isExample })
    .from(courses)
    .orderBy(asc(courses.title));
  if (list.length === 0) return [];
  const sessions = await db
    .select({ id: courseSessions.id, courseId: courseSessions.courseId, startsAt: courseSessions.startsAt, endsAt: courseSessions.endsAt, place: courseSessions.place, capacity: courseSessions.capacity, cancelledAt: courseSessions.cancelledAt })
    .from(courseSessions)
    .where(and(inArray(courseSessions.courseId, list.map((c) => c.id)), gte(courseSessions.endsAt, new Date(now.getTime() - RECENT_DAYS * 86_400_000))))
    .orderBy(asc(courseSessions.startsAt));
  const counts = sessions.length
    ? await db
        .select({ sessionId: courseBookings.sessionId, status: courseBookings.status, n: sql<number>`count(*)::int`.mapWith(Number) })
        .from(courseBookings)
        .where(inArray(courseBookings.sessionId, sessions.map((s) => s.id)))
        .groupBy(courseBookings.sessionId, courseBookings.status)
    : [];
  return list.map((c) => ({
    ...c,
    sessions: sessions
      .filter((s) => s.courseId === c.id)
      .map((s) => ({
        id: s.id,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        place: s.place,
        capacity: s.capacity,
        cancelled: s.cancelledAt !== null,
        counts: Object.fromEntries(counts.filter((r) => r.sessionId === s.id).map((r) => [r.status, r.n])),
      })),
  }));
}

export type Participant = {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  /** The answers by question, in the course's order; a question not answered is left out. */
  answers: { question: string; answer: string }[];
  status: BookingStatus;
  payment: PaymentMethod;
  order: { reference: string; status: OrderStatus } | null;
  attended: boolean | null;
  signedUpAt: Date;
  holdUntil: Date | null;
};

export type SessionParticipants = {
  session: { id: string; startsAt: Date; endsAt: Date; place: string | null; capacity: number; cancelled: boolean };
  course: { title: string; slug: string; priceNok: number; questions: CourseQuestion[] };
  participants: Participant[];
};

/** A session's participants, seats first, then the waiting list in its order, then the cancelled. */
export async function sessionParticipants(db: DbOrTx, { sessionId }: { sessionId: string }): Promise<SessionParticipants | undefined> {
  const [row] = await db
    .select({
      id: courseSessions.id,
      startsAt: courseSessions.startsAt,
      endsAt: courseSessions.endsAt,
      place: courseSessions.place,
      capacity: courseSessions.capacity,
      cancelledAt: courseSessions.cancelledAt,
      title: courses.title,
      slug: courses.slug,
      priceNok: courses.priceNok,
      questions: courses.questions,
    })
    .from(courseSessions)
    .innerJoin(courses, eq(courses.id, courseSessions.courseId))
    .where(eq(courseSessions.id, sessionId));
  if (!row) return undefined;
  const order = sql<number>`case ${courseBookings.status} when 'confirmed' then 0 when 'held' then 1 when 'offered' then 2 when 'waiting' then 3 else 4 end`;
  const bookings = await db
    .select({ booking: courseBookings, orderReference: courseOrders.reference, orderStatus: courseOrders.status })
    .from(courseBookings)
    .leftJoin(courseOrders, eq(courseOrders.bookingId, courseBookings.id))
    .where(eq(courseBookings.sessionId, sessionId))
    .orderBy(order, asc(courseBookings.createdAt), asc(courseBookings.id), desc(courseOrders.soldAt));
  const seen = new Set<string>();
  const participants: Participant[] = [];
  for (const { booking: b, orderReference, orderStatus } of bookings) {
    if (seen.has(b.id)) continue;
    seen.add(b.id);
    const open = (column: string, value: string) => openText(value, bookingAad(b.id, column));
    const answers = b.answers ? (JSON.parse(open('answers', b.answers)) as Record<string, string>) : {};
    participants.push({
      id: b.id,
      name: open('name', b.name),
      email: open('email', b.email),
      phone: openOptional(b.phone, bookingAad(b.id, 'phone')),
      answers: row.questions.flatMap((q) => (answers[q.id] ? [{ question: q.label, answer: answers[q.id]! }] : [])),
      status: b.status,
      payment: b.payment,
      order: orderReference && orderStatus ? { reference: orderReference, status: orderStatus } : null,
      attended: b.attended,
      signedUpAt: b.createdAt,
      holdUntil: b.holdUntil,
    });
  }
  const { title, slug, priceNok, questions, cancelledAt, ...session } = row;
  return { session: { ...session, cancelled: cancelledAt !== null }, course: { title, slug, priceNok, questions }, participants };
}

/** Marks who came: the confirmed participants in `present` attended, the other confirmed ones did not. */
export async function setAttendance(db: DbOrTx, { sessionId, present }: { sessionId: string; present: readonly string[] }): Promise<number> {
  const rows = await db
    .update(courseBookings)
    .set({ attended: present.length ? sql`${courseBookings.id} in (${sql.join(present.map((id) => sql`${id}::uuid`), sql`, `)})` : false })
    .where(and(eq(courseBookings.sessionId, sessionId), eq(courseBookings.status, 'confirmed')))
    .returning({ id: courseBookings.id });
  return rows.length;
}
