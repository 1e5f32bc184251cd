import Link from 'next/link';
import { z } from 'zod';
import { BackLink } from '@/components/staff/back-link';
import { getDb } from '@/db/client';
import { checkJournalSource, journalsFromSource, type JournalRefusal } from '@/db/queries/journal';
import { requireStaff } from '@/lib/auth/staff-session';
import { appClock } from '@/lib/clock';
import { formatDateTime } from '@/lib/dates';
import { sourceParams, type SourceParam } from '../_components/constants';
import { WriteForm } from '../_components/write-form';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Skriv journal' };

const query = z.object({
  kilde: z.enum(Object.keys(sourceParams) as [SourceParam, ...SourceParam[]]),
  id: z.uuid(),
  person: z.uuid().optional().catch(undefined),
});

const refusals: Record<Exclude<JournalRefusal, 'person_missing'>, { title: string; text: string }> = {
  journal_declined: {
    title: 'Personen har reservert seg mot journal',
    text: 'Den som sendte henvendelsen, har sagt nei til at det opprettes journal. Det kan derfor ikke skrives journal fra denne henvendelsen. Personen skal få veiledning likevel.',
  },
  source_missing: {
    title: 'Vi finner ikke henvendelsen eller chatten',
    text: 'Den kan være slettet, eller chatten er ikke tatt av en chattevert ennå. Det kan bare skrives journal fra en henvendelse eller chat som finnes.',
  },
  not_allowed: {
    title: 'Du kan ikke skrive journal herfra',
    text: 'Chatteverter skriver journal fra chatter de selv har hatt. Henvendelser fra kontaktskjemaet følges opp av fagkonsulentene.',
  },
};

/** A new journal note, from the chat or inquiry named in the address. */
export default async function NewJournalPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const who = await requireStaff(['admin', 'adviser', 'chat_host']);
  const parsed = query.safeParse(await searchParams);
  const back =
    parsed.success && parsed.data.kilde === 'henvendelse' && who.role !== 'chat_host'
      ? { href: `/staff/henvendelser/${parsed.data.id}`, text: 'Tilbake til henvendelsen' }
      : { href: who.role === 'adviser' ? '/staff/henvendelser' : '/staff/chat', text: who.role === 'adviser' ? 'Tilbake til henvendelsene' : 'Tilbake til chatten' };

  const header = (
    <>
      <BackLink href={back.href}>{back.text}</BackLink>
      <h1 className="text-3xl font-bold">Skriv journal</h1>
    </>
  );
  if (!parsed.success) {
    return (
      <div className="max-w-3xl space-y-6">
        {header}
        <p>Et journalnotat knyttes alltid til chatten eller henvendelsen det kommer fra. Åpne skjemaet med lenken «Skriv journal» der.</p>
      </div>
    );
  }

  const { kilde, id } = parsed.data;
  const source = { type: sourceParams[kilde], id };
  const db = await getDb();
  const refusal = await checkJournalSource(db, { source, writer: who, now: appClock().now() });
  if (refusal && refusal !== 'person_missing') {
    return (
      <div className="max-w-3xl space-y-6">
        {header}
        <section aria-labelledby="avvist" className="rounded-2xl border-4 border-notice-border bg-notice p-5">
          <h2 id="avvist" className="text-xl font-bold">{refusals[refusal].title}</h2>
          <p className="mt-1">{refusals[refusal].text}</p>
        </section>
      </div>
    );
  }

  const existing = await journalsFromSource(db, { source });
  const into = existing.find((j) => j.id === parsed.data.person);
  const here = `/staff/journal/ny?kilde=${kilde}&id=${id}`;
  return (
    <div className="max-w-3xl space-y-6">
      {header}
      <p>
        Skriv journal når det kommer fram fare for liv eller helse. Notatet knyttes til {kilde === 'chat' ? 'chatten' : 'henvendelsen'}, og journalen
        slettes ikke når {kilde === 'chat' ? 'chatten' : 'henvendelsen'} slettes.
        {who.role === 'chat_host' ? ' Når du har lagret, får du en kvittering. Journalen kan bare leses av fagkonsulenter og administratorer.' : ''}
      </p>
      {existing.length ? (
        <section aria-labelledby="finnes" className="space-y-2 rounded-2xl bg-white p-5">
          <h2 id="finnes" className="text-xl font-semibold">Det finnes allerede journal herfra</h2>
          <p>Gjelder notatet samme person, legger du det i den journalen. Gjelder det en annen person, oppretter du en ny.</p>
          <ul className="list-disc space-y-1 pl-6">
            {existing.map((j) => (
              <li key={j.id}>
                {j.id === into?.id ? (
                  <span className="font-semibold">Skriver i journalen opprettet {formatDateTime(j.createdAt)}</span>
                ) : (
                  <Link href={`${here}&person=${j.id}`} className="text-brand-dark underline">
                    Skriv i journalen opprettet {formatDateTime(j.createdAt)}
                  </Link>
                )}
              </li>
            ))}
            <li>
              {into ? (
                <Link href={here} className="text-brand-dark underline">
                  Opprett en ny journal
                </Link>
              ) : (
                <span className="font-semibold">Oppretter en ny journal</span>
              )}
            </li>
          </ul>
        </section>
      ) : null}
      <WriteForm key={into?.id ?? 'ny'} kilde={kilde} sourceId={id} personId={into?.id ?? null} />
    </div>
  );
}
