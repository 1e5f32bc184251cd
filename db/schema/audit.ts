import { bigserial, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { staff } from './staff';

/**
 * The access log: who did what to which object, and when. Never content. The database
 * refuses to change or delete a row, except the purge of rows older than the retention
 * period (see the trigger in the migration access_log_append_only).
 */
export const accessLog = pgTable(
  'access_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull(),
    // Staff are disabled, never deleted, so this reference never has to change a row.
    staffId: uuid().references(() => staff.id),
    action: text().notNull(),
    objectType: text(),
    objectId: text(),
  },
  (t) => [index('access_log_at_idx').on(t.at), index('access_log_staff_idx').on(t.staffId), index('access_log_object_idx').on(t.objectType, t.objectId)],
);
