import { z } from 'zod';
import { sessionParticipants } from '@/db/queries/course-staff';
import { refuse } from '@/lib/actions/refusal';
import { participantsCsv, participantsFileName } from '@/lib/courses/participants-csv';
import { staffRoute } from '@/lib/staff/route';
import { COURSE_STAFF } from '../../../roles';

/**
 * A session's participant list as a CSV file for the course leader. The export's access-log
 * row is written in the same transaction before the file leaves; no cache may keep it.
 */
export const dynamic = 'force-dynamic';

export const GET = staffRoute({
  roles: COURSE_STAFF,
  params: z.object({ id: z.uuid() }),
  missing: 'Vi finner ikke kursdatoen.',
  answer: 'text',
  sameSiteOnly: 'Start nedlastingen fra deltakersiden.',
  event: 'course_participants_export',
  failed: 'Deltakerlisten kunne ikke lastes ned. Prøv igjen om litt.',
  run: async ({ db, params, audit }) => {
    const { id } = params;
    const found = await sessionParticipants(db, { sessionId: id });
    if (!found) throw refuse('not_found', 'Vi finner ikke kursdatoen.');
    await audit('course_participants_export', { type: 'course_session', id });
    return new Response(participantsCsv(found), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${participantsFileName(found.course, found.session)}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  },
});
