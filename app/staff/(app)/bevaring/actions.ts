'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { errorCode, getDb, type Database } from '@/db/client';
import { logAccess, type AccessAction } from '@/db/queries/audit';
import { markHandedOver, placeHold, releaseHolds } from '@/db/queries/holds';
import { findChatByReference, parseChatReference } from '@/db/queries/chat';
import { findActiveHold, findInquiryByReference, normaliseReference } from '@/db/queries/holds-admin';
import { fieldErrorsFrom, type FormState } from '@/lib/actions/form-state';
import { staffAllowed } from '@/lib/auth/staff-session';
import { appClock } from '@/lib/clock';
import { formatDate } from '@/lib/dates';
import { log } from '@/lib/log';
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

const FORBIDDEN = 'Du har ikke tilgang til dette.';
const FAILED = 'Endringen ble ikke lagret. Prøv igjen om litt.';
const ENDED = 'Pålegget er allerede opphevet eller utlevert.';

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
          /^(?:[A-Z2-9]{4}-[A-Z2-9]{4}|CHAT-[0-9A-F]{4}-[0-9A-F]{4})$/,
          'Koden er for eksempel K7QM-3XHP for en henvendelse, eller CHAT-1A2B-3C4D for en chat.',
        ),
    ),
  caseReference: z.string().trim().min(1, 'Skriv politiets referanse, for eksempel saksnummeret.').max(CASE_REFERENCE_MAX, `Referansen kan ha høyst ${nb(CASE_REFERENCE_MAX)} tegn.`),
  reason: z.string().trim().min(1, 'Skriv hva pålegget gjelder.').max(REASON_MAX, `Begrunnelsen kan ha høyst ${nb(REASON_MAX)} tegn.`),
});

type Outcome = { ok: true; message: string } | { ok: false; message: string; fieldErrors?: Partial<Record<HoldField, string>> };

export async function placeHoldAction(_prev: PlaceHoldState, form: FormData): Promise<PlaceHoldState> {
  const values: Partial<Record<HoldField, string>> = {};
  for (const f of holdFields) {
    const v = form.get(f);
    values[f] = typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : '';
  }
  const fail = (message: string, fieldErrors: Partial<Record<HoldField, string>> = {}) => ({ status: 'error' as const, message, fieldErrors, values });

  const who = await staffAllowed(['admin']);
  if (!who) return fail(FORBIDDEN);

  const parsed = placeSchema.safeParse(values);
  if (!parsed.success) return fail('Noe må rettes før vi kan lagre.', fieldErrorsFrom<HoldField>(parsed.error.issues));
  const { inquiryCode, caseReference, reason } = parsed.data;

  let outcome: Outcome;
  try {
    const db = await getDb();
    const now = appClock().now();
    outcome = await db.transaction(async (tx) => {
      const t = tx as unknown as Database;
      if (inquiryCode.startsWith('CHAT-')) {
        const chat = await findChatByReference(t, { reference: inquiryCode, now, lock: true });
        if (chat === 'ambiguous') {
          return { ok: false, message: 'Koden passer på flere chatter.', fieldErrors: { inquiryCode: 'Koden passer på flere chatter. Be chatverten om samtalens kode på nytt, og kontakt drift.' } };
        }
        if (!chat) {
          return { ok: false, message: 'Vi finner ikke chatten.', fieldErrors: { inquiryCode: 'Vi finner ingen chat med denne koden. Den kan være slettet eller utlevert, eller slettefristen kan ha gått ut.' } };
        }
        if (chat.onHold) {
          return { ok: false, message: 'Chatten har allerede et bevaringspålegg.', fieldErrors: { inquiryCode: 'Chatten har allerede et aktivt bevaringspålegg. Se listen under.' } };
        }
        await placeHold(t, { objectType: 'chat', objectId: chat.id, reference: caseReference, reason, placedBy: who.staffId, now });
        await logAccess(t, { staffId: who.staffId, action: 'hold_place', objectType: 'chat', objectId: chat.id, now });
        return { ok: true, message: `Bevaringspålegget er lagt inn. Chat ${chat.reference} slettes ikke så lenge pålegget gjelder.` };
      }
      // The lock makes two admins placing a hold on the same inquiry queue.
      const inquiry = await findInquiryByReference(t, { reference: inquiryCode, now, lock: true });
      if (!inquiry) {
        return { ok: false, message: 'Vi finner ikke henvendelsen.', fieldErrors: { inquiryCode: 'Vi finner ingen henvendelse med denne koden. Den kan være slettet eller utlevert, eller slettefristen kan ha gått ut.' } };
      }
      // One active hold per inquiry: releasing or handing over then always means that hold.
      if (inquiry.onHold) {
        return { ok: false, message: 'Henvendelsen har allerede et bevaringspålegg.', fieldErrors: { inquiryCode: 'Henvendelsen har allerede et aktivt bevaringspålegg. Se listen under.' } };
      }
      await placeHold(t, { objectType: 'inquiry', objectId: inquiry.id, reference: caseReference, reason, placedBy: who.staffId, now });
      await logAccess(t, { staffId: who.staffId, action: 'hold_place', objectType: 'inquiry', objectId: inquiry.id, now });
      return { ok: true, message: `Bevaringspålegget er lagt inn. Henvendelse ${inquiry.reference} slettes ikke så lenge pålegget gjelder.` };
    });
  } catch (err) {
    log.error('legal_hold.failed', { action: 'hold_place', code: errorCode(err) });
    return fail(FAILED);
  }
  if (!outcome.ok) return fail(outcome.message, outcome.fieldErrors);

  revalidatePath('/staff/bevaring');
  return { status: 'ok', result: { message: outcome.message } };
}

