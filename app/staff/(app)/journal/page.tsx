import { getDb } from '@/db/client';
import { listJournals } from '@/db/queries/journal';
import { requireStaff } from '@/lib/auth/staff-session';
import { JournalTable } from './_components/journal-table';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Journal' };

const LIMIT = 200;

/** The journals, newest first. Nothing sealed is opened here, so there is no reading to log. */
export default async function JournalListPage() {
  await requireStaff(['admin', 'adviser']);
  const rows = await listJournals(await getDb(), { limit: LIMIT });
  return (
    <div className="space-y-6">
      <div className="max-w-3xl space-y-3">
        <h1 className="text-3xl font-bold">Journal</h1>
        <p>
          Journal skrives når det kommer fram fare for liv eller helse i en chat eller en henvendelse. Journalen slettes aldri i sin helhet.
          Et notat kan rettes, og da tas den forrige teksten vare på. Opplysninger kan fjernes når noen ber om det og kravet er
          berettiget. Personen kan få innsyn i hele journalen sin.
        </p>
        <p>
          Du skriver et nytt notat fra henvendelsen eller chatten det gjelder. Navnene vises først når du åpner en journal, og hver gang
          noen åpner en journal, føres det i tilgangsloggen.
        </p>
      </div>
      {rows.length === LIMIT ? <p>Viser de {LIMIT} nyeste journalene.</p> : null}
      <JournalTable rows={rows} />
    </div>
  );
}
