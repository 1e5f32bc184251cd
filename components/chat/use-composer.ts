import { useState } from 'react';

export type Delivery = { ok: true } | { ok: false; error: string };

/**
 * A composer's draft and its sending. The field empties at once, so the next message can be
 * typed while this one travels; if it fails, the text comes back (unless something new was
 * typed meanwhile) with the error. `oneAtATime`: a second send waits until the first is done.
 */
export function useComposer(deliver: (draft: string) => Promise<Delivery>, { oneAtATime = false } = {}) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function submit() {
    if (oneAtATime && sending) return;
    if (!draft.trim()) {
      setError('Skriv en melding først.');
      return;
    }
    const text = draft;
    setSending(true);
    setError(null);
    setDraft('');
    const result = await deliver(text);
    setSending(false);
    if (result.ok) return;
    setDraft((current) => (current === '' ? text : current));
    setError(result.error);
  }

  return { draft, setDraft, error, setError, sending: oneAtATime && sending, submit };
}

export type ComposerState = ReturnType<typeof useComposer>;
