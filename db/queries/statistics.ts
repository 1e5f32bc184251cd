// Not marked 'server-only': the HTTP server (outside Next's bundler) writes the daily totals
// through this module. Nothing here is reachable from a client component.
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { dailyPageViews, dailyVisits, type StatsSite } from '@/db/schema';

export type DailyPageViews = { day: string; path: string; views: number };
export type DailyVisits = { day: string; site: StatsSite; visits: number };

/**
 * Adds counts to the daily totals, one upsert per day and key, in one transaction: what
 * several instances add for the same day sums up, and a failed write adds nothing.
 */
export async function addDailyCounts(db: Database, { pageViews, visits }: { pageViews: readonly DailyPageViews[]; visits: readonly DailyVisits[] }): Promise<void> {
  if (pageViews.length === 0 && visits.length === 0) return;
  await db.transaction(async (tx) => {
    if (pageViews.length > 0) {
      await tx
        .insert(dailyPageViews)
        .values([...pageViews])
        .onConflictDoUpdate({ target: [dailyPageViews.day, dailyPageViews.path], set: { views: sql`${dailyPageViews.views} + excluded.views` } });
    }
    if (visits.length > 0) {
      await tx
        .insert(dailyVisits)
        .values([...visits])
        .onConflictDoUpdate({ target: [dailyVisits.day, dailyVisits.site], set: { visits: sql`${dailyVisits.visits} + excluded.visits` } });
    }
  });
}
