import type { JournalSourceType } from '@/db/schema/journal';

/** Shared by the server actions and the client forms; kept free of server-only imports. */
export const NAME_MAX = 200;
export const DETAILS_MAX = 500;
export const TEXT_MAX = 10_000;
export const REASON_MAX = 2000;

export const writeLabels = { name: 'Personens navn', details: 'Andre opplysninger som identifiserer personen', text: 'Journalnotat' };
export type WriteField = keyof typeof writeLabels;

export const correctLabels = { text: 'Rettet tekst', reason: 'Hvorfor notatet rettes' };
export type CorrectField = keyof typeof correctLabels;

export const removeLabels = { reason: 'Begrunnelse for å fjerne opplysningene' };
export type RemoveField = keyof typeof removeLabels;

/** In the address (`kilde=`) as users read it, and as the database stores it. */
export const sourceParams = { henvendelse: 'inquiry', chat: 'chat' } as const satisfies Record<string, JournalSourceType>;
export type SourceParam = keyof typeof sourceParams;
export const sourceLabels: Record<JournalSourceType, string> = { inquiry: 'henvendelse', chat: 'chat' };
