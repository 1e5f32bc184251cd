import Link from 'next/link';
import { z } from 'zod';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { logAccess } from '@/db/queries/audit';
import { sessionParticipants, type Participant } from '@/db/queries/course-staff';
import { DataTable } from '@/components/staff/data-table';
import { requireStaff } from '@/lib/auth/staff-session';
import { appClock } from '@/lib/clock';
import { sessionTime } from '@/lib/courses/format';
import { participantStatus } from '@/lib/courses/status-labels';
import { formatDateTime } from '@/lib/dates';
import { COURSE_STAFF } from '../../roles';
import { AttendanceForm } from './_components/attendance-form';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Deltakere' };

type Props = { params: Promise<{ id: string }> };

/** One session's participants, opened from their seals; each view is in the access log. */
export default async function SessionParticipantsPage({ params }: Props) {
  const who = await requireStaff(COURSE_STAFF);
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const db = await getDb();
  const found = await sessionParticipants(db, { sessionId: id });
  if (!found) notFound();
  await logAccess(db, { staffId: who.staffId, action: 'course_participants_view', objectType: 'course_session', objectId: id, now: appClock().now() });
  const { session, course, participants } = found;
  const confirmed = participants.filter((p) => p.status === 'confirmed');
  return (
    <div className="space-y-6">
      <p>
        <Link href="/staff/kurs" className="text-brand-dark underline">
          Alle kurs
        </Link>
      </p>
      <h1 className="text-3xl font-bold">{course.title}</h1>
      <p className="text-lg">
        {sessionTime(session)}, {session.place ?? 'digitalt'}
        {session.cancelled ? '. Denne datoen er avlyst' : ''}. {confirmed.length} av {session.capacity} plasser bekreftet.
      </p>
      <p>
        <a href={`/staff/kurs/okt/${session.id}/eksport`} className="text-brand-dark underline">
          Last ned deltakerlisten som CSV-fil (regneark)
        </a>
      </p>
      <DataTable<Participant>
        caption={`Deltakere på ${course.title}, ${sessionTime(session)}: bekreftede først, så venteliste i rekkefølge`}
        scrollRegion
        empty="Ingen har meldt seg på ennå."
        columns={[
          { header: 'Navn', cell: (p) => p.name },
          {
            header: 'Kontakt',
            cell: (p) => (
              <>
                <span className="block break-all">{p.email}</span>
                {p.phone ? <span className="block">{p.phone}</span> : null}
              </>
            ),
          },
          { header: 'Status', cell: (p) => participantStatus(p.status, p.order) + (p.order ? ` (${p.order.reference})` : '') },
          {
            header: 'Svar',
            cell: (p) =>
              p.answers.length ? (
                <dl>
                  {p.answers.map((a) => (
                    <div key={a.question}>
                      <dt className="text-sm text-muted">{a.question}</dt>
                      <dd className="whitespace-pre-line">{a.answer}</dd>
                    </div>
                  ))}
                </dl>
              ) : (
                '–'
              ),
          },
          { header: 'Påmeldt', cell: (p) => formatDateTime(p.signedUpAt), className: 'whitespace-nowrap' },
          { header: 'Møtte', cell: (p) => (p.attended === null ? '–' : p.attended ? 'Ja' : 'Nei') },
        ]}
        rows={participants}
        rowKey={(p) => p.id}
      />
      {confirmed.length > 0 ? (
        <section aria-labelledby="oppmote" className="space-y-3">
          <h2 id="oppmote" className="text-2xl font-semibold">
            Oppmøte
          </h2>
          <AttendanceForm sessionId={session.id} rows={confirmed.map((p) => ({ id: p.id, name: p.name, attended: p.attended }))} />
        </section>
      ) : null}
    </div>
  );
}
