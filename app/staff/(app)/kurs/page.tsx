import Link from 'next/link';
import { getDb } from '@/db/client';
import { staffCourseList } from '@/db/queries/course-staff';
import { requireStaff } from '@/lib/auth/staff-session';
import { appClock } from '@/lib/clock';
import { priceText, sessionTime } from '@/lib/courses/format';
import { COURSE_EDITORS, COURSE_STAFF } from './roles';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Kurs' };

const statusLabels = { published: 'Publisert', hidden: 'Skjult', cancelled: 'Avlyst' } as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Every course, with its sessions of the last two months and ahead and how full each is. Course
 * admins and admins also get the links to create, change and cancel; advisers only read.
 */
export default async function StaffCoursesPage({ searchParams }: Props) {
  const who = await requireStaff(COURSE_STAFF);
  const now = appClock().now();
  const list = await staffCourseList(await getDb(), { now });
  const edits = COURSE_EDITORS.includes(who.role);
  const deleted = (await searchParams)['slettet'] === '1';
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Kurs</h1>
      <div role="status">{deleted ? <p className="rounded-lg border-2 border-brand bg-brand-light p-3 font-semibold">Kurset er slettet.</p> : null}</div>
      <p className="max-w-prose">Kursdatoene de siste to månedene og framover, med hvor mange som er påmeldt. Åpne en dato for å se deltakerne og registrere oppmøte.</p>
      {edits ? (
        <p>
          <Link href="/staff/kurs/ny" className="inline-block rounded-lg bg-brand px-5 py-2 font-semibold text-white no-underline hover:bg-brand-dark">
            Nytt kurs
          </Link>
        </p>
      ) : null}
      {list.length === 0 ? <p className="rounded-2xl bg-white p-6">Det er ingen kurs ennå.</p> : null}
      {list.map((c) => (
        <section key={c.id} aria-labelledby={`kurs-${c.id}`} className="rounded-2xl bg-white p-5">
          <h2 id={`kurs-${c.id}`} className="text-xl font-semibold">
            {c.title}
          </h2>
          <p className="text-muted">
            {statusLabels[c.status]}, {priceText(c.priceNok).toLowerCase()}
            {c.isExample ? ', eksempelkurs' : ''}.{' '}
            {c.status === 'published' ? (
              <Link href={`/kurs/${c.slug}`} className="text-brand-dark underline">
                Se kurssiden
              </Link>
            ) : null}
          </p>
          {c.sessions.length === 0 ? (
            <p className="mt-2">Ingen datoer de siste to månedene eller framover.</p>
          ) : (
            <ul className="mt-3 space-y-2">
              {c.sessions.map((s) => {
                const taken = s.counts.confirmed ?? 0;
                const waiting = s.counts.waiting ?? 0;
                return (
                  <li key={s.id}>
                    <Link href={`/staff/kurs/okt/${s.id}`} className="text-brand-dark underline">
                      {sessionTime(s)}
                    </Link>
                    {s.cancelled ? ' (avlyst)' : ''}: {taken} av {s.capacity} plasser bekreftet{waiting ? `, ${waiting} på venteliste` : ''}.
                    {edits && !s.cancelled && s.startsAt > now ? (
                      <>
                        {' '}
                        <Link href={`/staff/kurs/okt/${s.id}/endre`} className="text-brand-dark underline">
                          Endre<span className="sr-only"> datoen {sessionTime(s)}</span>
                        </Link>
                      </>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
          {edits ? (
            <p className="mt-3">
              <Link href={`/staff/kurs/${c.id}`} className="text-brand-dark underline">
                Endre kurset og datoene<span className="sr-only"> for {c.title}</span>
              </Link>
            </p>
          ) : null}
        </section>
      ))}
    </div>
  );
}
