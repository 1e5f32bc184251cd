import 'server-only';
import { connection } from 'next/server';
import { getDb, type Database } from '@/db/client';
import { appClock } from '@/lib/clock';

/**
 * Course pages read the database on each request (seats change, staff publish courses), so
 * they opt out of prerendering here, before the first query. Our server keeps the finished
 * page for a few seconds (lib/server/page-cache.ts), so a busy page costs one read per instance.
 */
export async function courseContext(): Promise<{ db: Database; now: Date }> {
  await connection();
  return { db: await getDb(), now: appClock().now() };
}
