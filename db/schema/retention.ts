import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { staff } from './staff';

/**
 * Legal holds (for example a police request with a case number) keep an object from the
 * purge until the hold is released or the object is marked handed over; from then on it is
 * due at once. One table for every kind of object, so each purge rule asks the same place.
 * The reference and reason are sealed (db/queries/holds.ts, bound to the row and column); the
 * purge deletes a hold HOLD_RETENTION_DAYS after it was released or handed over.
 */
export const legalHolds = pgTable(
  'legal_holds',
  {
    id: uuid().primaryKey().defaultRandom(),
    objectType: text().$type<'inquiry' | 'chat'>().notNull(),
    objectId: uuid().notNull(),
    reference: text().notNull(),
    reason: text().notNull(),
    placedBy: uuid().references(() => staff.id, { onDelete: 'set null' }),
    placedAt: timestamp({ withTimezone: true }).notNull(),
    releasedAt: timestamp({ withTimezone: true }),
    handedOverAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    check('legal_holds_object_type_known', sql`${t.objectType} in ('inquiry', 'chat')`),
    index('legal_holds_object_idx').on(t.objectType, t.objectId),
  ],
);

/** What each purge run deleted, per rule: counts only, never content. */
export const purgeReceipts = pgTable(
  'purge_receipts',
  {
    id: uuid().primaryKey().defaultRandom(),
    runId: uuid().notNull(),
    rule: text().notNull(),
    ranAt: timestamp({ withTimezone: true }).notNull(),
    deleted: integer().notNull(),
  },
  (t) => [index('purge_receipts_ran_at_idx').on(t.ranAt)],
);
