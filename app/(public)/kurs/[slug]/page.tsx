import type { Metadata } from 'next';
import { Link } from '@/components/site-link';
import { notFound } from 'next/navigation';
import { Markdown } from '@/components/markdown';
import { ArticleList } from '@/components/content/article-list';
import { articleHref } from '@/lib/content/href';
import { loadContent } from '@/lib/content/load';
import { relatedArticles } from '@/lib/content/related';
import { findSection } from '@/content/sections';
import { publicCourseOnce } from '@/lib/courses/load';
import { priceText, seatsText, sessionTime } from '@/lib/courses/format';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { course } = await publicCourseOnce((await params).slug);
  return { title: course?.title ?? 'Kurs' };
}

/** One course: what it is, its sessions ahead with the seats left, and where to sign up. */
export default async function CoursePage({ params }: Props) {
  const { course } = await publicCourseOnce((await params).slug);
  if (!course) notFound();
  const section = course.section ? findSection(course.section) : undefined;
  const related = relatedArticles({ slug: '', title: course.title, tags: course.tags, reviewed: '' }, loadContent().articles);
  return (
    <article className="max-w-3xl">
      <p>
        <Link href="/kurs" className="text-brand-dark underline">Alle kurs</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{course.title}</h1>
      {course.isExample ? (
        <p className="mt-4 rounded-lg border-l-4 border-notice-border bg-notice p-4">Dette er et eksempelkurs som viser hvordan kurssidene virker. Påmeldinger til det er ekte påmeldinger.</p>
      ) : null}
      {course.cancelled ? <p className="mt-4 rounded-lg border-l-4 border-notice-border bg-notice p-4 font-semibold">Dette kurset er avlyst.</p> : null}
      <p className="mt-4 text-lg">{course.summary}</p>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="font-semibold">Pris</dt>
        <dd>{priceText(course.priceNok)}</dd>
        {section ? (
          <>
            <dt className="font-semibold">For deg som er pårørende</dt>
            <dd>
              <Link href={`/${section.slug}`} className="text-brand-dark underline">{section.title.toLowerCase()}</Link>
            </dd>
          </>
        ) : null}
      </dl>
      <div className="mt-6">
        <Markdown source={course.description} />
      </div>

      <section aria-labelledby="datoer" className="mt-8">
        <h2 id="datoer" className="text-2xl font-semibold">Datoer</h2>
        {course.sessions.length === 0 ? (
          <p className="mt-3">
            Det er ingen datoer for dette kurset akkurat nå. <Link href="/kontakt" className="text-brand-dark underline">Ta kontakt</Link> hvis du vil høre om neste gang.
          </p>
        ) : (
          <ul className="mt-3 space-y-3">
            {course.sessions.map((s) => (
              <li key={s.id} className="rounded-2xl bg-white p-5">
                <p className="font-semibold">
                  {sessionTime(s)}
                  {s.cancelled ? ': avlyst' : null}
                </p>
                <p>{s.online ? 'Digitalt. Lenken får du på e-post når du er påmeldt.' : s.place}</p>
                <p>{s.cancelled ? 'Denne datoen er avlyst. Du kan ikke melde deg på den.' : <>{seatsText(s)} {s.open ? `Påmeldingsfrist ${sessionDeadline(s.signupDeadline)}.` : null}</>}</p>
                {s.open ? (
                  <p className="mt-2">
                    <Link href={`/kurs/${course.slug}/pamelding/${s.id}`} className="inline-block rounded-lg bg-brand px-5 py-2 font-semibold text-white no-underline hover:bg-brand-dark">
                      {s.seatsLeft === 0 ? 'Sett meg på ventelisten' : 'Meld deg på'}
                      <span className="sr-only"> {sessionTime(s)}</span>
                    </Link>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {related.length > 0 ? (
        <section aria-labelledby="les-mer" className="mt-8">
          <h2 id="les-mer" className="text-xl font-semibold">Les mer</h2>
          <ArticleList items={related.map((a) => ({ ...a, href: articleHref(a) }))} />
        </section>
      ) : null}
    </article>
  );
}

function sessionDeadline(at: Date): string {
  return new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(at);
}
