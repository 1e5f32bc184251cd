import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { activeChatsOfHosts } from '@/db/queries/chat-events';
import { staffNotes } from '@/db/queries/chat-handover';
import { messagesSince } from '@/db/queries/chat-host';
import { setPresence } from '@/db/queries/chat-presence';
import { startConversation, visitorState } from '@/db/queries/chat-visitor';
import { accessLog, dailyChatWaits } from '@/db/schema';
import type { StaffSession } from '@/lib/auth/staff-session';
import { hashChatToken } from '@/lib/chat/token';
import { appClock } from '@/lib/clock';
import { databaseTargets } from '@/test/database-targets';
import { dumpTables } from '@/test/dump-tables';
import { callAs, staffMember } from '@/test/signed-in';
import { GET as freeHostsRoute } from '../verter/route';
import { POST as act } from './route';

/**
 * Handing a chat over (issue 16, item 2): warm to a free colleague with a note, or cold back to
 * the queue. The visitor hears only the new first name, never the note; the first host can no
 * longer write; both hosts' parts are in the access log; the note is sealed at rest.
 */
vi.mock('@/lib/auth/staff-session', () => import('@/test/signed-in'));

const NOTE = 'notat-kanari-4f1e: gutt, 14, redd for å gå hjem';

async function actAs(who: StaffSession, body: Record<string, unknown>) {
  callAs(who);
  return act(new Request('http://127.0.0.1/staff/chat/api/handling', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
}

async function availableHost(name: string): Promise<StaffSession> {
  const host = await staffMember('chat_host', { name });
  await setPresence(await getDb(), { staffId: host.staffId, status: 'tilgjengelig', maxChats: 3, now: appClock().now() });
  return host;
}

async function chatTakenBy(host: StaffSession) {
  const tokenHash = hashChatToken(randomBytes(16).toString('base64url'));
  const { id } = await startConversation(await getDb(), { tokenHash, now: appClock().now() });
  expect((await actAs(host, { handling: 'ta', id })).status).toBe(200);
  return { id, tokenHash };
}

async function logged(staffId: string, action: string, id: string): Promise<number> {
  const rows = await (await getDb())
    .select({ n: sql<number>`count(*)::int` })
    .from(accessLog)
    .where(and(eq(accessLog.staffId, staffId), eq(accessLog.action, action), eq(accessLog.objectId, id)));
  return rows[0]!.n;
}

describe.each(databaseTargets())('handing a chat over on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('warm: the chat, its history and a sealed note go to the colleague; the visitor hears only the first name; the first host can no longer write', async () => {
    const db = await getDb();
    const anne = await availableHost('Anne Vert');
    const bo = await availableHost('Bo Bakken');
    const { id, tokenHash } = await chatTakenBy(anne);
    expect((await actAs(anne, { handling: 'send', id, tekst: 'Hei, jeg heter Anne.' })).status).toBe(201);

    callAs(anne);
    const offered = (await (await freeHostsRoute(new Request('http://127.0.0.1/staff/chat/api/verter'))).json()) as { verter: { id: string; name: string }[] };
    expect(offered.verter.map((h) => h.name)).toContain('Bo Bakken');
    expect(offered.verter.map((h) => h.name)).not.toContain('Anne Vert');

    expect((await actAs(anne, { handling: 'gi-videre', id, til: bo.staffId, notat: NOTE })).status).toBe(200);

    const state = await visitorState(db, { tokenHash, now: appClock().now() });
    expect(state).toMatchObject({ status: 'aktiv', hostFirstName: 'Bo' });
    const seen = await messagesSince(db, { id, afterSeq: 0, now: appClock().now(), reader: 'visitor' });
    expect(seen.map((m) => m.body)).toEqual(['Hei, jeg heter Anne.', 'Bo har tatt over samtalen.']);
    expect(JSON.stringify(seen)).not.toContain('Bakken');
    expect(JSON.stringify(seen)).not.toContain('notat-kanari');

    expect((await staffNotes(db, { ids: [id] })).map((n) => [n.from, n.to, n.body])).toEqual([['Anne Vert', 'Bo Bakken', NOTE]]);
    // The console's overview reads the notes of the chats that have any.
    expect((await activeChatsOfHosts(db, { hostIds: [bo.staffId], now: appClock().now() })).map((c) => [c.id, c.hasNotes])).toEqual([[id, true]]);
    expect(JSON.stringify(await dumpTables(db))).not.toContain('notat-kanari');

    const refused = await actAs(anne, { handling: 'send', id, tekst: 'Er du der?' });
    expect(refused.status).toBe(409);
    expect((await actAs(bo, { handling: 'send', id, tekst: 'Hei, det er Bo.' })).status).toBe(201);

    expect(await logged(anne.staffId, 'chat_handover', id)).toBe(1);
    expect(await logged(bo.staffId, 'chat_handover_received', id)).toBe(1);
  });

  it('refuses a colleague on pause or at their limit, keeps the chat with its host, and stores no note', async () => {
    const db = await getDb();
    const anne = await availableHost('Anne Andersen');
    const pausing = await availableHost('Per Pause');
    await setPresence(db, { staffId: pausing.staffId, status: 'pause', maxChats: 3, now: appClock().now() });
    const full = await availableHost('Fia Full');
    await setPresence(db, { staffId: full.staffId, status: 'tilgjengelig', maxChats: 1, now: appClock().now() });
    await chatTakenBy(full);
    const { id, tokenHash } = await chatTakenBy(anne);

    for (const to of [pausing, full]) {
      const refused = await actAs(anne, { handling: 'gi-videre', id, til: to.staffId, notat: NOTE });
      expect(refused.status).toBe(409);
      expect(((await refused.json()) as { error: string }).error).toMatch(/kan ikke ta flere samtaler akkurat nå/);
    }
    expect(await visitorState(db, { tokenHash, now: appClock().now() })).toMatchObject({ hostFirstName: 'Anne' });
    expect(await staffNotes(db, { ids: [id] })).toEqual([]);
    // Someone who does not hold the chat cannot hand it on.
    expect((await actAs(full, { handling: 'gi-videre', id, til: null })).status).toBe(409);
  });

  it('cold: back to the queue, told to the visitor; the next host takes it, and its wait is not counted twice', async () => {
    const db = await getDb();
    const anne = await availableHost('Anne Aas');
    const cato = await availableHost('Cato Carlsen');
    const { id, tokenHash } = await chatTakenBy(anne);
    const waitsBefore = await db.select({ n: sql<number>`coalesce(sum(${dailyChatWaits.chats}), 0)::int` }).from(dailyChatWaits);

    expect((await actAs(anne, { handling: 'gi-videre', id, til: null, notat: 'Ønsker en mannlig chatvert.' })).status).toBe(200);
    expect(await visitorState(db, { tokenHash, now: appClock().now() })).toMatchObject({ status: 'venter', hostFirstName: null, queuePosition: expect.any(Number) });
    expect((await messagesSince(db, { id, afterSeq: 0, now: appClock().now(), reader: 'visitor' })).map((m) => m.body)).toEqual([
      'Du er satt tilbake i køen. Den neste chatverten som blir ledig, svarer deg.',
    ]);
    expect((await actAs(anne, { handling: 'send', id, tekst: 'Hallo?' })).status).toBe(409);
    expect(await logged(anne.staffId, 'chat_requeue', id)).toBe(1);

    expect((await actAs(cato, { handling: 'ta', id })).status).toBe(200);
    expect(await visitorState(db, { tokenHash, now: appClock().now() })).toMatchObject({ status: 'aktiv', hostFirstName: 'Cato' });
    expect((await staffNotes(db, { ids: [id] })).map((n) => [n.from, n.to, n.body])).toEqual([['Anne Aas', null, 'Ønsker en mannlig chatvert.']]);
    const waitsAfter = await db.select({ n: sql<number>`coalesce(sum(${dailyChatWaits.chats}), 0)::int` }).from(dailyChatWaits);
    expect(waitsAfter[0]!.n).toBe(waitsBefore[0]!.n);
  });
});
