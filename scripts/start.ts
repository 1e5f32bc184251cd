import { closeDb } from '@/db/client';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { createAppServer } from '@/lib/server/http-server';
import { build } from './build';
import { buildIsCurrent } from './build-stamp';
import { die, prepareDatabase, prepareEnv } from './prepare-runtime';

/**
 * `npm start`: builds when the sources changed, applies migrations, seeds, and serves.
 * `npm run dev` does the same with Next's development server and no build.
 */
const dev = process.argv.includes('--dev');
if (!dev) (process.env as Record<string, string>).NODE_ENV = 'production';
process.env.NEXT_TELEMETRY_DISABLED = '1';

prepareEnv();
if (!dev && !buildIsCurrent(process.cwd())) {
  console.log('hjelpelinje: building the site (first start or changed sources)…');
  build();
}
await prepareDatabase();

const { PORT, HOST } = env();
const { server } = await createAppServer({ dev });
server.on('error', (err: NodeJS.ErrnoException) => {
  die(err.code === 'EADDRINUSE' ? `port ${PORT} is already in use; set PORT to another port.` : `the server stopped (${err.code}).`);
});
server.listen(PORT, HOST, () => {
  console.log(`hjelpelinje: serving on http://localhost:${PORT}${env().DATABASE_URL ? '' : ` with the embedded database in ${env().pgliteDir}`}`);
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info('server.stopping', { signal });
  server.close();
  server.closeAllConnections();
  await closeDb();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
