// Not marked 'server-only': the bench runs handovers from the command line.
// Handing an open chat to another host (warm, with a note the visitor never sees) or back to the
// queue (cold). The chat row names its host, so moving it is one update: the first host's
// reading and writing end with it, and the history stays with the chat.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { notify } from '@/db/queries/chat-events';
import { freeHosts } from '@/db/queries/chat-presence';
import { chatKeyAad, firstName, visible } from '@/db/queries/chat-shared';
import { postMessage } from '@/db/queries/chat-visitor';
import { chatConversations, chatStaffNotes, staff } from '@/db/schema';
import { openWithKey, sealWithKey, unwrapKey } from '@/lib/crypto/seal';

const noteAad = (conversationId: string, noteId: string) => `chat:${conversationId}:handover:${noteId}`;

export type HandoverResult = { ok: true; toName: string | null } | { ok: false; why: 'not_yours' | 'not_free' };

/**
 * Moves an open chat from `fromHostId` to `toHostId` (warm), or back to the queue when
 * `toHostId` is null (cold). The receiving host must be free as `freeHosts` says, checked under
 * their own lock so a handover cannot pass their limit. The visitor is told in a system message
 * by the new host's first name only (or that the chat waits again); the note goes to staff only.
 */
export async function handOver(
  db: Database,
  { id, fromHostId, toHostId, note, now }: { id: string; fromHostId: string; toHostId: string | null; note: string | null; now: Date },
): Promise<HandoverResult> {
  return db.transaction(async (tx) => {
    let toName: string | null = null;
    if (toHostId) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${toHostId}))`);
      const [free] = await freeHosts(tx, { now, except: fromHostId, only: toHostId });
      if (!free) return { ok: false, why: 'not_free' };
      toName = free.name;
    }
    const [moved] = await tx
      .update(chatConversations)
      .set(toHostId ? { hostId: toHostId, lastActivityAt: now } : { hostId: null, status: 'venter', lastActivityAt: now })
      .where(and(eq(chatConversations.id, id), eq(chatConversations.status, 'aktiv'), eq(chatConversations.hostId, fromHostId), visible(now)))
      .returning({ dataKey: chatConversations.dataKey });
    if (!moved) return { ok: false, why: 'not_yours' };
    if (note) await sealNote(tx, { conversationId: id, dataKey: moved.dataKey, fromId: fromHostId, toId: toHostId, body: note, now });
    const told = toName ? `${firstName(toName)} har tatt over samtalen.` : 'Du er satt tilbake i køen. Den neste chatverten som blir ledig, svarer deg.';
    await postMessage(tx, { id, sender: 'system', authorId: null, body: told, now });
    await notify(tx, { kind: 'status', conversationId: id });
    if (!toHostId) await notify(tx, { kind: 'queue' });
    return { ok: true, toName };
  });
}

/** Stores a note about a chat for staff, sealed with the chat's key (`dataKey`, as the chat row holds it). */
export async function sealNote(
  db: Database,
  { conversationId, dataKey, fromId, toId, body, now }: { conversationId: string; dataKey: string; fromId: string; toId: string | null; body: string; now: Date },
): Promise<void> {
  const id = randomUUID();
  const key = unwrapKey(dataKey, chatKeyAad(conversationId));
  await db.insert(chatStaffNotes).values({ id, conversationId, fromHostId: fromId, toHostId: toId, createdAt: now, body: sealWithKey(body, key, noteAad(conversationId, id)) });
}

export type StaffNote = { conversationId: string; from: string | null; to: string | null; at: Date; body: string };

/** The handover notes of these chats, opened, oldest first: for the hosts who hold them now. */
export async function staffNotes(db: Database, { ids }: { ids: readonly string[] }): Promise<StaffNote[]> {
  if (ids.length === 0) return [];
  const from = sql<string | null>`(select ${staff.name} from ${staff} where ${staff.id} = ${chatStaffNotes.fromHostId})`;
  const to = sql<string | null>`(select ${staff.name} from ${staff} where ${staff.id} = ${chatStaffNotes.toHostId})`;
  const rows = await db
    .select({ id: chatStaffNotes.id, conversationId: chatStaffNotes.conversationId, from, to, at: chatStaffNotes.createdAt, body: chatStaffNotes.body, dataKey: chatConversations.dataKey })
    .from(chatStaffNotes)
    .innerJoin(chatConversations, eq(chatConversations.id, chatStaffNotes.conversationId))
    .where(inArray(chatStaffNotes.conversationId, [...ids]))
    .orderBy(asc(chatStaffNotes.createdAt));
  const keys = new Map<string, Buffer>();
  return rows.map((r) => {
    let key = keys.get(r.conversationId);
    if (!key) keys.set(r.conversationId, (key = unwrapKey(r.dataKey, chatKeyAad(r.conversationId))));
    return { conversationId: r.conversationId, from: r.from, to: r.to, at: r.at, body: openWithKey(r.body, key, noteAad(r.conversationId, r.id)) };
  });
}
