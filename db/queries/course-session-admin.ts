import 'server-only';
import { and, asc, count, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { lockSession, offerFreeSeats, seatsTaken } from '@/db/queries/course-bookings';
import { courseBookings, courses, courseSessions } from '@/db/schema';

/**
 * Adding and changing a course's sessions (cancelling one is `cancelSession` in course-admin.ts).
 * A change locks the session's row, as every sign-up does, so the seats counted against a new
 * capacity cannot change while it is saved.
 */

/** A session as the editor writes it; the form (lib/courses/session-form.ts) has checked every field. */
export type SessionInput = {
  startsAt: Date;
  endsAt: Date;
  /** Where; null for a session held online, which has a link instead. */
  place: string | null;
  onlineLink: string | null;
  capacity: number;
  signupDeadline: Date;
  cancelDeadline: Date;
};

export type EditableSession = SessionInput & {
  id: string;
  courseId: string;
  courseTitle: string;
  cancelled: boolean;
  /** Seats taken now, the least the capacity may be set to. */
  taken: number;
  /** Bookings that a cancellation would cancel: seats, holds, offers and the waiting list. */
  active: number;
};

export async function sessionForEdit(db: DbOrTx, { id, now }: { id: string; now: Date }): Promise<EditableSession | undefined> {
  const [row] = await db
    .select({
      id: courseSessions.id,
      courseId: courseSessions.courseId,
      courseTitle: courses.title,
      startsAt: courseSessions.startsAt,
      endsAt: courseSessions.endsAt,
      place: courseSessions.place,
      onlineLink: courseSessions.onlineLink,
      capacity: courseSessions.capacity,
      signupDeadline: courseSessions.signupDeadline,
      cancelDeadline: courseSessions.cancelDeadline,
      cancelledAt: courseSessions.cancelledAt,
    })
    .from(courseSessions)
    .innerJoin(courses, eq(courses.id, courseSessions.courseId))
    .where(eq(courseSessions.id, id));
  if (!row) return undefined;
  const [active] = await db
    .select({ n: count() })
    .from(courseBookings)
    .where(and(eq(courseBookings.sessionId, id), ne(courseBookings.status, 'cancelled')));
  const { cancelledAt, ...session } = row;
  return { ...session, cancelled: cancelledAt !== null, taken: await seatsTaken(db, id, now), active: active?.n ?? 0 };
}

/** A course's sessions, every one of them, for its editor: soonest first. */
export async function courseSessionList(db: DbOrTx, { courseId }: { courseId: string }) {
  return db
    .select({ id: courseSessions.id, startsAt: courseSessions.startsAt, endsAt: courseSessions.endsAt, place: courseSessions.place, capacity: courseSessions.capacity, cancelledAt: courseSessions.cancelledAt })
    .from(courseSessions)
    .where(eq(courseSessions.courseId, courseId))
    .orderBy(asc(courseSessions.startsAt), asc(courseSessions.id));
}

/** A new session of a course; none is added to a cancelled course. */
export async function createSession(db: DbOrTx, { courseId, session }: { courseId: string; session: SessionInput }): Promise<{ ok: true; id: string } | { ok: false; reason: 'not_found' | 'course_cancelled' }> {
  return db.transaction(async (tx) => {
    const [course] = await tx.select({ status: courses.status }).from(courses).where(eq(courses.id, courseId)).for('share');
    if (!course) return { ok: false, reason: 'not_found' } as const;
    if (course.status === 'cancelled') return { ok: false, reason: 'course_cancelled' } as const;
    const [row] = await tx
      .insert(courseSessions)
      .values({ courseId, ...session })
      .returning({ id: courseSessions.id });
    return { ok: true, id: row!.id } as const;
  });
}

export type SessionChange = { ok: true; courseId: string; offered: string[] } | { ok: false; reason: 'not_found' | 'cancelled' } | { ok: false; reason: 'below_taken'; taken: number };

/**
 * Saves a session. Its capacity may not go below the seats taken now. Seats a larger capacity
 * frees go first to the waiting list, in its order, as when someone cancels, so a new sign-up
 * never passes the queue; returns the bookings offered a seat. A cancelled session stays as it is.
 */
export async function updateSession(db: DbOrTx, { id, session, now }: { id: string; session: SessionInput; now: Date }): Promise<SessionChange> {
  return db.transaction(async (tx) => {
    const locked = await lockSession(tx, id);
    if (!locked) return { ok: false, reason: 'not_found' } as const;
    if (locked.cancelledAt) return { ok: false, reason: 'cancelled' } as const;
    const taken = await seatsTaken(tx, id, now);
    if (session.capacity < taken) return { ok: false, reason: 'below_taken', taken } as const;
    const [row] = await tx.update(courseSessions).set(session).where(eq(courseSessions.id, id)).returning({ courseId: courseSessions.courseId });
    const offered = await offerFreeSeats(tx, id, session.capacity, now);
    return { ok: true, courseId: row!.courseId, offered } as const;
  });
}
