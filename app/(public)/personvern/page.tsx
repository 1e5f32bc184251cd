import { Link } from '@/components/site-link';
import { getUpcomingVersion, getVersionInForce } from '@/db/queries/privacy';
import { Markdown } from '@/components/markdown';
import { formatDate, osloIsoDate } from '@/lib/dates';
import { privacyContext } from '@/lib/privacy/load';

export const metadata = { title: 'Personvernerklæring' };

export default async function PrivacyPage() {
  const { db, now } = await privacyContext();
  const [current, upcoming] = await Promise.all([getVersionInForce(db, { now }), getUpcomingVersion(db, { now })]);
  return (
    <article className="max-w-3xl">
      <h1 className="text-3xl font-bold">{current?.title ?? 'Personvernerklæring'}</h1>
      {current ? (
        <p className="mt-2 text-muted">
          Versjon {current.number}, gjelder fra <time dateTime={osloIsoDate(current.takesEffectAt)}>{formatDate(current.takesEffectAt)}</time>.{' '}
          <Link href="/personvern/versjoner" className="text-brand-dark underline">Se alle versjoner</Link>
        </p>
      ) : null}
      {upcoming ? (
        <p className="mt-4 rounded-lg border-l-4 border-notice-border bg-notice p-4">
          En ny versjon gjelder fra <time dateTime={osloIsoDate(upcoming.takesEffectAt)}>{formatDate(upcoming.takesEffectAt)}</time>.{' '}
          <Link href="/personvern/endringer" className="text-brand-dark underline">Se hva som endres</Link>
        </p>
      ) : null}
      <div className="mt-8">
        {current ? <Markdown source={current.body} /> : <p>Personvernerklæringen er ikke tilgjengelig akkurat nå. Prøv igjen senere.</p>}
      </div>
    </article>
  );
}
