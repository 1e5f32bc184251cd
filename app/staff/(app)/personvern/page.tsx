import { getDb } from '@/db/client';
import { getVersionInForce, listPublishedVersions } from '@/db/queries/privacy';
import { requireStaff } from '@/lib/auth/staff-session';
import { appClock } from '@/lib/clock';
import { formatDate } from '@/lib/dates';
import { earliestEffectiveDate, parseEffectiveDate } from './_components/effective-date';
import { PublishForm } from './_components/publish-form';
import { VersionTable } from './_components/version-table';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Personvernerklæringen' };

/** The versions of the privacy statement, and a new one written, previewed and published. */
export default async function PrivacyAdminPage() {
  await requireStaff(['admin']);
  const db = await getDb();
  const now = appClock().now();
  const [versions, inForce] = await Promise.all([listPublishedVersions(db, { now }), getVersionInForce(db, { now })]);
  const latest = versions.reduce<Date | undefined>((max, v) => (!max || v.takesEffectAt > max ? v.takesEffectAt : max), undefined);
  const earliest = earliestEffectiveDate(now, latest);
  const upcoming = versions.filter((v) => v.takesEffectAt > now);

  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold">Personvernerklæringen</h1>
      <section aria-labelledby="versjoner" className="space-y-3">
        <h2 id="versjoner" className="text-2xl font-semibold">Versjoner</h2>
        <VersionTable versions={versions} inForce={inForce?.number} now={now} />
      </section>
      <section aria-labelledby="ny-versjon" className="space-y-3">
        <h2 id="ny-versjon" className="text-2xl font-semibold">Skriv en ny versjon</h2>
        <p>
          En ny versjon publiseres med en gang, men gjelder først fra datoen du velger, minst 14 dager senere. Fram til da ser besøkende
          en melding om at erklæringen endres, og hva som endres.
        </p>
        {upcoming.length ? (
          <p className="rounded-lg border-2 border-notice-border bg-notice p-3">
            Versjon {upcoming.map((v) => v.number).join(' og ')} er allerede publisert og gjelder fra{' '}
            {upcoming.map((v) => formatDate(v.takesEffectAt)).join(' og ')}. En ny versjon må gjelde fra en senere dato.
          </p>
        ) : null}
        <PublishForm earliest={earliest} earliestText={formatDate(parseEffectiveDate(earliest) ?? now)} />
      </section>
    </div>
  );
}
