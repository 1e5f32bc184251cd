// Not marked 'server-only': the purge and the bench use these from the command line.
// What the chat query modules share: the AAD labels a chat's key and messages are sealed under,
// the visibility rules (for the visitor, and for staff), and the host's view of a chat.
import { and, asc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { activeHoldOn, handedOver } from '@/db/queries/retention';
import { chatCategories, chatConversations, type ChatSender, type ChatStatus } from '@/db/schema';

export const chatKeyAad = (id: string) => `chat:${id}:key`;
export const chatMessageAad = (id: string, seq: number) => `chat:${id}:message:${seq}`;

/**
 * Not shown, and never served, once past its deletion time (unless a legal hold keeps it:
 * then staff may still export it, but the visitor's cookie no longer opens it).
 */
export function visible(now: Date) {
  return or(isNull(chatConversations.deleteAfter), gt(chatConversations.deleteAfter, now))!;
}

/**
 * The queue's one order: first started first, and between two chats started in the same
 * millisecond, the lower id. Every place shown and every queue read follow it, so no two
 * visitors are told the same place and the order never changes between two reads.
 */
export const queueOrder = [asc(chatConversations.createdAt), asc(chatConversations.id)] as const;

/** The chats ahead of this one in the queue's order. */
export function aheadOf(chat: { id: string; createdAt: Date }) {
  return or(lt(chatConversations.createdAt, chat.createdAt), and(eq(chatConversations.createdAt, chat.createdAt), lt(chatConversations.id, chat.id)))!;
}

/**
 * What staff may still open: before its deletion time, or later while a legal hold keeps it;
 * once handed over (and not held again) it is gone for us, even before the purge has run.
 */
export function chatVisibleToStaff(now: Date) {
  const held = activeHoldOn('chat', chatConversations.id);
  const gone = and(handedOver('chat', chatConversations.id), sql`not ${held}`);
  return and(or(isNull(chatConversations.deleteAfter), gt(chatConversations.deleteAfter, now), held), sql`not (${gone})`)!;
}

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}

/** `authorId`: the staff member who wrote it, where the reader needs it (the console marks its own). */
export type OpenedMessage = { seq: number; sender: ChatSender; createdAt: Date; body: string; authorId?: string | null };

export type HostConversation = {
  id: string;
  /** The code the visitor also sees (lib/chat/reference.ts). */
  reference: string;
  status: ChatStatus;
  createdAt: Date;
  acceptedAt: Date | null;
  hostId: string | null;
  flaggedAt: Date | null;
  deleteAfter: Date | null;
  lastSeq: number;
  /** The reasons and outcomes the host has set, by id. */
  categories: number[];
};

export const hostColumns = {
  id: chatConversations.id,
  reference: chatConversations.reference,
  status: chatConversations.status,
  createdAt: chatConversations.createdAt,
  acceptedAt: chatConversations.acceptedAt,
  hostId: chatConversations.hostId,
  flaggedAt: chatConversations.flaggedAt,
  deleteAfter: chatConversations.deleteAfter,
  lastSeq: chatConversations.lastSeq,
  categories: sql<string>`(select coalesce(string_agg(${chatCategories.categoryId}::text, ',' order by ${chatCategories.categoryId}), '') from ${chatCategories} where ${chatCategories.conversationId} = ${chatConversations.id})`.mapWith(
    (v: string) => (v ? v.split(',').map(Number) : []),
  ),
};

/** A supervisor who has not looked at a chat again for this long is no longer shown as reading it. */
export const READING_MS = 10 * 60_000;

/** Who is reading the chat of this row as supervisor now (names, or null): for the host's console. */
export const readersOf = (now: Date) =>
  sql<string | null>`(select string_agg(s.name, ', ' order by s.name) from chat_supervision r join staff s on s.id = r.staff_id where r.conversation_id = chat_conversations.id and r.seen_at > ${new Date(now.getTime() - READING_MS).toISOString()}::timestamptz)`;
