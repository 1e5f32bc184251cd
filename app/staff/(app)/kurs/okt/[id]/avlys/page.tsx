import { notFound } from 'next/navigation';
import { BackLink } from '@/components/staff/back-link';
import { getDb } from '@/db/client';
import { sessionForEdit } from '@/db/queries/course-session-admin';
import { requireStaff } from '@/lib/auth/staff-session';
import { appClock } from '@/lib/clock';
import { sessionTime } from '@/lib/courses/format';
import { env } from '@/lib/env';
import { pageId } from '@/lib/staff/page-id';
import { ConfirmForm } from '../../../_components/confirm-form';
import { COURSE_EDITORS } from '../../../roles';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Avlyse kursdato' };

/** The confirmation step before a session is cancelled, saying what it does to the bookings. */
export default async function CancelSessionPage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaff(COURSE_EDITORS);
  const id = await pageId(params);
  const session = await sessionForEdit(await getDb(), { id, now: appClock().now() });
  if (!session) notFound();
  const mail = Boolean(env().SMTP_URL?.trim());
  const back = { href: `/staff/kurs/${session.courseId}`, text: 'Tilbake til kurset' };
  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href={back.href}>{back.text}</BackLink>
      <h1 className="text-3xl font-bold">Avlyse datoen?</h1>
      <p className="text-lg">
        {session.courseTitle}, {sessionTime(session).toLowerCase()}, {session.place ?? 'digitalt'}.
      </p>
      {session.cancelled ? (
        <p className="font-semibold">Datoen er avlyst.</p>
      ) : (
        <div className="space-y-3">
          <p>
            {session.active === 0
              ? 'Ingen er påmeldt eller står på venteliste.'
              : `${session.active} ${session.active === 1 ? 'påmelding' : 'påmeldinger'} (plasser og venteliste) avbestilles. En faktura som ikke er betalt, kanselleres, og en betaling med Vipps oppheves eller refunderes.`}
          </p>
          <p className="rounded-lg border-2 border-notice-border bg-notice p-3 font-semibold">
            Datoen vises som avlyst på kurssiden, og ingen kan melde seg på den. Det kan ikke angres.{' '}
            {mail ? 'Deltakerne får beskjed på e-post.' : 'E-post er ikke satt opp: gi deltakerne beskjed selv.'}
          </p>
        </div>
      )}
      <ConfirmForm kind="cancel" id={id} active={!session.cancelled} back={back} />
    </div>
  );
}
