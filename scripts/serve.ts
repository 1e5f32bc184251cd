import type { Server } from 'node:http';
import { closeDb } from '@/db/client';
import { env } from '@/lib/env';
import { schedulePurge } from '@/lib/jobs/schedule';
import { log } from '@/lib/log';
import { createAppServer } from '@/lib/server/http-server';
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

  const { PORT, HOST } = env();
  const { server } = await createAppServer({ dev });
  await new Promise<void>((resolve) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      die(err.code === 'EADDRINUSE' ? `port ${PORT} is already in use; set PORT to another port.` : `the server stopped (${err.code}).`);
    });
    server.listen(PORT, HOST, resolve);
  });
  const where = env().DATABASE_URL ? '' : ` with the embedded database in ${env().pgliteDir}`;
  console.log(`hjelpelinje: serving on http://localhost:${PORT}${where}`);

  const stopPurge = dev ? () => {} : schedulePurge();
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      stopPurge();
      server.close();
      server.closeAllConnections();
      await closeDb();
    })());
  return { server, stop };
}

/** Stops cleanly on SIGTERM / SIGINT, after `cleanup` (e.g. dropping a test database). */
export function stopOnSignals(stop: () => Promise<void>, cleanup?: () => Promise<void>): void {
  const onSignal = (signal: string) => {
    log.info('server.stopping', { signal });
    void stop()
      .then(() => cleanup?.())
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
