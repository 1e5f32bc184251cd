import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { MAX_CHAT_MESSAGE } from '@/lib/chat/message-limit';
import { QUICK_REPLY_TITLE_MAX, quickReplyCategories, type QuickReplyCategory } from '@/lib/chat/quick-replies';
import { staff } from './staff';

/**
 * Anonymous chats. A visitor is known only by a random 128-bit token in a cookie; the table
 * keeps its SHA-256, never the token. Each conversation has its own data key, wrapped by the
 * master key (lib/crypto); every message body is sealed with it. Deleting the conversation
 * deletes the key, so a copy of a message in a backup cannot be read.
 *
 * Retention (the purge, db/queries/purge-rules.ts): a chat flagged as holding personal details is
 * due at the end of the next working day after the flag; any other chat a set number of days
 * after it ended; never while a legal hold stands. Past delete_after a chat is never shown.
 */
export const chatStatuses = ['venter', 'aktiv', 'avsluttet'] as const;
export type ChatStatus = (typeof chatStatuses)[number];
export const chatSenders = ['besokende', 'vert', 'system'] as const;
export type ChatSender = (typeof chatSenders)[number];

export const chatConversations = pgTable(
  'chat_conversations',
  {
    id: uuid().primaryKey(),
    tokenHash: text().notNull().unique(),
    /**
     * The chat's reference code (lib/chat/reference.ts), made when the chat starts: the visitor
     * sees it and may quote it to have the chat deleted at once; staff name the chat by it.
     */
    reference: text().notNull().unique(),
    status: text().$type<ChatStatus>().notNull().default('venter'),
    /** The conversation's data key, sealed with the master key. */
    dataKey: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    hostId: uuid().references(() => staff.id, { onDelete: 'set null' }),
    endedAt: timestamp({ withTimezone: true }),
    endedBy: text().$type<ChatSender>(),
    /** The last message's number; the next message takes last_seq + 1. */
    lastSeq: integer().notNull().default(0),
    lastActivityAt: timestamp({ withTimezone: true }).notNull(),
    flaggedAt: timestamp({ withTimezone: true }),
    flaggedBy: uuid().references(() => staff.id, { onDelete: 'set null' }),
    deleteAfter: timestamp({ withTimezone: true }),
  },
  (t) => [
    check('chat_conversations_status_known', sql`${t.status} in ('venter', 'aktiv', 'avsluttet')`),
    check('chat_conversations_ended', sql`(${t.status} = 'avsluttet') = (${t.endedAt} is not null)`),
    // The form lib/chat/reference.ts makes: its alphabet, four and four.
    check('chat_conversations_reference_format', sql`${t.reference} ~ '^CHAT-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}$'`),
    check('chat_conversations_flag_has_deadline', sql`${t.flaggedAt} is null or ${t.deleteAfter} is not null`),
    index('chat_conversations_status_idx').on(t.status, t.createdAt),
    index('chat_conversations_delete_after_idx').on(t.deleteAfter),
    index('chat_conversations_host_idx').on(t.hostId),
  ],
);

export const chatMessages = pgTable(
  'chat_messages',
  {
    conversationId: uuid()
      .notNull()
      .references(() => chatConversations.id, { onDelete: 'cascade' }),
    seq: integer().notNull(),
    sender: text().$type<ChatSender>().notNull(),
    authorId: uuid().references(() => staff.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    /** Sealed with the conversation's data key. */
    body: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.seq] }),
    check('chat_messages_sender_known', sql`${t.sender} in ('besokende', 'vert', 'system')`),
  ],
);

/**
 * Tokens a host has blocked: a browser presenting one cannot start a new chat. Only the token's
 * hash, kept until `expires_at` (the purge removes it then); nothing else about the visitor.
 */
export const chatBlockedTokens = pgTable(
  'chat_blocked_tokens',
  {
    tokenHash: text().primaryKey(),
    blockedAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('chat_blocked_tokens_expires_idx').on(t.expiresAt)],
);

