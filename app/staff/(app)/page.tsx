import Link from 'next/link';
import { requireStaff } from '@/lib/auth/staff-session';

export const metadata = { title: 'Oversikt' };

const link = 'text-brand-dark underline';

export default async function StaffHome() {
  const who = await requireStaff(['admin', 'adviser', 'chat_host', 'course_admin']);
  return (
    <>
      <h1 className="text-3xl font-bold">Hei, {who.name}</h1>
      <ul className="mt-4 list-disc space-y-2 pl-6">
        {who.role === 'chat_host' || who.role === 'admin' ? (
          <li>
            <Link href="/staff/chat" className={link}>Chat</Link>: køen og samtalene dine.
          </li>
        ) : null}
        {who.role === 'chat_host' || who.role === 'admin' ? (
          <li>
            <Link href="/staff/chat/slett" className={link}>Slett chat på forespørsel</Link>: når noen oppgir koden for samtalen sin og vil ha den slettet.
          </li>
        ) : null}
        {who.role === 'adviser' || who.role === 'admin' ? (
          <>
            <li>
              <Link href="/staff/henvendelser" className={link}>Henvendelser</Link> fra kontaktskjemaet, til å lese og svare på.
            </li>
            <li>
              <Link href="/staff/journal" className={link}>Journal</Link>: notater om identifiserte personer ved fare for liv eller helse.
            </li>
            <li>
              <Link href="/staff/statistikk" className={link}>Statistikk</Link>: besøk, henvendelser, chatter og ventetid, uten små tall.
            </li>
          </>
        ) : null}
        {who.role === 'course_admin' || who.role === 'adviser' || who.role === 'admin' ? (
          <li>
            <Link href="/staff/kurs" className={link}>Kurs</Link>: kursdatoene, hvem som er påmeldt, og oppmøte.
          </li>
        ) : null}
      </ul>
      {who.role === 'chat_host' ? (
        <p className="mt-4">Du har ikke tilgang til henvendelsene fra kontaktskjemaet eller til å lese journaler.</p>
      ) : null}
      {who.role === 'course_admin' ? <p className="mt-4">Du har tilgang til kursene og deltakerne, ikke til henvendelsene, chatten eller journalene.</p> : null}
    </>
  );
}
