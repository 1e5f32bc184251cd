'use client';

import { useCallback, useEffect, useId, useRef, useState } from 'react';

/**
 * The visitor's side of the chat. It keeps the conversation in memory only (no localStorage,
 * no IndexedDB); the server knows the visitor by an HttpOnly cookie alone. A refresh in the
 * same tab finds the open chat again and replays its messages; after the end, the screen is
 * cleared. New messages are announced politely to screen readers.
 */
type Message = { seq: number; fra: 'besokende' | 'vert' | 'system'; tid: string; tekst: string };
type Phase = 'laster' | 'klar' | 'venter' | 'aktiv' | 'avsluttet' | 'stengt';
type StateEvent = { status: 'venter' | 'aktiv' | 'avsluttet'; plass: number | null; vert: string | null };

const MAX = 2000;

export function ChatClient({ closed = false }: { closed?: boolean }) {
  const [phase, setPhase] = useState<Phase>('laster');
  const [messages, setMessages] = useState<Message[]>([]);
  const [place, setPlace] = useState<number | null>(null);
  const [host, setHost] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const source = useRef<EventSource | null>(null);
  const lastSeq = useRef(0);
  /** `listen` itself, for the error handler inside it that must start over. */
  const relisten = useRef<() => void>(() => {});
  const inputId = useId();
  const errorId = useId();

  const stopStream = useCallback(() => {
    source.current?.close();
    source.current = null;
  }, []);

  const ended = useCallback(() => {
    stopStream();
    lastSeq.current = 0;
    setMessages([]);
    setDraft('');
    setPlace(null);
    setHost(null);
    setPhase('avsluttet');
  }, [stopStream]);

  const listen = useCallback(() => {
    stopStream();
    const es = new EventSource(`/chat/api/hendelser?etter=${lastSeq.current}`);
    source.current = es;
    es.addEventListener('melding', (e) => {
      const m = JSON.parse((e as MessageEvent<string>).data) as Message;
      if (m.seq <= lastSeq.current) return;
      lastSeq.current = m.seq;
      setMessages((list) => [...list, m]);
    });
    es.addEventListener('tilstand', (e) => {
      const s = JSON.parse((e as MessageEvent<string>).data) as StateEvent;
      if (s.status === 'avsluttet') {
        ended();
        return;
      }
      setPhase(s.status);
      setPlace(s.plass);
      setHost(s.vert);
    });
    es.onerror = () => {
      // The browser reconnects by itself (sending the last message number); if the server
      // refused the stream, ask whether the chat still exists.
      if (es.readyState === EventSource.CLOSED) {
        void fetch('/chat/api/samtale', { cache: 'no-store' })
          .then((r) => r.json() as Promise<{ status: string }>)
          // Refused (too many tabs, or the server is full): try again calmly, not in a loop.
          .then((s) => (s.status === 'ingen' ? ended() : void setTimeout(() => source.current === es && relisten.current(), 5_000)))
          .catch(() => setError('Forbindelsen ble brutt. Vi prøver igjen.'));
      }
    };
  }, [ended, stopStream]);

  useEffect(() => {
    relisten.current = listen;
  }, [listen]);

  useEffect(() => {
    let cancelled = false;
    fetch('/chat/api/samtale', { cache: 'no-store' })
      .then((r) => r.json() as Promise<{ status: string }>)
      .then((s) => {
        if (cancelled) return;
        if (s.status === 'venter' || s.status === 'aktiv') {
          setPhase(s.status);
          listen();
        } else setPhase(closed ? 'stengt' : 'klar');
      })
      .catch(() => !cancelled && setPhase(closed ? 'stengt' : 'klar'));
    return () => {
      cancelled = true;
      source.current?.close();
    };
  }, [closed, listen]);

  async function start() {
    setError(null);
    const r = await fetch('/chat/api/samtale', { method: 'POST' }).catch(() => undefined);
    const body = (await r?.json().catch(() => ({}))) as { status?: Phase; error?: string };
    if (!r || !r.ok) {
      setError(body.error ?? 'Vi fikk ikke startet samtalen. Prøv igjen om litt.');
      return;
    }
    setPhase(body.status === 'aktiv' ? 'aktiv' : 'venter');
    listen();
  }

  async function send(event: React.FormEvent) {
    event.preventDefault();
    if (sending) return;
    const text = draft.trim();
    if (!text) {
      setError('Skriv en melding først.');
      return;
    }
    setSending(true);
    setError(null);
    setDraft('');
    const r = await fetch('/chat/api/meldinger', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ body: text }),
    }).catch(() => undefined);
    setSending(false);
    if (r?.ok) return;
    const body = (await r?.json().catch(() => ({}))) as { error?: string };
    // What was typed comes back into the field.
    setDraft((current) => (current === '' ? draft : current));
    setError(body.error ?? 'Meldingen ble ikke sendt. Prøv igjen.');
  }

  async function end() {
    stopStream();
    await fetch('/chat/api/avslutt', { method: 'POST' }).catch(() => undefined);
    ended();
  }

  if (phase === 'laster' || phase === 'stengt') return null;

  return (
    <section aria-labelledby="chat-overskrift" className="mt-8 rounded-3xl bg-white p-5 shadow-sm ring-1 ring-brand/15">
      <h2 id="chat-overskrift" className="text-2xl font-bold">
        {phase === 'aktiv' && host ? `Du snakker med ${host}` : phase === 'venter' ? 'Du venter på svar' : 'Samtale'}
      </h2>
      <p role="status" className="mt-2">
        {phase === 'venter' && (place ? `Du er nummer ${place} i køen. Vi svarer så snart vi kan.` : 'Vi svarer så snart vi kan.')}
        {phase === 'avsluttet' && 'Samtalen er avsluttet. Det som ble skrevet, vises ikke lenger her.'}
      </p>
      {error && (
        <p id={errorId} className="mt-3 rounded-xl bg-notice p-3" role="alert">
          {error}
        </p>
      )}
      {(phase === 'klar' || phase === 'avsluttet') && (
        <button type="button" onClick={() => void start()} className="mt-4 rounded-2xl bg-brand px-6 py-3 text-lg font-bold text-white hover:bg-brand-dark">
          {phase === 'avsluttet' ? 'Start en ny samtale' : 'Start chat'}
        </button>
      )}
      {(phase === 'venter' || phase === 'aktiv') && (
        <>
          <div role="log" aria-live="polite" aria-label="Meldinger" className="mt-4 max-h-[60vh] overflow-y-auto">
            <ol className="space-y-3">
            {messages.map((m) => (
              <li key={m.seq} className={m.fra === 'besokende' ? 'ml-8 rounded-2xl bg-brand-light p-3' : 'mr-8 rounded-2xl bg-sand p-3'}>
                <span className="block text-sm font-semibold text-muted">{m.fra === 'besokende' ? 'Du' : m.fra === 'vert' ? (host ?? 'Chatverten') : 'Hjelpelinje'}</span>
                <span className="whitespace-pre-wrap">{m.tekst}</span>
              </li>
            ))}
            </ol>
          </div>
          <form onSubmit={(e) => void send(e)} className="mt-4">
            <label htmlFor={inputId} className="block font-semibold">
              Din melding
            </label>
            <textarea
              id={inputId}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey) {
                  e.preventDefault();
                  e.currentTarget.form?.requestSubmit();
                }
              }}
              maxLength={MAX}
              rows={3}
              aria-describedby={error ? errorId : undefined}
              className="mt-1 block w-full rounded-xl border-2 border-muted p-3"
            />
            <p className="mt-1 text-sm text-muted">
              Enter sender, Shift+Enter gir ny linje. {draft.length} av {MAX} tegn.
            </p>
            <div className="mt-3 flex flex-wrap gap-3">
              <button type="submit" disabled={sending} className="rounded-2xl bg-brand px-6 py-3 font-bold text-white hover:bg-brand-dark disabled:opacity-60">
                Send
              </button>
              <button type="button" onClick={() => void end()} className="rounded-2xl border-2 border-accent px-6 py-3 font-bold text-accent hover:bg-paper">
                Avslutt samtalen
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
