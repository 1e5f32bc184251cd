import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { acceptConversation } from '@/db/queries/chat-host';
import { startConversation } from '@/db/queries/chat-visitor';
import { closeInquiry, createInquiry } from '@/db/queries/inquiries';
import {
  checkJournalSource,
  correctJournalEntry,
  createJournalEntry,
  getJournal,
  journalsFromSource,
  listJournals,
  removeJournalEntry,
  type JournalWriter,
} from '@/db/queries/journal';
import { createStaff } from '@/db/queries/staff';
import { chatConversations, inquiries, journalEntries, journalPersons, journalRevisions, type StaffRole } from '@/db/schema';
import { runPurge } from '@/lib/jobs/purge';
import { databaseTargets } from '@/test/database-targets';
import { inquiryInput } from '@/test/inquiry-input';

const MINUTE = 60_000;
const DAY = 86_400_000;
const now = new Date('2027-03-01T09:00:00Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * MINUTE);
const input = inquiryInput({ name: 'Kari Nordmann', message: 'Hei.' });
const STATEMENT = 'Mor forteller at sønnen har snakket om å ta sitt eget liv.';
const PERSON = { name: 'Ola Nordmann', details: 'Født 3. mai 2010' };

async function newInquiry({ declineJournal = false, at = now } = {}) {
  return (await createInquiry(await getDb(), { input: { ...input, declineJournal }, privacyVersion: 1, now: at })).id;
}

let staffCount = 0;
async function newStaff(role: StaffRole, name: string): Promise<JournalWriter & { name: string }> {
  const { id } = await createStaff(await getDb(), { email: `journal${++staffCount}@example.org`, name, role, passwordHash: null, totpSecret: null, now });
  return { staffId: id, role, name };
}

async function takenChat(hostId: string) {
  const db = await getDb();
  const { id } = await startConversation(db, { tokenHash: `hash-${Math.random()}`, now });
  expect(await acceptConversation(db, { id, hostId, now })).toBe(true);
  return id;
}

const count = async (table: typeof journalPersons | typeof journalEntries) => (await (await getDb()).select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
const refused = (p: Promise<unknown>) => p.then(() => 'allowed', () => 'refused');

describe.each(databaseTargets())('the journal on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('writes a note from an inquiry, sealed at rest, and opens it for the journal page @claim:journal-forseglet', async () => {
    const db = await getDb();
    const adviser = await newStaff('adviser', 'Siri Fagkonsulent');
    const inquiryId = await newInquiry();
    const written = await createJournalEntry(db, { source: { type: 'inquiry', id: inquiryId }, person: PERSON, text: STATEMENT, writer: adviser, now });
    expect(written.ok).toBe(true);
    if (!written.ok) return;

    const [person] = await db.select().from(journalPersons).where(eq(journalPersons.id, written.personId));
    const [revision] = await db.select().from(journalRevisions).where(eq(journalRevisions.entryId, written.entryId));
    for (const sealed of [person!.name, person!.details, revision!.text]) expect(sealed).toMatch(/^v1\./);
    expect(JSON.stringify([person, revision])).not.toMatch(/Ola|sønnen|2010/);

    expect(await getJournal(db, { personId: written.personId })).toEqual({
      id: written.personId,
      ...PERSON,
      createdAt: now,
      createdByName: 'Siri Fagkonsulent',
      entries: [
        {
          id: written.entryId,
          source: { type: 'inquiry', id: inquiryId },
          createdAt: now,
          createdByName: 'Siri Fagkonsulent',
          text: STATEMENT,
          revisions: [{ revision: 1, text: STATEMENT, reason: null, writtenAt: now, writtenByName: 'Siri Fagkonsulent' }],
          removal: null,
        },
      ],
    });
    const listed = (await listJournals(db)).find((j) => j.id === written.personId);
    expect(listed).toEqual({ id: written.personId, createdAt: now, createdByName: 'Siri Fagkonsulent', entries: 1, removed: 0, lastWrittenAt: now });
    expect(JSON.stringify(await listJournals(db))).not.toMatch(/v1\.|Ola/);
  });

  it('refuses a note when the relative declined a journal, or the source is gone, and writes nothing @claim:journal-reservasjon', async () => {
    const db = await getDb();
    const adviser = await newStaff('adviser', 'Per Fagkonsulent');
    const declined = await newInquiry({ declineJournal: true });
    const before = [await count(journalPersons), await count(journalEntries)];

    const attempt = (id: string, type: 'inquiry' | 'chat' = 'inquiry') =>
      createJournalEntry(db, { source: { type, id }, person: PERSON, text: STATEMENT, writer: adviser, now });
    expect(await attempt(declined)).toEqual({ ok: false, refusal: 'journal_declined' });
    expect(await checkJournalSource(db, { source: { type: 'inquiry', id: declined }, writer: adviser, now })).toBe('journal_declined');
    expect(await attempt('00000000-0000-4000-8000-000000000000')).toEqual({ ok: false, refusal: 'source_missing' });
    expect(await attempt('00000000-0000-4000-8000-000000000000', 'chat')).toEqual({ ok: false, refusal: 'source_missing' });

    // Past its deletion time an inquiry is gone, even before the purge has run.
    const closed = await newInquiry({ at: new Date(now.getTime() - DAY) });
    const { deleteAfter } = (await closeInquiry(db, { id: closed, now }))!;
    expect(await createJournalEntry(db, { source: { type: 'inquiry', id: closed }, person: PERSON, text: STATEMENT, writer: adviser, now: new Date(deleteAfter.getTime() + MINUTE) })).toEqual({
      ok: false,
      refusal: 'source_missing',
    });
    expect([await count(journalPersons), await count(journalEntries)]).toEqual(before);
  });

  it('lets a chat host write only from a chat they took, and a second note join the same journal', async () => {
    const db = await getDb();
    const host = await newStaff('chat_host', 'Cato Chattevert');
    const otherHost = await newStaff('chat_host', 'Eva Chattevert');
    const mine = await takenChat(host.staffId);
    const theirs = await takenChat(otherHost.staffId);
    const waiting = (await startConversation(db, { tokenHash: 'venter-hash', now })).id;

    const write = (id: string, type: 'chat' | 'inquiry' = 'chat') => createJournalEntry(db, { source: { type, id }, person: PERSON, text: STATEMENT, writer: host, now });
    expect(await write(theirs)).toEqual({ ok: false, refusal: 'not_allowed' });
    expect(await write(waiting)).toEqual({ ok: false, refusal: 'source_missing' });
    expect(await write(await newInquiry(), 'inquiry')).toEqual({ ok: false, refusal: 'not_allowed' });
    const written = await write(mine);
    expect(written).toMatchObject({ ok: true });

    // A second note from the same chat may go into the same journal; not into someone else's.
    const admin = await newStaff('admin', 'Anne Admin');
    expect(await checkJournalSource(db, { source: { type: 'chat', id: theirs }, writer: admin, now })).toBeNull();
    const [journal] = await journalsFromSource(db, { source: { type: 'chat', id: mine } });
    const again = await createJournalEntry(db, { source: { type: 'chat', id: mine }, person: { id: journal!.id }, text: 'Ny samtale.', writer: host, now: later(5) });
    expect(again).toMatchObject({ ok: true, personId: journal!.id });
    expect(await createJournalEntry(db, { source: { type: 'chat', id: theirs }, person: { id: journal!.id }, text: 'Feil journal.', writer: admin, now })).toEqual({
      ok: false,
      refusal: 'person_missing',
    });
    expect((await getJournal(db, { personId: journal!.id }))?.entries.map((e) => e.text)).toEqual([STATEMENT, 'Ny samtale.']);
  });

  it('a correction adds a revision and keeps who wrote what, when and why', async () => {
    const db = await getDb();
    const author = await newStaff('chat_host', 'Kari Chattevert');
    const reviewer = await newStaff('adviser', 'Rolf Fagkonsulent');
    const written = await createJournalEntry(db, { source: { type: 'chat', id: await takenChat(author.staffId) }, person: PERSON, text: STATEMENT, writer: author, now });
    if (!written.ok) throw new Error('not written');

    const corrected = 'Mor forteller at sønnen har snakket om å skade seg selv.';
    expect(await correctJournalEntry(db, { entryId: written.entryId, text: corrected, reason: 'Mor presiserte i ny samtale.', staffId: reviewer.staffId, now: later(60) })).toEqual({
      ok: true,
      personId: written.personId,
      revision: 2,
    });
    expect(await correctJournalEntry(db, { entryId: written.entryId, text: corrected, reason: 'Igjen', staffId: reviewer.staffId, now: later(61) })).toEqual({ ok: false, problem: 'unchanged' });
    expect(await correctJournalEntry(db, { entryId: '00000000-0000-4000-8000-000000000000', text: 'x', reason: 'y', staffId: reviewer.staffId, now })).toEqual({ ok: false, problem: 'missing' });

    const [entry] = (await getJournal(db, { personId: written.personId }))!.entries;
    expect(entry!.text).toBe(corrected);
    expect(entry!.revisions).toEqual([
      { revision: 1, text: STATEMENT, reason: null, writtenAt: now, writtenByName: 'Kari Chattevert' },
      { revision: 2, text: corrected, reason: 'Mor presiserte i ny samtale.', writtenAt: later(60), writtenByName: 'Rolf Fagkonsulent' },
    ]);
    const raw = await db.select({ reason: journalRevisions.reason }).from(journalRevisions).where(eq(journalRevisions.entryId, written.entryId));
    expect(raw.map((r) => r.reason?.slice(0, 3) ?? null).sort()).toEqual(['v1.', null].sort());

    // The database itself keeps the history: no revision can be rewritten or deleted.
    expect(await refused(db.update(journalRevisions).set({ text: null }).where(eq(journalRevisions.entryId, written.entryId)).execute())).toBe('refused');
    expect(await refused(db.update(journalRevisions).set({ writtenAt: later(1) }).where(eq(journalRevisions.entryId, written.entryId)).execute())).toBe('refused');
    expect(await refused(db.update(journalEntries).set({ sourceId: written.personId }).where(eq(journalEntries.id, written.entryId)).execute())).toBe('refused');
    for (const table of ['journal_revisions', 'journal_entries', 'journal_persons']) {
      expect(await refused(db.execute(sql.raw(`delete from ${table}`))), table).toBe('refused');
      expect(await refused(db.execute(sql.raw(`truncate ${table} cascade`))), table).toBe('refused');
    }
  });

  it('a removed statement loses its text everywhere, and the record of its removal stays', async () => {
    const db = await getDb();
    const adviser = await newStaff('adviser', 'Lise Fagkonsulent');
    const admin = await newStaff('admin', 'Arne Admin');
    const source = { type: 'inquiry' as const, id: await newInquiry() };
    const kept = await createJournalEntry(db, { source, person: PERSON, text: 'Dette står.', writer: adviser, now });
    if (!kept.ok) throw new Error('not written');
    const gone = await createJournalEntry(db, { source, person: { id: kept.personId }, text: STATEMENT, writer: adviser, now: later(1) });
    if (!gone.ok) throw new Error('not written');
    await correctJournalEntry(db, { entryId: gone.entryId, text: `${STATEMENT} Rettet.`, reason: 'Sønnen er 16.', staffId: adviser.staffId, now: later(2) });

    expect(await removeJournalEntry(db, { entryId: gone.entryId, reason: 'Krav fra mor om sletting, vurdert som berettiget.', staffId: admin.staffId, now: later(30) })).toEqual({
      ok: true,
      personId: kept.personId,
    });
    expect(await removeJournalEntry(db, { entryId: gone.entryId, reason: 'Igjen', staffId: admin.staffId, now: later(31) })).toEqual({ ok: false, problem: 'removed' });
    expect(await correctJournalEntry(db, { entryId: gone.entryId, text: 'Ny tekst', reason: 'x', staffId: admin.staffId, now: later(32) })).toEqual({ ok: false, problem: 'removed' });

    const raw = await db.select({ text: journalRevisions.text, reason: journalRevisions.reason }).from(journalRevisions).where(eq(journalRevisions.entryId, gone.entryId));
    expect(raw).toEqual([
      { text: null, reason: null },
      { text: null, reason: null },
    ]);
    const journal = (await getJournal(db, { personId: kept.personId }))!;
    expect(journal.entries.map((e) => e.text)).toEqual(['Dette står.', null]);
    expect(journal.entries[1]).toMatchObject({
      createdByName: 'Lise Fagkonsulent',
      removal: { at: later(30), byName: 'Arne Admin', reason: 'Krav fra mor om sletting, vurdert som berettiget.' },
      revisions: [
        { revision: 1, text: null, reason: null, writtenAt: later(1), writtenByName: 'Lise Fagkonsulent' },
        { revision: 2, text: null, reason: null, writtenAt: later(2), writtenByName: 'Lise Fagkonsulent' },
      ],
    });
    expect(JSON.stringify(journal)).not.toContain('sønnen');
    expect(await refused(db.update(journalEntries).set({ removedAt: null, removedBy: null, removalReason: null }).where(eq(journalEntries.id, gone.entryId)).execute())).toBe('refused');
  });

  it('survives every purge, years on, while the inquiry and the chat it came from are deleted', async () => {
    const db = await getDb();
    const adviser = await newStaff('adviser', 'Tone Fagkonsulent');
    const host = await newStaff('chat_host', 'Geir Chattevert');
    const inquiryId = await newInquiry();
    const chatId = await takenChat(host.staffId);
    const fromInquiry = await createJournalEntry(db, { source: { type: 'inquiry', id: inquiryId }, person: PERSON, text: STATEMENT, writer: adviser, now });
    const fromChat = await createJournalEntry(db, { source: { type: 'chat', id: chatId }, person: { name: 'Lise', details: null }, text: 'Fra chatten.', writer: host, now });
    if (!fromInquiry.ok || !fromChat.ok) throw new Error('not written');
    await closeInquiry(db, { id: inquiryId, now: later(10) });
    const before = [await getJournal(db, { personId: fromInquiry.personId }), await getJournal(db, { personId: fromChat.personId })];

    const years = new Date('2037-03-01T09:00:00Z');
    await runPurge({ now: years });
    await runPurge({ now: new Date(years.getTime() + 30 * DAY) });

    expect(await db.select({ id: inquiries.id }).from(inquiries).where(eq(inquiries.id, inquiryId))).toEqual([]);
    expect(await db.select({ id: chatConversations.id }).from(chatConversations).where(eq(chatConversations.id, chatId))).toEqual([]);
    expect([await getJournal(db, { personId: fromInquiry.personId }), await getJournal(db, { personId: fromChat.personId })]).toEqual(before);
    expect(before[0]!.entries[0]!.source).toEqual({ type: 'inquiry', id: inquiryId });
    // No new note can be written from a source that is gone.
    expect(await createJournalEntry(db, { source: { type: 'inquiry', id: inquiryId }, person: PERSON, text: 'x', writer: adviser, now: years })).toEqual({
      ok: false,
      refusal: 'source_missing',
    });
  });
});
