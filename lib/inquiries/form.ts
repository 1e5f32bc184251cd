import { z } from 'zod';
import { sections } from '@/content/sections';
import { normalisePhone } from '@/lib/inquiries/phone';
import { hasRefusedCharacters, refusedCharactersMessage } from '@/lib/refused-characters';

/**
 * The contact form's fields, their choices and their rules, with the messages a relative
 * sees. Shared by the form (labels, limits) and the server action (validation).
 */
export const MESSAGE_MAX = 5000;

export const relations = [
  ['forelder', 'Jeg er forelder til den det gjelder'],
  ['barn', 'Jeg er barn av den det gjelder'],
  ['partner', 'Jeg er partner eller ektefelle'],
  ['sosken', 'Jeg er søsken'],
  ['annen_familie', 'Jeg er i familie på annen måte'],
  ['venn', 'Jeg er venn, nabo eller kollega'],
  ['fagperson', 'Jeg spør som fagperson'],
  ['annet', 'Annet'],
] as const;

export const audiences = [...sections.map((s) => [s.slug, s.title] as const), ['annet', 'Noe annet']] as const;

export const contactMethods = [
  ['epost', 'Send meg en e-post'],
  ['telefon', 'Ring meg'],
] as const;

const keys = <T extends readonly (readonly [string, string])[]>(list: T) => list.map(([k]) => k) as [T[number][0], ...T[number][0][]];

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} kan ha høyst ${max.toLocaleString('nb-NO')} tegn.`)
    .refine((v) => !hasRefusedCharacters(v), { message: refusedCharactersMessage(label) });

/** The name and contact details, as the form checks them and as an adviser corrects them. */
export const contactFieldSchemas = {
  name: text('Navnet', 100).pipe(z.string().min(1, 'Skriv navnet ditt. Fornavn holder.')),
  email: text('E-postadressen', 254).pipe(z.union([z.literal(''), z.email('Skriv e-postadressen slik: navn@eksempel.no.')])),
  phone: text('Telefonnummeret', 30).refine((v) => v === '' || normalisePhone(v) !== undefined, {
    message: 'Skriv et telefonnummer med 8 siffer, eller med landkode, for eksempel +46 70 123 45 67.',
  }),
};

export const inquirySchema = z
  .object({
    ...contactFieldSchemas,
    contactBy: z.enum(keys(contactMethods), { error: 'Velg hvordan du vil at vi tar kontakt.' }),
    relation: z.enum(keys(relations), { error: 'Velg hvilken relasjon du har til den det gjelder.' }),
    audience: z.enum(keys(audiences), { error: 'Velg hva henvendelsen gjelder.' }),
    message: text('Meldingen', MESSAGE_MAX).pipe(z.string().min(1, 'Skriv hva du lurer på eller trenger hjelp til.')),
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

export const fieldOrder = ['name', 'email', 'phone', 'contactBy', 'relation', 'audience', 'message', 'declineJournal'] as const;
export type InquiryField = (typeof fieldOrder)[number];

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

/** The same choices as staff read them (the form speaks in the relative's first person). */
export const staffRelationLabels: Record<(typeof relations)[number][0], string> = {
  forelder: 'Forelder til den det gjelder',
  barn: 'Barn av den det gjelder',
  partner: 'Partner eller ektefelle',
  sosken: 'Søsken',
  annen_familie: 'Annen familie',
  venn: 'Venn, nabo eller kollega',
  fagperson: 'Fagperson',
  annet: 'Annet',
};

export const staffContactLabels: Record<(typeof contactMethods)[number][0], string> = {
  epost: 'E-post',
  telefon: 'Telefon',
};
