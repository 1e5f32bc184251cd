'use client';

import { useEffect, useState } from 'react';
import type { QuickReply } from '@/lib/chat/quick-replies';
import { act, time, type CategoryList } from './host-api';
import { Availability, type Presence } from './availability';
import { SoundChoice, useConsoleNotice } from './console-notice';
import { HostChat } from './host-chat';
import { useHostEvents, type QueueItem } from './use-host-events';

/**
 * The chat host's console: the queue, the host's open chats side by side, writing, flagging
 * ("Inneholder personopplysninger") and ending. When a visitor's message holds a national
 * identity number, a phone number or an e-mail address, the chat asks to be flagged.
 */
export function HostConsole({
  categories,
  quickReplies,
  presence: first,
  alertMinutes,
}: {
  categories: CategoryList;
  quickReplies: readonly QuickReply[];
  presence: Presence;
  alertMinutes: number;
}) {
  const { queue, mine, messages, connected, notice, setNotice } = useHostEvents();
  const [presence, setPresence] = useState(first);
  const { sound, changeSound } = useConsoleNotice({ queue, messages });
  const now = useMinuteClock();
  const full = mine.length >= presence.maxChats;
  const takes = presence.status === 'tilgjengelig' && !full;
  const longWaits = queue.filter((q) => now - new Date(q.startet).getTime() >= alertMinutes * 60_000).length;

  async function take(id: string) {
    const r = await act({ handling: 'ta', id });
    setNotice(r.ok ? 'Du har tatt samtalen.' : r.error);
  }

  return (
    <div className="mt-6 space-y-8">
      <p role="status" className="text-sm text-muted">
        {connected ? 'Tilkoblet.' : 'Kobler til …'} {notice}
      </p>
      <Availability presence={presence} onChange={setPresence} />
      <SoundChoice sound={sound} onChange={changeSound} />
      {/* Those who could take it are told: a host on pause has said they cannot. */}
      {longWaits > 0 && presence.status === 'tilgjengelig' ? (
        <p role="alert" className="rounded-xl bg-notice p-3 font-semibold">
          {longWaits === 1 ? 'En samtale' : `${longWaits} samtaler`} har ventet i mer enn {alertMinutes} minutter uten å bli tatt.
        </p>
      ) : null}
      <Queue
        queue={queue}
        onTake={takes ? (id) => void take(id) : undefined}
        why={presence.status === 'pause' ? 'Du har pause, så du tar ikke nye samtaler.' : full ? `Du har ${mine.length === 1 ? 'én samtale' : `${mine.length} samtaler`}, som er grensen din. Avslutt en før du tar en ny.` : null}
      />
      <section aria-labelledby="mine-overskrift">
        <h2 id="mine-overskrift" className="text-2xl font-bold">
          Mine samtaler ({mine.length})
        </h2>
        {mine.length === 0 ? <p className="mt-2">Du har ingen åpne samtaler.</p> : null}
        <div className="mt-3 grid gap-6 lg:grid-cols-2">
          {mine.map((c, i) => (
            <HostChat key={c.id} number={i + 1} chat={c} messages={messages[c.id] ?? []} categories={categories} quickReplies={quickReplies} onNotice={setNotice} />
          ))}
        </div>
      </section>
    </div>
  );
}

/** The time now, renewed every 15 seconds: how long each chat in the queue has waited. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function Queue({ queue, onTake, why }: { queue: QueueItem[]; onTake?: (id: string) => void; why: string | null }) {
  return (
    <section aria-labelledby="ko-overskrift">
      <h2 id="ko-overskrift" className="text-2xl font-bold">
        Kø ({queue.length})
      </h2>
      {why && queue.length > 0 ? <p className="mt-2">{why}</p> : null}
      {queue.length === 0 ? (
        <p className="mt-2">Ingen venter.</p>
      ) : (
        <ol className="mt-3 space-y-2">
          {queue.map((q, i) => (
            <li key={q.id} className="flex flex-wrap items-center gap-3 rounded-xl bg-white p-3 ring-1 ring-brand/15">
              <span>
                Nummer {i + 1}, venter siden {time(q.startet)}
              </span>
              {onTake ? (
                <button type="button" onClick={() => onTake(q.id)} className="rounded-lg bg-brand px-4 py-2 font-semibold text-white">
                  Ta samtalen
                </button>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
