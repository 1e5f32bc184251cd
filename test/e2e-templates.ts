import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_SEED_TIME } from './seed-time';
import { createTestDatabase, testSecrets } from './test-db';

/**
 * Playwright global setup: one migrated, seeded database of each kind, made once per run, so
 * the specs that start an app of their own copy it (a copied PGlite folder, `CREATE DATABASE
 * … TEMPLATE` on PostgreSQL) instead of initialising and migrating a fresh one each time.
 * The app still runs its migrations at start, as in production: on a copy they find nothing
 * to do. test/app.ts reads the two locations from the environment set here.
 */
export const PGLITE_TEMPLATE_ENV = 'E2E_PGLITE_TEMPLATE_DIR';
export const POSTGRES_TEMPLATE_ENV = 'E2E_POSTGRES_TEMPLATE';

function migrate(env: Record<string, string>): void {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: '1', TEST_CLOCK_START: TEST_SEED_TIME };
  delete childEnv.E2E_ADMIN_DATABASE_URL;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/migrate.ts'], { env: childEnv, encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) throw new Error(`the e2e template database could not be migrated:\n${r.stdout}${r.stderr}`);
}

export default async function setup(): Promise<() => Promise<void>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-e2e-template-'));
  const disposals: (() => Promise<void>)[] = [async () => fs.rmSync(dir, { recursive: true, force: true })];
  const dispose = async () => {
    for (const d of disposals.reverse()) await d();
  };
  try {
    migrate({ DATA_DIR: dir });
    process.env[PGLITE_TEMPLATE_ENV] = dir;
    const admin = process.env.TEST_DATABASE_URL;
    if (admin) {
      const db = await createTestDatabase(admin);
      disposals.push(db.drop);
      migrate({ DATABASE_URL: db.url, ...testSecrets });
      process.env[POSTGRES_TEMPLATE_ENV] = db.name;
    }
  } catch (err) {
    await dispose();
    throw err;
  }
  return dispose;
}
