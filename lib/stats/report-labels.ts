import type { ContactChannel, StatsSite } from '@/db/schema';

/** What the dashboard and its CSV call things, so the two read alike. */
export const siteLabels: Record<StatsSite, string> = { voksen: 'Nettsiden for voksne', unge: 'Nettsiden for barn og unge' };
export const channelLabels: Record<ContactChannel, string> = { henvendelse: 'Henvendelser', chat: 'Chatter' };
export const chatColumnLabels = ['Besvart', 'Avsluttet uten svar', 'Uten registrert ventetid'] as const;
export const CHAT_STARTED = 'Startet';
export const TOTAL = 'Sum';
export const RETIRED = '(ikke lenger i bruk)';
export const COVERAGE_OPEN = 'Timer åpent';
export const COVERAGE_STAFFED = 'Timer med chattevert';
export const COVERAGE_SHARE = 'Andel med chattevert';
