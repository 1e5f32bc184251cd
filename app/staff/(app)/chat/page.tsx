import Link from 'next/link';
import { getDb } from '@/db/client';
import { presenceOf } from '@/db/queries/chat-presence';
import { listQuickReplies } from '@/db/queries/chat-quick-replies';
import { chatHoursText } from '@/db/queries/chat-settings';
import { listCategories } from '@/db/queries/contact-stats';
import { requireStaff } from '@/lib/auth/staff-session';
import { describeHours, parseChatHours } from '@/lib/chat/hours';
import { env } from '@/lib/env';
import { HostConsole } from './_components/host-console';
import { HoursForm } from './_components/hours-form';

export const metadata = { title: 'Chat' };

export default async function StaffChatPage() {
  const who = await requireStaff(['chat_host', 'admin']);
  const db = await getDb();
  const hours = await chatHoursText(db);
  const all = await listCategories(db);
  const categories = {
    reasons: all.filter((c) => c.kind === 'reason').map((c) => ({ id: c.id, label: c.label })),
    outcomes: all.filter((c) => c.kind === 'outcome').map((c) => ({ id: c.id, label: c.label })),
  };
  const parsed = parseChatHours(hours);
  const { status, maxChats } = await presenceOf(db, { staffId: who.staffId });
  // Ready answers change rarely: the list comes with the page, not with the stream.
  const quickReplies = await listQuickReplies(db);
  return (
    <>
      <h1 className="text-3xl font-bold">Chat</h1>
      <p className="mt-2">
        Ta samtaler fra køen, så mange samtidig som grensen din sier. Chatten er åpen{' '}
        {parsed.ok ? describeHours(parsed.hours) : 'ikke: åpningstidene kan ikke leses, så chatten er stengt'}.
      </p>
      <p className="mt-2">
        Ber noen om at en samtale slettes med en gang og oppgir koden for den, bruk{' '}
        <Link href="/staff/chat/slett" className="text-brand-dark underline">
          Slett chat på forespørsel
        </Link>
        .
      </p>
      <p className="mt-2">
        Skriv / og noen bokstaver i et svarfelt for å sette inn et hurtigsvar, eller bruk knappen «Hurtigsvar».
        {who.role === 'admin' ? (
          <>
            {' '}
            <Link href="/staff/chat/hurtigsvar" className="text-brand-dark underline">
              Endre hurtigsvarene
            </Link>
            , eller se{' '}
            <Link href="/staff/chat/tilsyn" className="text-brand-dark underline">
              tilsyn med alle åpne samtaler
            </Link>
            .
          </>
        ) : null}
      </p>
      <HostConsole categories={categories} quickReplies={quickReplies} presence={{ status, maxChats }} alertMinutes={env().CHAT_WAIT_ALERT_MINUTES} />
      {who.role === 'admin' ? (
        <section aria-labelledby="apningstider" className="mt-10 max-w-2xl">
          <h2 id="apningstider" className="text-2xl font-bold">
            Åpningstider
          </h2>
          <p className="mt-2">Besøkende kan starte en samtale bare innenfor åpningstidene. Samtaler som er i gang, kan fortsette.</p>
          <div className="mt-4">
            <HoursForm current={hours} />
          </div>
        </section>
      ) : null}
    </>
  );
}
