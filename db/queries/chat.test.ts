import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { activeChatsOfHosts, parseChatEvent, waitingQueue } from '@/db/queries/chat-events';
import { acceptConversation, blockToken, findChatByReference, flagConversation, messagesSince } from '@/db/queries/chat-host';
import { endConversation, endIdleChats, isTokenBlocked, postMessage, startConversation, visitorState } from '@/db/queries/chat-visitor';
import { markHandedOver, placeHold } from '@/db/queries/holds';
import { holdExport, listHolds } from '@/db/queries/holds-admin';
import { exportFileName, exportText } from '@/app/staff/(app)/bevaring/[id]/eksport/export-text';
import { createStaff } from '@/db/queries/staff';
import { chatConversations, chatMessages } from '@/db/schema';
import { flaggedChatDeadline } from '@/lib/chat/working-day';
import { hashChatToken, newChatToken } from '@/lib/chat/token';
import { runPurge } from '@/lib/jobs/purge';
import { referenceOf } from '@/test/chat-reference';
import { databaseTargets } from '@/test/database-targets';

const MINUTE = 60_000;
const DAY = 86_400_000;
// Friday 4 June 2027, 15:00 in Oslo.
const now = new Date('2027-06-04T13:00:00Z');

let hostCount = 0;
async function newHost(name = 'Hanne Vert') {
  const db = await getDb();
  return (await createStaff(db, { email: `vert${++hostCount}@example.org`, name, role: 'chat_host', passwordHash: null, totpSecret: null, now })).id;
}

async function newChat(at = now) {
  const db = await getDb();
  const tokenHash = hashChatToken(newChatToken());
  const { id } = await startConversation(db, { tokenHash, now: at });
  return { id, tokenHash };
}

async function exists(id: string) {
  const db = await getDb();
  return (await db.select({ id: chatConversations.id }).from(chatConversations).where(eq(chatConversations.id, id))).length === 1;
}

describe('parseChatEvent', () => {
  it('reads what notify writes, and nothing else', () => {
    const id = '0b6f7f36-3f7e-4c55-9b83-3ad4d6ce2e57';
    expect(parseChatEvent(`m:${id}`)).toEqual({ kind: 'message', conversationId: id });
    expect(parseChatEvent(`s:${id}`)).toEqual({ kind: 'status', conversationId: id });
    expect(parseChatEvent('q')).toEqual({ kind: 'queue' });
    expect(parseChatEvent('m:; drop table')).toBeUndefined();
  });
});

