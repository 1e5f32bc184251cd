import { sql } from 'drizzle-orm';
import { closeDb, getDb } from '../../db/client';

/**
 * Prints every row of every table as JSON, the way an auditor would look for leftovers:
 * `node --import tsx e2e/support/dump-db.ts` with the app's DATABASE_URL or DATA_DIR.
 */
const db = await getDb();
const tables = (await db.execute(
  sql`select table_schema, table_name from information_schema.tables where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1, 2`,
)) as unknown as { rows: { table_schema: string; table_name: string }[] };
const dump: Record<string, unknown[]> = {};
for (const t of tables.rows) {
  const rows = (await db.execute(sql.raw(`select * from "${t.table_schema}"."${t.table_name}"`))) as unknown as { rows: unknown[] };
  dump[`${t.table_schema}.${t.table_name}`] = rows.rows;
}
await closeDb();
process.stdout.write(JSON.stringify(dump));