/** One row: the chat's opening hours as an admin last set them (CHAT_HOURS until then). */
export const chatSettings = pgTable(
  'chat_settings',
  {
    id: integer().primaryKey().default(1),
    hours: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
    updatedBy: uuid().references(() => staff.id, { onDelete: 'set null' }),
  },
  (t) => [check('chat_settings_single_row', sql`${t.id} = 1`)],
);

export const hostPresenceStatuses = ['tilgjengelig', 'pause'] as const;
export type HostPresenceStatus = (typeof hostPresenceStatuses)[number];

/**
 * Whether each chat host takes new chats, and how many at once. A host counts as present while
 * their console's stream is open (`seen_at` is renewed as the stream's session is checked, every
 * 15 s); available when present, not on pause and below their limit. Nothing about visitors.
 */
export const chatHostPresence = pgTable(
  'chat_host_presence',
  {
    staffId: uuid()
      .primaryKey()
      .references(() => staff.id, { onDelete: 'cascade' }),
    status: text().$type<HostPresenceStatus>().notNull().default('tilgjengelig'),
    maxChats: integer().notNull().default(3),
    seenAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    check('chat_host_presence_status_known', sql`${t.status} in ('tilgjengelig', 'pause')`),
    check('chat_host_presence_max_chats', sql`${t.maxChats} between 1 and 5`),
  ],
);

/**
 * Notes staff leave each other about a chat (today: one host to the next at a handover): for
 * staff only, never sent to the visitor. Sealed with the conversation's data key like its messages, and deleted with it.
 * `to_host_id` is null when the chat went back to the queue.
 */
export const chatStaffNotes = pgTable(
  'chat_staff_notes',
  {
    id: uuid().primaryKey().defaultRandom(),
    conversationId: uuid()
      .notNull()
      .references(() => chatConversations.id, { onDelete: 'cascade' }),
    fromHostId: uuid().references(() => staff.id, { onDelete: 'set null' }),
    toHostId: uuid().references(() => staff.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    /** Sealed with the conversation's data key. */
    body: text().notNull(),
  },
  (t) => [index('chat_staff_notes_conversation').on(t.conversationId)],
);

/**
 * An admin reading an open chat as its supervisor (`/staff/chat/tilsyn`): who, and when they last
 * looked, so the host's console can say someone is reading. Deleted when they stop, and with
 * the chat; every look is also an access-log row.
 */
export const chatSupervision = pgTable(
  'chat_supervision',
  {
    conversationId: uuid()
      .notNull()
      .references(() => chatConversations.id, { onDelete: 'cascade' }),
    staffId: uuid()
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    seenAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.staffId] })],
);

/**
 * Ready answers (hurtigsvar) admins keep for chat hosts: a category, a title and a text the host
 * inserts into a reply and edits before sending. Written by staff for anyone; nothing about a
 * visitor or a chat, so no retention rule. A title is unique whatever its case, so `/` and a
 * few letters in the console finds one answer, not two alike.
 */
export const chatQuickReplies = pgTable(
  'chat_quick_replies',
  {
    id: uuid().primaryKey().defaultRandom(),
    category: text().$type<QuickReplyCategory>().notNull(),
    title: text().notNull(),
    text: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    check('chat_quick_replies_category_known', sql.raw(`"category" in (${quickReplyCategories.map((c) => `'${c}'`).join(', ')})`)),
    check('chat_quick_replies_title_length', sql.raw(`char_length("title") between 1 and ${QUICK_REPLY_TITLE_MAX}`)),
    check('chat_quick_replies_text_length', sql.raw(`char_length("text") between 1 and ${MAX_CHAT_MESSAGE}`)),
    uniqueIndex('chat_quick_replies_title_unique').on(sql`lower(${t.title})`),
  ],
);

export type ChatConversation = typeof chatConversations.$inferSelect;
export type ChatMessage = typeof chatMessages.$inferSelect;
