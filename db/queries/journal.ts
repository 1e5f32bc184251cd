import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { chatVisibleToStaff } from '@/db/queries/chat-shared';
import { visibleAt } from '@/db/queries/inquiries';
import { chatConversations, inquiries, journalEntries, journalPersons, journalRevisions, staff, type JournalSourceType, type StaffRole } from '@/db/schema';
import { openOptional, openText, sealOptional, sealText } from '@/lib/crypto/seal';

/**
 * The journal. Chat hosts, advisers and admins write notes from a chat or an inquiry; only
 * advisers and admins read, correct, remove and export them (the callers check the role and
 * write the access log). Nothing here deletes a row: a correction adds a revision, and a
 * removal blanks the statement's text but keeps the record that it existed.
 *
 * Each sealed value is bound to its row and column, and a revision's to its number, so a
 * value cannot be moved to another person, entry or revision.
 */
const journalPersonAad = (id: string, column: 'name' | 'details') => `journal-person:${id}:${column}`;
const journalRevisionAad = (entryId: string, revision: number, column: 'text' | 'reason') => `journal-entry:${entryId}:revision:${revision}:${column}`;
const journalRemovalAad = (entryId: string) => `journal-entry:${entryId}:removal-reason`;

export type JournalSource = { type: JournalSourceType; id: string };
export type JournalWriter = { staffId: string; role: StaffRole };

/** Why a note cannot be written from a source. */
export type JournalRefusal = 'source_missing' | 'journal_declined' | 'not_allowed' | 'person_missing';

/**
 * Whether `writer` may write a journal note from this chat or inquiry now. An inquiry must still
 * be visible, and its relative must not have declined a journal; only advisers and admins see
 * inquiries. A chat must still be visible and have been taken by a host; a chat host writes only
 * from a chat they took themselves. With `lock`, the source row is held until the transaction ends.
 */
export async function checkJournalSource(
  db: Database,
  { source, writer, now, lock = false }: { source: JournalSource; writer: JournalWriter; now: Date; lock?: boolean },
): Promise<JournalRefusal | null> {
  if (source.type === 'inquiry') {
    if (writer.role === 'chat_host') return 'not_allowed';
    const query = db
      .select({ declined: inquiries.journalDeclined })
      .from(inquiries)
      .where(and(eq(inquiries.id, source.id), visibleAt(now)))
      .limit(1);
    const [row] = lock ? await query.for('share', { of: inquiries }) : await query;
    if (!row) return 'source_missing';
    return row.declined ? 'journal_declined' : null;
  }
  const query = db
    .select({ hostId: chatConversations.hostId, acceptedAt: chatConversations.acceptedAt })
    .from(chatConversations)
    .where(and(eq(chatConversations.id, source.id), chatVisibleToStaff(now)))
    .limit(1);
  const [row] = lock ? await query.for('share') : await query;
  if (!row || !row.acceptedAt) return 'source_missing';
  if (writer.role === 'chat_host' && row.hostId !== writer.staffId) return 'not_allowed';
  return null;
}

/** Journals that already hold a note from this source, oldest first: dates only, nothing sealed. */
export async function journalsFromSource(db: Database, { source }: { source: JournalSource }): Promise<{ id: string; createdAt: Date }[]> {
  return db
    .selectDistinct({ id: journalPersons.id, createdAt: journalPersons.createdAt })
    .from(journalPersons)
    .innerJoin(journalEntries, eq(journalEntries.personId, journalPersons.id))
    .where(and(eq(journalEntries.sourceType, source.type), eq(journalEntries.sourceId, source.id)))
    .orderBy(asc(journalPersons.createdAt), asc(journalPersons.id));
}

type NewPerson = { name: string; details: string | null };

/**
 * Writes a note from a chat or an inquiry, into a new person's journal or into one that already
 * holds a note from the same source. Refused, with nothing written, when checkJournalSource
 * refuses (the relative declined a journal, the source is gone, or it is not the writer's).
 */
