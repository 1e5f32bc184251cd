import { Link } from '@/components/site-link';
import { getUpcomingVersion, getVersionInForce } from '@/db/queries/privacy';
import { Markdown } from '@/components/markdown';
import { StatementDiff } from '@/components/statement-diff';
import { diffStatements } from '@/lib/privacy/diff';
import { formatDate, osloIsoDate } from '@/lib/dates';
import { privacyContext } from '@/lib/privacy/load';

export const metadata = { title: 'Endringer i personvernerklæringen' };

export default async function ChangesPage() {
  const { db, now } = await privacyContext();
  const [current, upcoming] = await Promise.all([getVersionInForce(db, { now }), getUpcomingVersion(db, { now })]);
  if (!upcoming) {
    return (
      <article className="max-w-3xl">
        <h1 className="text-3xl font-bold">Endringer i personvernerklæringen</h1>
        <p className="mt-4">Det er ingen nye endringer på vei. <Link href="/personvern" className="text-brand-dark underline">Les personvernerklæringen som gjelder nå</Link>.</p>
      </article>
    );
  }
  return (
    <article className="max-w-3xl">
      <h1 className="text-3xl font-bold">Endringer i personvernerklæringen</h1>
      <p className="mt-4 text-lg">
        Versjon {upcoming.number} gjelder fra <time dateTime={osloIsoDate(upcoming.takesEffectAt)}>{formatDate(upcoming.takesEffectAt)}</time>.
        {current ? ` Til da gjelder versjon ${current.number}.` : ''}
      </p>
      <h2 className="mt-8 text-2xl font-bold">Kort om endringene</h2>
      <p className="mt-2">{upcoming.summary}</p>
      {current ? (
        <>
          <h2 className="mt-8 text-2xl font-bold">Alt som endres</h2>
          <p className="mt-2 text-muted">
            Her ser du bare avsnittene som endres, sortert etter del av erklæringen. Nye ord er merket med grønt. Ord som tas bort er
            merket med rødt og streket over.
          </p>
          <div className="mt-4">
            <StatementDiff sections={diffStatements(current.body, upcoming.body)} />
          </div>
        </>
      ) : null}
      <h2 className="mt-8 text-2xl font-bold">Den nye versjonen i sin helhet</h2>
      <div className="mt-4">
        <Markdown source={upcoming.body} />
      </div>
    </article>
  );
}
