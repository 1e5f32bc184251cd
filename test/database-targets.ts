import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeDb } from '@/db/client';
import { migrate } from '@/db/migrate';
import { seed } from '@/db/seed';
import { resetEnvCache } from '@/lib/env';
import { inject } from 'vitest';
import { TEST_SEED_TIME } from './seed-time';
import { createTestDatabase, testSecrets } from './test-db';

/**
 * The databases database tests run against: always a fresh PGlite folder, and a fresh
 * PostgreSQL database when TEST_DATABASE_URL is set. `open` points the app's one connection
 * module at it, migrated and seeded unless told not to: a copy of the run's template
 * (database-templates.ts) where there is one, else migrated there and then; `close`
 * disconnects and throws it away.
 */
export type Target = { name: 'pglite' | 'postgres'; open: () => Promise<void>; close: () => Promise<void> };

export function databaseTargets({ migrated = true }: { migrated?: boolean } = {}): Target[] {
  const targets: Target[] = [];
  const templates = migrated ? inject('databaseTemplates') : undefined;
  let cleanup: (() => Promise<void>) | undefined;
  const finish = async () => {
    await closeDb();
    await cleanup?.();
    delete process.env.DATABASE_URL;
    delete process.env.DATA_DIR;
    resetEnvCache();
  };
  targets.push({
    name: 'pglite',
    open: async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-db-test-'));
      process.env.DATA_DIR = dir;
      Object.assign(process.env, testSecrets);
      delete process.env.DATABASE_URL;
      cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
      resetEnvCache();
      if (templates?.pgliteDir) fs.cpSync(templates.pgliteDir, path.join(dir, 'pglite'), { recursive: true });
      else if (migrated) await migrate(async (db) => void (await seed(db, { now: new Date(TEST_SEED_TIME) })));
    },
    close: finish,
  });
  const admin = process.env.TEST_DATABASE_URL;
  if (admin) {
    targets.push({
      name: 'postgres',
      open: async () => {
        const db = await createTestDatabase(admin, { template: templates?.postgres });
        process.env.DATABASE_URL = db.url;
        Object.assign(process.env, testSecrets);
        cleanup = db.drop;
        resetEnvCache();
        if (migrated && !templates?.postgres) await migrate(async (d) => void (await seed(d, { now: new Date(TEST_SEED_TIME) })));
      },
      close: finish,
    });
  }
  return targets;
}
