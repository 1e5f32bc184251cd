import { notFound } from 'next/navigation';
import { BackLink } from '@/components/staff/back-link';
import { getDb } from '@/db/client';
import { logAccess } from '@/db/queries/audit';
import { superviseChat } from '@/db/queries/chat-supervision';
import { requireStaff } from '@/lib/auth/staff-session';
import { appClock } from '@/lib/clock';
import { pageId } from '@/lib/staff/page-id';
import { minutesSince } from '../_components/since';
import { SupervisorTools } from '../_components/supervisor-tools';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Les en åpen samtale' };

const clock = (d: Date) => new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' }).format(d);

/**
 * One open chat, read by a supervisor (admins), read-only: the look is an access-log row before
 * anything is shown, and the host's console says someone is reading. An ended chat is not found.
 */
export default async function SupervisedChatPage({ params }: { params: Promise<{ id: string }> }) {
  const who = await requireStaff(['admin']);
  const id = await pageId(params);
  const db = await getDb();
  const now = appClock().now();
  const read = await db.transaction(async (tx) => {
    const found = await superviseChat(tx, { id, staffId: who.staffId, now });
    if (found) await logAccess(tx, { staffId: who.staffId, action: 'chat_supervise_view', objectType: 'chat', objectId: id, now });
    return found;
  });
  if (!read) notFound();
  const { chat, messages, notes } = read;
  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href="/staff/chat/tilsyn">Tilbake til oversikten</BackLink>
      <h1 className="text-3xl font-bold">
        Samtale <span className="font-mono">{chat.reference}</span>
      </h1>
      <p>
        {chat.status === 'venter' ? `Venter i køen, i ${minutesSince(chat.createdAt, now)}.` : `Chatvert: ${chat.hostName ?? 'ukjent'}.`} Du leser
        bare; den besøkende ser ikke at du er her, men chatverten gjør det.
      </p>
      <section aria-labelledby="meldinger-overskrift">
        <h2 id="meldinger-overskrift" className="text-xl font-bold">
          Meldinger
        </h2>
        {messages.length === 0 ? <p className="mt-2">Ingen meldinger ennå.</p> : null}
        <ol className="mt-2 space-y-2">
          {messages.map((m) => (
            <li key={m.seq} className={m.sender === 'vert' ? 'ml-6 rounded-xl bg-brand-light p-2' : 'mr-6 rounded-xl bg-sand p-2'}>
              <span className="block text-xs font-semibold text-muted">
                {m.sender === 'vert' ? 'Chatvert' : m.sender === 'besokende' ? 'Besøkende' : 'System'} · {clock(m.createdAt)}
              </span>
              <span className="whitespace-pre-wrap">{m.body}</span>
            </li>
          ))}
        </ol>
      </section>
      {notes.length > 0 ? (
        <section aria-labelledby="notater-overskrift">
          <h2 id="notater-overskrift" className="text-xl font-bold">
            Notater fra kolleger
          </h2>
          <ul className="mt-2 space-y-1">
            {notes.map((n) => (
              <li key={n.at.toISOString() + n.body}>
                <span className="font-semibold">{n.from ?? 'En kollega'}:</span> <span className="whitespace-pre-wrap">{n.body}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <SupervisorTools chatId={chat.id} canNote={chat.status === 'aktiv'} />
    </div>
  );
}