type Change = {
  action: Extract<AccessAction, 'hold_release' | 'hold_handed_over'>;
  apply: typeof releaseHolds;
  message: (deleteAfter: Date | null, now: Date, object: { it: string; It: string }) => string;
};

async function changeHold(form: FormData, change: Change): Promise<HoldChangeState> {
  const fail = (message: string) => ({ status: 'error' as const, message, fieldErrors: {}, values: {} });
  const who = await staffAllowed(['admin']);
  if (!who) return fail(FORBIDDEN);
  const id = z.uuid().safeParse(form.get('id'));
  if (!id.success) return fail('Vi finner ikke pålegget.');

  let outcome: Outcome;
  try {
    const db = await getDb();
    const now = appClock().now();
    outcome = await db.transaction(async (tx) => {
      const t = tx as unknown as Database;
      const held = await findActiveHold(t, { id: id.data, now, lock: true });
      if (!held) return { ok: false, message: ENDED };
      await change.apply(t, { objectType: held.objectType, objectId: held.objectId, now });
      await logAccess(t, { staffId: who.staffId, action: change.action, objectType: held.objectType, objectId: held.objectId, now });
      const object = held.objectType === 'chat' ? { it: 'samtalen', It: 'Samtalen' } : { it: 'henvendelsen', It: 'Henvendelsen' };
      return { ok: true, message: change.message(held.objectDeleteAfter, now, object) };
    });
  } catch (err) {
    log.error('legal_hold.failed', { action: change.action, code: errorCode(err) });
    return fail(FAILED);
  }
  if (!outcome.ok) return fail(outcome.message);

  revalidatePath('/staff/bevaring');
  revalidatePath(`/staff/bevaring/${id.data}`, 'layout');
  return { status: 'ok', result: { message: outcome.message } };
}

export async function releaseHoldAction(_prev: HoldChangeState, form: FormData): Promise<HoldChangeState> {
  return changeHold(form, {
    action: 'hold_release',
    apply: releaseHolds,
    message: (deleteAfter, now, object) => {
      const base = 'Pålegget er opphevet. De vanlige slettereglene gjelder igjen.';
      if (!deleteAfter) return base;
      if (deleteAfter <= now) return `${base} Slettefristen er gått ut, så ${object.it} slettes ved neste automatiske sletting.`;
      return `${base} ${object.It} slettes ${formatDate(deleteAfter)}.`;
    },
  });
}

export async function handOverAction(_prev: HoldChangeState, form: FormData): Promise<HoldChangeState> {
  return changeHold(form, {
    action: 'hold_handed_over',
    apply: markHandedOver,
    message: (_deleteAfter, _now, object) => `${object.It} er markert som utlevert. Den slettes for godt ved neste automatiske sletting.`,
  });
}
