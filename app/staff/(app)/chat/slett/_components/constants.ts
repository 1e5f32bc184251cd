import { fieldsOf } from '@/lib/actions/form-state';

/** Shared by the server actions and the client form; kept free of server-only imports. */
export const lookupLabels = { kode: 'Samtalens kode' };
export type LookupField = keyof typeof lookupLabels;
export const lookupFields = fieldsOf(lookupLabels);

/** What the confirm step shows of the chat found: its state and dates, never what was written. */
export type ChatFound = { kode: string; status: 'venter' | 'aktiv' | 'avsluttet'; startet: string; avsluttet: string | null };

export const statusLabels: Record<ChatFound['status'], string> = {
  venter: 'Venter i køen',
  aktiv: 'Pågår nå',
  avsluttet: 'Avsluttet',
};
