import type { Delivery } from '@/components/chat/use-composer';

/** The reasons and outcomes in use, as the page hands them to the console. */
export type CategoryList = { reasons: { id: number; label: string }[]; outcomes: { id: number; label: string }[] };

/** One host action (take, send, flag, end) through the staff chat handler. */
export async function act(body: Record<string, unknown>): Promise<Delivery> {
  const r = await fetch('/staff/chat/api/handling', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  }).catch(() => undefined);
  if (r?.ok) return { ok: true };
  const data = (await r?.json().catch(() => ({}))) as { error?: string };
  return { ok: false, error: data.error ?? 'Det gikk ikke. Prøv igjen.' };
}

export const time = (iso: string) => new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

export const dateTime = (iso: string) =>
  new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
