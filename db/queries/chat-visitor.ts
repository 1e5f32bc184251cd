// Not marked 'server-only': the purge and the bench use these from the command line.
// The visitor's side of a chat: starting one, its state for the visitor's cookie, writing a
// message (the host writes through the same query), ending it (by either side, or by the purge
// when idle), and whether the visitor's token is blocked.
import { randomUUID } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { notify } from '@/db/queries/chat-events';
import { countChatWait, countEnded, countStarted } from '@/db/queries/contact-stats';
import { aheadOf, chatKeyAad, chatMessageAad, firstName, visible } from '@/db/queries/chat-shared';
import { chatBlockedTokens, chatConversations, chatMessages, staff, type ChatSender, type ChatStatus } from '@/db/schema';
import { newChatReference } from '@/lib/chat/reference';
import { newDataKey, sealWithKey, unwrapKey, wrapKey } from '@/lib/crypto/seal';
import { UNANSWERED_BAND } from '@/lib/stats/chat-waits';

/**
 * A new chat with its reference code. A code already taken (about one chance in a trillion per
 * chat alive) is drawn again rather than failing the start.
 */
export async function startConversation(db: Database, { tokenHash, now }: { tokenHash: string; now: Date }): Promise<{ id: string; reference: string }> {
  const id = randomUUID();
  return db.transaction(async (tx) => {
    for (;;) {
      const reference = newChatReference();
      const [stored] = await tx
        .insert(chatConversations)
        .values({ id, tokenHash, reference, dataKey: wrapKey(newDataKey(), chatKeyAad(id)), createdAt: now, lastActivityAt: now })
        .onConflictDoNothing({ target: chatConversations.reference })
        .returning({ id: chatConversations.id });
      if (!stored) continue;
      await countStarted(tx, { channel: 'chat', now });
      await notify(tx, { kind: 'queue' });
      return { id, reference };
    }
  });
}

export type VisitorState = {
  id: string;
  /** The chat's reference code, which the visitor may quote to have it deleted at once. */
  reference: string;
  status: ChatStatus;
  lastSeq: number;
  /** 1 for the first in line; only while waiting. */
  queuePosition: number | null;
  hostFirstName: string | null;
};

/**
 * The visitor's open (not ended) conversation for this token, if any. An ended chat is gone for
 * the cookie: nothing of it is served to the visitor again.
 */
export async function visitorState(db: Database, { tokenHash, now }: { tokenHash: string; now: Date }): Promise<VisitorState | undefined> {
  const [row] = await db
    .select({
      id: chatConversations.id,
      reference: chatConversations.reference,
      status: chatConversations.status,
      lastSeq: chatConversations.lastSeq,
      createdAt: chatConversations.createdAt,
      hostName: staff.name,
    })
    .from(chatConversations)
    .leftJoin(staff, eq(staff.id, chatConversations.hostId))
    .where(and(eq(chatConversations.tokenHash, tokenHash), sql`${chatConversations.status} <> 'avsluttet'`, visible(now)));
  if (!row) return undefined;
  let queuePosition: number | null = null;
  if (row.status === 'venter') {
    const [ahead] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(chatConversations)
      .where(and(eq(chatConversations.status, 'venter'), aheadOf(row), visible(now)));
    queuePosition = (ahead?.n ?? 0) + 1;
  }
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    lastSeq: row.lastSeq,
    queuePosition,
    hostFirstName: row.hostName ? firstName(row.hostName) : null,
  };
}

/**
 * Stores a message and only then tells every instance (the notification is sent when the
 * transaction commits). Returns its number, or undefined when the chat is ended or gone.
 */