describe.each(databaseTargets())('chat conversations on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('queues visitors in order, and a host takes one; nobody else can take it after', async () => {
    const db = await getDb();
    const first = await newChat(new Date(now.getTime() - 2 * MINUTE));
    const second = await newChat(new Date(now.getTime() - MINUTE));
    expect((await visitorState(db, { tokenHash: second.tokenHash, now }))?.queuePosition).toBe(2);
    const host = await newHost('Hanne Marie Vert');
    expect(await acceptConversation(db, { id: first.id, hostId: host, now })).toBe(true);
    expect(await acceptConversation(db, { id: first.id, hostId: await newHost(), now })).toBe(false);
    expect(await visitorState(db, { tokenHash: first.tokenHash, now })).toMatchObject({ status: 'aktiv', hostFirstName: 'Hanne', queuePosition: null });
    expect((await visitorState(db, { tokenHash: second.tokenHash, now }))?.queuePosition).toBe(1);
    expect((await activeChatsOfHosts(db, { hostIds: [host], now })).map((c) => c.id)).toEqual([first.id]);
    expect((await waitingQueue(db, { now })).map((c) => c.id)).toContain(second.id);
  });

  it('two chats started in the same millisecond get places of their own, in the order the queue is read', async () => {
    const db = await getDb();
    const at = new Date(now.getTime() - 30_000);
    const pair = [await newChat(at), await newChat(at)];
    const places = await Promise.all(pair.map(async (c) => (await visitorState(db, { tokenHash: c.tokenHash, now }))!.queuePosition!));
    expect(places[0]).not.toBe(places[1]);
    const queue = (await waitingQueue(db, { now })).map((c) => c.id);
    for (const [i, c] of pair.entries()) expect(queue.indexOf(c.id) + 1, 'the place shown is the place in the queue').toBe(places[i]);
  });

  it('numbers messages in order, stores them sealed with the chat\'s own key, and reads them back after a number @claim:chat-kryptert', async () => {
    const db = await getDb();
    const { id } = await newChat();
    const host = await newHost();
    await acceptConversation(db, { id, hostId: host, now });
    const a = await postMessage(db, { id, sender: 'besokende', authorId: null, body: 'kanari-hei-1a2b', now });
    const b = await postMessage(db, { id, sender: 'vert', authorId: host, body: 'Hei, jeg heter Hanne.', now });
    expect([a?.seq, b?.seq]).toEqual([1, 2]);
    const stored = await db.select({ body: chatMessages.body }).from(chatMessages).where(eq(chatMessages.conversationId, id));
    expect(stored.map((r) => r.body).join(' ')).not.toContain('kanari');
    expect(stored[0]!.body).toMatch(/^k1\./);
    expect((await messagesSince(db, { id, afterSeq: 0, now, reader: 'staff' })).map((m) => m.body)).toEqual(['kanari-hei-1a2b', 'Hei, jeg heter Hanne.']);
    expect((await messagesSince(db, { id, afterSeq: 1, now, reader: 'visitor' })).map((m) => m.seq)).toEqual([2]);
  });

  it('refuses messages once the chat has ended, and sets its deletion time from the end', async () => {
    const db = await getDb();
    const { id } = await newChat();
    expect(await endConversation(db, { id, by: 'besokende', now, retentionDays: 30 })).toBe(true);
    expect(await endConversation(db, { id, by: 'besokende', now, retentionDays: 30 })).toBe(false);
    expect(await postMessage(db, { id, sender: 'besokende', authorId: null, body: 'for sent', now })).toBeUndefined();
    const [row] = await db.select({ deleteAfter: chatConversations.deleteAfter }).from(chatConversations).where(eq(chatConversations.id, id));
    expect(row?.deleteAfter?.getTime()).toBe(now.getTime() + 30 * DAY);
  });

  it('a flagged chat is gone at the end of the next working day, present a minute before; ending it later keeps that deadline @claim:chat-merket-neste-virkedag', async () => {
    const db = await getDb();
    const { id } = await newChat();
    const host = await newHost();
    await acceptConversation(db, { id, hostId: host, now });
    await postMessage(db, { id, sender: 'besokende', authorId: null, body: 'Jeg heter Ola, tlf 912 34 567', now });
    const deadline = flaggedChatDeadline(now);
    // Flagged Friday 4 June 2027: due at the end of Monday 7 June, Oslo time.
    expect(deadline.toISOString()).toBe('2027-06-07T22:00:00.000Z');
    expect(await flagConversation(db, { id, hostId: host, now, deadline })).toBe(true);
    await endConversation(db, { id, by: 'vert', now: new Date(now.getTime() + 10 * MINUTE), retentionDays: 30 });

    await runPurge({ now: new Date(deadline.getTime() - MINUTE) });
    expect(await exists(id)).toBe(true);
    await runPurge({ now: new Date(deadline.getTime() + MINUTE) });
    expect(await exists(id)).toBe(false);
    const left = (await db.execute(sql`select count(*)::int as n from chat_messages where conversation_id = ${id}`)) as unknown as { rows: { n: number }[] };
    expect(left.rows[0]?.n).toBe(0);
  });

  it('a held chat outlives its deadline until it is marked handed over, then goes with the next purge @claim:paalegg-holder-tilbake', async () => {
    const db = await getDb();
    const { id } = await newChat();
    const host = await newHost();
    await acceptConversation(db, { id, hostId: host, now });
    const deadline = flaggedChatDeadline(now);
    await flagConversation(db, { id, hostId: host, now, deadline });
    await postMessage(db, { id, sender: 'vert', authorId: host, body: 'Skrevet før fristen.', now });
    await placeHold(db, { objectType: 'chat', objectId: id, reference: 'Politiet 27/555', reason: 'Etterforskning', placedBy: host, now });
    await runPurge({ now: new Date(deadline.getTime() + DAY) });
    expect(await exists(id)).toBe(true);
    // Past its deadline it is not served to the visitor, but staff can still read it for the export.
    expect(await messagesSince(db, { id, afterSeq: 0, now: new Date(deadline.getTime() + DAY), reader: 'visitor' })).toEqual([]);
    expect(await messagesSince(db, { id, afterSeq: 0, now: new Date(deadline.getTime() + DAY), reader: 'staff' })).toHaveLength(1);
    expect(await findChatByReference(db, { reference: await referenceOf(id), now: new Date(deadline.getTime() + DAY) })).toMatchObject({ id, onHold: true });
    await markHandedOver(db, { objectType: 'chat', objectId: id, now: new Date(deadline.getTime() + 2 * DAY) });
    await runPurge({ now: new Date(deadline.getTime() + 2 * DAY) });
    expect(await exists(id)).toBe(false);
  });

  it('a held chat is listed by its reference and exported with every message, opened', async () => {
    const db = await getDb();
    const { id } = await newChat();
    const host = await newHost('Hanne Vert');
    await acceptConversation(db, { id, hostId: host, now });
    await postMessage(db, { id, sender: 'besokende', authorId: null, body: 'Hei, jeg trenger hjelp.', now });
    await postMessage(db, { id, sender: 'vert', authorId: host, body: 'Jeg er her.', now });
    const placed = await placeHold(db, { objectType: 'chat', objectId: id, reference: 'Politiet 27/777', reason: 'Etterforskning', placedBy: host, now });
    const listed = (await listHolds(db, { now })).find((h) => h.id === placed.id);
    expect(listed).toMatchObject({ objectType: 'chat', objectReference: await referenceOf(id), status: 'active' });
    const doc = await holdExport(db, { holdId: placed.id, now });
    expect(doc?.object).toMatchObject({ type: 'chat', reference: await referenceOf(id), hostFirstName: 'Hanne' });
    const text = exportText(doc!, { exportedAt: now, exportedBy: 'Anne Admin' });
    expect(text).toContain('Politiet 27/777');
    expect(text).toContain('Besøkende:\nHei, jeg trenger hjelp.');
    expect(text).toContain('Chatvert (Hanne):\nJeg er her.');
    expect(exportFileName(doc!)).toBe(`${(await referenceOf(id)).toLowerCase()}.txt`);
  });

  it('ends chats left idle, and blocks a token until the block expires @claim:chat-30-dager @claim:chat-sperring', async () => {
    const db = await getDb();
    const { id, tokenHash } = await newChat(new Date(now.getTime() - 3 * 3_600_000));
    expect(await endIdleChats(db, { idleSince: new Date(now.getTime() - 2 * 3_600_000), now, retentionDays: 30 })).toBeGreaterThanOrEqual(1);
    // Ended: the cookie no longer opens it.
    expect(await visitorState(db, { tokenHash, now })).toBeUndefined();
    expect((await db.select({ status: chatConversations.status }).from(chatConversations).where(eq(chatConversations.id, id)))[0]?.status).toBe('avsluttet');
    await blockToken(db, { id, now, days: 30 });
    expect(await isTokenBlocked(db, { tokenHash, now })).toBe(true);
    expect(await isTokenBlocked(db, { tokenHash, now: new Date(now.getTime() + 31 * DAY) })).toBe(false);
  });
});
