import { Link } from '@/components/site-link';
import { getVersionInForce, listPublishedVersions } from '@/db/queries/privacy';
import { formatDate, osloIsoDate } from '@/lib/dates';
import { privacyContext } from '@/lib/privacy/load';

export const metadata = { title: 'Versjoner av personvernerklæringen' };

export default async function VersionsPage() {
  const { db, now } = await privacyContext();
  const [versions, current] = await Promise.all([listPublishedVersions(db, { now }), getVersionInForce(db, { now })]);
  return (
    <article className="max-w-3xl">
      <h1 className="text-3xl font-bold">Versjoner av personvernerklæringen</h1>
      <p className="mt-4">
        Alle versjoner vi har publisert, med datoen de ble publisert og datoen de gjelder fra. En ny versjon publiseres minst 14 dager før den
        gjelder.
      </p>
      <ol className="mt-6 space-y-4">
        {versions.map((v) => {
          const status = current?.number === v.number ? 'Gjelder nå' : v.takesEffectAt > now ? 'Kommende' : 'Tidligere';
          return (
            <li key={v.number} className="rounded-xl border border-brand/20 bg-white p-5">
              <h2 className="text-xl font-semibold">
                <Link href={`/personvern/versjoner/${v.number}`} className="text-brand-dark underline">
                  Versjon {v.number}
                </Link>{' '}
                <span className="text-base font-normal text-muted">({status})</span>
              </h2>
              <p className="mt-1">{v.summary}</p>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 text-muted">
                <dt>Publisert</dt>
                <dd><time dateTime={osloIsoDate(v.publishedAt)}>{formatDate(v.publishedAt)}</time></dd>
                <dt>Gjelder fra</dt>
                <dd><time dateTime={osloIsoDate(v.takesEffectAt)}>{formatDate(v.takesEffectAt)}</time></dd>
              </dl>
            </li>
          );
        })}
      </ol>
    </article>
  );
}
