import { fieldsOf } from '@/lib/actions/form-state';

/** Shared by the server action and the client form; kept free of server-only imports. */
export const TITLE_MAX = 200;
export const SUMMARY_MAX = 2000;
export const BODY_MAX = 100_000;

export const privacyLabels = { title: 'Tittel', summary: 'Kort om hva som endres', body: 'Teksten i erklæringen', takesEffect: 'Gjelder fra' };
export type PrivacyField = keyof typeof privacyLabels;
export const privacyFields = fieldsOf(privacyLabels);

export const buttonClass = 'rounded-lg bg-brand px-5 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-70';
export const secondaryButtonClass =
  'rounded-lg border-2 border-brand px-5 py-2 font-semibold text-brand-dark hover:bg-brand-light disabled:opacity-70';
