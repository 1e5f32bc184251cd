import type { Metadata } from 'next';
import { Link } from '@/components/site-link';
import { cookies } from 'next/headers';
import { connection } from 'next/server';
import { HelpBox } from '@/components/unge/help-box';
import { getDb } from '@/db/client';
import { chatHoursText } from '@/db/queries/chat-settings';
import { describeHours, isOpen, nextOpening, parseChatHours } from '@/lib/chat/hours';
import { CHAT_COOKIE } from '@/lib/chat/token';
import { appClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { formatDateTime } from '@/lib/dates';
import { VisitorChat } from './_components/visitor-chat';

export const metadata: Metadata = { title: 'Chat', description: 'Skriv med en trygg voksen uten å si hvem du er.' };

export default async function ChatPage() {
  await connection();
  const now = appClock().now();
  const parsed = parseChatHours(await chatHoursText(await getDb()));
  const hours = parsed.ok ? parsed.hours : undefined;
  const open = hours ? isOpen(hours, now) : false;
  const next = hours && !open ? nextOpening(hours, now) : null;
  const days = env().CHAT_RETENTION_DAYS;
  // With the cookie, a chat may be running: the panel waits for its script to look it up,
  // instead of offering "Start chat" for a moment. Only the cookie's presence counts here.
  const idle = open ? 'klar' : 'stengt';
  const phase = (await cookies()).has(CHAT_COOKIE) ? 'laster' : idle;
  return (
    <>
      <h1 className="text-3xl font-bold sm:text-4xl">Chat med oss</h1>
      <p className="mt-4">
        {hours ? <>Chatten er åpen {describeHours(hours)}.</> : <>Chatten er stengt.</>}{' '}
        {open ? 'Den er åpen nå.' : next ? `Den åpner igjen ${formatDateTime(next)}.` : null}
      </p>
      {open ? (
        <>
          <section aria-labelledby="om-chatten" className="mt-6 space-y-3">
            <h2 id="om-chatten" className="text-2xl font-bold">
              Før du begynner
            </h2>
            <ul className="list-disc space-y-2 pl-6">
              <li>De som svarer, er voksne med opplæring. De har taushetsplikt.</li>
              <li>Du trenger ikke si hvem du er, og vi lagrer ikke IP-adressen din.</li>
              <li>
                Når du starter en samtale, lagrer nettleseren din én informasjonskapsel, {CHAT_COOKIE}. Den inneholder bare et tilfeldig tall,
                slik at nettleseren kan fortsette akkurat din samtale hvis du for eksempel laster siden på nytt. Den sier ingenting om hvem du
                er. Vi sletter den når samtalen er avsluttet, og den har ingen utløpsdato, så nettleseren sletter den også når du lukker den.
              </li>
              <li>
                Mens du chatter, ser du en kode for samtalen. Vil du at vi sletter samtalen med en gang, oppgir du koden til oss, i den samme
                samtalen eller i en ny.
              </li>
              <li>
                Les mer om hvordan du kan{' '}
                <Link href="/unge/skjul-besoket" className="text-brand-dark underline">
                  skjule besøket ditt
                </Link>
                .
              </li>
              <li>
                Vi kan bare gjøre noe med en bekymring hvis du forteller hvem du er. Før vi gjør noe, sier vi det til deg.
              </li>
              <li>
                Samtalen slettes {days} dager etter at den er avsluttet. Skriver du noe som viser hvem du er, sletter vi samtalen innen
                utgangen av neste arbeidsdag.
              </li>
            </ul>
          </section>
          {/* Shown until the children's island marks the page as running script (app/globals.css). */}
          <p data-no-js-only="" className="mt-6 rounded-2xl bg-notice p-4">
            Chatten trenger JavaScript. Er det slått av, kan du ringe et av numrene under i stedet.
          </p>
          <VisitorChat phase={phase} idle={idle} />
        </>
      ) : (
        <VisitorChat phase={phase} idle={idle} />
      )}
      <div className="mt-10">
        <HelpBox withChat={false} />
      </div>
    </>
  );
}
