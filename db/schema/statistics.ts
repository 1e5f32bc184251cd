import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { chatConversations } from './chat';
import { inquiries } from './inquiries';

/**
 * Statistics are daily totals and nothing else: no row here can hold an identifier, an
 * address, a user agent, a query string or a time finer than a day. A request only adds to a
 * counter in memory; lib/stats/visits.ts writes the sums here at least once a minute, one
 * upsert per day and key, so several instances add up correctly.
 */

/** The adult site's pages, each a path from the content or the route table, per day. */
export const dailyPageViews = pgTable(
  'daily_page_views',
  {
    day: date({ mode: 'string' }).notNull(),
    path: text().notNull(),
    views: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.path] }),
    check('daily_page_views_path_plain', sql`${t.path} ~ '^/[a-z0-9/-]*$'`),
    check('daily_page_views_positive', sql`${t.views} > 0`),
  ],
);

/** Arrivals from outside the site (Sec-Fetch-Site none or cross-site), per site and day. */
export const dailyVisits = pgTable(
  'daily_visits',
  {
    day: date({ mode: 'string' }).notNull(),
    site: text({ enum: ['voksen', 'unge'] }).notNull(),
    visits: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.site] }),
    check('daily_visits_site_known', sql`${t.site} in ('voksen', 'unge')`),
    check('daily_visits_positive', sql`${t.visits} > 0`),
  ],
);

export type StatsSite = (typeof dailyVisits.$inferSelect)['site'];

/**
 * Reasons for contact and outcomes, as admins edit them. A category is retired, never
 * deleted once counted, so old totals keep their label.
 */
export const categoryKinds = ['reason', 'outcome'] as const;
export type CategoryKind = (typeof categoryKinds)[number];

export const contactCategories = pgTable(
  'contact_categories',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    kind: text().$type<CategoryKind>().notNull(),
    label: text().notNull(),
    sort: integer().notNull(),
    retiredAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    check('contact_categories_kind_known', sql`${t.kind} in ('reason', 'outcome')`),
    check('contact_categories_label_length', sql`char_length(${t.label}) between 1 and 60`),
    uniqueIndex('contact_categories_kind_label_unique').on(t.kind, sql`lower(${t.label})`),
  ],
);

/** The categories set on an inquiry while it exists; deleted with it. */
export const inquiryCategories = pgTable(
  'inquiry_categories',
  {
    inquiryId: uuid()
      .notNull()
      .references(() => inquiries.id, { onDelete: 'cascade' }),
    categoryId: integer()
      .notNull()
      .references(() => contactCategories.id),
  },
  (t) => [primaryKey({ columns: [t.inquiryId, t.categoryId] })],
);

/** The categories set on a chat while it exists; deleted with it. */
export const chatCategories = pgTable(
  'chat_categories',
  {
    conversationId: uuid()
      .notNull()
      .references(() => chatConversations.id, { onDelete: 'cascade' }),
    categoryId: integer()
      .notNull()
      .references(() => contactCategories.id),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.categoryId] })],
);

export const contactChannels = ['henvendelse', 'chat'] as const;
export type ContactChannel = (typeof contactChannels)[number];

/** How many rows a day and channel's numbers are spread over (see `shard` below). */
export const DAILY_CONTACT_SHARDS = 8;

/**
 * Contacts per day and channel: started (the form sent, the chat opened) and ended (closed by
 * an adviser, the chat ended). Numbers only; nothing points back at a contact.
 *
 * A day and channel's numbers are spread over up to DAILY_CONTACT_SHARDS rows, `shard` picked
 * at random by each write and the rows summed by every reader. Every new inquiry and chat adds
 * to its day's count in its own transaction; with one row per day those transactions would
 * queue on that row's lock through each commit, which caps submissions at a few hundred a
 * second however many the app could take. A shard is a number from 0 to 7 and says nothing
 * about the contact.
 */
export const dailyContacts = pgTable(
  'daily_contacts',
  {
    day: date({ mode: 'string' }).notNull(),
    channel: text().$type<ContactChannel>().notNull(),
    shard: smallint().notNull().default(0),
    started: integer().notNull().default(0),
    ended: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.channel, t.shard] }),
    check('daily_contacts_channel_known', sql`${t.channel} in ('henvendelse', 'chat')`),
    check('daily_contacts_shard_known', sql`${t.shard} >= 0 and ${t.shard} < ${sql.raw(String(DAILY_CONTACT_SHARDS))}`),
    check('daily_contacts_not_negative', sql`${t.started} >= 0 and ${t.ended} >= 0`),
  ],
);

