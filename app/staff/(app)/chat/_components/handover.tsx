'use client';

import { useState } from 'react';
import { act } from './host-api';
import type { StaffNote } from './use-host-events';

type FreeHost = { id: string; name: string };

/**
 * Handing a chat on: to a colleague who is free now, with a note the visitor never sees (warm),
 * or back to the queue (cold). The list of free colleagues is asked for when the panel opens,
 * and again on request. What the host typed stays if the handover is refused.
 */
export function Handover({ number, chatId, onDone }: { number: number; chatId: string; onDone: (notice: string) => void }) {
  const [hosts, setHosts] = useState<FreeHost[] | null>(null);
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function loadHosts() {
    setError(null);
    const r = await fetch('/staff/chat/api/verter', { cache: 'no-store' }).catch(() => undefined);
    const data = (await r?.json().catch(() => ({}))) as { verter?: FreeHost[]; error?: string };
    if (!r?.ok || !data.verter) return setError(data.error ?? 'Vi fikk ikke hentet hvem som er ledige. Prøv igjen.');
    setHosts(data.verter);
    if (!data.verter.some((h) => h.id === to)) setTo('');
  }

  async function give(til: string | null) {
    if (til === '') return setError('Velg hvem som skal ta over samtalen.');
    setBusy(true);
    const r = await act({ handling: 'gi-videre', id: chatId, til, notat: note });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      if (til) void loadHosts();
      return;
    }
    const name = hosts?.find((h) => h.id === til)?.name;
    onDone(til ? `Samtale ${number} er gitt videre til ${name ?? 'en kollega'}.` : `Samtale ${number} er satt tilbake i køen.`);
  }

  const selectId = `gi-videre-til-${chatId}`;
  const noteId = `gi-videre-notat-${chatId}`;
  return (
    <details className="mt-3 rounded-xl bg-sand/60 p-3" onToggle={(e) => (e.currentTarget.open && hosts === null ? void loadHosts() : undefined)}>
      <summary className="cursor-pointer font-semibold text-brand-dark">
        Gi samtalen videre<span className="sr-only"> (samtale {number})</span>
      </summary>
      <form
        className="mt-2 space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          void give(to);
        }}
      >
        {hosts === null ? (
          <p>Henter ledige chatverter …</p>
        ) : hosts.length === 0 ? (
          <p>Ingen andre chatverter er ledige akkurat nå. Du kan sette samtalen tilbake i køen, eller prøve igjen litt senere.</p>
        ) : (
          <div>
            <label htmlFor={selectId} className="block font-semibold">
              Gi til
            </label>
            <select id={selectId} value={to} onChange={(e) => setTo(e.target.value)} className="mt-1 rounded-lg border-2 border-brand/30 px-2 py-1">
              <option value="">Velg en kollega</option>
              {hosts.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div>
          <label htmlFor={noteId} className="block font-semibold">
            Notat til den som tar over
          </label>
          <p id={`${noteId}-hjelp`} className="text-sm text-muted">
            Den besøkende ser ikke notatet. Det følger samtalen og slettes med den.
          </p>
          <textarea
            id={noteId}
            aria-describedby={`${noteId}-hjelp`}
            value={note}
            maxLength={1000}
            rows={3}
            onChange={(e) => setNote(e.target.value)}
            className="mt-1 w-full rounded-lg border-2 border-brand/30 p-2"
          />
        </div>
        {error ? (
          <p role="alert" className="rounded-lg bg-notice p-2">
            {error}
          </p>
        ) : null}
        <div className="flex flex-wrap gap-2">
          {hosts && hosts.length > 0 ? (
            <button type="submit" disabled={busy} className="rounded-lg bg-brand px-4 py-2 font-semibold text-white">
              Gi videre
            </button>
          ) : null}
          <button type="button" disabled={busy} onClick={() => void give(null)} className="rounded-lg border-2 border-brand px-4 py-2 font-semibold text-brand-dark">
            Sett tilbake i køen
          </button>
          <button type="button" disabled={busy} onClick={() => void loadHosts()} className="rounded-lg px-4 py-2 font-semibold text-brand-dark underline">
            Oppdater listen
          </button>
        </div>
      </form>
    </details>
  );
}

/** Notes about this chat from colleagues (an earlier host, a supervisor): staff only. */
export function StaffNotes({ notes }: { notes: StaffNote[] }) {
  if (notes.length === 0) return null;
  return (
    <section aria-label="Notater fra kolleger" className="mt-3 rounded-xl bg-brand-light/60 p-3">
      <p className="font-semibold">Notater fra kolleger (den besøkende ser dem ikke)</p>
      <ul className="mt-1 space-y-1">
        {notes.map((n) => (
          <li key={n.tid + n.tekst}>
            <span className="font-semibold">{n.fra ?? 'En kollega'}:</span> <span className="whitespace-pre-wrap">{n.tekst}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
