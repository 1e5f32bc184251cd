import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { createInquiry } from '@/db/queries/inquiries';
import { getJournal } from '@/db/queries/journal';
import { accessLog, journalEntries, journalRevisions } from '@/db/schema';
import { appClock } from '@/lib/clock';
import { accessLogFor, loggedEvent } from '@/test/access-log-rows';
import { form, idle } from '@/test/action-form';
import { databaseTargets } from '@/test/database-targets';
import { inquiryInput } from '@/test/inquiry-input';
import { callAs, signInAs } from '@/test/signed-in';
import { correctJournalAction, removeJournalAction, writeJournalAction } from './actions';

// The actions ask the session who is calling; these tests say who it is.
vi.mock('@/lib/auth/staff-session', () => import('@/test/signed-in'));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

async function newInquiry(declineJournal = false) {
  const input = inquiryInput({ declineJournal });
  return (await createInquiry(await getDb(), { input, privacyVersion: 1, now: appClock().now() })).id;
}

const rows = async () => (await (await getDb()).select({ n: sql<number>`count(*)::int` }).from(journalRevisions))[0]!.n;
const loggedBy = async (staffId: string) => (await getDb()).select({ action: accessLog.action }).from(accessLog).where(eq(accessLog.staffId, staffId));

describe.each(databaseTargets())('journal actions on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('an adviser writes, corrects and removes, each logged under the journal', async () => {
    const adviser = await signInAs('adviser');
    const inquiryId = await newInquiry();
    const written = await writeJournalAction(idle, form({ kilde: 'henvendelse', id: inquiryId, name: ' Ola Nordmann ', details: '', text: 'Første\r\nlinje.' }));
    expect(written).toMatchObject({ status: 'ok', result: { message: expect.stringMatching(/^Journalnotatet er lagret /) } });
    const personId = written.status === 'ok' ? written.result.personId! : '';
    const [entry] = await (await getDb()).select({ id: journalEntries.id }).from(journalEntries).where(eq(journalEntries.personId, personId));

    expect(await correctJournalAction(idle, form({ id: entry!.id, text: 'Første\nlinje.', reason: 'Ingen endring' }))).toMatchObject({
      status: 'error',
      fieldErrors: { text: expect.stringContaining('samme') },
    });
    expect(await correctJournalAction(idle, form({ id: entry!.id, text: 'Rettet.', reason: '' }))).toMatchObject({ status: 'error', fieldErrors: { reason: 'Skriv hvorfor notatet rettes.' } });
    expect(await correctJournalAction(idle, form({ id: entry!.id, text: 'Rettet.', reason: 'Feil dato.' }))).toMatchObject({ status: 'ok' });
    expect(await removeJournalAction(idle, form({ id: entry!.id, reason: '' }))).toMatchObject({ status: 'error' });
    expect(await removeJournalAction(idle, form({ id: entry!.id, reason: 'Berettiget krav.' }))).toMatchObject({ status: 'ok' });

    const journal = await getJournal(await getDb(), { personId });
    expect(journal).toMatchObject({ name: 'Ola Nordmann', details: null });
    expect(journal?.entries[0]?.removal?.reason).toBe('Berettiget krav.');
    expect(await accessLogFor(personId)).toEqual([
      loggedEvent(adviser.staffId, 'journal_write', 'journal', personId),
      loggedEvent(adviser.staffId, 'journal_correct', 'journal', personId),
      loggedEvent(adviser.staffId, 'journal_remove', 'journal', personId),
    ]);
  });

  it('refuses a declined inquiry with a clear message, and keeps what was typed', async () => {
    await signInAs('admin');
    const before = await rows();
    const state = await writeJournalAction(idle, form({ kilde: 'henvendelse', id: await newInquiry(true), name: 'Ola', details: '', text: 'Notat' }));
    expect(state).toMatchObject({ status: 'error', message: expect.stringContaining('reservert seg mot journal'), values: { name: 'Ola', text: 'Notat' } });
    expect(await rows()).toBe(before);
  });

  it('a chat host gets a receipt without a way to the journal, and may not correct, remove or write from an inquiry', async () => {
    const host = await signInAs('chat_host');
    const before = await rows();
    expect(await writeJournalAction(idle, form({ kilde: 'henvendelse', id: await newInquiry(), name: 'Ola', details: '', text: 'Notat' }))).toMatchObject({
      status: 'error',
      message: expect.stringContaining('chatter du selv har hatt'),
    });
    for (const action of [correctJournalAction, removeJournalAction]) {
      expect(await action(idle, form({ id: '00000000-0000-4000-8000-000000000000', text: 'x', reason: 'y' }))).toMatchObject({ status: 'error', message: 'Du har ikke tilgang til dette.' });
    }
    callAs(null);
    expect(await writeJournalAction(idle, form({ kilde: 'henvendelse', id: await newInquiry(), name: 'Ola', details: '', text: 'Notat' }))).toMatchObject({
      status: 'error',
      message: 'Du har ikke tilgang til dette.',
    });
    expect(await rows()).toBe(before);
    expect(await loggedBy(host.staffId)).toEqual([]);
  });

  it('asks for a name for a new journal, and for the note', async () => {
    await signInAs('adviser');
    const state = await writeJournalAction(idle, form({ kilde: 'henvendelse', id: await newInquiry(), name: ' ', details: '', text: '' }));
    expect(state).toMatchObject({ status: 'error', fieldErrors: { name: 'Skriv navnet til personen journalen gjelder.', text: 'Skriv journalnotatet.' } });
    expect(await writeJournalAction(idle, form({ kilde: 'brev', id: await newInquiry(), name: 'Ola', details: '', text: 'x' }))).toMatchObject({
      status: 'error',
      message: expect.stringContaining('Vi finner ikke'),
    });
  });
});
