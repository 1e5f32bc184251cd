import { notFound } from 'next/navigation';
import { z } from 'zod';
import { BackLink } from '@/components/staff/back-link';
import { getDb } from '@/db/client';
import { logAccess } from '@/db/queries/audit';
import { getJournal } from '@/db/queries/journal';
import { requireStaff } from '@/lib/auth/staff-session';
import { appClock } from '@/lib/clock';
import { pageId } from '@/lib/staff/page-id';
import { JournalEntry } from '../_components/journal-entry';
import { When } from '../_components/when';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Journal for en person' };

const card = 'rounded-2xl bg-white p-5 md:p-6';
const entryParam = z.uuid().optional().catch(undefined);

/** One person's journal, opened. Every view is written to the access log before anything is shown. */
export default async function JournalPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const who = await requireStaff(['admin', 'adviser']);
  const id = await pageId(params);
  const query = await searchParams;
  const correcting = entryParam.parse(query.rett);
  const removing = entryParam.parse(query.fjern);

  const db = await getDb();
  const journal = await getJournal(db, { personId: id });
  if (!journal) notFound();
  await logAccess(db, { staffId: who.staffId, action: 'journal_view', objectType: 'journal', objectId: journal.id, now: appClock().now() });

  return (
    <div className="space-y-6">
      <BackLink href="/staff/journal">Tilbake til journalene</BackLink>
      <h1 className="text-3xl font-bold">Journal for {journal.name}</h1>
      <section aria-labelledby="personen" className={`${card} space-y-3`}>
        <h2 id="personen" className="text-xl font-semibold">Personen</h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">Navn</dt>
          <dd>{journal.name}</dd>
          <dt className="font-semibold">Andre opplysninger</dt>
          <dd className="whitespace-pre-wrap">{journal.details ?? 'Ikke oppgitt'}</dd>
          <dt className="font-semibold">Journalen opprettet</dt>
          <dd>
            <When at={journal.createdAt} /> av {journal.createdByName ?? 'ukjent'}
          </dd>
        </dl>
        <p>
          {/* A plain link, never prefetched: each download is an export in the access log. */}
          <a href={`/staff/journal/${journal.id}/innsyn`} className="text-brand-dark underline">
            Last ned journalen for innsyn
          </a>
          <span className="block text-sm text-muted">En tekstfil med alle notater, rettelser og fjernede opplysninger, slik personen har krav på å få se.</span>
        </p>
      </section>
      {journal.entries.map((entry, i) => (
        <JournalEntry
          key={entry.id}
          entry={entry}
          number={i + 1}
          personId={journal.id}
          mode={entry.id === correcting ? 'rett' : entry.id === removing ? 'fjern' : null}
        />
      ))}
    </div>
  );
}
