import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { staff } from './staff';

/**
 * The journal: notes about an identified person, written when there is a risk to life or
 * health. Unlike everything else here it has no deletion deadline and no purge rule; the
 * database refuses DELETE and TRUNCATE on these tables (migration 0004_journal).
 *
 * Every personal value is sealed (lib/crypto) and bound to its row and column. A correction
 * adds a revision, so the history (who, when, why) stays. A statement removed on a justified
 * request loses its text in every revision, but the entry stays with who removed it, when and
 * why. The chat or inquiry a note came from is kept by id only, with no foreign key: the
 * source is purged on its own schedule, the journal is not.
 */
export const journalSourceTypes = ['chat', 'inquiry'] as const;
export type JournalSourceType = (typeof journalSourceTypes)[number];

export const journalPersons = pgTable(
  'journal_persons',
  {
    id: uuid().primaryKey(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    // Staff are disabled, never deleted, so who wrote it is never lost.
    createdBy: uuid()
      .notNull()
      .references(() => staff.id),
    /** Sealed. */
    name: text().notNull(),
    /** Sealed: a birth date or other details that tell who the person is. */
    details: text(),
  },
  (t) => [index('journal_persons_created_idx').on(t.createdAt)],
);

export const journalEntries = pgTable(
  'journal_entries',
  {
    id: uuid().primaryKey(),
    personId: uuid()
      .notNull()
      .references(() => journalPersons.id),
    sourceType: text().$type<JournalSourceType>().notNull(),
    /** The chat or inquiry, which may since have been purged. */
    sourceId: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    createdBy: uuid()
      .notNull()
      .references(() => staff.id),
    removedAt: timestamp({ withTimezone: true }),
    removedBy: uuid().references(() => staff.id),
    /** Sealed. */
    removalReason: text(),
  },
  (t) => [
    check('journal_entries_source_known', sql`${t.sourceType} in ('chat', 'inquiry')`),
    check(
      'journal_entries_removal_complete',
      sql`(${t.removedAt} is null) = (${t.removedBy} is null) and (${t.removedAt} is null) = (${t.removalReason} is null)`,
    ),
    index('journal_entries_person_idx').on(t.personId, t.createdAt),
    index('journal_entries_source_idx').on(t.sourceType, t.sourceId),
  ],
);

export const journalRevisions = pgTable(
  'journal_revisions',
  {
    entryId: uuid()
      .notNull()
      .references(() => journalEntries.id),
    /** 1 for the text as first written, then one more for each correction. */
    revision: integer().notNull(),
    /** Sealed; null once the statement has been removed. */
    text: text(),
    /** Sealed: why it was corrected. Null for the first revision, and once removed. */
    reason: text(),
    writtenAt: timestamp({ withTimezone: true }).notNull(),
    writtenBy: uuid()
      .notNull()
      .references(() => staff.id),
  },
  (t) => [
    primaryKey({ columns: [t.entryId, t.revision] }),
    check('journal_revisions_number', sql`${t.revision} >= 1`),
    check('journal_revisions_first_has_no_reason', sql`${t.revision} > 1 or ${t.reason} is null`),
  ],
);

export type JournalPerson = typeof journalPersons.$inferSelect;
export type NewJournalPerson = typeof journalPersons.$inferInsert;
export type JournalEntry = typeof journalEntries.$inferSelect;
export type JournalRevision = typeof journalRevisions.$inferSelect;
