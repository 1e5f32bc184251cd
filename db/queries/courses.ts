import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { courseBookings, courses, courseSessions, type Course, type CourseSession } from '@/db/schema';

/**
 * The public catalogue: published courses with the sessions still ahead, and the seats each
 * has left. A cancelled session ahead is shown as cancelled, and a cancelled course keeps its
 * page to say so; a hidden course has none. The meeting link of an online session is never
 * read here: it goes to participants only, in their confirmation.
 */
type PublicSession = Omit<CourseSession, 'onlineLink' | 'courseId' | 'cancelledAt'> & { online: boolean; seatsLeft: number; open: boolean; cancelled: boolean };
export type PublicCourse = Omit<Course, 'createdAt' | 'updatedAt' | 'status'> & { cancelled: boolean; sessions: PublicSession[] };

async function upcomingSessions(db: DbOrTx, courseIds: string[], now: Date): Promise<Map<string, PublicSession[]>> {
  const byCourse = new Map<string, PublicSession[]>();
  if (courseIds.length === 0) return byCourse;
  // A seat is taken by a confirmed booking, and by a held or offered one whose time has not run out.
  const taken = sql<number>`(select count(*)::int from ${courseBookings} b where b.session_id = ${courseSessions.id}
    and (b.status = 'confirmed' or (b.status in ('held', 'offered') and b.hold_until > ${now.toISOString()}::timestamptz)))`.mapWith(Number);
  const rows = await db
    .select({
      id: courseSessions.id,
      courseId: courseSessions.courseId,
      startsAt: courseSessions.startsAt,
      endsAt: courseSessions.endsAt,
      place: courseSessions.place,
      online: sql<boolean>`${courseSessions.place} is null`.mapWith(Boolean),
      capacity: courseSessions.capacity,
      signupDeadline: courseSessions.signupDeadline,
      cancelDeadline: courseSessions.cancelDeadline,
      cancelled: sql<boolean>`${courseSessions.cancelledAt} is not null`.mapWith(Boolean),
      taken,
    })
    .from(courseSessions)
    .where(and(inArray(courseSessions.courseId, courseIds), gt(courseSessions.startsAt, now)))
    .orderBy(asc(courseSessions.startsAt), asc(courseSessions.id));
  for (const { courseId, taken: n, ...s } of rows) {
    const list = byCourse.get(courseId) ?? [];
    list.push({ ...s, seatsLeft: Math.max(0, s.capacity - n), open: !s.cancelled && now < s.signupDeadline });
    byCourse.set(courseId, list);
  }
  return byCourse;
}

const publicColumns = {
  id: courses.id,
  slug: courses.slug,
  title: courses.title,
  summary: courses.summary,
  description: courses.description,
  section: courses.section,
  tags: courses.tags,
  priceNok: courses.priceNok,
  questions: courses.questions,
  isExample: courses.isExample,
};

/** Published courses that have a session ahead that is not cancelled, soonest first, with those sessions; `section` narrows them to one section. */
export async function listUpcomingCourses(db: DbOrTx, { now, section }: { now: Date; section?: string }): Promise<PublicCourse[]> {
  const list = await db
    .select(publicColumns)
    .from(courses)
    .where(and(eq(courses.status, 'published'), section ? eq(courses.section, section) : undefined));
  const sessions = await upcomingSessions(
    db,
    list.map((c) => c.id),
    now,
  );
  return list
    .map((c) => ({ ...c, cancelled: false, sessions: (sessions.get(c.id) ?? []).filter((s) => !s.cancelled) }))
    .filter((c) => c.sessions.length > 0)
    .sort((a, b) => a.sessions[0]!.startsAt.getTime() - b.sessions[0]!.startsAt.getTime() || a.title.localeCompare(b.title, 'nb'));
}

/** A published or cancelled course by its address, with its sessions ahead (none, when all are past); a hidden one is undefined. */
export async function publicCourse(db: DbOrTx, { slug, now }: { slug: string; now: Date }): Promise<PublicCourse | undefined> {
  const [row] = await db
    .select({ ...publicColumns, status: courses.status })
    .from(courses)
    .where(and(eq(courses.slug, slug), inArray(courses.status, ['published', 'cancelled'])));
  if (!row) return undefined;
  const { status, ...course } = row;
  return { ...course, cancelled: status === 'cancelled', sessions: (await upcomingSessions(db, [course.id], now)).get(course.id) ?? [] };
}

/** The questions a course asks on sign-up, found by one of its sessions; undefined when there is no such course or it is hidden. A cancelled one answers, so its sign-up is refused as cancelled. */
export async function courseQuestions(db: DbOrTx, { sessionId }: { sessionId: string }): Promise<Course['questions'] | undefined> {
  const [row] = await db
    .select({ questions: courses.questions })
    .from(courseSessions)
    .innerJoin(courses, eq(courses.id, courseSessions.courseId))
    .where(and(eq(courseSessions.id, sessionId), inArray(courses.status, ['published', 'cancelled'])));
  return row?.questions;
}
