// A supervisor's eye on the open chats (issue 16, item 3): their state at a glance, without
// content, and one chat at a time read-only, marked in its host's console while it is read.
// Only open chats: an ended one is not readable this way.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { notify } from '@/db/queries/chat-events';
import { sealNote, staffNotes, type StaffNote } from '@/db/queries/chat-handover';
import { messagesSince } from '@/db/queries/chat-host';
import { visible, type OpenedMessage } from '@/db/queries/chat-shared';
import { chatConversations, chatSupervision, staff, type ChatStatus } from '@/db/schema';

export type OpenChatState = {
  id: string;
  reference: string;
  status: ChatStatus;
  createdAt: Date;
  acceptedAt: Date | null;
  hostName: string | null;
  lastFromVisitor: Date | null;
  lastFromHost: Date | null;
};

const lastFrom = (sender: 'besokende' | 'vert') =>
  sql<Date | null>`(select max(m.created_at) from chat_messages m where m.conversation_id = chat_conversations.id and m.sender = ${sender})`.mapWith((v: string | Date | null) =>
    v === null ? null : new Date(v),
  );

/** Every open chat (or the one `id`, if open): waiting first (longest wait first), then the active ones by when they were taken. No content. */
export async function openChatStates(db: Database, { now, id }: { now: Date; id?: string }): Promise<OpenChatState[]> {
  return db
    .select({
      id: chatConversations.id,
      reference: chatConversations.reference,
      status: chatConversations.status,
      createdAt: chatConversations.createdAt,
      acceptedAt: chatConversations.acceptedAt,
      hostName: staff.name,
      lastFromVisitor: lastFrom('besokende'),
      lastFromHost: lastFrom('vert'),
    })
    .from(chatConversations)
    .leftJoin(staff, eq(staff.id, chatConversations.hostId))
    .where(and(id ? eq(chatConversations.id, id) : undefined, inArray(chatConversations.status, ['venter', 'aktiv']), visible(now)))
    .orderBy(desc(sql`${chatConversations.status} = 'venter'`), asc(chatConversations.createdAt));
}

export type SupervisedChat = { chat: OpenChatState; messages: OpenedMessage[]; notes: StaffNote[] };

/**
 * An open chat read by a supervisor: its state, messages and notes; the supervisor is marked as
 * reading it (the host's console shows it). Undefined when the chat has ended or is gone.
 */
export async function superviseChat(db: Database, { id, staffId, now }: { id: string; staffId: string; now: Date }): Promise<SupervisedChat | undefined> {
  const [chat] = await openChatStates(db, { now, id });
  if (!chat) return undefined;
  await db
    .insert(chatSupervision)
    .values({ conversationId: id, staffId, seenAt: now })
    .onConflictDoUpdate({ target: [chatSupervision.conversationId, chatSupervision.staffId], set: { seenAt: now } });
  await notify(db, { kind: 'status', conversationId: id });
  const messages = await messagesSince(db, { id, afterSeq: 0, now, reader: 'staff' });
  return { chat, messages, notes: await staffNotes(db, { ids: [id] }) };
}

/** The supervisor stops reading: the host's marker goes. */
export async function stopSupervising(db: Database, { id, staffId }: { id: string; staffId: string }): Promise<void> {
  const gone = await db
    .delete(chatSupervision)
    .where(and(eq(chatSupervision.conversationId, id), eq(chatSupervision.staffId, staffId)))
    .returning({ id: chatSupervision.conversationId });
  if (gone.length > 0) await notify(db, { kind: 'status', conversationId: id });
}

/** A supervisor's note to the host of an open, taken chat; false when it has ended or waits. */
export async function noteToHost(db: Database, { id, staffId, body, now }: { id: string; staffId: string; body: string; now: Date }): Promise<boolean> {
  const [conv] = await db
    .select({ hostId: chatConversations.hostId, dataKey: chatConversations.dataKey })
    .from(chatConversations)
    .where(and(eq(chatConversations.id, id), eq(chatConversations.status, 'aktiv'), visible(now)));
  if (!conv?.hostId) return false;
  await sealNote(db, { conversationId: id, dataKey: conv.dataKey, fromId: staffId, toId: conv.hostId, body, now });
  await notify(db, { kind: 'status', conversationId: id });
  return true;
}
