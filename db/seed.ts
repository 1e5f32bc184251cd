import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '@/db/client';
import { privacyVersions } from '@/db/schema';
import { countVersions, publishVersion } from '@/db/queries/privacy';
import { osloIsoDate, osloStartOfDay } from '@/lib/dates';
import { MIN_NOTICE_DAYS } from '@/lib/privacy/rules';
import { readVersionFile } from '@/lib/privacy/version-file';

type StatementFile = { number: number; file: string };

/** content/personvern/v1.md, v2.md, …, oldest first. */
export function statementFiles(dir = path.join(process.cwd(), 'content', 'personvern')): StatementFile[] {
  return fs
    .readdirSync(dir)
    .map((f) => ({ number: Number(/^v(\d+)\.md$/.exec(f)?.[1] ?? NaN), file: path.join(dir, f) }))
    .filter((s) => Number.isInteger(s.number) && s.number > 0)
    .sort((a, b) => a.number - b.number);
}

/** Midnight in Oslo, MIN_NOTICE_DAYS calendar days after the day `now` falls on there. */
function earliestTakesEffect(now: Date): Date {
  const [y, m, d] = osloIsoDate(now).split('-').map(Number);
  return osloStartOfDay(y!, m!, d! + MIN_NOTICE_DAYS);
}

/**
 * Puts the privacy statements of content/personvern in place; safe to run at every start.
 *
 * An empty database (a fresh installation) gets every version already published, with the
 * dates written in its file: the statement and its history are the organisation's, the same
 * everywhere. A database that has versions gets a newer file published now, taking effect on the
 * day its file names or MIN_NOTICE_DAYS from now, whichever is later, so people who used the
 * service meanwhile get the notice the statement promises. A file numbered at or below the
 * newest stored version is left alone.
 */
export async function seed(db: Database, { now }: { now: Date }): Promise<{ privacyVersions: number }> {
  const newest = await countVersions(db);
  let added = 0;
  for (const { number, file } of statementFiles()) {
    if (number <= newest) continue;
    const v = readVersionFile(file);
    if (!v.published || !v.takesEffect) throw new Error(`${path.basename(file)}: published and takesEffect are required`);
    const published = new Date(v.published);
    const takesEffect = new Date(v.takesEffect);
    if (published > now) break;
    if (newest === 0) {
      await db.insert(privacyVersions).values({ number, title: v.title, summary: v.summary, body: v.body, publishedAt: published, takesEffectAt: takesEffect });
    } else {
      const earliest = earliestTakesEffect(now);
      await publishVersion(db, { title: v.title, summary: v.summary, body: v.body, now, takesEffectAt: takesEffect > earliest ? takesEffect : earliest });
    }
    added++;
  }
  return { privacyVersions: added };
}
