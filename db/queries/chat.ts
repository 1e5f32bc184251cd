// Not marked 'server-only': the purge and the bench use these from the command line.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { activeHoldOn, handedOver } from '@/db/queries/retention';
import { chatBlockedTokens, chatConversations, chatMessages, staff, type ChatSender, type ChatStatus } from '@/db/schema';
import { newDataKey, openWithKey, sealWithKey, unwrapKey, wrapKey } from '@/lib/crypto/seal';

/** The channel every instance listens on; a payload names a conversation, never its content. */
export const CHAT_CHANNEL = 'hjelpelinje_chat';
export type ChatEvent = { kind: 'message' | 'status'; conversationId: string } | { kind: 'queue' } | { kind: 'resync' };

const chatKeyAad = (id: string) => `chat:${id}:key`;
const chatMessageAad = (id: string, seq: number) => `chat:${id}:message:${seq}`;

async function notify(db: Database, event: ChatEvent): Promise<void> {
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

/**
 * Not shown, and never served, once past its deletion time (unless a legal hold keeps it:
 * then staff may still export it, but the visitor's cookie no longer opens it).
 */
function visible(now: Date) {
  return or(isNull(chatConversations.deleteAfter), gt(chatConversations.deleteAfter, now))!;
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

/**
 * A chat's reference for staff (to name it in a legal hold): the first eight hex digits of its
 * id, as CHAT-1A2B-3C4D. It says nothing about the visitor.
 */
export function chatReference(id: string): string {
  const hex = id.replace(/-/g, '').slice(0, 8).toUpperCase();
  return `CHAT-${hex.slice(0, 4)}-${hex.slice(4)}`;
}

/** The same reference, computed in SQL for lists. */
export const chatReferenceSql = sql<string>`'CHAT-' || upper(substr(${chatConversations.id}::text, 1, 4)) || '-' || upper(substr(${chatConversations.id}::text, 5, 4))`;

/** "chat 1a2b 3c4d", "CHAT-1A2B3C4D" and "CHAT-1A2B-3C4D" name the same chat; undefined if it is no chat reference. */
export function parseChatReference(raw: string): string | undefined {
  const m = /^\s*chat[\s\-–]*([0-9a-f]{4})[\s\-–]*([0-9a-f]{4})\s*$/i.exec(raw);
  return m ? `CHAT-${m[1]!.toUpperCase()}-${m[2]!.toUpperCase()}` : undefined;
}

/** A chat staff may still see, by its reference, and whether a hold already keeps it. */
export async function findChatByReference(
  db: Database,
  { reference, now, lock = false }: { reference: string; now: Date; lock?: boolean },
): Promise<{ id: string; reference: string; onHold: boolean } | 'ambiguous' | undefined> {
  const prefix = reference.replace(/^CHAT-/, '').replace('-', '').toLowerCase();
  const query = db
    .select({ id: chatConversations.id, onHold: sql<boolean>`${activeHoldOn('chat', chatConversations.id)}`.mapWith(Boolean) })
    .from(chatConversations)
    .where(and(sql`${chatConversations.id}::text like ${`${prefix}%`}`, chatVisibleToStaff(now), sql`not ${handedOver('chat', chatConversations.id)}`))
    .limit(2);
  const rows = lock ? await query.for('update') : await query;
  if (rows.length > 1) return 'ambiguous';
  const [row] = rows;
  return row ? { id: row.id, reference: chatReference(row.id), onHold: row.onHold } : undefined;
}

export async function startConversation(db: Database, { tokenHash, now }: { tokenHash: string; now: Date }): Promise<{ id: string }> {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(chatConversations).values({
      id,
      tokenHash,
      dataKey: wrapKey(newDataKey(), chatKeyAad(id)),
      createdAt: now,
      lastActivityAt: now,
    });
    await notify(tx, { kind: 'queue' });
  });
  return { id };
}

export type VisitorState = {
  id: string;
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
      .where(and(eq(chatConversations.status, 'venter'), lt(chatConversations.createdAt, row.createdAt)));
    queuePosition = (ahead?.n ?? 0) + 1;
  }
  return {
    id: row.id,
    status: row.status,
    lastSeq: row.lastSeq,
    queuePosition,
    hostFirstName: row.hostName ? firstName(row.hostName) : null,
  };
}

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}

export type OpenedMessage = { seq: number; sender: ChatSender; createdAt: Date; body: string };

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

