'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { AccessAction } from '@/db/queries/audit';
import { findChatByReference } from '@/db/queries/chat-host';
import { markHandedOver, placeHold, releaseHolds } from '@/db/queries/holds';
import { findActiveHold, findInquiryByReference, normaliseReference } from '@/db/queries/holds-admin';
import type { FormState } from '@/lib/actions/form-state';
import { refuse } from '@/lib/actions/refusal';
import { parseChatReference } from '@/lib/chat/reference';
import { formatDate } from '@/lib/dates';
import { staffAction } from '@/lib/staff/action';
import type { StaffWork } from '@/lib/staff/work';
import { CASE_REFERENCE_MAX, holdFields, REASON_MAX, type HoldField } from './_components/constants';

/**
 * Legal holds: placed, released, or ended by a handover. Each action is a public POST
 * endpoint, so each checks that the caller is an admin before anything else and writes
 * nothing for anyone else. A change and its access-log row (ids only, under the held
 * object, so an inquiry's whole history is in one place) are written together or not at all.
 */
type Done = { message: string };
export type PlaceHoldState = FormState<HoldField, Done>;
export type HoldChangeState = FormState<never, Done>;

// The summary and the failure sentence are staffAction's defaults.
const onHolds = { roles: ['admin'], event: 'legal_hold' } as const;

const nb = (n: number) => n.toLocaleString('nb-NO');
const placeSchema = z.object({
  inquiryCode: z
    .string()
    .trim()
    .min(1, 'Skriv referansekoden til henvendelsen eller chatten.')
    .transform((v) => parseChatReference(v) ?? normaliseReference(v))
    .pipe(
      z
        .string()
        .regex(
          /^(?:CHAT-)?[A-Z2-9]{4}-[A-Z2-9]{4}$/,
          'Koden er for eksempel K7QM-3XHP for en henvendelse, eller CHAT-K7QM-3XHP for en chat.',
        ),
    ),
  caseReference: z.string().trim().min(1, 'Skriv politiets referanse, for eksempel saksnummeret.').max(CASE_REFERENCE_MAX, `Referansen kan ha høyst ${nb(CASE_REFERENCE_MAX)} tegn.`),
  reason: z.string().trim().min(1, 'Skriv hva pålegget gjelder.').max(REASON_MAX, `Begrunnelsen kan ha høyst ${nb(REASON_MAX)} tegn.`),
});

/** A refusal beside the code field, with its summary above the form. */
const badCode = (summary: string, field: string) => refuse<HoldField>('conflict', summary, { inquiryCode: field });

export const placeHoldAction = staffAction({
  ...onHolds,
  fields: holdFields,
  schema: placeSchema,
  run: async ({ db, input: { inquiryCode, caseReference, reason }, who, now, audit }) => {
    const hold = { reference: caseReference, reason, placedBy: who.staffId, now };
    if (inquiryCode.startsWith('CHAT-')) {
      const chat = await findChatByReference(db, { reference: inquiryCode, now, lock: true });
      if (!chat) throw badCode('Vi finner ikke chatten.', 'Vi finner ingen chat med denne koden. Den kan være slettet eller utlevert, eller slettefristen kan ha gått ut.');
      if (chat.onHold) throw badCode('Chatten har allerede et bevaringspålegg.', 'Chatten har allerede et aktivt bevaringspålegg. Se listen under.');
      await placeHold(db, { objectType: 'chat', objectId: chat.id, ...hold });
      await audit('hold_place', { type: 'chat', id: chat.id });
      return { message: `Bevaringspålegget er lagt inn. Chat ${chat.reference} slettes ikke så lenge pålegget gjelder.` };
    }
    // The lock makes two admins placing a hold on the same inquiry queue.
    const inquiry = await findInquiryByReference(db, { reference: inquiryCode, now, lock: true });
    if (!inquiry) throw badCode('Vi finner ikke henvendelsen.', 'Vi finner ingen henvendelse med denne koden. Den kan være slettet eller utlevert, eller slettefristen kan ha gått ut.');
    // One active hold per inquiry: releasing or handing over then always means that hold.
    if (inquiry.onHold) throw badCode('Henvendelsen har allerede et bevaringspålegg.', 'Henvendelsen har allerede et aktivt bevaringspålegg. Se listen under.');
    await placeHold(db, { objectType: 'inquiry', objectId: inquiry.id, ...hold });
    await audit('hold_place', { type: 'inquiry', id: inquiry.id });
    return { message: `Bevaringspålegget er lagt inn. Henvendelse ${inquiry.reference} slettes ikke så lenge pålegget gjelder.` };
  },
  done: (done) => {
    revalidatePath('/staff/bevaring');
    return done;
  },
});

type Ended = { deleteAfter: Date | null; now: Date; it: string; It: string };

/** Releasing and handing over share everything but the change itself and what the admin is told. */
function endHold(action: Extract<AccessAction, 'hold_release' | 'hold_handed_over'>, apply: typeof releaseHolds, message: (ended: Ended) => string) {
  return {
    ...onHolds,
    fields: [],
    hidden: ['id'],
    missing: 'Vi finner ikke pålegget.',
    schema: z.object({ id: z.uuid() }),
    run: async ({ db, input, now, audit }: StaffWork & { input: { id: string } }) => {
      const held = await findActiveHold(db, { id: input.id, now, lock: true });
      if (!held) throw refuse('conflict', 'Pålegget er allerede opphevet eller utlevert.');
      await apply(db, { objectType: held.objectType, objectId: held.objectId, now });
      await audit(action, { type: held.objectType, id: held.objectId });
      const object = held.objectType === 'chat' ? { it: 'samtalen', It: 'Samtalen' } : { it: 'henvendelsen', It: 'Henvendelsen' };
      return { message: message({ deleteAfter: held.objectDeleteAfter, now, ...object }) };
    },
    done: (done: Done, { input }: { input: { id: string } }) => {
      revalidatePath('/staff/bevaring');
      revalidatePath(`/staff/bevaring/${input.id}`, 'layout');
      return done;
    },
  } as const;
}

export const releaseHoldAction = staffAction(
  endHold('hold_release', releaseHolds, ({ deleteAfter, now, it, It }) => {
    const base = 'Pålegget er opphevet. De vanlige slettereglene gjelder igjen.';
    if (!deleteAfter) return base;
    if (deleteAfter <= now) return `${base} Slettefristen er gått ut, så ${it} slettes ved neste automatiske sletting.`;
    return `${base} ${It} slettes ${formatDate(deleteAfter)}.`;
  }),
);

export const handOverAction = staffAction(endHold('hold_handed_over', markHandedOver, ({ It }) => `${It} er markert som utlevert. Den slettes for godt ved neste automatiske sletting.`));
