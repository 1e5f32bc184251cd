'use client';

import { act, time, type CategoryList } from './host-api';
import { HostChat } from './host-chat';
import { useHostEvents, type QueueItem } from './use-host-events';

/**
 * The chat host's console: the queue, the host's open chats side by side, writing, flagging
 * ("Inneholder personopplysninger") and ending. When a visitor's message holds a national
 * identity number, a phone number or an e-mail address, the chat asks to be flagged.
 */
export function HostConsole({ categories }: { categories: CategoryList }) {
  const { queue, mine, messages, connected, notice, setNotice } = useHostEvents();

  async function take(id: string) {
    const r = await act({ handling: 'ta', id });
    setNotice(r.ok ? 'Du har tatt samtalen.' : r.error);
  }

  return (
    <div className="mt-6 space-y-8">
      <p role="status" className="text-sm text-muted">
        {connected ? 'Tilkoblet.' : 'Kobler til …'} {notice}
      </p>
      <Queue queue={queue} onTake={(id) => void take(id)} />
      <section aria-labelledby="mine-overskrift">
        <h2 id="mine-overskrift" className="text-2xl font-bold">
          Mine samtaler ({mine.length})
        </h2>
        {mine.length === 0 ? <p className="mt-2">Du har ingen åpne samtaler.</p> : null}
        <div className="mt-3 grid gap-6 lg:grid-cols-2">
          {mine.map((c, i) => (
            <HostChat key={c.id} number={i + 1} chat={c} messages={messages[c.id] ?? []} categories={categories} />
          ))}
        </div>
      </section>
    </div>
  );
}

function Queue({ queue, onTake }: { queue: QueueItem[]; onTake: (id: string) => void }) {
  return (
    <section aria-labelledby="ko-overskrift">
      <h2 id="ko-overskrift" className="text-2xl font-bold">
        Kø ({queue.length})
      </h2>
      {queue.length === 0 ? (
        <p className="mt-2">Ingen venter.</p>
      ) : (
        <ol className="mt-3 space-y-2">
          {queue.map((q, i) => (
            <li key={q.id} className="flex flex-wrap items-center gap-3 rounded-xl bg-white p-3 ring-1 ring-brand/15">
              <span>
                Nummer {i + 1}, venter siden {time(q.startet)}
              </span>
              <button type="button" onClick={() => onTake(q.id)} className="rounded-lg bg-brand px-4 py-2 font-semibold text-white">
                Ta samtalen
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
