import { z } from 'zod';
import { normalisePhone } from '@/lib/inquiries/phone';
import { writtenText } from '@/lib/written-text';
import { audiences, contactMethods, MESSAGE_MAX, relations, type InquiryField } from './form-fields';

/**
 * The contact form's rules, with the messages a relative sees: the server action's
 * validation. The fields, choices and limits the form itself shows are in form-fields.ts,
 * without zod, so the contact page's script does not carry a validation library it never runs.
 */
export * from './form-fields';

const keys = <T extends readonly (readonly [string, string])[]>(list: T) => list.map(([k]) => k) as [T[number][0], ...T[number][0][]];


/** The name and contact details, as the form checks them and as an adviser corrects them. */
export const contactFieldSchemas = {
  name: writtenText('Navnet', 100).pipe(z.string().min(1, 'Skriv navnet ditt. Fornavn holder.')),
  email: writtenText('E-postadressen', 254).pipe(z.union([z.literal(''), z.email('Skriv e-postadressen slik: navn@eksempel.no.')])),
  phone: writtenText('Telefonnummeret', 30).refine((v) => v === '' || normalisePhone(v) !== undefined, {
    message: 'Skriv et telefonnummer med 8 siffer, eller med landkode, for eksempel +46 70 123 45 67.',
  }),
};

export const inquirySchema = z
  .object({
    ...contactFieldSchemas,
    contactBy: z.enum(keys(contactMethods), { error: 'Velg hvordan du vil at vi tar kontakt.' }),
    relation: z.enum(keys(relations), { error: 'Velg hvilken relasjon du har til den det gjelder.' }),
    audience: z.enum(keys(audiences), { error: 'Velg hva henvendelsen gjelder.' }),
    message: writtenText('Meldingen', MESSAGE_MAX).pipe(z.string().min(1, 'Skriv hva du lurer på eller trenger hjelp til.')),
    declineJournal: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (!v.email && !v.phone) {
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'Skriv e-postadressen eller telefonnummeret ditt, så vi kan svare deg.' });
    }
    if (v.contactBy === 'epost' && !v.email && v.phone) {
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'Du har valgt e-post. Skriv e-postadressen din, eller velg telefon.' });
    }
    if (v.contactBy === 'telefon' && !v.phone && v.email) {
      ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Du har valgt telefon. Skriv telefonnummeret ditt, eller velg e-post.' });
    }
  });


/** What the form sent, as strings, so every value can be put back after an error. */
export function readInquiryForm(form: FormData): Record<InquiryField, string> {
  const get = (k: string) => {
    const v = form.get(k);
    return typeof v === 'string' ? v : '';
  };
  return {
    name: get('name'),
    email: get('email'),
    phone: get('phone'),
    contactBy: get('contactBy'),
    relation: get('relation'),
    audience: get('audience'),
    message: get('message'),
    declineJournal: get('declineJournal') === 'ja' ? 'ja' : '',
  };
}
