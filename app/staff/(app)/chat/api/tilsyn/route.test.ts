import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { activeChatsOfHosts } from '@/db/queries/chat-events';
import { staffNotes } from '@/db/queries/chat-handover';
import { acceptConversation } from '@/db/queries/chat-host';
import { READING_MS } from '@/db/queries/chat-shared';
import { openChatStates, superviseChat } from '@/db/queries/chat-supervision';
import { endConversation, postMessage, startConversation } from '@/db/queries/chat-visitor';
import { accessLog } from '@/db/schema';
import type { StaffSession } from '@/lib/auth/staff-session';
import { hashChatToken } from '@/lib/chat/token';
import { appClock } from '@/lib/clock';
import { databaseTargets } from '@/test/database-targets';
import { callAs, staffMember } from '@/test/signed-in';
import { POST } from './route';

/**
 * A supervisor's eye (issue 16, item 3): an admin sees every open chat's state without content,
 * reads one while it is open (the host's console names the reader), writes a note to its host,
 * and stops; an ended chat cannot be read this way; nobody but an admin may do any of it.
 */
vi.mock('@/lib/auth/staff-session', () => import('@/test/signed-in'));

async function postAs(who: StaffSession, body: Record<string, unknown>) {
  callAs(who);
  return POST(new Request('http://127.0.0.1/staff/chat/api/tilsyn', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
}

async function takenChat(host: StaffSession) {
  const db = await getDb();
  const { id } = await startConversation(db, { tokenHash: hashChatToken(randomBytes(16).toString('base64url')), now: appClock().now() });
  expect(await acceptConversation(db, { id, hostId: host.staffId, now: appClock().now() })).toBe(true);
  return id;
}

const readersFor = async (host: StaffSession, id: string, now = appClock().now()) =>
  (await activeChatsOfHosts(await getDb(), { hostIds: [host.staffId], now })).find((c) => c.id === id)?.readers ?? null;

describe.each(databaseTargets())("a supervisor's eye on $name", (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('the state of every open chat without content; reading one marks it for its host; a note reaches the host only; stopping clears the mark', async () => {
    const db = await getDb();
    const host = await staffMember('chat_host', { name: 'Hanne Vert' });
    const admin = await staffMember('admin', { name: 'Lise Leder' });
    const id = await takenChat(host);
    await postMessage(db, { id, sender: 'besokende', authorId: null, body: 'Jeg har det vondt', now: appClock().now() });

    const states = await openChatStates(db, { now: appClock().now() });
    const state = states.find((c) => c.id === id)!;
    expect(state).toMatchObject({ status: 'aktiv', hostName: 'Hanne Vert', lastFromHost: null });
    expect(state.lastFromVisitor).toBeInstanceOf(Date);
    expect(JSON.stringify(states)).not.toContain('vondt');

    expect(await readersFor(host, id)).toBeNull();
    const read = await superviseChat(db, { id, staffId: admin.staffId, now: appClock().now() });
    expect(read?.messages.map((m) => m.body)).toEqual(['Jeg har det vondt']);
    expect(await readersFor(host, id)).toBe('Lise Leder');
    // A look long ago no longer marks the chat.
    expect(await readersFor(host, id, new Date(appClock().now().getTime() + READING_MS + 1000))).toBeNull();

    expect((await postAs(admin, { handling: 'notat', id, tekst: 'Spør om det er en voksen hjemme.' })).status).toBe(201);
    expect((await staffNotes(db, { ids: [id] })).map((n) => [n.from, n.to, n.body])).toEqual([['Lise Leder', 'Hanne Vert', 'Spør om det er en voksen hjemme.']]);
    const logged = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(accessLog)
      .where(and(eq(accessLog.staffId, admin.staffId), eq(accessLog.action, 'chat_supervise_note'), eq(accessLog.objectId, id)));
    expect(logged[0]!.n).toBe(1);

    expect((await postAs(admin, { handling: 'slutt', id })).status).toBe(200);
    expect(await readersFor(host, id)).toBeNull();
  });

  it('an ended chat cannot be read or noted this way', async () => {
    const db = await getDb();
    const host = await staffMember('chat_host');
    const admin = await staffMember('admin');
    const id = await takenChat(host);
    await endConversation(db, { id, by: 'vert', now: appClock().now(), retentionDays: 30 });
    expect(await superviseChat(db, { id, staffId: admin.staffId, now: appClock().now() })).toBeUndefined();
    expect((await openChatStates(db, { now: appClock().now() })).map((c) => c.id)).not.toContain(id);
    const refused = await postAs(admin, { handling: 'notat', id, tekst: 'For sent?' });
    expect(refused.status).toBe(409);
    expect(await staffNotes(db, { ids: [id] })).toEqual([]);
  });

  it('a chat host and an adviser are refused, and write nothing', async () => {
    const db = await getDb();
    const host = await staffMember('chat_host');
    const id = await takenChat(host);
    for (const role of ['chat_host', 'adviser'] as const) {
      const who = await staffMember(role);
      const refused = await postAs(who, { handling: 'notat', id, tekst: 'Hei' });
      expect([401, 403, 404]).toContain(refused.status);
    }
    expect(await staffNotes(db, { ids: [id] })).toEqual([]);
  });
});
