import { useCallback, useEffect, useRef } from 'react';
import type { ChatState, StateEvent, VisitorMessage } from './chat-types';

type StreamCallbacks = {
  onMessage: (message: VisitorMessage) => void;
  /** The chat waits or runs; `avsluttet` goes to onEnded instead. */
  onState: (state: StateEvent & { status: 'venter' | 'aktiv' }) => void;
  /** The chat has ended (`deleted`: and been deleted), or the server no longer knows it; the stream is closed by then. */
  onEnded: (deleted: boolean) => void;
  onError: (message: string) => void;
};

/**
 * The visitor's event stream. It asks for the messages after the last one it has seen, so a
 * reconnect neither loses nor repeats one. `listen` (re)opens it; `stop` closes it; `reset`
 * closes it and forgets the messages seen, for a new chat. The callbacks must be stable.
 */
export function useChatStream({ onMessage, onState, onEnded, onError }: StreamCallbacks) {
  const source = useRef<EventSource | null>(null);
  const lastSeq = useRef(0);
  /** `listen` itself, for the error handler inside it that must start over. */
  const relisten = useRef<() => void>(() => {});

  const stop = useCallback(() => {
    source.current?.close();
    source.current = null;
  }, []);

  const reset = useCallback(() => {
    stop();
    lastSeq.current = 0;
  }, [stop]);

  const ended = useCallback(
    (deleted = false) => {
      reset();
      onEnded(deleted);
      // Asking once more lets the server remove the cookie of a chat that has ended.
      void chatStatus().catch(() => undefined);
    },
    [onEnded, reset],
  );

  const listen = useCallback(() => {
    stop();
    const es = new EventSource(`/chat/api/hendelser?etter=${lastSeq.current}`);
    source.current = es;
    es.addEventListener('melding', (e) => {
      const m = JSON.parse((e as MessageEvent<string>).data) as VisitorMessage;
      if (m.seq <= lastSeq.current) return;
      lastSeq.current = m.seq;
      onMessage(m);
    });
    es.addEventListener('tilstand', (e) => {
      const s = JSON.parse((e as MessageEvent<string>).data) as StateEvent;
      if (s.status === 'avsluttet' || s.status === 'slettet') ended(s.status === 'slettet');
      else onState({ ...s, status: s.status });
    });
    es.onerror = () => {
      // The browser reconnects by itself (sending the last message number); if the server
      // refused the stream, ask whether the chat still exists.
      if (es.readyState !== EventSource.CLOSED) return;
      void chatStatus()
        // Refused (too many tabs, or the server is full): try again calmly, not in a loop.
        .then(({ status }) => (status === 'ingen' ? ended() : void setTimeout(() => source.current === es && relisten.current(), 5_000)))
        .catch(() => onError('Forbindelsen ble brutt. Vi prøver igjen.'));
    };
  }, [ended, onError, onMessage, onState, stop]);

  useEffect(() => {
    relisten.current = listen;
  }, [listen]);

  return { listen, stop, reset };
}

/** The chat the visitor's cookie names (`venter` or `aktiv`, with its code), or `ingen`. */
export async function chatStatus(): Promise<ChatState> {
  const r = await fetch('/chat/api/samtale', { cache: 'no-store' });
  return (await r.json()) as ChatState;
}
