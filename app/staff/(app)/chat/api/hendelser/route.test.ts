import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { acceptConversation } from '@/db/queries/chat-host';
import { postMessage, startConversation } from '@/db/queries/chat-visitor';
import { createSession, createStaff, disableStaff, endSession, hashToken } from '@/db/queries/staff';
import { staff, staffSessions } from '@/db/schema';
import { stopChatBus } from '@/lib/chat/bus';
import { hashChatToken, newChatToken } from '@/lib/chat/token';
import { databaseTargets } from '@/test/database-targets';
import { callAs } from '@/test/signed-in';
import { SseEvents } from '@/test/sse-events';
import { GET } from './route';

/**
 * A host's open event stream ends with the right to read it: sign-out, a disabled account, a
 * changed role, the idle limit and the absolute limit each stop it. The clock is the app's
 * test clock and the stream's recheck timer is faked, so "within 30 seconds" takes no waiting.
 */
const clock = vi.hoisted(() => {
  const c = { t: Date.now(), now: () => new Date(c.t) };
  return c;
});
vi.mock('@/lib/clock', async (original) => ({ ...(await original<typeof import('@/lib/clock')>()), appClock: () => clock }));
vi.mock('@/lib/auth/staff-session', () => import('@/test/signed-in'));

const MINUTE = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const limits = { idleMinutes: 15, absoluteHours: 8 };
const open: AbortController[] = [];
let count = 0;

/** A host signed in, holding a chat, with the console's stream open and one message seen. */
async function hostWatching() {
  const db = await getDb();
  const name = `Vert ${++count}`;
  const { id: hostId } = await createStaff(db, { email: `strom${count}@example.org`, name, role: 'chat_host', passwordHash: null, totpSecret: null, now: clock.now() });
  const sid = await createSession(db, { staffId: hostId, now: clock.now(), limits });
  const { id } = await startConversation(db, { tokenHash: hashChatToken(newChatToken()), now: clock.now() });
  await acceptConversation(db, { id, hostId, now: clock.now() });
  callAs({ staffId: hostId, name, role: 'chat_host', sessionHash: hashToken(sid) });
  const abort = new AbortController();
  open.push(abort);
  const events = new SseEvents(await GET(new Request('http://127.0.0.1/staff/chat/api/hendelser', { signal: abort.signal })));
  const say = (tekst: string) => postMessage(db, { id, sender: 'besokende', authorId: null, body: tekst, now: clock.now() });
  const got = (tekst: string) => events.named('melding').some((e) => (e.data as { tekst: string }).tekst === tekst);
  await say('Hei, ring meg på 912 34 567');
  await events.until(() => got('Hei, ring meg på 912 34 567'), 5_000, 'the first message');
  // Let the notifications of the setup settle, so what follows is checked by what it tests.
  await sleep(300);
  return { db, hostId, sid, events, say, got };
}

/** Lets the stream's recheck timer run as if `ms` had passed, then gives the check time to finish. */
async function timePasses(ms: number) {
  clock.t += ms;
  await vi.advanceTimersByTimeAsync(ms);
}

describe.each(databaseTargets())('a host stream ends with its session on $name', (target) => {
  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    await target.open();
  });
  afterEach(() => {
    for (const a of open.splice(0)) a.abort();
  });
  afterAll(async () => {
    vi.useRealTimers();
    await stopChatBus();
    await target.close();
  });

  it('keeps delivering while the session stands, checked every 30 seconds', async () => {
    const h = await hostWatching();
    // The host works in the console now and then (that is what moves the idle clock).
    for (let i = 0; i < 4; i++) {
      await timePasses(30_000);
      await h.db.update(staffSessions).set({ lastSeenAt: clock.now() }).where(eq(staffSessions.tokenHash, hashToken(h.sid)));
    }
    expect(h.events.closed).toBe(false);
    await h.say('fortsatt her');
    await h.events.until(() => h.got('fortsatt her'), 5_000, 'a later message');
  });

  it('after sign-out: the next message is not sent, and the stream closes', async () => {
    const h = await hostWatching();
    await endSession(h.db, h.sid);
    await h.say('etter utlogging 98765432');
    await h.events.until((e) => e.closed, 5_000, 'the stream to close');
    expect(h.got('etter utlogging 98765432')).toBe(false);
    expect(h.events.named('slutt')).toHaveLength(1);
  });

  it('after the account is disabled: closed within 30 seconds, with no event in between', async () => {
    const h = await hostWatching();
    await disableStaff(h.db, { id: h.hostId, now: clock.now() });
    await timePasses(30_000);
    await h.events.until((e) => e.closed, 5_000, 'the stream to close');
    await h.say('etter deaktivering');
    await sleep(200);
    expect(h.got('etter deaktivering')).toBe(false);
  });

  it('after the role changes to one that may not read chats: closed', async () => {
    const h = await hostWatching();
    await h.db.update(staff).set({ role: 'adviser' }).where(eq(staff.id, h.hostId));
    await timePasses(30_000);
    await h.events.until((e) => e.closed, 5_000, 'the stream to close');
  });

  it('after the idle limit: closed within 30 seconds of it, though the stream itself stayed open', async () => {
    const h = await hostWatching();
    await timePasses(limits.idleMinutes * MINUTE - 30_000);
    expect(h.events.closed).toBe(false);
    await timePasses(60_000);
    await h.events.until((e) => e.closed, 5_000, 'the stream to close');
    await h.say('etter tidsavbrudd');
    await sleep(200);
    expect(h.got('etter tidsavbrudd')).toBe(false);
  });

  it('after the absolute limit: closed within 30 seconds, however busy the host is', async () => {
    const h = await hostWatching();
    const busy = () => h.db.update(staffSessions).set({ lastSeenAt: clock.now() }).where(eq(staffSessions.tokenHash, hashToken(h.sid)));
    // Nearly eight hours on, the host still busy in the console: the stream stays.
    clock.t += limits.absoluteHours * 60 * MINUTE - 60_000;
    await busy();
    await timePasses(30_000);
    expect(h.events.closed).toBe(false);
    await busy();
    await timePasses(30_000);
    await busy();
    // Past the end now: gone within 30 seconds.
    await timePasses(30_000);
    await h.events.until((e) => e.closed, 5_000, 'the stream to close');
    await h.say('etter åtte timer');
    await sleep(200);
    expect(h.got('etter åtte timer')).toBe(false);
  });
});
