'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

async function post(body: Record<string, unknown>): Promise<{ ok: true } | { ok: false; error: string }> {
  const r = await fetch('/staff/chat/api/tilsyn', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).catch(() => undefined);
  if (r?.ok) return { ok: true };
  const data = (await r?.json().catch(() => ({}))) as { error?: string };
  return { ok: false, error: data.error ?? 'Det gikk ikke. Prøv igjen.' };
}

/** The supervisor's part: read again, write a note to the host, or stop reading (the host's marker goes). */
export function SupervisorTools({ chatId, canNote }: { chatId: string; canNote: boolean }) {
  const router = useRouter();
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function sendNote(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    const r = await post({ handling: 'notat', id: chatId, tekst: note });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setNote('');
    setStatus('Notatet er sendt til chatverten.');
    router.refresh();
  }

  async function stop() {
    setBusy(true);
    const r = await post({ handling: 'slutt', id: chatId });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    router.push('/staff/chat/tilsyn');
  }

  return (
    <section aria-labelledby="tilsyn-verktoy" className="space-y-4 rounded-2xl bg-white p-4 ring-1 ring-brand/15">
      <h2 id="tilsyn-verktoy" className="text-xl font-bold">
        Som leder
      </h2>
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={() => router.refresh()} className="rounded-lg border-2 border-brand px-4 py-2 font-semibold text-brand-dark">
          Les på nytt
        </button>
        <button type="button" disabled={busy} onClick={() => void stop()} className="rounded-lg border-2 border-accent px-4 py-2 font-semibold text-accent">
          Slutt å lese
        </button>
      </div>
      {canNote ? (
        <form onSubmit={(e) => void sendNote(e)} className="space-y-2">
          <label htmlFor="tilsyn-notat" className="block font-semibold">
            Notat til chatverten
          </label>
          <p id="tilsyn-notat-hjelp" className="text-sm text-muted">
            Bare chatverten ser notatet, i konsollen. Den besøkende ser det aldri.
          </p>
          <textarea
            id="tilsyn-notat"
            aria-describedby="tilsyn-notat-hjelp"
            value={note}
            maxLength={1000}
            rows={3}
            onChange={(e) => setNote(e.target.value)}
            className="w-full rounded-lg border-2 border-brand/30 p-2"
          />
          <button type="submit" disabled={busy} className="rounded-lg bg-brand px-4 py-2 font-semibold text-white">
            Send notatet
          </button>
        </form>
      ) : (
        <p>Samtalen venter i køen. Når en chatvert har tatt den, kan du skrive et notat til dem her.</p>
      )}
      {error ? (
        <p role="alert" className="rounded-lg bg-notice p-2">
          {error}
        </p>
      ) : null}
      <p role="status">{status}</p>
    </section>
  );
}
