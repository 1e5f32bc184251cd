import pg from 'pg';

/**
 * Fresh PostgreSQL databases for test runs, made from an admin URL (TEST_DATABASE_URL) and
 * dropped afterwards. Names carry their creation time, so one left behind by a killed run
 * is dropped by the next run once it is two hours old.
 */
const PREFIX = 'hl_test_';

async function withAdmin<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * `template`: copy a database this harness made (already migrated) instead of the empty
 * `template1`, which saves each test file running the migrations again.
 */
export async function createTestDatabase(adminUrl: string, { template }: { template?: string } = {}): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  if (template !== undefined && !/^hl_test_[0-9a-z_]+$/.test(template)) throw new Error('a template must be a database this harness made');
  const name = `${PREFIX}${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  await withAdmin(adminUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>('select datname from pg_database where datname like $1', [`${PREFIX}%`]);
    for (const { datname } of rows) {
      const born = Number(datname.slice(PREFIX.length).split('_')[0]);
      if (Number.isFinite(born) && Date.now() - born > 2 * 3_600_000) {
        await c.query(`drop database if exists "${datname}" with (force)`);
      }
    }
    await c.query(template ? `create database "${name}" template "${template}"` : `create database "${name}"`);
  });
  return { name, url: databaseUrl(adminUrl, name), drop: () => dropTestDatabase(adminUrl, name) };
}

export async function dropTestDatabase(adminUrl: string, name: string): Promise<void> {
  if (!name.startsWith(PREFIX)) throw new Error('refusing to drop a database this harness did not create');
  await withAdmin(adminUrl, (c) => c.query(`drop database if exists "${name}" with (force)`));
}

/** Fixed secrets for test servers: PostgreSQL mode requires them from the environment. */
export const testSecrets = {
  AUTH_SECRET: 'test-only-auth-secret-0123456789abcdefghijklmnopqrstuvwxyz',
  DATA_ENCRYPTION_KEY: 'dGVzdC1vbmx5LWRhdGEta2V5LTMyLWJ5dGVzLWxvbmc=',
};
