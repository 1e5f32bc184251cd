import Link from 'next/link';
import { BackLink } from '@/components/staff/back-link';
import { getDb } from '@/db/client';
import { logAccess } from '@/db/queries/audit';
import { openChatStates } from '@/db/queries/chat-supervision';
import { requireStaff } from '@/lib/auth/staff-session';
import { appClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { minutesSince } from './_components/since';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Tilsyn med chatten' };

/**
 * Every open chat's state for a supervisor (admins): how long it has waited, who has it, and how
 * long since each side last wrote. No content here; a chat is read on its own page, and each
 * look, this one too, is an access-log row.
 */
export default async function SupervisionPage() {
  const who = await requireStaff(['admin']);
  const db = await getDb();
  const now = appClock().now();
  await logAccess(db, { staffId: who.staffId, action: 'chat_supervise_list', now });
  const chats = await openChatStates(db, { now });
  const alertMinutes = env().CHAT_WAIT_ALERT_MINUTES;
  const waitedLong = (c: (typeof chats)[number]) => c.status === 'venter' && now.getTime() - c.createdAt.getTime() >= alertMinutes * 60_000;
  const longWaits = chats.filter(waitedLong).length;
  return (
    <div className="space-y-6">
      <BackLink href="/staff/chat">Tilbake til chatten</BackLink>
      <h1 className="text-3xl font-bold">Tilsyn med chatten</h1>
      <p className="max-w-3xl">
        Her ser du alle åpne samtaler, uten innhold. Du kan lese en samtale mens den pågår; chatverten ser da at du leser, og det føres i
        tilgangsloggen. Avsluttede samtaler kan ikke leses her.
      </p>
      <p>
        <Link href="/staff/chat/tilsyn" className="font-semibold text-brand-dark underline">
          Oppdater oversikten
        </Link>
      </p>
      {longWaits > 0 ? (
        <p role="alert" className="rounded-xl bg-notice p-3 font-semibold">
          {longWaits === 1 ? 'En samtale' : `${longWaits} samtaler`} har ventet i mer enn {alertMinutes} minutter uten å bli tatt.
        </p>
      ) : null}
      {chats.length === 0 ? (
        <p>Ingen samtaler er åpne nå.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full border-collapse text-left">
            <caption className="sr-only">Åpne samtaler</caption>
            <thead>
              <tr className="border-b-2 border-brand/20">
                <th scope="col" className="p-2">Kode</th>
                <th scope="col" className="p-2">Status</th>
                <th scope="col" className="p-2">Ventet</th>
                <th scope="col" className="p-2">Chatvert</th>
                <th scope="col" className="p-2">Siden besøkende skrev</th>
                <th scope="col" className="p-2">Siden chatverten skrev</th>
              </tr>
            </thead>
            <tbody>
              {chats.map((c) => (
                <tr key={c.id} className="border-b border-brand/10">
                  <th scope="row" className="p-2 font-mono font-normal">
                    <Link href={`/staff/chat/tilsyn/${c.id}`} className="text-brand-dark underline">
                      {c.reference}
                    </Link>
                  </th>
                  <td className="p-2">{c.status === 'venter' ? (waitedLong(c) ? 'Venter, lenge' : 'Venter') : 'Pågår'}</td>
                  <td className="p-2">{c.status === 'venter' ? minutesSince(c.createdAt, now) : minutesSince(c.createdAt, c.acceptedAt ?? now)}</td>
                  <td className="p-2">{c.hostName ?? '–'}</td>
                  <td className="p-2">{minutesSince(c.lastFromVisitor, now)}</td>
                  <td className="p-2">{minutesSince(c.lastFromHost, now)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
