import { closeDb } from '@/db/client';
import { prepareDatabase, prepareEnv } from './prepare-runtime';

/** `npm run db:migrate`: applies migrations (and the first seed) and exits. */
prepareEnv();
await prepareDatabase();
await closeDb();
console.log('hjelpelinje: the database is up to date.');
