// Not marked 'server-only': the purge and the bench use these from the command line.
// The staff side of a chat: a host accepts it, flags it and blocks its visitor; staff find a chat
// by its reference code (to name it in a legal hold, or to delete it on request) and read its
// messages (for an export).
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { notify } from '@/db/queries/chat-events';
import { presenceOf, whyNotTake } from '@/db/queries/chat-presence';
import { countChatWait } from '@/db/queries/contact-stats';
import { chatKeyAad, chatMessageAad, chatVisibleToStaff, hostColumns, visible, type HostConversation, type OpenedMessage } from '@/db/queries/chat-shared';
import { activeHoldOn, handedOver } from '@/db/queries/retention';
import { chatBlockedTokens, chatConversations, chatMessages } from '@/db/schema';
import { openWithKey, unwrapKey } from '@/lib/crypto/seal';
import { waitBand } from '@/lib/stats/chat-waits';

/**
 * A chat staff may still see, by its reference code (in its written form: parseChatReference,
 * lib/chat/reference.ts), and whether a legal hold keeps it. One past its deletion time, or
 * handed over, is not found: it is gone for us, even before the purge has run.
 */
export async function findChatByReference(
  db: Database,
  { reference, now, lock = false }: { reference: string; now: Date; lock?: boolean },
): Promise<{ id: string; reference: string; onHold: boolean } | undefined> {
  const query = db
    .select({ id: chatConversations.id, reference: chatConversations.reference, onHold: sql<boolean>`${activeHoldOn('chat', chatConversations.id)}`.mapWith(Boolean) })
    .from(chatConversations)
    .where(and(eq(chatConversations.reference, reference), chatVisibleToStaff(now), sql`not ${handedOver('chat', chatConversations.id)}`));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/**
 * A host takes a waiting chat; false when someone else was first or it has ended, or (with
 * `withinLimit`) when the host is on pause or already holds as many chats as their limit. One
 * host's takes then run one at a time, so two quick clicks cannot pass the limit together.
 */
export async function acceptConversation(
  db: Database,
  { id, hostId, now, withinLimit = false }: { id: string; hostId: string; now: Date; withinLimit?: boolean },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (withinLimit) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${hostId}))`);
      if (whyNotTake(await presenceOf(tx, { staffId: hostId }))) return false;
    }
    const done = await tx
      .update(chatConversations)
      // A chat handed back to the queue keeps its first answer: its wait was counted then.
      .set({ status: 'aktiv', hostId, acceptedAt: sql`coalesce(${chatConversations.acceptedAt}, ${now.toISOString()}::timestamptz)`, lastActivityAt: now })
      .where(and(eq(chatConversations.id, id), eq(chatConversations.status, 'venter'), visible(now)))
      .returning({ id: chatConversations.id, createdAt: chatConversations.createdAt, acceptedAt: chatConversations.acceptedAt });
    if (done.length === 0) return false;
    const first = done[0]!;
    if (first.acceptedAt?.getTime() === now.getTime()) await countChatWait(tx, { startedAt: first.createdAt, band: waitBand(first.createdAt, now) });
    await notify(tx, { kind: 'status', conversationId: id });
    await notify(tx, { kind: 'queue' });
    return true;
  });
}

/** "Inneholder personopplysninger": due at `deadline` (or earlier, if it already was). */
export async function flagConversation(
  db: Database,
  { id, hostId, now, deadline }: { id: string; hostId: string; now: Date; deadline: Date },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const done = await tx
      .update(chatConversations)
      .set({
        flaggedAt: now,
        flaggedBy: hostId,
        deleteAfter: sql`least(coalesce(${chatConversations.deleteAfter}, ${deadline.toISOString()}::timestamptz), ${deadline.toISOString()}::timestamptz)`,
      })
      .where(and(eq(chatConversations.id, id), isNull(chatConversations.flaggedAt), visible(now)))
      .returning({ id: chatConversations.id });
    if (done.length > 0) await notify(tx, { kind: 'status', conversationId: id });
    return done.length > 0;
  });
}

export async function blockToken(db: Database, { id, now, days }: { id: string; now: Date; days: number }): Promise<void> {
  const [conv] = await db.select({ tokenHash: chatConversations.tokenHash }).from(chatConversations).where(eq(chatConversations.id, id));
  if (!conv) return;
  await db
    .insert(chatBlockedTokens)
    .values({ tokenHash: conv.tokenHash, blockedAt: now, expiresAt: new Date(now.getTime() + days * 86_400_000) })
    .onConflictDoNothing();
}

export async function conversationForHost(db: Database, { id, now }: { id: string; now: Date }): Promise<HostConversation | undefined> {
  const [row] = await db.select(hostColumns).from(chatConversations).where(and(eq(chatConversations.id, id), visible(now)));
  return row;
}

/**
 * Messages after `afterSeq`, opened with the conversation's key, oldest first. The visitor
 * never gets a chat that has ended or is past its deletion time; staff may while a legal hold
 * keeps it.
 */
export async function messagesSince(
  db: Database,
  { id, afterSeq, now, reader }: { id: string; afterSeq: number; now: Date; reader: 'visitor' | 'staff' },
): Promise<OpenedMessage[]> {
  const [conv] = await db
    .select({ dataKey: chatConversations.dataKey })
    .from(chatConversations)
    .where(and(eq(chatConversations.id, id), reader === 'visitor' ? and(sql`${chatConversations.status} <> 'avsluttet'`, visible(now)) : chatVisibleToStaff(now)));
  if (!conv) return [];
  const rows = await db
    .select()
    .from(chatMessages)
    .where(and(eq(chatMessages.conversationId, id), gt(chatMessages.seq, afterSeq)))
    .orderBy(asc(chatMessages.seq));
  if (rows.length === 0) return [];
  const key = unwrapKey(conv.dataKey, chatKeyAad(id));
  return rows.map((r) => ({ seq: r.seq, sender: r.sender, createdAt: r.createdAt, body: openWithKey(r.body, key, chatMessageAad(id, r.seq)) }));
}
