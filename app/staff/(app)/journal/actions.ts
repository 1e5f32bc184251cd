'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { AccessAction } from '@/db/queries/audit';
import { correctJournalEntry, createJournalEntry, removeJournalEntry, type EntryChange, type JournalRefusal } from '@/db/queries/journal';
import { fieldsOf, type FormState } from '@/lib/actions/form-state';
import { defaultSentence, refuse, type ErrorCode } from '@/lib/actions/refusal';
import { formatDateTime } from '@/lib/dates';
import { staffAction } from '@/lib/staff/action';
import type { StaffWork } from '@/lib/staff/work';
import { correctLabels, DETAILS_MAX, NAME_MAX, REASON_MAX, removeLabels, sourceParams, TEXT_MAX, writeLabels, type CorrectField, type RemoveField, type WriteField } from './_components/constants';

/**
 * Writing, correcting and removing journal notes. Each action is a public POST endpoint, so each
 * checks its caller first: chat hosts, advisers and admins write; only advisers and admins
 * correct and remove. A change and its access-log row (ids only, under the person's journal)
 * are written together or not at all.
 */
type JournalDone = { message: string; personId?: string };
export type WriteState = FormState<WriteField, JournalDone>;
export type CorrectState = FormState<CorrectField, JournalDone>;
export type RemoveState = FormState<RemoveField, JournalDone>;

const MISSING = 'Vi finner ikke journalnotatet.';
const nb = (n: number) => n.toLocaleString('nb-NO');
const required = (empty: string, max: number, long: string) => z.string().trim().min(1, empty).max(max, `${long} kan ha høyst ${nb(max)} tegn.`);

/** What every journal action shares: its hidden inputs, its sentences, its log name on failure. */
const onJournal = { hidden: ['id', 'kilde', 'person'], missing: MISSING, failed: 'Journalnotatet ble ikke lagret. Prøv igjen om litt.', event: 'journal' } as const;
const ADVISERS = ['admin', 'adviser'] as const;

type Written = { message: string; personId: string };

/** The change's log row sits under the person's journal. */
async function logged(audit: StaffWork['audit'], action: AccessAction, written: Written): Promise<Written> {
  await audit(action, { type: 'journal', id: written.personId });
  return written;
}

/** After the commit: the lists show it, and only those who may read the journal are told where it is. */
function revalidated(written: Written, { who }: { who: { role: string } }): JournalDone {
  revalidatePath('/staff/journal');
  revalidatePath(`/staff/journal/${written.personId}`);
  return { message: written.message, personId: who.role === 'chat_host' ? undefined : written.personId };
}

const refusals: Record<JournalRefusal, [ErrorCode, string]> = {
  journal_declined: ['conflict', 'Personen har reservert seg mot journal. Det kan ikke skrives journal fra denne henvendelsen.'],
  source_missing: ['not_found', 'Vi finner ikke henvendelsen eller chatten. Den kan være slettet, eller chatten er ikke tatt av en chattevert.'],
  not_allowed: ['forbidden', 'Du kan bare skrive journal fra chatter du selv har hatt.'],
  person_missing: ['not_found', 'Journalen du ville skrive i, hører ikke til denne henvendelsen eller chatten.'],
};

export const writeJournalAction = staffAction({
  ...onJournal,
  roles: ['admin', 'adviser', 'chat_host'],
  fields: fieldsOf(writeLabels),
  missing: 'Vi finner ikke henvendelsen eller chatten journalnotatet skal knyttes til. Åpne skjemaet fra henvendelsen eller chatten.',
  schema: z
    .object({
      kilde: z.enum(Object.keys(sourceParams) as [keyof typeof sourceParams, ...(keyof typeof sourceParams)[]]),
      id: z.uuid(),
      person: z.union([z.uuid(), z.literal('')]).optional(),
      name: z.string().trim().max(NAME_MAX, `Navnet kan ha høyst ${nb(NAME_MAX)} tegn.`),
      details: z.string().trim().max(DETAILS_MAX, `Opplysningene kan ha høyst ${nb(DETAILS_MAX)} tegn.`),
      text: required('Skriv journalnotatet.', TEXT_MAX, 'Notatet'),
    })
    // A new journal needs to say who it is about; a note added to an existing one does not.
    .refine((v) => Boolean(v.person) || v.name.length > 0, { path: ['name'], message: 'Skriv navnet til personen journalen gjelder.' }),
  run: async ({ db, input, who, now, audit }) => {
    const source = { type: sourceParams[input.kilde], id: input.id };
    const person = input.person ? { id: input.person } : { name: input.name, details: input.details || null };
    const written = await createJournalEntry(db, { source, person, text: input.text, writer: who, now });
    if (!written.ok) throw refuse(...refusals[written.refusal]);
    const receipt = `Journalnotatet er lagret ${formatDateTime(now)}.`;
    return logged(audit, 'journal_write', { personId: written.personId, message: who.role === 'chat_host' ? `${receipt} En fagkonsulent følger det opp.` : receipt });
  },
  done: revalidated,
});

/** A correction or a removal as the form hears it; a refusal is rolled back with the rest. */
function changed(change: EntryChange, message: string): Written {
  if (change.ok) return { personId: change.personId, message };
  if (change.problem === 'removed') throw refuse('conflict', 'Opplysningene i notatet er fjernet. Det kan ikke endres.');
  if (change.problem === 'unchanged') throw refuse('invalid', defaultSentence.invalid, { text: 'Teksten er den samme som før. Endre den, eller la være å rette.' });
  throw refuse('not_found', MISSING);
}

export const correctJournalAction = staffAction({
  ...onJournal,
  roles: ADVISERS,
  fields: fieldsOf(correctLabels),
  schema: z.object({
    id: z.uuid(),
    text: required('Skriv den rettede teksten.', TEXT_MAX, 'Notatet'),
    reason: required('Skriv hvorfor notatet rettes.', REASON_MAX, 'Begrunnelsen'),
  }),
  run: async ({ db, input: { id, text, reason }, who, now, audit }) =>
    logged(audit, 'journal_correct', changed(await correctJournalEntry(db, { entryId: id, text, reason, staffId: who.staffId, now }), 'Notatet er rettet. Den forrige teksten ligger i historikken.')),
  done: revalidated,
});

export const removeJournalAction = staffAction({
  ...onJournal,
  roles: ADVISERS,
  fields: fieldsOf(removeLabels),
  schema: z.object({ id: z.uuid(), reason: required('Skriv hvorfor opplysningene fjernes.', REASON_MAX, 'Begrunnelsen') }),
  run: async ({ db, input: { id, reason }, who, now, audit }) =>
    logged(audit, 'journal_remove', changed(await removeJournalEntry(db, { entryId: id, reason, staffId: who.staffId, now }), 'Opplysningene er fjernet. Journalen viser at notatet fantes, og hvorfor det ble fjernet.')),
  done: revalidated,
});
