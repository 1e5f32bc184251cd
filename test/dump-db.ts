import { closeDb, getDb } from '../db/client';
import { dumpTables } from './dump-tables';

/**
 * Prints every row of every table as JSON, the way an auditor would look for leftovers:
 * `node --import tsx test/dump-db.ts` with the app's DATABASE_URL or DATA_DIR.
 */
const dump = await dumpTables(await getDb());
await closeDb();
process.stdout.write(JSON.stringify(dump));
