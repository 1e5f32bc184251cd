'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { correctContact, eraseInquiry } from '@/db/queries/inquiry-rights';
import type { FormState } from '@/lib/actions/form-state';
import { refuse } from '@/lib/actions/refusal';
import { contactFieldSchemas } from '@/lib/inquiries/form';
import { staffAction } from '@/lib/staff/action';
import { LoggedRefusal } from '@/lib/staff/work';
import { fieldText } from '../_components/labels';

/**
 * A person's rights over their inquiry, carried out by an adviser or admin at their request:
 * correcting the name and contact details, and erasing the inquiry at once. (The copy for
 * innsyn is a download: [id]/innsyn/route.ts.) Each is a public POST endpoint, so each checks
 * the caller first; the change and its access-log row are written together or not at all, and
 * the row holds ids only.
 */
export type CorrectField = 'name' | 'email' | 'phone';
export type CorrectFormState = FormState<CorrectField, { message: string }>;
export type EraseFormState = FormState<'bekreft', never>;

const GONE = 'Vi finner ikke henvendelsen. Den kan være slettet.';
const HELD =
  'Henvendelsen kan ikke slettes nå, fordi et bevaringspålegg fra politiet eller en domstol gjelder for den. Si til personen at vi må vente til pålegget er over, og gi beskjed til en administrator.';
const onInquiry = { roles: ['admin', 'adviser'], hidden: ['id'], missing: GONE } as const;

export const correctContactAction = staffAction({
  ...onInquiry,
  fields: ['name', 'email', 'phone'],
  event: 'inquiry_correct',
  failed: 'Rettingen ble ikke lagret. Prøv igjen om litt.',
  schema: z
    .object({ id: z.uuid(), ...contactFieldSchemas })
    .refine((v) => v.email !== '' || v.phone !== '', { path: ['email'], message: 'Skriv e-postadressen eller telefonnummeret, så vi kan svare personen.' }),
  run: async ({ db, input, who, now, audit }) => {
    const changed = await correctContact(db, { id: input.id, values: input, by: who.staffId, now });
    if (!changed) throw refuse('not_found', GONE);
    // Nothing to change is nothing to log: the person is told, and what they typed stays.
    if (changed.length === 0) throw refuse('conflict', 'Ingenting er endret: opplysningene er allerede slik.');
    await audit('inquiry_correct', { type: 'inquiry', id: input.id });
    return { message: `Rettet: ${changed.map((f) => fieldText[f].toLowerCase()).join(', ')}. Det gamle er tatt vare på i historikken.` };
  },
  done: (done, { input }) => {
    revalidatePath(`/staff/henvendelser/${input.id}`);
    return done;
  },
});

export const eraseInquiryAction = staffAction({
  ...onInquiry,
  fields: ['bekreft'],
  event: 'inquiry_erase',
  failed: 'Henvendelsen ble ikke slettet. Prøv igjen om litt.',
  schema: z.object({
    id: z.uuid(),
    bekreft: z.literal('ja', { error: 'Kryss av for at personen selv har bedt om at henvendelsen slettes.' }),
  }),
  run: async ({ db, input, now, audit }) => {
    const outcome = await eraseInquiry(db, { id: input.id, now });
    if (!outcome) throw refuse('not_found', GONE);
    if (outcome === 'held') throw new LoggedRefusal('conflict', HELD, { action: 'inquiry_erase_refused', object: { type: 'inquiry', id: input.id } });
    await audit('inquiry_erase', { type: 'inquiry', id: input.id });
    return { message: 'Henvendelsen er slettet.' } as const;
  },
  done: () => {
    revalidatePath('/staff/henvendelser');
    redirect('/staff/henvendelser?slettet=1');
  },
});
