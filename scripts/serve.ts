import type { Server } from 'node:http';
import { closeDb, getDb } from '@/db/client';
import { countStaff, createStaffToken } from '@/db/queries/staff';
import { appClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { stopCoverageClock } from '@/lib/jobs/coverage-clock';
import { stopCourseClock } from '@/lib/jobs/course-clock';
import { stopPurgeSchedule } from '@/lib/jobs/schedule';
import { log } from '@/lib/log';
import { pageBodies } from '@/components/page-bodies';
import { createAppServer } from '@/lib/server/http-server';
import { startVisitCounting, stopVisitCounting } from '@/lib/server/visit-counting';
import { build } from './build';
import { buildIsCurrent } from './build-stamp';
import { die, prepareDatabase, prepareEnv } from './prepare-runtime';

/**
 * Everything `npm start` does, as a function the test and benchmark harnesses reuse:
 * configuration and secrets, a build when needed, migrations and seed, then the server.
 */
export async function serve({ dev = false, buildWhenNeeded = true }: { dev?: boolean; buildWhenNeeded?: boolean } = {}): Promise<{
  server: Server;
  stop: () => Promise<void>;
}> {
  if (!dev) (process.env as Record<string, string>).NODE_ENV = 'production';
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  prepareEnv();
  // The database first: a wrong DATABASE_URL should say so at once, not after a build.
  await prepareDatabase();
  if (!dev && !buildIsCurrent(process.cwd())) {
    if (!buildWhenNeeded) die('the build is missing or older than the sources; run `npm run build` first.');
    console.log('hjelpelinje: building the site (first start or changed sources)…');
    build();
  }

  const { PORT, HOST, SITE_URL } = env();
  // Auth.js names this address, and no other, in what it publishes and redirects to.
  process.env.AUTH_URL = `${SITE_URL}/api/auth`;
  // In development Next reloads a changed page, and the bodies here would not follow: Next makes every page.
  const { server } = await createAppServer({ dev, bodies: dev ? undefined : pageBodies });
  await new Promise<void>((resolve) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      die(err.code === 'EADDRINUSE' ? `port ${PORT} is already in use; set PORT to another port.` : `the server stopped (${err.code}).`);
    });
    server.listen(PORT, HOST, resolve);
  });
  const where = env().DATABASE_URL ? '' : ` with the embedded database in ${env().pgliteDir}`;
  console.log(`hjelpelinje: serving on http://localhost:${PORT}${where}`);
  await offerFirstAdminSetup();
  await startVisitCounting().catch((err: NodeJS.ErrnoException) => {
    const { VISIT_COUNT_PORT } = env();
    die(err.code === 'EADDRINUSE' ? `UDP port ${VISIT_COUNT_PORT} is already in use; set VISIT_COUNT_PORT to another port.` : `visit counting could not start (${err.code}).`);
  });

  // The purge schedule and the coverage clock started with Next (instrumentation.ts).
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      stopPurgeSchedule();
      stopCoverageClock();
      stopCourseClock();
      server.close();
      server.closeAllConnections();
      // The counts of the last minute, before the database goes.
      await stopVisitCounting();
      await closeDb();
    })());
  return { server, stop };
}

/** With no staff yet, prints a one-time link (valid 24 hours) that creates the first admin. */
async function offerFirstAdminSetup(): Promise<void> {
  const db = await getDb();
  if ((await countStaff(db)) > 0) return;
  const token = await createStaffToken(db, { purpose: 'first_admin', staffId: null, now: appClock().now(), hours: 24 });
  console.log(`hjelpelinje: no staff accounts yet. Create the first administrator here (one use, 24 hours):`);
  console.log(`  ${env().SITE_URL}/staff/oppsett/${token}`);
}

/** Stops cleanly on SIGTERM / SIGINT, after `cleanup` (e.g. dropping a test database). */
export function stopOnSignals(stop: () => Promise<void>, cleanup?: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: string) => {
    // A second signal, or a stop that hangs (a test runner that went away left servers spinning
    // for hours), ends the process outright.
    if (stopping) process.exit(1);
    stopping = true;
    log.info('server.stopping', { signal });
    setTimeout(() => {
      log.error('server.stop_timed_out', { seconds: STOP_DEADLINE_MS / 1000 });
      process.exit(1);
    }, STOP_DEADLINE_MS);
    void stop()
      .then(() => cleanup?.())
      .finally(() => process.exit(0));
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

/** Time to finish what is under way and write what is counted; beyond it the process just ends. */
const STOP_DEADLINE_MS = 20_000;
