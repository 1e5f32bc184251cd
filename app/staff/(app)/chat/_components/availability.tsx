'use client';

import { useState } from 'react';
import type { HostPresenceStatus } from '@/db/schema';

export type Presence = { status: HostPresenceStatus; maxChats: number };

const LIMITS = [1, 2, 3, 4, 5] as const;

/**
 * The host's own availability: taking new chats or on pause, and how many at once. Saved at
 * once on each change; chats the host already holds go on either way.
 */
export function Availability({ presence, onChange }: { presence: Presence; onChange: (p: Presence) => void }) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save(next: Presence) {
    setSaving(true);
    setError(null);
    const r = await fetch('/staff/chat/api/tilgjengelighet', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: next.status, maks: next.maxChats }),
    }).catch(() => undefined);
    setSaving(false);
    if (r?.ok) return onChange(next);
    const data = (await r?.json().catch(() => ({}))) as { error?: string };
    setError(data.error ?? 'Det gikk ikke å lagre. Prøv igjen.');
  }

  return (
    <section aria-labelledby="tilgjengelighet-overskrift" className="rounded-xl bg-white p-4 ring-1 ring-brand/15">
      <h2 id="tilgjengelighet-overskrift" className="text-xl font-bold">
        Din tilgjengelighet
      </h2>
      <fieldset className="mt-2" disabled={saving}>
        <legend className="sr-only">Tar du nye samtaler?</legend>
        <div className="flex flex-wrap gap-4">
          {(['tilgjengelig', 'pause'] as const).map((status) => (
            <label key={status} className="flex items-center gap-2">
              <input type="radio" name="tilgjengelighet" checked={presence.status === status} onChange={() => void save({ ...presence, status })} />
              {status === 'tilgjengelig' ? 'Tilgjengelig for nye samtaler' : 'Pause'}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="mt-3 flex flex-wrap items-center gap-2">
        Samtaler samtidig
        <select
          value={presence.maxChats}
          disabled={saving}
          onChange={(e) => void save({ ...presence, maxChats: Number(e.target.value) })}
          className="rounded-lg border-2 border-brand/30 px-2 py-1"
        >
          {LIMITS.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      {error ? (
        <p role="alert" className="mt-2 rounded-lg bg-notice p-2">
          {error}
        </p>
      ) : null}
    </section>
  );
}
