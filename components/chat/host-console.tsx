'use client';

import { useEffect, useRef, useState } from 'react';

/**
 * The chat host's console: the queue, the host's open chats side by side, writing, flagging
 * ("Inneholder personopplysninger") and ending. When a visitor's message holds a national
 * identity number, a phone number or an e-mail address, the chat asks to be flagged.
 */
type QueueItem = { id: string; startet: string };
type Mine = { id: string; kode: string; tatt: string | null; merket: boolean; slettes: string | null };
type Message = { samtale: string; seq: number; fra: 'besokende' | 'vert' | 'system'; tid: string; tekst: string; funn: string[] };

const FINDING_NAMES: Record<string, string> = { fodselsnummer: 'et fødselsnummer', telefon: 'et telefonnummer', epost: 'en e-postadresse' };

const time = (iso: string) => new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

async function act(body: Record<string, unknown>): Promise<{ ok: boolean; error?: string }> {
  const r = await fetch('/staff/chat/api/handling', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  }).catch(() => undefined);
  if (r?.ok) return { ok: true };
  const data = (await r?.json().catch(() => ({}))) as { error?: string };
  return { ok: false, error: data.error ?? 'Det gikk ikke. Prøv igjen.' };
}

export function HostConsole() {
  const [queue, setQueue] = useState<QueueItem[]>([]);
  const [mine, setMine] = useState<Mine[]>([]);
  const [messages, setMessages] = useState<Record<string, Message[]>>({});
  const [connected, setConnected] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    const es = new EventSource('/staff/chat/api/hendelser');
    es.onopen = () => {
      setConnected(true);
      // A new stream sends everything again.
      setMessages({});
    };
    es.onerror = () => setConnected(false);
    // The session ended (signed out, timed out): the server closed the stream; stay closed.
    es.addEventListener('slutt', (e) => {
      es.close();
      setConnected(false);
      setNotice((JSON.parse((e as MessageEvent<string>).data) as { melding: string }).melding);
    });
    es.addEventListener('oversikt', (e) => {
      const data = JSON.parse((e as MessageEvent<string>).data) as { ko: QueueItem[]; mine: Mine[] };
      setQueue(data.ko);
      setMine(data.mine);
    });
    es.addEventListener('melding', (e) => {
      const m = JSON.parse((e as MessageEvent<string>).data) as Message;
      setMessages((all) => {
        const list = all[m.samtale] ?? [];
        if (list.some((x) => x.seq === m.seq)) return all;
        return { ...all, [m.samtale]: [...list, m] };
      });
    });
    return () => es.close();
  }, []);

  async function take(id: string) {
    const r = await act({ handling: 'ta', id });
    setNotice(r.ok ? 'Du har tatt samtalen.' : (r.error ?? null));
  }

  return (
    <div className="mt-6 space-y-8">
      <p role="status" className="text-sm text-muted">
        {connected ? 'Tilkoblet.' : 'Kobler til …'} {notice}
      </p>
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
                <button type="button" onClick={() => void take(q.id)} className="rounded-lg bg-brand px-4 py-2 font-semibold text-white">
                  Ta samtalen
                </button>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="mine-overskrift">
        <h2 id="mine-overskrift" className="text-2xl font-bold">
          Mine samtaler ({mine.length})
        </h2>
        {mine.length === 0 ? <p className="mt-2">Du har ingen åpne samtaler.</p> : null}
        <div className="mt-3 grid gap-6 lg:grid-cols-2">
          {mine.map((c, i) => (
            <HostChat key={c.id} number={i + 1} chat={c} messages={messages[c.id] ?? []} />
          ))}
        </div>
      </section>
    </div>
  );
}

