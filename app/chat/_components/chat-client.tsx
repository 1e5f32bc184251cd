'use client';

import { useId } from 'react';
import { Composer } from '@/components/chat/composer';
import type { Phase, VisitorMessage } from './chat-types';
import { useVisitorChat } from './use-visitor-chat';

/**
 * The visitor's side of the chat. It keeps the conversation in memory only (no localStorage,
 * no IndexedDB); the server knows the visitor by an HttpOnly cookie alone. A refresh in the
 * same tab finds the open chat again and replays its messages; after the end, the screen is
 * cleared. New messages are announced politely to screen readers.
 */
export function ChatClient({ closed = false }: { closed?: boolean }) {
  const { phase, messages, place, host, code, composer, start, end } = useVisitorChat(closed);
  const inputId = useId();
  const errorId = useId();
  const { error } = composer;

  if (phase === 'laster' || phase === 'stengt') return null;

  return (
    <section aria-labelledby="chat-overskrift" className="mt-8 rounded-3xl bg-white p-5 shadow-sm ring-1 ring-brand/15">
      <h2 id="chat-overskrift" className="text-2xl font-bold">
        {heading(phase, host)}
      </h2>
      <p role="status" className="mt-2">
        {phase === 'venter' && (place ? `Du er nummer ${place} i køen. Vi svarer så snart vi kan.` : 'Vi svarer så snart vi kan.')}
        {phase === 'avsluttet' && 'Samtalen er avsluttet. Det som ble skrevet, vises ikke lenger her.'}
        {phase === 'slettet' && 'Samtalen er avsluttet og slettet. Ingenting av det som ble skrevet, finnes lenger hos oss.'}
      </p>
      {code && (phase === 'venter' || phase === 'aktiv' || phase === 'avsluttet') ? <ChatCode code={code} /> : null}
      {error && (
        <p id={errorId} className="mt-3 rounded-xl bg-notice p-3" role="alert">
          {error}
        </p>
      )}
      {(phase === 'klar' || phase === 'avsluttet' || phase === 'slettet') && (
        <button type="button" onClick={() => void start()} className="mt-4 rounded-2xl bg-brand px-6 py-3 text-lg font-bold text-white hover:bg-brand-dark">
          {phase === 'klar' ? 'Start chat' : 'Start en ny samtale'}
        </button>
      )}
      {(phase === 'venter' || phase === 'aktiv') && (
        <>
          <MessageLog messages={messages} host={host} />
          <Composer id={inputId} label="Din melding" composer={composer} look="roomy" counted describedBy={error ? errorId : undefined}>
            <button type="button" onClick={() => void end()} className="rounded-2xl border-2 border-accent px-6 py-3 font-bold text-accent hover:bg-paper">
              Avslutt samtalen
            </button>
          </Composer>
        </>
      )}
    </section>
  );
}

/**
 * The chat's code, for the visitor to quote when asking us to delete the chat at once. Shown
 * while chatting and after the end while the page is open; it is held in this page's memory only.
 */
function ChatCode({ code }: { code: string }) {
  return (
    <p className="mt-3 rounded-xl bg-paper p-3 ring-1 ring-brand/15">
      Koden for samtalen din er{' '}
      <strong className="font-mono tracking-wider">{code}</strong>
      . Oppgi koden hvis du vil at vi sletter samtalen med en gang. Du trenger ikke si noe annet om deg selv.
    </p>
  );
}

function heading(phase: Phase, host: string | null): string {
  if (phase === 'aktiv' && host) return `Du snakker med ${host}`;
  return phase === 'venter' ? 'Du venter på svar' : 'Samtale';
}

function MessageLog({ messages, host }: { messages: VisitorMessage[]; host: string | null }) {
  return (
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
  );
}
