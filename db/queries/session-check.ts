import 'server-only';
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { staff, staffSessions, type StaffRole } from '@/db/schema';

export type LiveSession = { staffId: string; role: StaffRole; expiresAt: Date };

/**
 * Which of these sessions (by token hash) are still alive: not past their absolute end, used
 * within the idle limit, not ended by sign-out, their staff member not disabled. One read for
 * any number of sessions, and it does not move the idle clock: an open event stream is not
 * the person using the site.
 */
export async function liveSessions(
  db: Database,
  { tokenHashes, now, idleMinutes }: { tokenHashes: readonly string[]; now: Date; idleMinutes: number },
): Promise<Map<string, LiveSession>> {
  const live = new Map<string, LiveSession>();
  if (tokenHashes.length === 0) return live;
  const idleSince = new Date(now.getTime() - idleMinutes * 60_000);
  const rows = await db
    .select({ tokenHash: staffSessions.tokenHash, staffId: staffSessions.staffId, role: staff.role, expiresAt: staffSessions.expiresAt })
    .from(staffSessions)
    .innerJoin(staff, eq(staff.id, staffSessions.staffId))
    .where(
      and(
        inArray(staffSessions.tokenHash, [...new Set(tokenHashes)]),
        gt(staffSessions.expiresAt, now),
        gt(staffSessions.lastSeenAt, idleSince),
        isNull(staff.disabledAt),
      ),
    );
  for (const r of rows) live.set(r.tokenHash, { staffId: r.staffId, role: r.role, expiresAt: r.expiresAt });
  return live;
}
