import { createTestDatabase } from '@/test/test-db';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, getPage } from './net';

const START_TIMEOUT_MS = 180_000;
const POLL_INTERVAL_MS = 500;
const KILL_GRACE_MS = 10_000;

export type Database = 'pglite' | 'postgres';

export type AppProcess = {
  port: number;
  database: Database;
  /** The fresh PostgreSQL database the app runs on (dropped by `stop`); undefined on PGlite. */
  databaseUrl: string | undefined;
  /** Resolves once GET / answers 200; rejects with AppStartError when it never does. */
  ready: () => Promise<void>;
  /** SIGTERM, SIGKILL after 10 s, then the temp folder goes; safe to call more than once. */
  stop: () => Promise<void>;
  /** The last resort on process exit: synchronous, no waiting. */
  stopNow: () => void;
};

/** Thrown when the app never answers; the bench exits non-zero with its message. */
export class AppStartError extends Error {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The child's environment: ours minus anything that would point it at another database. The
 * form and course benchmarks send thousands of inquiries and sign-ups from one address, so the
 * limits per client are lifted out of the way.
 */
function childEnv(port: number, dataDir: string | undefined, databaseUrl: string | undefined, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1', INQUIRY_RATE_LIMIT: '100000', COURSE_SIGNUP_RATE_LIMIT: '100000', ...extra };
  for (const name of ['DATABASE_URL', 'DATA_DIR', 'AUTH_SECRET', 'DATA_ENCRYPTION_KEY']) delete env[name];
  if (databaseUrl) {
    env.DATABASE_URL = databaseUrl;
    env.AUTH_SECRET = randomBytes(48).toString('base64url');
    env.DATA_ENCRYPTION_KEY = randomBytes(32).toString('base64');
  } else {
    env.DATA_DIR = dataDir;
  }
  return env;
}

/** Signals the child's whole process group (it may be running `next build`). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Polls GET / until it answers 200, the child exits, or the time is up. */
async function waitUntilReady(child: ChildProcess, port: number, spawnError: () => Error | undefined): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const failed = spawnError();
    if (failed) throw new AppStartError(`the app could not be started (${failed.message}).`);
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new AppStartError(`the app exited before it was ready (${child.exitCode ?? child.signalCode}); see the messages above.`);
    }
    try {
      if ((await getPage(port, '/', 5_000)).status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(POLL_INTERVAL_MS);
  }
  throw new AppStartError(`the app did not answer 200 on / within ${START_TIMEOUT_MS / 1000} s.`);
}

/**
 * `npm start` in a child process (a build when needed, migrations, seed), on a free port of
 * 127.0.0.1 and a fresh data folder, or a fresh database made from the admin URL in
 * BENCH_DATABASE_URL, or `adminUrl` when given (the bench writes inquiries, so it never uses a
 * database it did not make; one left behind by a killed bench is dropped by a later run). The
 * handle comes back at once, so the caller can arrange the cleanup before waiting on `ready()`.
 * The child's output goes to our stderr, so stdout stays the bench's JSON alone.
 */
export async function spawnApp(extraEnv: Record<string, string> = {}, { adminUrl = process.env.BENCH_DATABASE_URL }: { adminUrl?: string } = {}): Promise<AppProcess> {
  const database: Database = adminUrl ? 'postgres' : 'pglite';
  const dataDir = database === 'pglite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'hjelpelinje-bench-')) : undefined;
  let fresh: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  if (adminUrl) {
    try {
      fresh = await createTestDatabase(adminUrl);
    } catch (err) {
      throw new AppStartError(`could not create a database from ${adminUrl === process.env.BENCH_DATABASE_URL ? 'BENCH_DATABASE_URL' : 'the admin URL'} (${(err as Error).message}).`);
    }
  }
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'start.ts')], {
    cwd: process.cwd(),
    env: childEnv(port, dataDir, fresh?.url, extraEnv),
    stdio: ['ignore', 2, 2],
    detached: true,
  });
  let spawnError: Error | undefined;
  child.once('error', (err) => (spawnError = err));
  const removeDataDir = () => {
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      signalGroup(child, 'SIGTERM');
      if (!(await waitForExit(child, KILL_GRACE_MS))) {
        signalGroup(child, 'SIGKILL');
        await waitForExit(child, KILL_GRACE_MS);
      }
      removeDataDir();
      await fresh?.drop().catch((err: Error) => process.stderr.write(`bench: could not drop ${fresh?.name} (${err.message}).\n`));
    })());
  const stopNow = () => {
    signalGroup(child, 'SIGKILL');
    removeDataDir();
  };
  const ready = () => waitUntilReady(child, port, () => spawnError);
  return { port, database, databaseUrl: fresh?.url, ready, stop, stopNow };
}

/** Where a bench section finds PostgreSQL without BENCH_DATABASE_URL: this machine's own server. */
const LOCAL_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A bench section on an app of its own on a fresh PostgreSQL database (BENCH_DATABASE_URL, else
 * the local server): started, handed to `run`, stopped and its database dropped. A missing
 * database is reported as skipped and a failure in its place; nothing is thrown.
 */
export async function onPostgresApp<T>(
  run: (app: AppProcess) => Promise<T>,
  progress: (message: string) => void,
): Promise<T | { skipped: string } | { error: string }> {
  let app: AppProcess;
  try {
    app = await spawnApp({}, { adminUrl: process.env.BENCH_DATABASE_URL || LOCAL_ADMIN_URL });
  } catch (err) {
    return { skipped: `needs PostgreSQL: BENCH_DATABASE_URL, or a server on 127.0.0.1:5432 (${(err as Error).message.replace(/\.$/, '')})` };
  }
  const stopNow = () => app.stopNow();
  process.once('exit', stopNow);
  try {
    progress('starting the app on a fresh PostgreSQL database…');
    await app.ready();
    return await run(app);
  } catch (err) {
    progress((err as Error).message);
    return { error: `measurement failed (${(err as Error).message})` };
  } finally {
    progress('stopping…');
    await app.stop();
    process.off('exit', stopNow);
  }
}
