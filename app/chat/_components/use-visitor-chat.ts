import { useCallback, useEffect, useState } from 'react';
import { useComposer, type Delivery } from '@/components/chat/use-composer';
import type { Phase, StateEvent, VisitorMessage } from './chat-types';
import { chatStatus, useChatStream } from './use-chat-stream';

/**
 * The visitor's side of the chat as state: the phase, the messages, the queue place and the
 * host's name, the composer, and what a visitor does (start, end). Everything is held in
 * memory only; after the end the screen is cleared.
 */
export function useVisitorChat(closed: boolean) {
  const [phase, setPhase] = useState<Phase>('laster');
  const [messages, setMessages] = useState<VisitorMessage[]>([]);
  const [place, setPlace] = useState<number | null>(null);
  const [host, setHost] = useState<string | null>(null);
  // Kept after the end, while the page is open, so the visitor can still quote it.
  const [code, setCode] = useState<string | null>(null);
  const composer = useComposer(postMessage, { oneAtATime: true });
  const { setDraft, setError } = composer;

  const onMessage = useCallback((m: VisitorMessage) => setMessages((list) => [...list, m]), []);
  const onState = useCallback((s: StateEvent & { status: 'venter' | 'aktiv' }) => {
    setPhase(s.status);
    setPlace(s.plass);
    setHost(s.vert);
  }, []);
  const onEnded = useCallback(
    (deleted: boolean) => {
      setMessages([]);
      setDraft('');
      setPlace(null);
      setHost(null);
      if (deleted) setCode(null);
      setPhase(deleted ? 'slettet' : 'avsluttet');
    },
    [setDraft],
  );
  const { listen, stop, reset } = useChatStream({ onMessage, onState, onEnded, onError: setError });

  useEffect(() => {
    let cancelled = false;
    chatStatus()
      .then(({ status, reference }) => {
        if (cancelled) return;
        if (status === 'venter' || status === 'aktiv') {
          setPhase(status);
          setCode(reference ?? null);
          listen();
        } else setPhase(closed ? 'stengt' : 'klar');
      })
      .catch(() => !cancelled && setPhase(closed ? 'stengt' : 'klar'));
    return () => {
      cancelled = true;
      stop();
    };
  }, [closed, listen, stop]);

  async function start() {
    setError(null);
    const r = await fetch('/chat/api/samtale', { method: 'POST' }).catch(() => undefined);
    const body = (await r?.json().catch(() => ({}))) as { status?: Phase; reference?: string; error?: string };
    if (!r || !r.ok) {
      setError(body.error ?? 'Vi fikk ikke startet samtalen. Prøv igjen om litt.');
      return;
    }
    setPhase(body.status === 'aktiv' ? 'aktiv' : 'venter');
    setCode(body.reference ?? null);
    listen();
  }

  async function end() {
    stop();
    await fetch('/chat/api/avslutt', { method: 'POST' }).catch(() => undefined);
    reset();
    onEnded(false);
  }

  return { phase, messages, place, host, code, composer, start, end };
}

async function postMessage(draft: string): Promise<Delivery> {
  const r = await fetch('/chat/api/meldinger', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ body: draft.trim() }),
  }).catch(() => undefined);
  if (r?.ok) return { ok: true };
  const body = (await r?.json().catch(() => ({}))) as { error?: string };
  return { ok: false, error: body.error ?? 'Meldingen ble ikke sendt. Prøv igjen.' };
}
