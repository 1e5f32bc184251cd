'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { errorCode, getDb, type Database } from '@/db/client';
import { logAccess, type AccessAction } from '@/db/queries/audit';
import { correctJournalEntry, createJournalEntry, removeJournalEntry, type EntryChange, type JournalRefusal } from '@/db/queries/journal';
import type { StaffRole } from '@/db/schema';
import { fieldErrorsFrom, type FormState } from '@/lib/actions/form-state';
import { staffAllowed, type StaffSession } from '@/lib/auth/staff-session';
import { appClock } from '@/lib/clock';
import { formatDateTime } from '@/lib/dates';
import { log } from '@/lib/log';
import { DETAILS_MAX, NAME_MAX, REASON_MAX, sourceParams, TEXT_MAX, type CorrectField, type RemoveField, type WriteField } from './_components/constants';

/**
 * Writing, correcting and removing journal notes. Each action is a public POST endpoint, so each
 * checks its caller first: chat hosts, advisers and admins write; only advisers and admins
 * correct and remove. A change and its access-log row (ids only, under the person's journal)
 * are written together or not at all.
 */
export type JournalDone = { message: string; personId?: string };
export type WriteState = FormState<WriteField, JournalDone>;
export type CorrectState = FormState<CorrectField, JournalDone>;
export type RemoveState = FormState<RemoveField, JournalDone>;

const FORBIDDEN = 'Du har ikke tilgang til dette.';
const FAILED = 'Journalnotatet ble ikke lagret. Prøv igjen om litt.';
const MISSING = 'Vi finner ikke journalnotatet.';
const FIX = 'Noe må rettes før vi kan lagre.';
const nb = (n: number) => n.toLocaleString('nb-NO');
const required = (empty: string, max: number, long: string) => z.string().trim().min(1, empty).max(max, `${long} kan ha høyst ${nb(max)} tegn.`);

type Outcome<F extends string> = { ok: true; message: string; personId: string } | { ok: false; message: string; fieldErrors?: Partial<Record<F, string>> };

/** Reads the fields, checks the caller and the input, and runs `work` in one transaction with its log row. */
async function journalAction<F extends string, S extends z.ZodType>(
  form: FormData,
  spec: { roles: readonly StaffRole[]; fields: readonly F[]; schema: S; missing: string; log: AccessAction; work: (db: Database, input: z.infer<S>, who: StaffSession, now: Date) => Promise<Outcome<F>> },
): Promise<FormState<F, JournalDone>> {
  const values: Partial<Record<F, string>> = {};
  for (const f of spec.fields) {
    const v = form.get(f);
    // Browsers send line breaks as CRLF; count them as the textarea did.
    values[f] = typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : '';
  }
  const fail = (message: string, fieldErrors: Partial<Record<F, string>> = {}) => ({ status: 'error' as const, message, fieldErrors, values });

  const who = await staffAllowed(spec.roles);
  if (!who) return fail(FORBIDDEN);
  const hidden = Object.fromEntries(['id', 'kilde', 'person'].map((k) => [k, form.get(k) ?? undefined]));
  const parsed = spec.schema.safeParse({ ...values, ...hidden });
  if (!parsed.success) {
    if (parsed.error.issues.some((i) => ['id', 'kilde', 'person'].includes(String(i.path[0])))) return fail(spec.missing);
    return fail(FIX, fieldErrorsFrom<F>(parsed.error.issues));
  }

  let outcome: Outcome<F>;
  try {
    const db = await getDb();
    const now = appClock().now();
    outcome = await db.transaction(async (tx) => {
      const t = tx as unknown as Database;
      const result = await spec.work(t, parsed.data, who, now);
      if (result.ok) await logAccess(t, { staffId: who.staffId, action: spec.log, objectType: 'journal', objectId: result.personId, now });
      return result;
    });
  } catch (err) {
    log.error('journal.failed', { action: spec.log, code: errorCode(err) });
    return fail(FAILED);
  }
  if (!outcome.ok) return fail(outcome.message, outcome.fieldErrors);

  revalidatePath('/staff/journal');
  revalidatePath(`/staff/journal/${outcome.personId}`);
  // Only those who may read the journal are told where it is.
  const personId = who.role === 'chat_host' ? undefined : outcome.personId;
  return { status: 'ok', result: { message: outcome.message, personId } };
}

