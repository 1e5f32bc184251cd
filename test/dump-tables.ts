import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';

/** Every row of every table, as an auditor would look for leftovers: `schema.table` → rows. */
export async function dumpTables(db: Database): Promise<Record<string, unknown[]>> {
  const tables = (await db.execute(
    sql`select table_schema, table_name from information_schema.tables where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1, 2`,
  )) as unknown as { rows: { table_schema: string; table_name: string }[] };
  const dump: Record<string, unknown[]> = {};
  for (const t of tables.rows) {
    const rows = (await db.execute(sql.raw(`select * from "${t.table_schema}"."${t.table_name}"`))) as unknown as { rows: unknown[] };
    dump[`${t.table_schema}.${t.table_name}`] = rows.rows;
  }
  return dump;
}
