// Not marked 'server-only': the purge tests and command-line tools use it too.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { PURGE_LOCK } from '@/db/locks';
import type { Database } from '@/db/client';
import { chatConversations, inquiries, legalHolds } from '@/db/schema';

/**
 * Legal holds: placed with a reference (e.g. a police case number) and a reason; released,
 * or ended by marking the object handed over, after which the purge deletes it at once.
 */
type Target = { objectType: 'inquiry' | 'chat'; objectId: string };

/**
 * Places a hold, but only on an object that still exists. It takes the purge lock shared for
 * its transaction: a running purge finishes first (and if it deleted the object, the hold is
 * refused with HoldTargetGoneError), and no purge starts until the hold is committed.
 */
export async function placeHold(
  db: Database,
  { objectType, objectId, reference, reason, placedBy, now }: Target & { reference: string; reason: string; placedBy: string | null; now: Date },
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    // Waits for a running purge to finish (and keeps a new one from starting meanwhile).
    await tx.execute(sql`select pg_advisory_xact_lock_shared(${PURGE_LOCK})`);
    if (objectType === 'inquiry') {
      const alive = await tx.select({ id: inquiries.id }).from(inquiries).where(eq(inquiries.id, objectId)).for('share');
      if (alive.length === 0) throw new HoldTargetGoneError();
    } else {
      const alive = await tx.select({ id: chatConversations.id }).from(chatConversations).where(eq(chatConversations.id, objectId)).for('share');
      if (alive.length === 0) throw new HoldTargetGoneError();
    }
    const [row] = await tx.insert(legalHolds).values({ objectType, objectId, reference, reason, placedBy, placedAt: now }).returning({ id: legalHolds.id });
    return row!;
  });
}

export class HoldTargetGoneError extends Error {
  constructor() {
    super('the object to hold no longer exists');
    this.name = 'HoldTargetGoneError';
  }
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
