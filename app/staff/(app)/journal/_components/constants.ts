import type { JournalSourceType } from '@/db/schema/journal';

/** Shared by the server actions and the client forms; kept free of server-only imports. */
export const NAME_MAX = 200;
export const DETAILS_MAX = 500;
export const TEXT_MAX = 10_000;
export const REASON_MAX = 2000;

export const writeFields = ['name', 'details', 'text'] as const;
export type WriteField = (typeof writeFields)[number];
export const writeLabels: Record<WriteField, string> = {
  name: 'Personens navn',
  details: 'Andre opplysninger som identifiserer personen',
  text: 'Journalnotat',
};

export const correctFields = ['text', 'reason'] as const;
export type CorrectField = (typeof correctFields)[number];
export const correctLabels: Record<CorrectField, string> = { text: 'Rettet tekst', reason: 'Hvorfor notatet rettes' };

export const removeFields = ['reason'] as const;
export type RemoveField = (typeof removeFields)[number];
export const removeLabels: Record<RemoveField, string> = { reason: 'Begrunnelse for å fjerne opplysningene' };

/** In the address (`kilde=`) as users read it, and as the database stores it. */
export const sourceParams = { henvendelse: 'inquiry', chat: 'chat' } as const satisfies Record<string, JournalSourceType>;
export type SourceParam = keyof typeof sourceParams;
export const sourceLabels: Record<JournalSourceType, string> = { inquiry: 'henvendelse', chat: 'chat' };
