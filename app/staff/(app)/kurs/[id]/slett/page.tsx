import { notFound } from 'next/navigation';
import { BackLink } from '@/components/staff/back-link';
import { getDb } from '@/db/client';
import { courseForEdit } from '@/db/queries/course-admin';
import { requireStaff } from '@/lib/auth/staff-session';
import { pageId } from '@/lib/staff/page-id';
import { ConfirmForm } from '../../_components/confirm-form';
import { COURSE_EDITORS } from '../../roles';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Slette kurs' };

/** The confirmation step before a course is deleted; a course someone has booked cannot be. */
export default async function DeleteCoursePage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaff(COURSE_EDITORS);
  const id = await pageId(params);
  const course = await courseForEdit(await getDb(), { id });
  if (!course) notFound();
  const back = { href: `/staff/kurs/${id}`, text: 'Tilbake til kurset' };
  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href={back.href}>{back.text}</BackLink>
      <h1 className="text-3xl font-bold">Slette «{course.title}»?</h1>
      {course.bookings === 0 ? (
        <p className="rounded-lg border-2 border-notice-border bg-notice p-3 font-semibold">Kurset og alle datoene slettes for godt, og kurssiden forsvinner. Det kan ikke angres.</p>
      ) : (
        <p className="font-semibold">Noen har meldt seg på kurset, så det kan ikke slettes. Sett det til skjult eller avlyst i stedet.</p>
      )}
      <ConfirmForm kind="delete" id={id} active={course.bookings === 0} back={back} />
    </div>
  );
}
