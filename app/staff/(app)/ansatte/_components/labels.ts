import type { StaffStatus } from '@/db/queries/staff-admin';
import type { StaffRole } from '@/db/schema';

/** Shared by the page, the server action and the client forms; kept free of server-only imports. */
export const roleLabels: Record<StaffRole, string> = {
  admin: 'Administrator',
  adviser: 'Fagkonsulent',
  chat_host: 'Chattevert',
  course_admin: 'Kursansvarlig',
};

/** In the order the form offers them. */
export const roles = Object.keys(roleLabels) as StaffRole[];

export const roleHints: Record<StaffRole, string> = {
  admin: 'Følger opp henvendelser, legger til og deaktiverer ansatte og leser tilgangsloggen.',
  adviser: 'Leser og følger opp henvendelsene fra kontaktskjemaet.',
  chat_host: 'Svarer i chatten. Ser ikke henvendelsene fra kontaktskjemaet.',
  course_admin: 'Lager og endrer kurs og ser hvem som er påmeldt. Ser ikke henvendelsene eller chatten.',
};

export const statusLabels: Record<StaffStatus, string> = {
  active: 'Aktiv',
  disabled: 'Deaktivert',
  pending: 'Venter på oppsett',
};

/** What a staff form's action answers on success; `link` is a one-time link, shown once. */
export type StaffDone = { message: string; link?: string };

export const NAME_MAX = 100;
export const EMAIL_MAX = 254;
