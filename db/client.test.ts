import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from './client';
import { databaseTargets } from '@/test/database-targets';

const pglite = databaseTargets().find((t) => t.name === 'pglite')!;

describe('the embedded database', () => {
  beforeAll(async () => {
    vi.stubEnv('PGLITE_SHARED_BUFFERS', '24MB');
    await pglite.open();
  });
  afterAll(async () => {
    await pglite.close();
    vi.unstubAllEnvs();
  });

  it('opens with the buffer cache PGLITE_SHARED_BUFFERS names', async () => {
    const db = await getDb();
    const { rows } = (await db.execute(sql`select current_setting('shared_buffers') as size`)) as unknown as { rows: { size: string }[] };
    expect(rows[0]!.size).toBe('24MB');
  });
});
