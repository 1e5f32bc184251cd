import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BackLink } from '@/components/staff/back-link';
import { getDb } from '@/db/client';
import { courseForEdit } from '@/db/queries/course-admin';
import { courseSessionList } from '@/db/queries/course-session-admin';
import { requireStaff } from '@/lib/auth/staff-session';
import { appClock } from '@/lib/clock';
import { courseValues } from '@/lib/courses/course-form';
import { sessionTime } from '@/lib/courses/format';
import { pageId } from '@/lib/staff/page-id';
import { CourseForm } from '../_components/course-form';
import { courseChoices } from '../_components/course-form-props';
import { COURSE_EDITORS } from '../roles';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Endre kurs' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const savedNotes: Record<string, string> = { kurs: 'Kurset er opprettet. Legg til datoene under.', dato: 'Datoen er lagt til.' };
const link = 'text-brand-dark underline';

/** One course's editor, its sessions (every one, with links to change or cancel them), and deleting it. */
export default async function EditCoursePage({ params, searchParams }: Props) {
  await requireStaff(COURSE_EDITORS);
  const id = await pageId(params);
  const db = await getDb();
  const course = await courseForEdit(db, { id });
  if (!course) notFound();
  const sessions = await courseSessionList(db, { courseId: id });
  const now = appClock().now();
  const saved = (await searchParams)['lagret'];
  const note = typeof saved === 'string' ? savedNotes[saved] : undefined;
  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href="/staff/kurs">Alle kurs</BackLink>
      <h1 className="text-3xl font-bold">{course.title}</h1>
      <div role="status">{note ? <p className="rounded-lg border-2 border-brand bg-brand-light p-3 font-semibold">{note}</p> : null}</div>
      <p>
        {course.status === 'published' ? (
          <Link href={`/kurs/${course.slug}`} className={link}>Se kurssiden</Link>
        ) : (
          'Kurset er ikke publisert, så kurssiden finnes ikke for publikum.'
        )}
        {course.isExample ? ' Dette er et eksempelkurs fra installasjonen. Slett det når dere har egne kurs.' : ''}
      </p>

      <section aria-labelledby="datoer" className="space-y-3">
        <h2 id="datoer" className="text-2xl font-semibold">Datoer</h2>
        {sessions.length === 0 ? <p>Kurset har ingen datoer ennå.</p> : null}
        <ul className="space-y-2">
          {sessions.map((s) => {
            const past = s.startsAt <= now;
            return (
              <li key={s.id} className="rounded-lg bg-white p-3">
                <Link href={`/staff/kurs/okt/${s.id}`} className={link}>{sessionTime(s)}</Link>
                {`, ${s.place ?? 'digitalt'}, ${s.capacity} plasser`}
                {s.cancelledAt ? ' (avlyst)' : past ? ' (har vært)' : null}
                {!s.cancelledAt && !past ? (
                  <span className="mt-1 flex flex-wrap gap-x-4">
                    <Link href={`/staff/kurs/okt/${s.id}/endre`} className={link}>
                      Endre<span className="sr-only"> datoen {sessionTime(s)}</span>
                    </Link>
                    <Link href={`/staff/kurs/okt/${s.id}/avlys`} className={link}>
                      Avlys<span className="sr-only"> datoen {sessionTime(s)}</span>
                    </Link>
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
        {course.status === 'cancelled' ? (
          <p>Kurset er avlyst. Sett det til publisert eller skjult for å legge til nye datoer.</p>
        ) : (
          <p>
            <Link href={`/staff/kurs/${id}/ny-dato`} className={link}>Legg til en dato</Link>
          </p>
        )}
      </section>

      <section aria-labelledby="om-kurset" className="space-y-3">
        <h2 id="om-kurset" className="text-2xl font-semibold">Om kurset</h2>
        <CourseForm courseId={id} initial={courseValues(course)} questionIds={course.questions.map((q) => q.id)} savedStatus={course.status} {...courseChoices()} />
      </section>

      <section aria-labelledby="slette" className="space-y-2">
        <h2 id="slette" className="text-2xl font-semibold">Slette kurset</h2>
        {course.bookings === 0 ? (
          <p>
            Ingen har meldt seg på kurset, så det kan slettes med alle datoene.{' '}
            <Link href={`/staff/kurs/${id}/slett`} className={link}>Slett kurset</Link>
          </p>
        ) : (
          <p>Kurset har påmeldinger og kan ikke slettes. Sett det til skjult eller avlyst i stedet. Påmeldingene slettes automatisk etter kurset.</p>
        )}
      </section>
    </div>
  );
}
