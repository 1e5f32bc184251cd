import { notFound } from 'next/navigation';
import { BackLink } from '@/components/staff/back-link';
import { getDb } from '@/db/client';
import { courseForEdit } from '@/db/queries/course-admin';
import { requireStaff } from '@/lib/auth/staff-session';
import { pageId } from '@/lib/staff/page-id';
import { SessionForm } from '../../_components/session-form';
import { COURSE_EDITORS } from '../../roles';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Ny kursdato' };

/** A new session of a course. */
export default async function NewSessionPage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaff(COURSE_EDITORS);
  const id = await pageId(params);
  const course = await courseForEdit(await getDb(), { id });
  if (!course) notFound();
  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href={`/staff/kurs/${id}`}>Tilbake til kurset</BackLink>
      <h1 className="text-3xl font-bold">Ny dato for «{course.title}»</h1>
      {course.status === 'cancelled' ? (
        <p>Kurset er avlyst. Sett det til publisert eller skjult før du legger til en dato.</p>
      ) : (
        <SessionForm target={{ course: id }} initial={{ mode: 'sted' }} />
      )}
    </div>
  );
}