export async function createJournalEntry(
  db: Database,
  {
    source,
    person,
    text,
    writer,
    now,
  }: { source: JournalSource; person: NewPerson | { id: string }; text: string; writer: JournalWriter; now: Date },
): Promise<{ ok: true; personId: string; entryId: string } | { ok: false; refusal: JournalRefusal }> {
  return db.transaction(async (t) => {
    const refusal = await checkJournalSource(t, { source, writer, now, lock: true });
    if (refusal) return { ok: false, refusal };

    let personId: string;
    if ('id' in person) {
      const known = (await journalsFromSource(t, { source })).some((p) => p.id === person.id);
      if (!known) return { ok: false, refusal: 'person_missing' };
      personId = person.id;
    } else {
      personId = randomUUID();
      await t.insert(journalPersons).values({
        id: personId,
        createdAt: now,
        createdBy: writer.staffId,
        name: sealText(person.name, journalPersonAad(personId, 'name')),
        details: sealOptional(person.details, journalPersonAad(personId, 'details')),
      });
    }
    const entryId = randomUUID();
    await t.insert(journalEntries).values({ id: entryId, personId, sourceType: source.type, sourceId: source.id, createdAt: now, createdBy: writer.staffId });
    await t.insert(journalRevisions).values({
      entryId,
      revision: 1,
      text: sealText(text, journalRevisionAad(entryId, 1, 'text')),
      writtenAt: now,
      writtenBy: writer.staffId,
    });
    return { ok: true, personId, entryId };
  });
}

export type JournalListItem = { id: string; createdAt: Date; createdByName: string | null; entries: number; removed: number; lastWrittenAt: Date | null };

/** Every journal, newest first, without anything sealed: who started it, when, and how many notes. */
export async function listJournals(db: Database, { limit = 200 }: { limit?: number } = {}): Promise<JournalListItem[]> {
  return db
    .select({
      id: journalPersons.id,
      createdAt: journalPersons.createdAt,
      createdByName: staff.name,
      entries: sql<number>`(select count(*)::int from ${journalEntries} where ${journalEntries.personId} = ${journalPersons.id})`.mapWith(Number),
      removed: sql<number>`(select count(*)::int from ${journalEntries} where ${and(eq(journalEntries.personId, journalPersons.id), isNotNull(journalEntries.removedAt))})`.mapWith(Number),
      lastWrittenAt: sql<Date | null>`(select max(r.written_at) from ${journalRevisions} r join ${journalEntries} e on e.id = r.entry_id where e.person_id = ${journalPersons.id})`.mapWith(
        journalPersons.createdAt,
      ),
    })
    .from(journalPersons)
    .leftJoin(staff, eq(staff.id, journalPersons.createdBy))
    .orderBy(desc(journalPersons.createdAt), desc(journalPersons.id))
    .limit(Math.min(Math.max(limit, 1), 500));
}

type JournalRevisionView = { revision: number; text: string | null; reason: string | null; writtenAt: Date; writtenByName: string | null };
export type JournalEntryView = {
  id: string;
  source: JournalSource;
  createdAt: Date;
  createdByName: string | null;
  /** The text as it reads now; null once removed. */
  text: string | null;
  /** Oldest first. */
  revisions: JournalRevisionView[];
  removal: { at: Date; byName: string | null; reason: string } | null;
};
export type JournalView = { id: string; name: string; details: string | null; createdAt: Date; createdByName: string | null; entries: JournalEntryView[] };

/** A person's whole journal, opened: every note with its history and removals. The caller logs the read. */
export async function getJournal(db: Database, { personId }: { personId: string }): Promise<JournalView | undefined> {
  const [person] = await db
    .select({ id: journalPersons.id, name: journalPersons.name, details: journalPersons.details, createdAt: journalPersons.createdAt, createdBy: journalPersons.createdBy })
    .from(journalPersons)
    .where(eq(journalPersons.id, personId))
    .limit(1);
  if (!person) return undefined;
  const entries = await db
    .select({
      id: journalEntries.id,
      sourceType: journalEntries.sourceType,
      sourceId: journalEntries.sourceId,
      createdAt: journalEntries.createdAt,
      createdBy: journalEntries.createdBy,
      removedAt: journalEntries.removedAt,
      removedBy: journalEntries.removedBy,
      removalReason: journalEntries.removalReason,
    })
    .from(journalEntries)
    .where(eq(journalEntries.personId, personId))
    .orderBy(asc(journalEntries.createdAt), asc(journalEntries.id));
  const revisions = entries.length
    ? await db
        .select({ entryId: journalRevisions.entryId, revision: journalRevisions.revision, text: journalRevisions.text, reason: journalRevisions.reason, writtenAt: journalRevisions.writtenAt, writtenBy: journalRevisions.writtenBy })
        .from(journalRevisions)
        .where(inArray(journalRevisions.entryId, entries.map((e) => e.id)))
        .orderBy(asc(journalRevisions.entryId), asc(journalRevisions.revision))
    : [];
  const names = await staffNames(db, [person.createdBy, ...entries.flatMap((e) => [e.createdBy, e.removedBy]), ...revisions.map((r) => r.writtenBy)]);

  return {
    id: person.id,
    name: openText(person.name, journalPersonAad(person.id, 'name')),
    details: openOptional(person.details, journalPersonAad(person.id, 'details')),
    createdAt: person.createdAt,
    createdByName: names.get(person.createdBy) ?? null,
    entries: entries.map((e) => {
      const history = revisions
        .filter((r) => r.entryId === e.id)
        .map((r) => ({
          revision: r.revision,
          text: openOptional(r.text, journalRevisionAad(e.id, r.revision, 'text')),
          reason: openOptional(r.reason, journalRevisionAad(e.id, r.revision, 'reason')),
          writtenAt: r.writtenAt,
          writtenByName: names.get(r.writtenBy) ?? null,
        }));
      return {
        id: e.id,
        source: { type: e.sourceType, id: e.sourceId },
        createdAt: e.createdAt,
        createdByName: names.get(e.createdBy) ?? null,
        text: e.removedAt ? null : (history.at(-1)?.text ?? null),
        revisions: history,
        removal:
          e.removedAt && e.removalReason
            ? { at: e.removedAt, byName: e.removedBy ? (names.get(e.removedBy) ?? null) : null, reason: openText(e.removalReason, journalRemovalAad(e.id)) }
            : null,
      };
    }),
  };
}

