import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, stopOnSignals } from '../scripts/serve';
import { createTestDatabase, testSecrets } from './test-db';

/**
 * The app as the end-to-end tests run it: the real start sequence, on a database of its own.
 * E2E_ADMIN_DATABASE_URL set: a fresh PostgreSQL database, dropped when the server stops.
 * Otherwise: a fresh PGlite folder (or DATA_DIR, when a test hands one over).
 */
let cleanup: (() => Promise<void>) | undefined;
const admin = process.env.E2E_ADMIN_DATABASE_URL;
if (admin && !process.env.DATABASE_URL) {
  const db = await createTestDatabase(admin);
  process.env.DATABASE_URL = db.url;
  Object.assign(process.env, testSecrets);
  cleanup = db.drop;
} else if (!process.env.DATA_DIR) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hjelpelinje-e2e-'));
  process.env.DATA_DIR = dir;
  cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
}

const { stop } = await serve({ buildWhenNeeded: false });
stopOnSignals(stop, cleanup);