function HostChat({ number, chat, messages }: { number: number; chat: Mine; messages: Message[] }) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const headingId = `samtale-${chat.id}`;
  const findings = [...new Set(messages.flatMap((m) => m.funn))];
  const logRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    logRef.current?.scrollTo({ top: logRef.current.scrollHeight });
  }, [messages.length]);

  async function send(event: React.FormEvent) {
    event.preventDefault();
    if (!draft.trim()) {
      setError('Skriv en melding først.');
      return;
    }
    // The field empties at once, so the next message can be typed while this one travels;
    // if it fails, the text comes back (unless something new was typed meanwhile).
    const text = draft;
    setDraft('');
    const r = await act({ handling: 'send', id: chat.id, tekst: text });
    if (r.ok) setError(null);
    else {
      setDraft((current) => (current === '' ? text : current));
      setError(r.error ?? null);
    }
  }

  return (
    <article aria-labelledby={headingId} className="rounded-2xl bg-white p-4 ring-1 ring-brand/20">
      <h3 id={headingId} className="text-xl font-bold">
        Samtale {number}
      </h3>
      <p className="text-sm text-muted">
        Kode <span className="font-mono">{chat.kode}</span> (oppgis ved bevaringspålegg). {chat.tatt ? `Tatt ${time(chat.tatt)}.` : null}{' '}
        {chat.merket && chat.slettes
          ? `Merket: inneholder personopplysninger. Slettes ${new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'long', timeStyle: 'short' }).format(new Date(chat.slettes))}.`
          : null}
      </p>
      {findings.length > 0 && !chat.merket ? (
        <div role="alert" className="mt-3 rounded-xl bg-notice p-3">
          Besøkende har skrevet noe som ser ut som {findings.map((f) => FINDING_NAMES[f] ?? f).join(' og ')}. Merk samtalen, så slettes
          den innen utgangen av neste arbeidsdag.
        </div>
      ) : null}
      <div ref={logRef} role="log" aria-live="polite" aria-label={`Meldinger i samtale ${number}`} className="mt-3 max-h-80 overflow-y-auto">
        <ol className="space-y-2">
        {messages.map((m) => (
          <li key={m.seq} className={m.fra === 'vert' ? 'ml-6 rounded-xl bg-brand-light p-2' : 'mr-6 rounded-xl bg-sand p-2'}>
            <span className="block text-xs font-semibold text-muted">
              {m.fra === 'vert' ? 'Du' : m.fra === 'besokende' ? 'Besøkende' : 'System'} · {time(m.tid)}
            </span>
            <span className="whitespace-pre-wrap">{m.tekst}</span>
          </li>
        ))}
        </ol>
      </div>
      <form onSubmit={(e) => void send(e)} className="mt-3">
        <label htmlFor={`svar-${chat.id}`} className="block font-semibold">
          Svar i samtale {number}
        </label>
        <textarea
          id={`svar-${chat.id}`}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
          rows={2}
          maxLength={2000}
          className="mt-1 block w-full rounded-lg border-2 border-muted p-2"
        />
        {error ? (
          <p role="alert" className="mt-1 text-accent">
            {error}
          </p>
        ) : null}
        <div className="mt-2 flex flex-wrap gap-2">
          <button type="submit" className="rounded-lg bg-brand px-4 py-2 font-semibold text-white">
            Send
          </button>
          {!chat.merket ? (
            <button type="button" onClick={() => void act({ handling: 'merk', id: chat.id }).then((r) => setError(r.ok ? null : (r.error ?? null)))} className="rounded-lg border-2 border-brand px-4 py-2 font-semibold text-brand-dark">
              Inneholder personopplysninger
            </button>
          ) : null}
          {/* For a risk to life or health: a journal note about an identified person, from this chat. */}
          <a href={`/staff/journal/ny?kilde=chat&id=${chat.id}`} target="_blank" rel="noopener" className="rounded-lg border-2 border-brand px-4 py-2 font-semibold text-brand-dark no-underline">
            Skriv journal<span className="sr-only"> fra samtale {number} (åpnes i ny fane)</span>
          </a>
          {confirmEnd ? (
            <>
              <button type="button" onClick={() => void act({ handling: 'avslutt', id: chat.id })} className="rounded-lg bg-accent px-4 py-2 font-semibold text-white">
                Ja, avslutt
              </button>
              <button type="button" onClick={() => void act({ handling: 'avslutt', id: chat.id, blokker: true })} className="rounded-lg border-2 border-accent px-4 py-2 font-semibold text-accent">
                Avslutt og blokker
              </button>
              <button type="button" onClick={() => setConfirmEnd(false)} className="rounded-lg px-4 py-2 font-semibold text-brand-dark underline">
                Avbryt
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setConfirmEnd(true)} className="rounded-lg border-2 border-accent px-4 py-2 font-semibold text-accent">
              Avslutt samtalen
            </button>
          )}
        </div>
      </form>
    </article>
  );
}
