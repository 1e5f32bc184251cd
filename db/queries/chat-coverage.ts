import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { chatCoverageClock, dailyChatCoverage } from '@/db/schema';
import { osloIsoDate } from '@/lib/dates';

/**
 * Counts one minute of opening hours, and whether a host was on duty in it. Every instance
 * calls this once a minute for the minute that just started; the clock row, locked for the
 * transaction, remembers the last minute counted as open and as staffed, so the minute counts
 * once however many instances call. An instance with no host on duty may come first: the
 * minute is then open, and an instance with a host that comes later still makes it staffed.
 * Staffed is only ever counted for a minute counted as open, so staffed never exceeds open.
 */
export async function countCoverageMinute(db: Database, { minute, staffed }: { minute: Date; staffed: boolean }): Promise<{ open: boolean; staffed: boolean }> {
  return db.transaction(async (tx) => {
    const [clock] = await tx.select().from(chatCoverageClock).where(eq(chatCoverageClock.id, 1)).for('update');
    if (!clock) throw new Error('chat_coverage_clock has no row');
    const lastOpen = clock.lastOpenMinute?.getTime() ?? -Infinity;
    const lastStaffed = clock.lastStaffedMinute?.getTime() ?? -Infinity;
    const at = minute.getTime();
    const openCounted = at > lastOpen;
    const staffedCounted = staffed && (openCounted || at === lastOpen) && at > lastStaffed;
    if (!openCounted && !staffedCounted) return { open: false, staffed: false };

    await tx
      .update(chatCoverageClock)
      .set({ ...(openCounted ? { lastOpenMinute: minute } : {}), ...(staffedCounted ? { lastStaffedMinute: minute } : {}) })
      .where(eq(chatCoverageClock.id, 1));
    const open = openCounted ? 1 : 0;
    const staffedMinutes = staffedCounted ? 1 : 0;
    await tx
      .insert(dailyChatCoverage)
      .values({ day: osloIsoDate(minute), openMinutes: open, staffedMinutes })
      .onConflictDoUpdate({
        target: dailyChatCoverage.day,
        set: {
          openMinutes: sql`${dailyChatCoverage.openMinutes} + ${open}`,
          staffedMinutes: sql`${dailyChatCoverage.staffedMinutes} + ${staffedMinutes}`,
        },
      });
    return { open: openCounted, staffed: staffedCounted };
  });
}
