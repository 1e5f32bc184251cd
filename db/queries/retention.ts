// Not marked 'server-only': the purge also runs from the command line (scripts/purge.ts).
import { and, eq, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { chatConversations, inquiries, legalHolds } from '@/db/schema';

/**
 * The legal-hold conditions every retention rule shares. A hold is active until it is
 * released or the object is marked handed over; a handed-over object is due at once.
 */
export function activeHoldOn(objectType: 'inquiry' | 'chat', id: PgColumn): SQL {
  return sql`exists (select 1 from ${legalHolds} where ${and(
    eq(legalHolds.objectType, objectType),
    eq(legalHolds.objectId, id),
    isNull(legalHolds.releasedAt),
    isNull(legalHolds.handedOverAt),
  )})`;
}

export function handedOver(objectType: 'inquiry' | 'chat', id: PgColumn): SQL {
  return sql`exists (select 1 from ${legalHolds} where ${and(
    eq(legalHolds.objectType, objectType),
    eq(legalHolds.objectId, id),
    isNotNull(legalHolds.handedOverAt),
  )})`;
}

/** Due for deletion: past its deadline (or handed over), and not under an active hold. */
export function isDue(objectType: 'inquiry' | 'chat', id: PgColumn, deadline: PgColumn, now: Date): SQL {
  return and(sql`not ${activeHoldOn(objectType, id)}`, or(lte(deadline, now), handedOver(objectType, id)))!;
}

/**
 * A hold that has ended (released, or its object handed over) at or before `endedBy`. A
 * handed-over hold is what makes the purge delete its object at once, so it waits until that
 * object is gone: the hold never outlives that promise, whatever the retention period.
 */
export function endedHoldIsDue(endedBy: Date): SQL {
  const objectGone = and(
    sql`not exists (select 1 from ${inquiries} where ${legalHolds.objectType} = 'inquiry' and ${inquiries.id} = ${legalHolds.objectId})`,
    sql`not exists (select 1 from ${chatConversations} where ${legalHolds.objectType} = 'chat' and ${chatConversations.id} = ${legalHolds.objectId})`,
  );
  return and(
    or(lte(legalHolds.releasedAt, endedBy), lte(legalHolds.handedOverAt, endedBy)),
    or(isNull(legalHolds.handedOverAt), objectGone),
  )!;
}
