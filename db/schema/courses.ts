import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { privacyVersions } from './privacy';

/**
 * The course portal. Three kinds of data, kept for three different times:
 * - courses and their sessions: the catalogue, kept until staff delete it;
 * - bookings: who signed up for a session, with how to reach them, their phone and their
 *   answers to the course's questions. Sealed (lib/crypto), and deleted by the purge
 *   COURSE_BOOKING_RETENTION_DAYS after the session ends (an unpaid hold when it runs out);
 * - orders: the accounting record of a sale (bokføringsloven § 13): what was sold, to whom,
 *   the amount, the date and the payment reference. Kept to the end of the fifth year after
 *   the financial year of the sale, then deleted. An order copies what it needs from its
 *   booking and its course, so it stands when they are gone, and it is never joined with an
 *   inquiry: nothing here points at one.
 */

/** One question a course asks on sign-up. */
export type CourseQuestion = { id: string; label: string; required: boolean; multiline: boolean };

export const courseStatuses = ['published', 'hidden', 'cancelled'] as const;
export type CourseStatus = (typeof courseStatuses)[number];

export const courses = pgTable(
  'courses',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    title: text().notNull(),
    summary: text().notNull(),
    /** Markdown, written by course staff. */
    description: text().notNull(),
    /** The content section it is for (content/sections.ts), or none. */
    section: text(),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    /** Whole kroner; 0 is a free course. */
    priceNok: integer().notNull().default(0),
    questions: jsonb().$type<CourseQuestion[]>().notNull().default([]),
    status: text().$type<CourseStatus>().notNull().default('hidden'),
    /** A demo course seeded on a fresh install, marked as such on the page. */
    isExample: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    check('courses_slug_plain', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('courses_status_known', sql`${t.status} in ('published', 'hidden', 'cancelled')`),
    check('courses_price_not_negative', sql`${t.priceNok} >= 0`),
  ],
);

export const courseSessions = pgTable(
  'course_sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    /** Where it is held; null for a session held online. */
    place: text(),
    /** The meeting link of an online session, sent to participants only, never shown on a page. */
    onlineLink: text(),
    capacity: integer().notNull(),
    signupDeadline: timestamp({ withTimezone: true }).notNull(),
    cancelDeadline: timestamp({ withTimezone: true }).notNull(),
    cancelledAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    check('course_sessions_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    check('course_sessions_capacity_positive', sql`${t.capacity} > 0`),
    check('course_sessions_place_or_link', sql`${t.place} is not null or ${t.onlineLink} is not null`),
    index('course_sessions_course_idx').on(t.courseId, t.startsAt),
  ],
);

/**
 * A place on a session, or a place in its queue:
 * - held: a seat kept for a buyer while they pay, until hold_until;
 * - offered: a seat offered to the first on the waiting list, until hold_until;
 * - confirmed: a seat;
 * - waiting: on the waiting list, in order of sign-up;
 * - cancelled: given up, by the participant or with the session.
 * A seat is taken by confirmed bookings and by held and offered ones whose time has not run out.
 */
export const bookingStatuses = ['held', 'offered', 'confirmed', 'waiting', 'cancelled'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];
export const paymentMethods = ['free', 'vipps', 'invoice'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

export const courseBookings = pgTable(
  'course_bookings',
  {
    id: uuid().primaryKey(),
    sessionId: uuid()
      .notNull()
      .references(() => courseSessions.id, { onDelete: 'cascade' }),
    status: text().$type<BookingStatus>().notNull(),
    payment: text().$type<PaymentMethod>().notNull(),
    /** Sealed, bound to the row and column. */
    name: text().notNull(),
    email: text().notNull(),
    phone: text(),
    /** The answers to the course's questions as sealed JSON. */
    answers: text(),
    attended: boolean(),
    privacyVersion: integer()
      .notNull()
      .references(() => privacyVersions.number),
    /** SHA-256 of the random token in the participant's link to view or cancel the booking. */
    tokenHash: text().notNull().unique(),
    /** That token itself, sealed, so a later e-mail (payment, offer, reminder, cancellation) can carry the link. */
    linkToken: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    holdUntil: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    /** Our reference for the Vipps payment of a held seat (not a secret: Vipps and the accounts see it). */
    paymentReference: text().unique(),
    /** Where the buyer approves that payment in Vipps, while the seat is held. */
    paymentUrl: text(),
    /** When the reminder two days before the session was sent. */
    remindedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    check('course_bookings_status_known', sql`${t.status} in ('held', 'offered', 'confirmed', 'waiting', 'cancelled')`),
    check('course_bookings_payment_known', sql`${t.payment} in ('free', 'vipps', 'invoice')`),
    check('course_bookings_hold_has_deadline', sql`(${t.status} in ('held', 'offered')) = (${t.holdUntil} is not null)`),
    check('course_bookings_cancelled_has_time', sql`(${t.status} = 'cancelled') = (${t.cancelledAt} is not null)`),
    index('course_bookings_session_idx').on(t.sessionId, t.status, t.createdAt),
    index('course_bookings_hold_until_idx').on(t.holdUntil),
  ],
);

export const orderStatuses = ['reserved', 'captured', 'invoice', 'cancelled', 'refunded'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const courseOrders = pgTable(
  'course_orders',
  {
    id: uuid().primaryKey(),
    /** Our order number, the reference a buyer and the accounts see. */
    reference: text().notNull().unique(),
    /** The booking while it exists; the order outlives it. */
    bookingId: uuid().references(() => courseBookings.id, { onDelete: 'set null' }),
    soldAt: timestamp({ withTimezone: true }).notNull(),
    courseTitle: text().notNull(),
    sessionStartsAt: timestamp({ withTimezone: true }).notNull(),
    amountNok: integer().notNull(),
    method: text().$type<Exclude<PaymentMethod, 'free'>>().notNull(),
    /** Sealed, bound to the row and column. */
    name: text().notNull(),
    email: text().notNull(),
    /** The payment provider's reference (Vipps), or null for an invoice. */
    paymentReference: text(),
    status: text().$type<OrderStatus>().notNull(),
    /** 1 January of the sixth year after the financial year of the sale, in Oslo. */
    deleteAfter: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    check('course_orders_amount_positive', sql`${t.amountNok} > 0`),
    check('course_orders_method_known', sql`${t.method} in ('vipps', 'invoice')`),
    check('course_orders_status_known', sql`${t.status} in ('reserved', 'captured', 'invoice', 'cancelled', 'refunded')`),
    index('course_orders_delete_after_idx').on(t.deleteAfter),
  ],
);

export type Course = typeof courses.$inferSelect;
export type CourseSession = typeof courseSessions.$inferSelect;
export type CourseBooking = typeof courseBookings.$inferSelect;
export type CourseOrder = typeof courseOrders.$inferSelect;
