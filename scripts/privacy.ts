import { parseArgs } from 'node:util';
import { closeDb, getDb } from '@/db/client';
import { listPublishedVersions, PrivacyScheduleError, publishVersion } from '@/db/queries/privacy';
import { readVersionBody } from '@/lib/privacy/version-file';
import { scheduleProblemText } from '@/lib/privacy/rules';
import { appClock } from '@/lib/clock';
import { formatDate, osloStartOfDay } from '@/lib/dates';
import { die, prepareDatabase, prepareEnv } from './prepare-runtime';

/**
 * `npm run privacy -- list`
 * `npm run privacy -- publish --file new-version.md --takes-effect 2027-01-15`
 * Publishes a new privacy-statement version now; it must take effect at least 14 days later.
 */
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { file: { type: 'string' }, 'takes-effect': { type: 'string' } },
});

function parseDay(text: string): Date {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (day) return osloStartOfDay(Number(day[1]), Number(day[2]), Number(day[3]));
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) die(`--takes-effect must be a date (YYYY-MM-DD) or an ISO time, not "${text}".`);
  return at;
}

prepareEnv();
await prepareDatabase();
const db = await getDb();
const now = appClock().now();
try {
  if (positionals[0] === 'list') {
    for (const v of await listPublishedVersions(db, { now })) {
      console.log(`${v.number}\tpublished ${formatDate(v.publishedAt)}\ttakes effect ${formatDate(v.takesEffectAt)}\t${v.summary}`);
    }
  } else if (positionals[0] === 'publish') {
    if (!values.file || !values['takes-effect']) die('publish needs --file and --takes-effect.');
    let version: ReturnType<typeof readVersionBody>;
    try {
      version = readVersionBody(values.file);
    } catch (err) {
      die(`cannot read ${values.file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    const takesEffectAt = parseDay(values['takes-effect']);
    const { number } = await publishVersion(db, { ...version, takesEffectAt, now });
    console.log(`Published version ${number}; it takes effect ${formatDate(takesEffectAt)}.`);
  } else {
    die('usage: privacy list | privacy publish --file FILE --takes-effect YYYY-MM-DD');
  }
} catch (err) {
  await closeDb();
  if (err instanceof PrivacyScheduleError) die(scheduleProblemText[err.problem]);
  throw err;
}
await closeDb();
