// Not marked 'server-only': the purge and the bench use these from the command line.
// Chat events: the notification every write sends (its payload names a chat, never its
// content), how a payload is read back, and the reads the stream hub makes once per event for
// every stream on an instance (lib/chat/hub.ts).
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { chatKeyAad, chatMessageAad, firstName, hostColumns, queueOrder, readersOf, visible, type HostConversation, type OpenedMessage } from '@/db/queries/chat-shared';
import { chatConversations, chatMessages, staff, type ChatStatus } from '@/db/schema';
import { openWithKey, unwrapKey } from '@/lib/crypto/seal';

/** The channel every instance listens on; a payload names a conversation, never its content. */
export const CHAT_CHANNEL = 'hjelpelinje_chat';
export type ChatEvent = { kind: 'message' | 'status'; conversationId: string } | { kind: 'queue' } | { kind: 'resync' };

/** Sends `event` to every instance; inside a transaction, only once it commits. */
export async function notify(db: Database, event: ChatEvent): Promise<void> {
  const payload = event.kind === 'message' || event.kind === 'status' ? `${event.kind === 'message' ? 'm' : 's'}:${event.conversationId}` : 'q';
  await db.execute(sql`select pg_notify(${CHAT_CHANNEL}, ${payload})`);
}

/** Reads a notification payload written by `notify`; anything else is ignored. */
export function parseChatEvent(payload: string): ChatEvent | undefined {
  if (payload === 'q') return { kind: 'queue' };
  const m = /^([ms]):([0-9a-f-]{36})$/.exec(payload);
  if (!m) return undefined;
  return { kind: m[1] === 'm' ? 'message' : 'status', conversationId: m[2]! };
}

export type ConversationUpdate = {
  /** Undefined when the chat is gone (past its deletion time, or deleted). */
  conv: { status: ChatStatus; hostId: string | null; hostFirstName: string | null; lastSeq: number } | undefined;
  /** The chat's row no longer exists: it has been deleted, not only put out of reach. */
  deleted: boolean;
  /** After `afterSeq`, oldest first; none once the chat has ended. */
  messages: OpenedMessage[];
};

/**
 * What changed in one chat, read once for every stream of it on this instance: its state, and
 * its messages after the lowest number any of those streams has seen (a second read only when
 * there is something new), opened once. An ended chat gives no messages to anyone here.
 */
export async function conversationUpdate(db: Database, { id, afterSeq, now }: { id: string; afterSeq: number; now: Date }): Promise<ConversationUpdate> {
  const [row] = await db
    .select({
      status: chatConversations.status,
      hostId: chatConversations.hostId,
      hostName: staff.name,
      lastSeq: chatConversations.lastSeq,
      dataKey: chatConversations.dataKey,
      visible: sql<boolean>`${visible(now)}`.mapWith(Boolean),
    })
    .from(chatConversations)
    .leftJoin(staff, eq(staff.id, chatConversations.hostId))
    .where(eq(chatConversations.id, id));
  if (!row || !row.visible) return { conv: undefined, deleted: !row, messages: [] };
  const conv = { status: row.status, hostId: row.hostId, hostFirstName: row.hostName ? firstName(row.hostName) : null, lastSeq: row.lastSeq };
  if (row.status === 'avsluttet' || row.lastSeq <= afterSeq) return { conv, deleted: false, messages: [] };
  const rows = await db
    .select({ seq: chatMessages.seq, sender: chatMessages.sender, authorId: chatMessages.authorId, createdAt: chatMessages.createdAt, body: chatMessages.body })
    .from(chatMessages)
    .where(and(eq(chatMessages.conversationId, id), gt(chatMessages.seq, afterSeq)))
    .orderBy(asc(chatMessages.seq));
  const key = unwrapKey(row.dataKey, chatKeyAad(id));
  return { conv, deleted: false, messages: rows.map((r) => ({ seq: r.seq, sender: r.sender, authorId: r.authorId, createdAt: r.createdAt, body: openWithKey(r.body, key, chatMessageAad(id, r.seq)) })) };
}

/** The waiting chats, first in line first: one read for every queue place and host on an instance. */
export async function waitingQueue(db: Database, { now }: { now: Date }): Promise<{ id: string; createdAt: Date }[]> {
  return db
    .select({ id: chatConversations.id, createdAt: chatConversations.createdAt })
    .from(chatConversations)
    .where(and(eq(chatConversations.status, 'venter'), visible(now)))
    .orderBy(...queueOrder);
}

/** The open chats of these hosts (all hosts with a stream on an instance), in the order taken. */
export async function activeChatsOfHosts(db: Database, { hostIds, now }: { hostIds: readonly string[]; now: Date }): Promise<(HostConversation & { hasNotes: boolean; readers: string | null })[]> {
  if (hostIds.length === 0) return [];
  return db
    // Whether an earlier host left a note: read only then (db/queries/chat-handover.ts).
    .select({ ...hostColumns, readers: readersOf(now), hasNotes: sql<boolean>`exists (select 1 from chat_staff_notes n where n.conversation_id = chat_conversations.id)`.mapWith(Boolean) })
    .from(chatConversations)
    .where(and(eq(chatConversations.status, 'aktiv'), inArray(chatConversations.hostId, [...new Set(hostIds)]), visible(now)))
    .orderBy(asc(chatConversations.acceptedAt));
}

/** Which of these chats are still open (not ended, not gone): a periodic check of visitor streams. */
export async function openConversationIds(db: Database, { ids, now }: { ids: readonly string[]; now: Date }): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: chatConversations.id })
    .from(chatConversations)
    .where(and(inArray(chatConversations.id, [...ids]), sql`${chatConversations.status} <> 'avsluttet'`, visible(now)));
  return new Set(rows.map((r) => r.id));
}
