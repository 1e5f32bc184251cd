// Not marked 'server-only': the purge tests and command-line tools use it too.
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { legalHolds } from '@/db/schema';

/**
 * Legal holds: placed with a reference (e.g. a police case number) and a reason; released,
 * or ended by marking the object handed over, after which the purge deletes it at once.
 */
type Target = { objectType: 'inquiry' | 'chat'; objectId: string };

export async function placeHold(
  db: Database,
  { objectType, objectId, reference, reason, placedBy, now }: Target & { reference: string; reason: string; placedBy: string | null; now: Date },
): Promise<{ id: string }> {
  const [row] = await db.insert(legalHolds).values({ objectType, objectId, reference, reason, placedBy, placedAt: now }).returning({ id: legalHolds.id });
  return row!;
}

const active = ({ objectType, objectId }: Target) =>
  and(eq(legalHolds.objectType, objectType), eq(legalHolds.objectId, objectId), isNull(legalHolds.releasedAt), isNull(legalHolds.handedOverAt));

export async function releaseHolds(db: Database, target: Target & { now: Date }): Promise<number> {
  const rows = await db.update(legalHolds).set({ releasedAt: target.now }).where(active(target)).returning({ id: legalHolds.id });
  return rows.length;
}

export async function markHandedOver(db: Database, target: Target & { now: Date }): Promise<number> {
  const rows = await db.update(legalHolds).set({ handedOverAt: target.now }).where(active(target)).returning({ id: legalHolds.id });
  return rows.length;
}
