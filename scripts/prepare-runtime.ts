import { appClock } from '@/lib/clock';
import { closeDb, errorCode, getDb, pingDatabase, type Database } from '@/db/client';
import { FolderInUseError } from '@/db/folder-lock';
import { migrate } from '@/db/migrate';
import { sealPlainHolds } from '@/db/queries/holds';
import { sealPlainInquiries } from '@/db/queries/inquiry-sealing';
import { seed } from '@/db/seed';
import { env, EnvError, resetEnvCache } from '@/lib/env';
import { log } from '@/lib/log';
import { loadOrCreateSecrets, missingSecrets } from '@/lib/secrets';

/** One clear line, then exit: what an operator sees when start cannot go on. */
export function die(message: string): never {
  console.error(`hjelpelinje: ${message}`);
  process.exit(1);
}

/** Configuration and secrets, checked before anything else happens. */
export function prepareEnv(): void {
  const usesServer = Boolean(process.env.DATABASE_URL);
  const missing = missingSecrets(process.env);
  if (missing.length && usesServer) {
    die(`${missing.join(' and ')} must be set when DATABASE_URL is used (every instance must share them).`);
  }
  if (missing.length) {
    const dataDir = process.env.DATA_DIR ?? '.data';
    const { created, file } = loadOrCreateSecrets(dataDir, process.env);
    if (created.length) {
      console.warn(
        `hjelpelinje: generated ${created.join(', ')} into ${file}. This is for a local run only: production must set them in the environment.`,
      );
    }
  }
  resetEnvCache();
  try {
    env();
  } catch (err) {
    die(err instanceof EnvError ? err.message : 'the configuration could not be read.');
  }
}

function describeTarget(): string {
  const url = env().DATABASE_URL;
  if (!url) return `the embedded database in ${env().pgliteDir}`;
  try {
    const u = new URL(url);
    return `PostgreSQL at ${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'the PostgreSQL server in DATABASE_URL';
  }
}

/** What start-up does after the migrations, under their lock and before the server answers. */
export async function afterMigrations(db: Database): Promise<void> {
  await seed(db, { now: appClock().now() });
  // Holds placed before their texts were sealed: sealed now, before anything reads them.
  const sealed = await sealPlainHolds(db);
  if (sealed > 0) log.info('holds.sealed_plain_texts', { count: sealed });
  // Inquiries whose audience, relation and preferred contact were stored in clear: the same.
  const inquiriesSealed = await sealPlainInquiries(db);
  if (inquiriesSealed > 0) log.info('inquiries.sealed_plain_fields', { count: inquiriesSealed });
}

/** Connects, applies migrations under the advisory lock, and seeds an empty database. */
export async function prepareDatabase(): Promise<void> {
  try {
    await getDb();
  } catch (err) {
    if (err instanceof FolderInUseError) {
      die(`${describeTarget()} is in use by process ${err.pid}. Stop that process first (one process per data folder).`);
    }
    die(`could not open ${describeTarget()} (${errorCode(err)}).`);
  }
  if (!(await pingDatabase(10_000))) {
    await closeDb();
    die(`could not reach ${describeTarget()}. Check DATABASE_URL and that the server is running.`);
  }
  try {
    await migrate(afterMigrations);
  } catch (err) {
    die(`migrations failed on ${describeTarget()} (${errorCode(err)}).`);
  }
}
