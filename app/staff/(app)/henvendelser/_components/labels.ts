import { audiences, staffContactLabels, staffRelationLabels } from '@/lib/inquiries/form';

export { statusLabels } from './constants';

/** Codes stored on an inquiry, as staff read them. An unknown code is shown as it is. */
const lookup = (list: readonly (readonly [string, string])[]) => (code: string) => list.find(([k]) => k === code)?.[1] ?? code;

export const audienceLabel = lookup(audiences);
export const relationLabel = lookup(Object.entries(staffRelationLabels));
export const contactLabel = lookup(Object.entries(staffContactLabels));
