import path from 'node:path';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { migrate } from '@/db/migrate';
import { seed, statementFiles } from '@/db/seed';
import { databaseTargets } from '@/test/database-targets';

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const db = await getDb();
  const result = (await db.execute(query)) as unknown as { rows: { n: number }[] };
  return result.rows[0]?.n ?? 0;
}

describe.each(databaseTargets({ migrated: false }))('migrations on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('several instances migrating and seeding at once apply everything exactly once', async () => {
    // On PostgreSQL each call takes its own pooled connection, like separate instances would.
    // Seeded as of a day every shipped statement is out: each goes in once.
    const now = new Date('2100-01-01T00:00:00Z');
    await Promise.all([1, 2, 3, 4].map(() => migrate(async (db) => void (await seed(db, { now })))));
    const committed = readMigrationFiles({ migrationsFolder: path.join(process.cwd(), 'db', 'migrations') }).length;
    expect(committed).toBeGreaterThan(1);
    expect(await count(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)).toBe(committed);
    expect(await count(sql`select count(*)::int as n from privacy_versions`)).toBe(statementFiles().length);
  });
});
