import type { CorrectableField } from '@/db/schema';
import { audiences, staffContactLabels, staffRelationLabels } from '@/lib/inquiries/form-fields';

export { statusLabels } from './constants';

/** Codes stored on an inquiry, as staff read them. An unknown code is shown as it is. */
const lookup = (list: readonly (readonly [string, string])[]) => (code: string) => list.find(([k]) => k === code)?.[1] ?? code;

export const audienceLabel = lookup(audiences);
export const relationLabel = lookup(Object.entries(staffRelationLabels));
export const contactLabel = lookup(Object.entries(staffContactLabels));

/** The fields a correction can change, as staff and the person's copy name them. */
export const fieldText: Record<CorrectableField, string> = { name: 'Navn', email: 'E-post', phone: 'Telefon' };
