import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { inquiries } from './inquiries';
import { staff } from './staff';

/**
 * What an adviser corrected in an inquiry's contact details at the person's request: which
 * field, when, by whom, and the value it had before, sealed like the inquiry itself. The
 * history belongs to the inquiry and goes with it (ON DELETE CASCADE), by the purge or by
 * erasure; a copy for the person (innsyn) includes it.
 */
export const correctableFields = ['name', 'email', 'phone'] as const;
export type CorrectableField = (typeof correctableFields)[number];

export const inquiryCorrections = pgTable(
  'inquiry_corrections',
  {
    id: uuid().primaryKey(),
    inquiryId: uuid()
      .notNull()
      .references(() => inquiries.id, { onDelete: 'cascade' }),
    correctedAt: timestamp({ withTimezone: true }).notNull(),
    correctedBy: uuid().references(() => staff.id, { onDelete: 'set null' }),
    field: text().$type<CorrectableField>().notNull(),
    // Sealed; null when the field was empty before (an e-mail or phone added).
    previous: text(),
  },
  (t) => [
    check('inquiry_corrections_field_known', sql`${t.field} in ('name', 'email', 'phone')`),
    index('inquiry_corrections_inquiry_idx').on(t.inquiryId, t.correctedAt),
  ],
);