const refusals: Record<JournalRefusal, string> = {
  journal_declined: 'Personen har reservert seg mot journal. Det kan ikke skrives journal fra denne henvendelsen.',
  source_missing: 'Vi finner ikke henvendelsen eller chatten. Den kan være slettet, eller chatten er ikke tatt av en chattevert.',
  not_allowed: 'Du kan bare skrive journal fra chatter du selv har hatt.',
  person_missing: 'Journalen du ville skrive i, hører ikke til denne henvendelsen eller chatten.',
};

const writeSchema = z
  .object({
    kilde: z.enum(Object.keys(sourceParams) as [keyof typeof sourceParams, ...(keyof typeof sourceParams)[]]),
    id: z.uuid(),
    person: z.union([z.uuid(), z.literal('')]).optional(),
    name: z.string().trim().max(NAME_MAX, `Navnet kan ha høyst ${nb(NAME_MAX)} tegn.`),
    details: z.string().trim().max(DETAILS_MAX, `Opplysningene kan ha høyst ${nb(DETAILS_MAX)} tegn.`),
    text: required('Skriv journalnotatet.', TEXT_MAX, 'Notatet'),
  })
  // A new journal needs to say who it is about; a note added to an existing one does not.
  .refine((v) => Boolean(v.person) || v.name.length > 0, { path: ['name'], message: 'Skriv navnet til personen journalen gjelder.' });

export async function writeJournalAction(_prev: WriteState, form: FormData): Promise<WriteState> {
  return journalAction(form, {
    roles: ['admin', 'adviser', 'chat_host'],
    fields: ['name', 'details', 'text'],
    schema: writeSchema,
    missing: 'Vi finner ikke henvendelsen eller chatten journalnotatet skal knyttes til. Åpne skjemaet fra henvendelsen eller chatten.',
    log: 'journal_write',
    work: async (db, input, who, now) => {
      const source = { type: sourceParams[input.kilde], id: input.id };
      const person = input.person ? { id: input.person } : { name: input.name, details: input.details || null };
      const written = await createJournalEntry(db, { source, person, text: input.text, writer: who, now });
      if (!written.ok) return { ok: false, message: refusals[written.refusal] };
      const receipt = `Journalnotatet er lagret ${formatDateTime(now)}.`;
      return { ok: true, personId: written.personId, message: who.role === 'chat_host' ? `${receipt} En fagkonsulent følger det opp.` : receipt };
    },
  });
}

function changeOutcome<F extends string>(change: EntryChange, message: string): Outcome<F> {
  if (change.ok) return { ok: true, personId: change.personId, message };
  if (change.problem === 'removed') return { ok: false, message: 'Opplysningene i notatet er fjernet. Det kan ikke endres.' };
  if (change.problem === 'unchanged') return { ok: false, message: FIX, fieldErrors: { text: 'Teksten er den samme som før. Endre den, eller la være å rette.' } as Partial<Record<F, string>> };
  return { ok: false, message: MISSING };
}

const correctSchema = z.object({
  id: z.uuid(),
  text: required('Skriv den rettede teksten.', TEXT_MAX, 'Notatet'),
  reason: required('Skriv hvorfor notatet rettes.', REASON_MAX, 'Begrunnelsen'),
});

export async function correctJournalAction(_prev: CorrectState, form: FormData): Promise<CorrectState> {
  return journalAction(form, {
    roles: ['admin', 'adviser'],
    fields: ['text', 'reason'],
    schema: correctSchema,
    missing: MISSING,
    log: 'journal_correct',
    work: async (db, { id, text, reason }, who, now) =>
      changeOutcome(await correctJournalEntry(db, { entryId: id, text, reason, staffId: who.staffId, now }), 'Notatet er rettet. Den forrige teksten ligger i historikken.'),
  });
}

const removeSchema = z.object({ id: z.uuid(), reason: required('Skriv hvorfor opplysningene fjernes.', REASON_MAX, 'Begrunnelsen') });

export async function removeJournalAction(_prev: RemoveState, form: FormData): Promise<RemoveState> {
  return journalAction(form, {
    roles: ['admin', 'adviser'],
    fields: ['reason'],
    schema: removeSchema,
    missing: MISSING,
    log: 'journal_remove',
    work: async (db, { id, reason }, who, now) =>
      changeOutcome(await removeJournalEntry(db, { entryId: id, reason, staffId: who.staffId, now }), 'Opplysningene er fjernet. Journalen viser at notatet fantes, og hvorfor det ble fjernet.'),
  });
}
