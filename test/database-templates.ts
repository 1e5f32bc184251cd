import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { closeDb } from '@/db/client';
import { migrate } from '@/db/migrate';
import { seed } from '@/db/seed';
import { TEST_SEED_TIME } from './seed-time';
import { resetEnvCache } from '@/lib/env';
import { createTestDatabase, testSecrets } from './test-db';

/**
 * Vitest global setup: migrates and seeds one database of each kind once per run, so each
 * test file's database is a copy of it (a copied PGlite folder, `CREATE DATABASE … TEMPLATE`
 * on PostgreSQL) instead of a fresh one migrated again. db/migrate.test.ts still migrates
 * empty databases of both kinds itself.
 */
export type DatabaseTemplates = { pgliteDir?: string; postgres?: string };

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplates: DatabaseTemplates;
  }
}

const touched = ['DATA_DIR', 'DATABASE_URL', ...Object.keys(testSecrets)];

async function migrated(vars: Record<string, string>): Promise<void> {
  const saved = Object.fromEntries(touched.map((k) => [k, process.env[k]]));
  for (const k of touched) delete process.env[k];
  Object.assign(process.env, testSecrets, vars);
  resetEnvCache();
  try {
    await migrate(async (db) => void (await seed(db, { now: new Date(TEST_SEED_TIME) })));
  } finally {
    await closeDb();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetEnvCache();
  }
}

export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-db-template-'));
  const disposals: (() => Promise<void>)[] = [async () => fs.rmSync(dataDir, { recursive: true, force: true })];
  const templates: DatabaseTemplates = {};
  try {
    await migrated({ DATA_DIR: dataDir });
    templates.pgliteDir = path.join(dataDir, 'pglite');
    const admin = process.env.TEST_DATABASE_URL;
    if (admin) {
      const db = await createTestDatabase(admin);
      disposals.push(db.drop);
      await migrated({ DATABASE_URL: db.url });
      templates.postgres = db.name;
    }
  } catch (err) {
    for (const dispose of disposals) await dispose();
    throw err;
  }
  project.provide('databaseTemplates', templates);
  return async () => {
    for (const dispose of disposals) await dispose();
  };
}
