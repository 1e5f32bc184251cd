import pg from 'pg';
import { runScript } from '../test/app';
import { expect, test } from '../test/fixtures';

test.describe('when the database is wrong or goes away', () => {
  test('a wrong DATABASE_URL stops start with one clear line', async ({}, testInfo) => {
    test.skip(testInfo.project.name !== 'pglite', 'needs no database; run once');
    const r = runScript('start', [], {
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/nothing',
      AUTH_SECRET: 'x'.repeat(48),
      DATA_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
    });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^hjelpelinje: could not (open|reach) PostgreSQL at 127\.0\.0\.1:1\/nothing/);
    expect(r.stderr).not.toContain('nobody');
  });

  test.describe('database outage', () => {
    test.beforeEach(({}, testInfo) => {
      test.skip(testInfo.project.name !== 'postgres', 'a PostgreSQL server can go away; an embedded one cannot');
    });

    test('visitors get a calm 503 page, and the site recovers', async ({ page, ownDatabase: db, startOwnApp }) => {
      const app = await startOwnApp();
      await page.goto(app.baseURL + '/personvern');
      await expect(page.getByText('Versjon 1, gjelder fra 15. november 2026.')).toBeVisible();

      const name = new URL(db.env.DATABASE_URL!).pathname.slice(1);
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      try {
        await admin.query(`alter database "${name}" allow_connections false`);
        await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);

        // A page read from the database (and not in the few seconds' page cache yet).
        const response = await page.goto(app.baseURL + '/personvern/versjoner');
        expect(response?.status()).toBe(503);
        expect(response?.headers()['retry-after']).toBe('30');
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vi er straks tilbake');
        const html = await page.content();
        expect(html).not.toMatch(/at \w+ \(|node_modules|Error:|stack/i);

        // Static pages need no database and stay up.
        expect((await page.goto(app.baseURL + '/'))?.status()).toBe(200);
      } finally {
        await admin.query(`alter database "${name}" allow_connections true`);
        await admin.end();
      }
      await expect(async () => {
        const r = await page.goto(app.baseURL + '/personvern/versjoner');
        expect(r?.status()).toBe(200);
      }).toPass({ timeout: 20_000 });

      // The failed queries were logged without their SQL, parameters or stack.
      const log = app.output();
      expect(log).toContain('http.database_unavailable');
      expect(log).not.toMatch(/params:|select |from "privacy_versions"|\n\s+at /i);
    });
  });
});