/** Ended contacts per day, channel and category (a contact counts once in each of its categories). */
export const dailyContactCategories = pgTable(
  'daily_contact_categories',
  {
    day: date({ mode: 'string' }).notNull(),
    channel: text().$type<ContactChannel>().notNull(),
    categoryId: integer()
      .notNull()
      .references(() => contactCategories.id),
    contacts: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.channel, t.categoryId] }),
    check('daily_contact_categories_channel_known', sql`${t.channel} in ('henvendelse', 'chat')`),
    check('daily_contact_categories_not_negative', sql`${t.contacts} >= 0`),
  ],
);

/**
 * How long chats waited for a host, per day, as a histogram: `bucket` is an index into
 * CHAT_WAIT_BUCKETS (lib/stats/chat-waits.ts); the last bucket is "ended before anyone answered".
 */
export const dailyChatWaits = pgTable(
  'daily_chat_waits',
  {
    day: date({ mode: 'string' }).notNull(),
    bucket: integer().notNull(),
    chats: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.bucket] }),
    check('daily_chat_waits_bucket_known', sql`${t.bucket} between 0 and 8`),
    check('daily_chat_waits_positive', sql`${t.chats} > 0`),
  ],
);

/** Legal holds placed and ended per day: the transparency page's numbers. */
export const dailyHoldEvents = pgTable(
  'daily_hold_events',
  {
    day: date({ mode: 'string' }).notNull(),
    event: text().$type<'placed' | 'ended'>().notNull(),
    holds: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.event] }),
    check('daily_hold_events_event_known', sql`${t.event} in ('placed', 'ended')`),
    check('daily_hold_events_positive', sql`${t.holds} > 0`),
  ],
);

/** One row: when the purge last started and finished, so a stopped purge shows. */
export const purgeStatus = pgTable(
  'purge_status',
  {
    id: integer().primaryKey().default(1),
    lastStartedAt: timestamp({ withTimezone: true }).notNull(),
    lastFinishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [check('purge_status_single_row', sql`${t.id} = 1`)],
);

export type ContactCategory = typeof contactCategories.$inferSelect;

/**
 * Opening-hours coverage per day: the minutes the chat was open, and of those the minutes at
 * least one host was on duty. Two numbers a day; nothing says which host, or when in the day.
 */
export const dailyChatCoverage = pgTable(
  'daily_chat_coverage',
  {
    day: date({ mode: 'string' }).primaryKey(),
    openMinutes: integer().notNull().default(0),
    staffedMinutes: integer().notNull().default(0),
  },
  // PostgreSQL checks the row an upsert proposes before it merges it with the one it finds,
  // so "staffed within open" cannot be a check here; countCoverageMinute keeps it.
  (t) => [check('daily_chat_coverage_not_negative', sql`${t.openMinutes} >= 0 and ${t.staffedMinutes} >= 0`)],
);

/**
 * One row: the last minute counted as open and as staffed, so that several instances, each
 * ticking once a minute, count every minute once.
 */
export const chatCoverageClock = pgTable(
  'chat_coverage_clock',
  {
    id: integer().primaryKey().default(1),
    lastOpenMinute: timestamp({ withTimezone: true }),
    lastStaffedMinute: timestamp({ withTimezone: true }),
  },
  (t) => [check('chat_coverage_clock_single_row', sql`${t.id} = 1`)],
);

/**
 * The anonymous word after a chat (lib/chat/survey.ts): three optional questions, each answer
 * added to its day's count at once. A row is a day, a question, an answer and a number; no
 * chat, host, token or time of day, so nothing here can be joined to a conversation.
 */
export const chatSurveyQuestions = ['hjelp', 'bedre', 'igjen'] as const;
export type ChatSurveyQuestion = (typeof chatSurveyQuestions)[number];

export const dailyChatSurveyAnswers = pgTable(
  'daily_chat_survey_answers',
  {
    day: date({ mode: 'string' }).notNull(),
    question: text().$type<ChatSurveyQuestion>().notNull(),
    answer: text().notNull(),
    answers: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.question, t.answer] }),
    check(
      'daily_chat_survey_answers_known',
      sql`(${t.question} in ('hjelp', 'bedre') and ${t.answer} in ('ja', 'litt', 'nei')) or (${t.question} = 'igjen' and ${t.answer} in ('ja', 'kanskje', 'nei'))`,
    ),
    check('daily_chat_survey_answers_positive', sql`${t.answers} > 0`),
  ],
);

/**
 * Survey tickets already used, so each ticket counts once. A ticket is signed by the server
 * when a chat starts and written nowhere then (lib/chat/survey-ticket.ts); only its use is
 * written here: the SHA-256 of its random part and the day it was used. Issuing writes nothing,
 * so neither a row nor the order of rows here follows the order chats were started in.
 */
export const chatSurveyUsedTickets = pgTable(
  'chat_survey_used_tickets',
  {
    hash: text().primaryKey(),
    day: date({ mode: 'string' }).notNull(),
  },
  (t) => [check('chat_survey_used_tickets_hash_hex', sql`${t.hash} ~ '^[0-9a-f]{64}$'`)],
);
