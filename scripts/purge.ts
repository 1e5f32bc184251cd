import { parseArgs } from 'node:util';
import { closeDb } from '@/db/client';
import { appClock } from '@/lib/clock';
import { runPurge } from '@/lib/jobs/purge';
import { logToStderr } from '@/lib/log';
import { die, prepareDatabase, prepareEnv } from './prepare-runtime';

/**
 * `npm run purge -- [--now ISO] [--dry-run]`: one purge run, for an external scheduler (or a
 * test that names the moment). Prints a JSON summary: each rule and how many rows it deleted.
 */
logToStderr();
const { values } = parseArgs({ options: { now: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } } });
let now = appClock().now();
if (values.now) {
  now = new Date(values.now);
  if (Number.isNaN(now.getTime())) die(`--now must be an ISO time, such as 2027-03-01T12:00:00+01:00, not "${values.now}".`);
}
prepareEnv();
await prepareDatabase();
const summary = await runPurge({ now, dryRun: values['dry-run'] });
await closeDb();
console.log(JSON.stringify(summary, null, 2));
