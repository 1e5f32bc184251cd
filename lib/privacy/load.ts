import 'server-only';
import { connection } from 'next/server';
import { getDb, type Database } from '@/db/client';
import { appClock } from '@/lib/clock';

/**
 * Privacy pages read the database on each request (new versions appear without a rebuild),
 * so they opt out of prerendering here, before the first query.
 */
export async function privacyContext(): Promise<{ db: Database; now: Date }> {
  await connection();
  return { db: await getDb(), now: appClock().now() };
}
