import { notFound } from 'next/navigation';
import { BackLink } from '@/components/staff/back-link';
import { getDb } from '@/db/client';
import { sessionForEdit } from '@/db/queries/course-session-admin';
import { requireStaff } from '@/lib/auth/staff-session';
import { appClock } from '@/lib/clock';
import { sessionTime } from '@/lib/courses/format';
import { sessionValues } from '@/lib/courses/session-form';
import { pageId } from '@/lib/staff/page-id';
import { SessionForm } from '../../../_components/session-form';
import { COURSE_EDITORS } from '../../../roles';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Endre kursdato' };

/** Changing a session that is still ahead and not cancelled. */
export default async function EditSessionPage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaff(COURSE_EDITORS);
  const id = await pageId(params);
  const now = appClock().now();
  const session = await sessionForEdit(await getDb(), { id, now });
  if (!session) notFound();
  const locked = session.cancelled ? 'Datoen er avlyst og kan ikke endres. Legg til en ny dato i stedet.' : session.startsAt <= now ? 'Datoen har vært og kan ikke endres.' : undefined;
  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href={`/staff/kurs/${session.courseId}`}>Tilbake til kurset</BackLink>
      <h1 className="text-3xl font-bold">Endre dato for «{session.courseTitle}»</h1>
      <p className="text-lg">{sessionTime(session)}</p>
      {locked ? <p className="font-semibold">{locked}</p> : <SessionForm target={{ id }} initial={sessionValues(session)} taken={session.taken} />}
    </div>
  );
}
