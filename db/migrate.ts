import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { PgDialect, PgSession } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import { MIGRATION_LOCK, withAdvisoryLock } from '@/db/locks';

export { MIGRATION_LOCK } from '@/db/locks';

const folder = () => path.join(process.cwd(), 'db', 'migrations');

/**
 * Applies the committed drizzle-kit migrations. Several instances starting at once queue on
 * an advisory lock; the first applies, the others find nothing left to do. `afterMigrate`
 * runs under the same lock, so seeding is not raced either.
 */
export async function migrate(afterMigrate?: (db: Database) => Promise<void>): Promise<void> {
  const migrations = readMigrationFiles({ migrationsFolder: folder() });
  await withAdvisoryLock(MIGRATION_LOCK, async (db) => {
    // Both drivers share drizzle's PostgreSQL dialect; this is what their own migrators call.
    const internal = db as unknown as { dialect: PgDialect; session: PgSession };
    await internal.dialect.migrate(migrations, internal.session, { migrationsFolder: folder() });
    if (afterMigrate) await afterMigrate(db);
  });
}
