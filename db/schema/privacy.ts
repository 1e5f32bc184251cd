import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Versions of the privacy statement. A version is never edited after it is published,
 * and it may take effect no earlier than 14 calendar days (in Oslo) after the day it was
 * published: the database refuses anything else, so no code path (or hand-written SQL)
 * can shorten the notice period. lib/privacy/rules.ts applies the same rule in code.
 */
export const privacyVersions = pgTable(
  'privacy_versions',
  {
    number: integer().primaryKey(),
    title: text().notNull(),
    summary: text().notNull(),
    body: text().notNull(),
    publishedAt: timestamp({ withTimezone: true }).notNull(),
    takesEffectAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    check('privacy_versions_number_positive', sql`${t.number} > 0`),
    check(
      'privacy_versions_notice_period',
      sql`(${t.takesEffectAt} at time zone 'Europe/Oslo')::date - (${t.publishedAt} at time zone 'Europe/Oslo')::date >= 14`,
    ),
    check('privacy_versions_title_present', sql`length(trim(${t.title})) > 0`),
    check('privacy_versions_body_present', sql`length(trim(${t.body})) > 0`),
    index('privacy_versions_takes_effect_idx').on(t.takesEffectAt),
  ],
);

export type PrivacyVersion = typeof privacyVersions.$inferSelect;
export type NewPrivacyVersion = typeof privacyVersions.$inferInsert;