async function staffNames(db: Database, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map();
  const rows = await db.select({ id: staff.id, name: staff.name }).from(staff).where(inArray(staff.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export type EntryChange = { ok: true; personId: string; revision?: number } | { ok: false; problem: 'missing' | 'removed' | 'unchanged' };

/** The entry's person and state, locked for the rest of the transaction so two changes queue. */
async function lockEntry(db: Database, entryId: string) {
  const [row] = await db
    .select({ personId: journalEntries.personId, removedAt: journalEntries.removedAt })
    .from(journalEntries)
    .where(eq(journalEntries.id, entryId))
    .for('update');
  return row;
}

/** A correction: a new revision with the new text and why it was changed. The old ones stay. */
export async function correctJournalEntry(
  db: Database,
  { entryId, text, reason, staffId, now }: { entryId: string; text: string; reason: string; staffId: string; now: Date },
): Promise<EntryChange> {
  return db.transaction(async (t) => {
    const entry = await lockEntry(t, entryId);
    if (!entry) return { ok: false, problem: 'missing' };
    if (entry.removedAt) return { ok: false, problem: 'removed' };
    const [last] = await t
      .select({ revision: journalRevisions.revision, text: journalRevisions.text })
      .from(journalRevisions)
      .where(eq(journalRevisions.entryId, entryId))
      .orderBy(desc(journalRevisions.revision))
      .limit(1);
    const current = last ? openOptional(last.text, journalRevisionAad(entryId, last.revision, 'text')) : null;
    if (current === text) return { ok: false, problem: 'unchanged' };
    const revision = (last?.revision ?? 0) + 1;
    await t.insert(journalRevisions).values({
      entryId,
      revision,
      text: sealText(text, journalRevisionAad(entryId, revision, 'text')),
      reason: sealText(reason, journalRevisionAad(entryId, revision, 'reason')),
      writtenAt: now,
      writtenBy: staffId,
    });
    return { ok: true, personId: entry.personId, revision };
  });
}

/**
 * Removes a statement on a justified request: every revision's text (and the reasons given for
 * corrections, which may quote it) is blanked, and the entry records who removed it, when and
 * why. The entry and its revisions' dates and authors stay.
 */
export async function removeJournalEntry(
  db: Database,
  { entryId, reason, staffId, now }: { entryId: string; reason: string; staffId: string; now: Date },
): Promise<EntryChange> {
  return db.transaction(async (t) => {
    const entry = await lockEntry(t, entryId);
    if (!entry) return { ok: false, problem: 'missing' };
    if (entry.removedAt) return { ok: false, problem: 'removed' };
    // The entry first: the database lets a revision's text be blanked only once its entry is removed.
    await t
      .update(journalEntries)
      .set({ removedAt: now, removedBy: staffId, removalReason: sealText(reason, journalRemovalAad(entryId)) })
      .where(eq(journalEntries.id, entryId));
    await t.update(journalRevisions).set({ text: null, reason: null }).where(eq(journalRevisions.entryId, entryId));
    return { ok: true, personId: entry.personId };
  });
}
