import 'server-only';
import { cache } from 'react';
import { connection } from 'next/server';
import { getDb, type Database } from '@/db/client';
import { publicCourse as readPublicCourse, type PublicCourse } from '@/db/queries/courses';
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

/** A published course by its address, read once per request however many parts of the page ask (its metadata and its body). */
export const publicCourseOnce = cache(async (slug: string): Promise<{ course: PublicCourse | undefined; now: Date }> => {
  const { db, now } = await courseContext();
  return { course: await readPublicCourse(db, { slug, now }), now };
});
