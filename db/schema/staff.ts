import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Staff who sign in: advisers (fagkonsulenter), chat hosts, course administrators and administrators. */
export const staffRoles = ['admin', 'adviser', 'chat_host', 'course_admin'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const staff = pgTable(
  'staff',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull().unique(),
    name: text().notNull(),
    role: text().$type<StaffRole>().notNull(),
    passwordHash: text(),
    /** Sealed with the master key (lib/crypto); null until the second factor is enrolled. */
    totpSecret: text(),
    totpLastStep: integer(),
    failedAttempts: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    disabledAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    check('staff_role_known', sql`${t.role} in ('admin', 'adviser', 'chat_host', 'course_admin')`),
    check('staff_email_lowercase', sql`${t.email} = lower(${t.email})`),
  ],
);

/**
 * Revocable sessions: the cookie holds a random token; only its SHA-256 is stored. The purge
 * deletes a session once its idle or absolute limit has passed.
 */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    tokenHash: text().primaryKey(),
    staffId: uuid()
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('staff_sessions_staff_idx').on(t.staffId)],
);

/** One-time links: the first admin's setup, invitations, and second-factor resets. The purge deletes them once used or expired. */
export const staffTokens = pgTable('staff_tokens', {
  tokenHash: text().primaryKey(),
  purpose: text().$type<'first_admin' | 'invite' | 'reset_totp'>().notNull(),
  staffId: uuid().references(() => staff.id, { onDelete: 'cascade' }),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  usedAt: timestamp({ withTimezone: true }),
});

export type Staff = typeof staff.$inferSelect;
export type NewStaff = typeof staff.$inferInsert;
