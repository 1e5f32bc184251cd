import type { HoldObjectType, HoldStatus } from '@/db/queries/holds-admin';
import { fieldsOf } from '@/lib/actions/form-state';

/** Shared by the server actions and the client forms; kept free of server-only imports. */
export const CASE_REFERENCE_MAX = 200;
export const REASON_MAX = 1000;

export const holdLabels = { inquiryCode: 'Referansekoden til henvendelsen eller chatten', caseReference: 'Politiets referanse', reason: 'Begrunnelse' };
export type HoldField = keyof typeof holdLabels;
export const holdFields = fieldsOf(holdLabels);

export const objectTypeLabels: Record<HoldObjectType, string> = { inquiry: 'Henvendelse', chat: 'Chatsamtale' };
export const holdStatusLabels: Record<HoldStatus, string> = { active: 'Aktiv', released: 'Opphevet', handed_over: 'Utlevert' };

export const buttonClass = 'inline-block rounded-lg bg-brand px-5 py-2 font-semibold text-white no-underline hover:bg-brand-dark disabled:opacity-70';
export const secondaryButtonClass =
  'inline-block rounded-lg border-2 border-brand px-5 py-2 font-semibold text-brand-dark no-underline hover:bg-brand-light disabled:opacity-70';
export const dangerButtonClass = 'inline-block rounded-lg bg-accent px-5 py-2 font-semibold text-white no-underline hover:opacity-90 disabled:opacity-70';