export type ConversationUpdate = {
  /** Undefined when the chat is gone (past its deletion time, or deleted). */
  conv: { status: ChatStatus; hostId: string | null; hostFirstName: string | null; lastSeq: number } | undefined;
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
    .select({ status: chatConversations.status, hostId: chatConversations.hostId, hostName: staff.name, lastSeq: chatConversations.lastSeq, dataKey: chatConversations.dataKey })
    .from(chatConversations)
    .leftJoin(staff, eq(staff.id, chatConversations.hostId))
    .where(and(eq(chatConversations.id, id), visible(now)));
  if (!row) return { conv: undefined, messages: [] };
  const conv = { status: row.status, hostId: row.hostId, hostFirstName: row.hostName ? firstName(row.hostName) : null, lastSeq: row.lastSeq };
  if (row.status === 'avsluttet' || row.lastSeq <= afterSeq) return { conv, messages: [] };
  const rows = await db
    .select({ seq: chatMessages.seq, sender: chatMessages.sender, createdAt: chatMessages.createdAt, body: chatMessages.body })
    .from(chatMessages)
    .where(and(eq(chatMessages.conversationId, id), gt(chatMessages.seq, afterSeq)))
    .orderBy(asc(chatMessages.seq));
  const key = unwrapKey(row.dataKey, chatKeyAad(id));
  return { conv, messages: rows.map((r) => ({ seq: r.seq, sender: r.sender, createdAt: r.createdAt, body: openWithKey(r.body, key, chatMessageAad(id, r.seq)) })) };
}

/** The waiting chats, first in line first: one read for every queue place and host on an instance. */
export async function waitingQueue(db: Database, { now }: { now: Date }): Promise<{ id: string; createdAt: Date }[]> {
  return db
    .select({ id: chatConversations.id, createdAt: chatConversations.createdAt })
    .from(chatConversations)
    .where(and(eq(chatConversations.status, 'venter'), visible(now)))
    .orderBy(asc(chatConversations.createdAt));
}

/** The open chats of these hosts (all hosts with a stream on an instance), in the order taken. */
export async function activeChatsOfHosts(db: Database, { hostIds, now }: { hostIds: readonly string[]; now: Date }): Promise<HostConversation[]> {
  if (hostIds.length === 0) return [];
  return db
    .select(hostColumns)
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

/** A host takes a waiting chat; false when someone else was first or it has ended. */
export async function acceptConversation(db: Database, { id, hostId, now }: { id: string; hostId: string; now: Date }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const done = await tx
      .update(chatConversations)
      .set({ status: 'aktiv', hostId, acceptedAt: now, lastActivityAt: now })
      .where(and(eq(chatConversations.id, id), eq(chatConversations.status, 'venter'), visible(now)))
      .returning({ id: chatConversations.id });
    if (done.length === 0) return false;
    await notify(tx, { kind: 'status', conversationId: id });
    await notify(tx, { kind: 'queue' });
    return true;
  });
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
      .returning({ id: chatConversations.id });
    if (done.length === 0) return false;
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

export async function isTokenBlocked(db: Database, { tokenHash, now }: { tokenHash: string; now: Date }): Promise<boolean> {
  const [row] = await db
    .select({ tokenHash: chatBlockedTokens.tokenHash })
    .from(chatBlockedTokens)
    .where(and(eq(chatBlockedTokens.tokenHash, tokenHash), gt(chatBlockedTokens.expiresAt, now)));
  return Boolean(row);
}

export type HostConversation = {
  id: string;
  status: ChatStatus;
  createdAt: Date;
  acceptedAt: Date | null;
  hostId: string | null;
  flaggedAt: Date | null;
  deleteAfter: Date | null;
  lastSeq: number;
};

const hostColumns = {
  id: chatConversations.id,
  status: chatConversations.status,
  createdAt: chatConversations.createdAt,
  acceptedAt: chatConversations.acceptedAt,
  hostId: chatConversations.hostId,
  flaggedAt: chatConversations.flaggedAt,
  deleteAfter: chatConversations.deleteAfter,
  lastSeq: chatConversations.lastSeq,
};

export async function conversationForHost(db: Database, { id, now }: { id: string; now: Date }): Promise<HostConversation | undefined> {
  const [row] = await db.select(hostColumns).from(chatConversations).where(and(eq(chatConversations.id, id), visible(now)));
  return row;
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
      .returning({ id: chatConversations.id });
    for (const { id } of ended) await notify(tx, { kind: 'status', conversationId: id });
    if (ended.length > 0) await notify(tx, { kind: 'queue' });
    return ended.length;
  });
}
