// Not marked 'server-only': the purge tests and command-line tools use it too.
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { PURGE_LOCK } from '@/db/locks';
import type { Database } from '@/db/client';
import { countHoldEvent } from '@/db/queries/contact-stats';
import { chatConversations, inquiries, legalHolds } from '@/db/schema';
import { isSealedText, openText, SEALED_TEXT, sealText } from '@/lib/crypto/seal';

/**
 * Legal holds: placed with a reference (e.g. a police case number) and a reason; released,
 * or ended by marking the object handed over, after which the purge deletes it at once.
 * The reference and reason name a police case and often a person, so both are sealed at
 * rest, each bound to its row and column (the key id is part of the sealed value).
 */
type Target = { objectType: 'inquiry' | 'chat'; objectId: string };

type HoldText = 'reference' | 'reason';
const holdAad = (id: string, column: HoldText) => `legal-hold:${id}:${column}`;

/** A hold's reference and reason, opened for an admin. */
export function openHoldTexts(id: string, sealed: { reference: string; reason: string }): { reference: string; reason: string } {
  return { reference: openText(sealed.reference, holdAad(id, 'reference')), reason: openText(sealed.reason, holdAad(id, 'reason')) };
}

/**
 * Seals the texts of holds written before they were sealed (a migration could not: the key
 * is only in the app). Runs at start-up under the migration lock, before the server
 * answers, so every reader can insist on sealed values. Each row is rewritten only if it
 * still holds the plain text it read, so a run racing another changes nothing twice.
 */
export async function sealPlainHolds(db: Database): Promise<number> {
  const plain = await db
    .select({ id: legalHolds.id, reference: legalHolds.reference, reason: legalHolds.reason })
    .from(legalHolds)
    .where(sql`${legalHolds.reference} !~ ${SEALED_TEXT} or ${legalHolds.reason} !~ ${SEALED_TEXT}`);
  let sealed = 0;
  for (const row of plain) {
    const seal = (column: HoldText) => (isSealedText(row[column]) ? row[column] : sealText(row[column], holdAad(row.id, column)));
    const done = await db
      .update(legalHolds)
      .set({ reference: seal('reference'), reason: seal('reason') })
      .where(and(eq(legalHolds.id, row.id), eq(legalHolds.reference, row.reference), eq(legalHolds.reason, row.reason)))
      .returning({ id: legalHolds.id });
    sealed += done.length;
  }
  return sealed;
}

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
    const id = randomUUID();
    const [row] = await tx
      .insert(legalHolds)
      .values({ id, objectType, objectId, reference: sealText(reference, holdAad(id, 'reference')), reason: sealText(reason, holdAad(id, 'reason')), placedBy, placedAt: now })
      .returning({ id: legalHolds.id });
    await countHoldEvent(tx, { event: 'placed', now });
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
  await countHoldEvent(db, { event: 'ended', now: target.now, holds: rows.length });
  return rows.length;
}

export async function markHandedOver(db: Database, target: Target & { now: Date }): Promise<number> {
  const rows = await db.update(legalHolds).set({ handedOverAt: target.now }).where(active(target)).returning({ id: legalHolds.id });
  await countHoldEvent(db, { event: 'ended', now: target.now, holds: rows.length });
  return rows.length;
}
