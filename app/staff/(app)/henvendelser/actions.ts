'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { AccessAction } from '@/db/queries/audit';
import { setCategories } from '@/db/queries/contact-stats';
import { addNote, closeInquiry, reopenInquiry } from '@/db/queries/inquiries';
import { assignInquiry, inquiryStatus, setStatus } from '@/db/queries/inquiry-review';
import type { FormState } from '@/lib/actions/form-state';
import { defaultSentence, refuse } from '@/lib/actions/refusal';
import { formatDate } from '@/lib/dates';
import { staffAction } from '@/lib/staff/action';
import type { StaffWork } from '@/lib/staff/work';
import { NOTE_MAX, statusLabels } from './_components/constants';

/**
 * Changes to an inquiry from its page. Each is a public POST endpoint, so each checks the
 * caller first and writes nothing for anyone but an adviser or admin. A change and its row
 * in the access log are written together or not at all; the log row holds ids only.
 */
type Done = { message: string };
export type NoteFormState = FormState<'note', Done>;
export type AssignFormState = FormState<'assignee', Done>;
export type StatusFormState = FormState<'status', Done>;
export type LifecycleFormState = FormState<never, Done>;
export type CategoryFormState = FormState<'arsak' | 'utfall', Done>;

const GONE = 'Vi finner ikke henvendelsen. Den kan være slettet.';

/** What every change here shares: who may make it, its hidden id, and its log name on failure. */
const onInquiry = { roles: ['admin', 'adviser'], hidden: ['id'], missing: GONE, event: 'inquiry_review' } as const;
const id = z.uuid();
const logged = (audit: StaffWork['audit'], action: AccessAction, inquiryId: string) => audit(action, { type: 'inquiry', id: inquiryId });

/** After the commit: the inquiry's page and the list show the change. */
function revalidated(done: Done, { input }: { input: { id: string } }): Done {
  revalidatePath(`/staff/henvendelser/${input.id}`);
  revalidatePath('/staff/henvendelser');
  return done;
}

/** The inquiry as it stands, locked until the change commits; gone means refused. */
async function statusOf(db: StaffWork['db'], inquiryId: string, now: Date) {
  const current = await inquiryStatus(db, { id: inquiryId, now, lock: true });
  if (!current) throw refuse('not_found', GONE);
  return current;
}

export const addNoteAction = staffAction({
  ...onInquiry,
  fields: ['note'],
  schema: z.object({
    id,
    note: z.string().trim().min(1, 'Skriv notatet før du lagrer det.').max(NOTE_MAX, `Notatet kan ha høyst ${NOTE_MAX.toLocaleString('nb-NO')} tegn.`),
  }),
  run: async ({ db, input, who, now, audit }) => {
    await statusOf(db, input.id, now);
    await addNote(db, { inquiryId: input.id, authorId: who.staffId, body: input.note, now });
    await logged(audit, 'inquiry_note', input.id);
    return { message: 'Notatet er lagret.' };
  },
  done: revalidated,
});

export const assignAction = staffAction({
  ...onInquiry,
  fields: ['assignee'],
  schema: z.object({
    id,
    assignee: z.union([z.literal(''), z.uuid()], { error: 'Velg en person fra listen.' }).transform((v) => v || null),
  }),
  run: async ({ db, input: { id, assignee }, now, audit }) => {
    if (!(await assignInquiry(db, { id, staffId: assignee, now }))) {
      if (!(await inquiryStatus(db, { id, now }))) throw refuse('not_found', GONE);
      throw refuse('invalid', defaultSentence.invalid, { assignee: 'Velg en person fra listen.' });
    }
    await logged(audit, 'inquiry_change', id);
    return { message: assignee ? 'Henvendelsen er tildelt.' : 'Henvendelsen er ikke lenger tildelt noen.' };
  },
  done: revalidated,
});

export const setStatusAction = staffAction({
  ...onInquiry,
  fields: ['status'],
  schema: z.object({ id, status: z.enum(['ny', 'under_arbeid'], { error: 'Velg en status.' }) }),
  run: async ({ db, input: { id, status }, now, audit }) => {
    if ((await statusOf(db, id, now)) === 'avsluttet') throw refuse('conflict', 'Kontakten er avsluttet. Gjenåpne den først hvis du vil endre status.');
    await setStatus(db, { id, status, now });
    await logged(audit, 'inquiry_change', id);
    return { message: `Status er endret til «${statusLabels[status]}».` };
  },
  done: revalidated,
});

const categoryIds = z.array(z.coerce.number().int().positive()).max(40);

export const setCategoriesAction = staffAction({
  ...onInquiry,
  fields: ['arsak', 'utfall'],
  lists: ['arsak', 'utfall'],
  schema: z.object({ id, arsak: categoryIds, utfall: categoryIds }),
  run: async ({ db, input, now, audit }) => {
    await statusOf(db, input.id, now);
    const choice = { reasons: input.arsak, outcomes: input.utfall };
    if (!(await setCategories(db, { channel: 'henvendelse', id: input.id, choice }))) {
      throw refuse('invalid', 'En av kategoriene er ikke lenger i bruk. Se over valgene og lagre igjen.', { arsak: 'Velg blant kategoriene som vises nå.' });
    }
    await logged(audit, 'inquiry_change', input.id);
    return { message: 'Tema og utfall er lagret.' };
  },
  done: revalidated,
});

export const closeAction = staffAction({
  ...onInquiry,
  fields: [],
  schema: z.object({ id }),
  run: async ({ db, input: { id }, now, audit }) => {
    // Closing again would move the deletion date; the first closing stands.
    if ((await statusOf(db, id, now)) === 'avsluttet') throw refuse('conflict', 'Kontakten er allerede avsluttet.');
    const closed = await closeInquiry(db, { id, now });
    if (!closed) throw refuse('not_found', GONE);
    await logged(audit, 'inquiry_close', id);
    return { message: `Kontakten er avsluttet. Henvendelsen slettes ${formatDate(closed.deleteAfter)}.` };
  },
  done: revalidated,
});

export const reopenAction = staffAction({
  ...onInquiry,
  fields: [],
  schema: z.object({ id }),
  run: async ({ db, input: { id }, now, audit }) => {
    if ((await statusOf(db, id, now)) !== 'avsluttet') throw refuse('conflict', 'Kontakten er ikke avsluttet.');
    if (!(await reopenInquiry(db, { id, now }))) throw refuse('not_found', GONE);
    await logged(audit, 'inquiry_reopen', id);
    return { message: 'Kontakten er gjenåpnet, og slettedatoen er fjernet.' };
  },
  done: revalidated,
});