export async function postMessage(
  db: Database,
  { id, sender, authorId, body, now }: { id: string; sender: ChatSender; authorId: string | null; body: string; now: Date },
): Promise<{ seq: number } | undefined> {
  return db.transaction(async (tx) => {
    const [conv] = await tx
      .update(chatConversations)
      .set({ lastSeq: sql`${chatConversations.lastSeq} + 1`, lastActivityAt: now })
      .where(and(eq(chatConversations.id, id), sql`${chatConversations.status} <> 'avsluttet'`, visible(now)))
      .returning({ seq: chatConversations.lastSeq, dataKey: chatConversations.dataKey });
    if (!conv) return undefined;
    const key = unwrapKey(conv.dataKey, chatKeyAad(id));
    await tx.insert(chatMessages).values({
      conversationId: id,
      seq: conv.seq,
      sender,
      authorId,
      createdAt: now,
      body: sealWithKey(body, key, chatMessageAad(id, conv.seq)),
    });
    await notify(tx, { kind: 'message', conversationId: id });
    return { seq: conv.seq };
  });
}

/** Ended chats into the day's totals; one nobody answered also into the waits, as unanswered. */
async function countEndedChats(db: Database, ended: readonly { id: string; createdAt: Date; acceptedAt: Date | null }[]): Promise<void> {
  await countEnded(db, { channel: 'chat', ids: ended.map((c) => c.id) });
  for (const c of ended) if (!c.acceptedAt) await countChatWait(db, { startedAt: c.createdAt, band: UNANSWERED_BAND });
}

/**
 * Ends a chat. It becomes due `retentionDays` after the end, or earlier if it was flagged.
 * Returns false if it had already ended.
 */
export async function endConversation(
  db: Database,
  { id, by, now, retentionDays }: { id: string; by: ChatSender; now: Date; retentionDays: number },
): Promise<boolean> {
  const due = new Date(now.getTime() + retentionDays * 86_400_000);
  return db.transaction(async (tx) => {
    const done = await tx
      .update(chatConversations)
      .set({
        status: 'avsluttet',
        endedAt: now,
        endedBy: by,
        lastActivityAt: now,
        deleteAfter: sql`least(${chatConversations.deleteAfter}, ${due.toISOString()}::timestamptz)`,
      })
      .where(and(eq(chatConversations.id, id), sql`${chatConversations.status} <> 'avsluttet'`))
      .returning({ id: chatConversations.id, createdAt: chatConversations.createdAt, acceptedAt: chatConversations.acceptedAt });
    if (done.length === 0) return false;
    await countEndedChats(tx, done);
    await notify(tx, { kind: 'status', conversationId: id });
    await notify(tx, { kind: 'queue' });
    return true;
  });
}

/**
 * Ends open chats nobody has written in since `idleSince` (the visitor closed the tab, or
 * left), so that they start their retention period like any ended chat. Returns how many.
 */
export async function endIdleChats(db: Database, { idleSince, now, retentionDays }: { idleSince: Date; now: Date; retentionDays: number }): Promise<number> {
  const due = new Date(now.getTime() + retentionDays * 86_400_000);
  return db.transaction(async (tx) => {
    const ended = await tx
      .update(chatConversations)
      .set({
        status: 'avsluttet',
        endedAt: now,
        endedBy: 'system',
        deleteAfter: sql`least(${chatConversations.deleteAfter}, ${due.toISOString()}::timestamptz)`,
      })
      .where(and(sql`${chatConversations.status} <> 'avsluttet'`, lt(chatConversations.lastActivityAt, idleSince)))
      .returning({ id: chatConversations.id, createdAt: chatConversations.createdAt, acceptedAt: chatConversations.acceptedAt });
    await countEndedChats(tx, ended);
    for (const { id } of ended) await notify(tx, { kind: 'status', conversationId: id });
    if (ended.length > 0) await notify(tx, { kind: 'queue' });
    return ended.length;
  });
}

export async function isTokenBlocked(db: Database, { tokenHash, now }: { tokenHash: string; now: Date }): Promise<boolean> {
  const [row] = await db
    .select({ tokenHash: chatBlockedTokens.tokenHash })
    .from(chatBlockedTokens)
    .where(and(eq(chatBlockedTokens.tokenHash, tokenHash), gt(chatBlockedTokens.expiresAt, now)));
  return Boolean(row);
}
