import { BOM, csvLine as line } from '@/lib/csv';
import { formatDateTime } from '@/lib/dates';
import type { SessionParticipants } from '@/db/queries/course-staff';
import { sessionTime } from './format';
import { participantStatus } from './status-labels';


/**
 * A session's participant list for the course leader, as the page shows it: semicolons and a
 * byte-order mark, so Excel set up for Norway opens it with æøå and the columns in place.
 */
export function participantsCsv({ session, course, participants }: SessionParticipants): string {
  const questions = course.questions.map((q) => q.label);
  const lines = [
    line([course.title]),
    line([sessionTime(session)]),
    line(['Navn', 'E-post', 'Telefon', 'Status', 'Ordrenummer', 'Påmeldt', 'Møtte', ...questions]),
    ...participants.map((p) =>
      line([
        p.name,
        p.email,
        p.phone ?? '',
        participantStatus(p.status, p.order),
        p.order?.reference ?? '',
        formatDateTime(p.signedUpAt),
        p.attended === null ? '' : p.attended ? 'Ja' : 'Nei',
        ...course.questions.map((q) => p.answers.find((a) => a.question === q.label)?.answer ?? ''),
      ]),
    ),
  ];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export function participantsFileName(course: { slug: string }, session: { startsAt: Date }): string {
  return `deltakere-${course.slug}-${session.startsAt.toISOString().slice(0, 10)}.csv`;
}
