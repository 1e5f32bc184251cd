import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { privacyVersions } from './privacy';
import { staff } from './staff';

/**
 * Inquiries from the contact form. Everything the relative filled in is sealed (AES-256-GCM,
 * lib/crypto) and bound to its row and column: what they wrote, how to reach them, and the
 * choices they made (who they are to the person it concerns, what it is about, how they want
 * to be contacted), so those columns are text whatever their opened value is
 * (db/queries/inquiry-sealing.ts). In clear are only the reference, the times, the status,
 * who has it, the journal reservation and the privacy statement's version. The purge deletes an
 * inquiry three months after the contact ended (delete_after), with its notes, unless a
 * legal hold stands; past that time it is never shown, even before the purge has run.
 */
export const inquiryStatuses = ['ny', 'under_arbeid', 'avsluttet'] as const;
export type InquiryStatus = (typeof inquiryStatuses)[number];

export const inquiries = pgTable(
  'inquiries',
  {
    id: uuid().primaryKey(),
    reference: text().notNull().unique(),
    status: text().$type<InquiryStatus>().notNull().default('ny'),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    privacyVersion: integer()
      .notNull()
      .references(() => privacyVersions.number),
    audience: text().notNull(),
    relation: text().notNull(),
    preferredContact: text().notNull(),
    journalDeclined: boolean().notNull(),
    name: text().notNull(),
    email: text(),
    phone: text(),
    message: text().notNull(),
    assignedTo: uuid().references(() => staff.id, { onDelete: 'set null' }),
    firstOpenedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    deleteAfter: timestamp({ withTimezone: true }),
  },
  (t) => [
    check('inquiries_status_known', sql`${t.status} in ('ny', 'under_arbeid', 'avsluttet')`),
    check('inquiries_contact_present', sql`${t.email} is not null or ${t.phone} is not null`),
    check('inquiries_closed_has_deadline', sql`(${t.closedAt} is null) = (${t.deleteAfter} is null)`),
    check('inquiries_closed_status', sql`(${t.status} = 'avsluttet') = (${t.closedAt} is not null)`),
    index('inquiries_delete_after_idx').on(t.deleteAfter),
    index('inquiries_created_idx').on(t.createdAt),
  ],
);

export const inquiryNotes = pgTable(
  'inquiry_notes',
  {
    id: uuid().primaryKey(),
    inquiryId: uuid()
      .notNull()
      .references(() => inquiries.id, { onDelete: 'cascade' }),
    authorId: uuid().references(() => staff.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    body: text().notNull(),
  },
  (t) => [index('inquiry_notes_inquiry_idx').on(t.inquiryId)],
);

export type Inquiry = typeof inquiries.$inferSelect;
