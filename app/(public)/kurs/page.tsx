import { Link } from '@/components/site-link';
import { listUpcomingCourses } from '@/db/queries/courses';
import { findSection, sections } from '@/content/sections';
import { courseContext } from '@/lib/courses/load';
import { priceText, sessionTime } from '@/lib/courses/format';

export const metadata = { title: 'Kurs' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The courses with a session ahead, soonest first, narrowed to one section by a plain link. */
export default async function CoursesPage({ searchParams }: Props) {
  const asked = (await searchParams)['for'];
  const section = typeof asked === 'string' ? findSection(asked) : undefined;
  const { db, now } = await courseContext();
  const list = await listUpcomingCourses(db, { now, section: section?.slug });
  const filter = (href: string, label: string, current: boolean) => (
    <li key={href}>
      <Link href={href} aria-current={current ? 'page' : undefined} className={current ? 'rounded-full bg-brand px-3 py-1 text-white no-underline' : 'rounded-full border border-brand px-3 py-1 text-brand-dark no-underline hover:bg-sand'}>
        {label}
      </Link>
    </li>
  );
  return (
    <article className="max-w-3xl">
      <h1 className="text-3xl font-bold">Kurs for pårørende</h1>
      <p className="mt-4 text-lg">Kveldskurs om å stå i en krevende hverdag, om å snakke med barn om sykdom og om dine rettigheter. Du trenger ingen bruker for å melde deg på.</p>
      <nav aria-label="Vis kurs for" className="mt-6">
        <ul className="flex flex-wrap gap-2">
          {filter('/kurs', 'Alle kurs', !section)}
          {sections.map((s) => filter(`/kurs?for=${s.slug}`, s.title, section?.slug === s.slug))}
        </ul>
      </nav>
      {list.length === 0 ? (
        <p className="mt-8 rounded-2xl bg-white p-6">
          {section ? `Vi har ingen kurs for «${section.title}» med ledige datoer akkurat nå.` : 'Vi har ingen kurs med ledige datoer akkurat nå.'} Vil du vite når neste kurs starter, kan du{' '}
          <Link href="/kontakt" className="text-brand-dark underline">ta kontakt med oss</Link>.
        </p>
      ) : (
        <ul className="mt-8 space-y-4">
          {list.map((c) => (
            <li key={c.id} className="rounded-2xl bg-white p-5">
              <h2 className="text-xl font-semibold">
                <Link href={`/kurs/${c.slug}`} className="text-brand-dark underline">{c.title}</Link>
              </h2>
              {c.isExample ? <p className="mt-1 text-sm font-semibold text-muted">Eksempelkurs</p> : null}
              <p className="mt-2">{c.summary}</p>
              <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
                <dt className="font-semibold">Neste gang</dt>
                <dd>{sessionTime(c.sessions[0]!)}</dd>
                <dt className="font-semibold">Pris</dt>
                <dd>{priceText(c.priceNok)}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
