'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { errorCode, getDb, type Database } from '@/db/client';
import { logAccess, type AccessAction } from '@/db/queries/audit';
import { addNote, closeInquiry, reopenInquiry } from '@/db/queries/inquiries';
import { assignInquiry, inquiryStatus, setStatus } from '@/db/queries/inquiry-review';
import { fieldErrorsFrom, type FormState } from '@/lib/actions/form-state';
import { staffAllowed } from '@/lib/auth/staff-session';
import { appClock } from '@/lib/clock';
import { formatDate } from '@/lib/dates';
import { log } from '@/lib/log';
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

const ROLES = ['admin', 'adviser'] as const;
const FORBIDDEN = 'Du har ikke tilgang til dette.';
const GONE = 'Vi finner ikke henvendelsen. Den kan være slettet.';
const FAILED = 'Endringen ble ikke lagret. Prøv igjen om litt.';

const id = z.uuid();
type Outcome<F extends string> = { ok: true; message: string } | { ok: false; message: string; fieldErrors?: Partial<Record<F, string>> };
type Ctx = { staffId: string; now: Date };

async function reviewAction<F extends string, S extends z.ZodType<{ id: string }>>(
  form: FormData,
  spec: { fields: readonly F[]; schema: S; log: AccessAction; work: (db: Database, input: z.infer<S>, ctx: Ctx) => Promise<Outcome<F>> },
): Promise<FormState<F, Done>> {
  const values: Partial<Record<F, string>> = {};
  for (const f of spec.fields) {
    const v = form.get(f);
    // Browsers send line breaks as CRLF; count them as the textarea did.
    values[f] = typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : '';
  }
  const fail = (message: string, fieldErrors: Partial<Record<F, string>> = {}) => ({ status: 'error' as const, message, fieldErrors, values });

  const who = await staffAllowed(ROLES);
  if (!who) return fail(FORBIDDEN);

  const parsed = spec.schema.safeParse({ ...values, id: form.get('id') });
  if (!parsed.success) {
    if (parsed.error.issues.some((i) => i.path[0] === 'id')) return fail(GONE);
    return fail('Noe må rettes før vi kan lagre.', fieldErrorsFrom<F>(parsed.error.issues));
  }
  const input = parsed.data;

  let outcome: Outcome<F>;
  try {
    const db = await getDb();
    const now = appClock().now();
    outcome = await db.transaction(async (tx) => {
      const t = tx as unknown as Database;
      const result = await spec.work(t, input, { staffId: who.staffId, now });
      if (result.ok) await logAccess(t, { staffId: who.staffId, action: spec.log, objectType: 'inquiry', objectId: input.id, now });
      return result;
    });
  } catch (err) {
    log.error('inquiry_review.failed', { action: spec.log, code: errorCode(err) });
    return fail(FAILED);
  }
  if (!outcome.ok) return fail(outcome.message, outcome.fieldErrors);

  revalidatePath(`/staff/henvendelser/${input.id}`);
  revalidatePath('/staff/henvendelser');
  return { status: 'ok', result: { message: outcome.message } };
}

const noteSchema = z.object({
  id,
  note: z.string().trim().min(1, 'Skriv notatet før du lagrer det.').max(NOTE_MAX, `Notatet kan ha høyst ${NOTE_MAX.toLocaleString('nb-NO')} tegn.`),
});

export async function addNoteAction(_prev: NoteFormState, form: FormData): Promise<NoteFormState> {
  return reviewAction(form, {
    fields: ['note'],
    schema: noteSchema,
    log: 'inquiry_note',
    work: async (db, { id, note }, { staffId, now }) => {
      if (!(await inquiryStatus(db, { id, now, lock: true }))) return { ok: false, message: GONE };
      await addNote(db, { inquiryId: id, authorId: staffId, body: note, now });
      return { ok: true, message: 'Notatet er lagret.' };
    },
  });
}

const assignSchema = z.object({
  id,
  assignee: z.union([z.literal(''), z.uuid()], { error: 'Velg en person fra listen.' }).transform((v) => v || null),
});

export async function assignAction(_prev: AssignFormState, form: FormData): Promise<AssignFormState> {
  return reviewAction(form, {
    fields: ['assignee'],
    schema: assignSchema,
    log: 'inquiry_change',
    work: async (db, { id, assignee }, { now }) => {
      if (await assignInquiry(db, { id, staffId: assignee, now })) {
        return { ok: true, message: assignee ? 'Henvendelsen er tildelt.' : 'Henvendelsen er ikke lenger tildelt noen.' };
      }
      if (!(await inquiryStatus(db, { id, now }))) return { ok: false, message: GONE };
      return { ok: false, message: 'Noe må rettes før vi kan lagre.', fieldErrors: { assignee: 'Velg en person fra listen.' } };
    },
  });
}

const statusSchema = z.object({ id, status: z.enum(['ny', 'under_arbeid'], { error: 'Velg en status.' }) });

export async function setStatusAction(_prev: StatusFormState, form: FormData): Promise<StatusFormState> {
  return reviewAction(form, {
    fields: ['status'],
    schema: statusSchema,
    log: 'inquiry_change',
    work: async (db, { id, status }, { now }) => {
      const current = await inquiryStatus(db, { id, now, lock: true });
      if (!current) return { ok: false, message: GONE };
      if (current === 'avsluttet') return { ok: false, message: 'Kontakten er avsluttet. Gjenåpne den først hvis du vil endre status.' };
      await setStatus(db, { id, status, now });
      return { ok: true, message: `Status er endret til «${statusLabels[status]}».` };
    },
  });
}

export async function closeAction(_prev: LifecycleFormState, form: FormData): Promise<LifecycleFormState> {
  return reviewAction(form, {
    fields: [],
    schema: z.object({ id }),
    log: 'inquiry_close',
    work: async (db, { id }, { now }) => {
      const current = await inquiryStatus(db, { id, now, lock: true });
      if (!current) return { ok: false, message: GONE };
      // Closing again would move the deletion date; the first closing stands.
      if (current === 'avsluttet') return { ok: false, message: 'Kontakten er allerede avsluttet.' };
      const closed = await closeInquiry(db, { id, now });
      if (!closed) return { ok: false, message: GONE };
      return { ok: true, message: `Kontakten er avsluttet. Henvendelsen slettes ${formatDate(closed.deleteAfter)}.` };
    },
  });
}

export async function reopenAction(_prev: LifecycleFormState, form: FormData): Promise<LifecycleFormState> {
  return reviewAction(form, {
    fields: [],
    schema: z.object({ id }),
    log: 'inquiry_reopen',
    work: async (db, { id }, { now }) => {
      const current = await inquiryStatus(db, { id, now, lock: true });
      if (!current) return { ok: false, message: GONE };
      if (current !== 'avsluttet') return { ok: false, message: 'Kontakten er ikke avsluttet.' };
      if (!(await reopenInquiry(db, { id, now }))) return { ok: false, message: GONE };
      return { ok: true, message: 'Kontakten er gjenåpnet, og slettedatoen er fjernet.' };
    },
  });
}
