// Not marked 'server-only': the purge also runs from the command line (scripts/purge.ts).
// Deleting chats: the one way a chat is deleted, whether the purge finds it due or a host
// deletes it at once because its visitor asked (quoting the chat's reference code).
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql, type SQLWrapper } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { notify } from '@/db/queries/chat-events';
import { chatVisibleToStaff } from '@/db/queries/chat-shared';
import { endConversation } from '@/db/queries/chat-visitor';
import { activeHoldOn, handedOver } from '@/db/queries/retention';
import { chatConversations, purgeReceipts, type ChatStatus } from '@/db/schema';

/**
 * Deletes these chats and returns how many went: the conversation row with its wrapped data
 * key, and by ON DELETE CASCADE its messages and its reasons and outcomes. Nothing of the chat
 * is left to read; the daily totals it was counted in are numbers only and stay.
 */
export async function deleteChats(tx: Database, ids: SQLWrapper | string[]): Promise<number> {
  const deleted = await tx.delete(chatConversations).where(inArray(chatConversations.id, ids)).returning({ id: chatConversations.id });
  return deleted.length;
}

/** The rule name on the receipt of a chat deleted at once because its visitor asked. */
export const CHAT_ON_REQUEST_RULE = 'chat_on_request';

/** What the confirm step shows of a chat found by its code: never a word of what was written. */
export type ChatToDelete = { id: string; status: ChatStatus; createdAt: Date; endedAt: Date | null; onHold: boolean };

/**
 * A chat staff may still see, by its reference code in its written form. Past its deletion time
 * or handed over it is gone for us, and so not found: an unknown code and one of a chat already
 * deleted look the same.
 */
export async function chatToDelete(db: Database, { reference, now, lock = false }: { reference: string; now: Date; lock?: boolean }): Promise<ChatToDelete | undefined> {
  const query = db
    .select({
      id: chatConversations.id,
      status: chatConversations.status,
      createdAt: chatConversations.createdAt,
      endedAt: chatConversations.endedAt,
      onHold: sql<boolean>`${activeHoldOn('chat', chatConversations.id)}`.mapWith(Boolean),
    })
    .from(chatConversations)
    .where(and(eq(chatConversations.reference, reference), chatVisibleToStaff(now), sql`not ${handedOver('chat', chatConversations.id)}`));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/**
 * Deletes one chat at once, in the caller's transaction, with a receipt under CHAT_ON_REQUEST_RULE.
 * The chat is locked first, so a legal hold placed meanwhile (which locks it too) either comes
 * before, and the chat is refused (`held`), or after, and finds nothing. An open chat is ended
 * first (counted as ended, like any chat that ends), so that its visitor's window, told by the
 * same notification, shows it ended and deleted.
 */
export async function deleteChatOnRequest(
  tx: Database,
  { reference, now, retentionDays }: { reference: string; now: Date; retentionDays: number },
): Promise<{ outcome: 'deleted' | 'held'; chat: ChatToDelete } | undefined> {
  const chat = await chatToDelete(tx, { reference, now, lock: true });
  if (!chat) return undefined;
  if (chat.onHold) return { outcome: 'held', chat };
  if (chat.status !== 'avsluttet') await endConversation(tx, { id: chat.id, by: 'vert', now, retentionDays });
  const n = await deleteChats(tx, [chat.id]);
  await tx.insert(purgeReceipts).values({ runId: randomUUID(), rule: CHAT_ON_REQUEST_RULE, ranAt: now, deleted: n });
  await notify(tx, { kind: 'status', conversationId: chat.id });
  return { outcome: 'deleted', chat };
}
