import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { signUp } from '@/db/queries/course-bookings';
import { sessionParticipants, setAttendance, staffCourseList } from '@/db/queries/course-staff';
import { courses, courseSessions } from '@/db/schema';
import { databaseTargets } from '@/test/database-targets';

const now = new Date('2027-03-01T10:00:00Z');

describe.each(databaseTargets())('course staff reads on $name', (target) => {
  beforeAll(target.open, 180_000);
  afterAll(target.close);

  it('opens the participants in order (seats, then the queue), marks attendance on seats only, and counts them per status', async () => {
    const db = await getDb();
    const [course] = await db
      .insert(courses)
      .values({ slug: 'stab', title: 'Kurs for stab', summary: 'Et kurs.', description: 'Om kurset.', status: 'published', questions: [{ id: 'mat', label: 'Mat?', required: false, multiline: false }], createdAt: now, updatedAt: now })
      .returning({ id: courses.id });
    const [s] = await db
      .insert(courseSessions)
      .values({ courseId: course!.id, startsAt: new Date('2027-03-08T17:00:00Z'), endsAt: new Date('2027-03-08T19:00:00Z'), place: 'Kurslokalet', capacity: 2, signupDeadline: new Date('2027-03-07T12:00:00Z'), cancelDeadline: new Date('2027-03-06T12:00:00Z') })
      .returning({ id: courseSessions.id });
    const ids: string[] = [];
    for (const [i, name] of ['Anne', 'Bjørn', 'Cecilie'].entries()) {
      const r = await signUp(db, { sessionId: s!.id, person: { name, email: `${name.toLowerCase()}@example.org`, answers: i === 0 ? { mat: 'Vegetar', ukjent: 'dropped' } : {} }, privacyVersion: 1, paidWith: 'invoice', now: new Date(now.getTime() + i) });
      if (r.ok) ids.push(r.id);
    }
    const found = await sessionParticipants(db, { sessionId: s!.id });
    expect(found?.participants.map((p) => [p.name, p.status, p.answers])).toEqual([
      ['Anne', 'confirmed', [{ question: 'Mat?', answer: 'Vegetar' }]],
      ['Bjørn', 'confirmed', []],
      ['Cecilie', 'waiting', []],
    ]);
    // Cecilie's id among the present changes nothing for her: only seats are marked.
    expect(await setAttendance(db, { sessionId: s!.id, present: [ids[0]!, ids[2]!] })).toBe(2);
    const after = await sessionParticipants(db, { sessionId: s!.id });
    expect(after?.participants.map((p) => p.attended)).toEqual([true, false, null]);
    const listed = (await staffCourseList(db, { now })).find((c) => c.slug === 'stab');
    expect(listed?.sessions[0]?.counts).toEqual({ confirmed: 2, waiting: 1 });
  });
});
