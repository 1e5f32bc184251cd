import { sections } from '@/content/sections';

/**
 * The contact form's fields, their choices and limits: what the form shows and what staff
 * read. No zod here (lib/inquiries/form.ts has the rules), so the form's script stays small.
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

export const fieldOrder = ['name', 'email', 'phone', 'contactBy', 'relation', 'audience', 'message', 'declineJournal'] as const;
export type InquiryField = (typeof fieldOrder)[number];

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
