import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { acceptConversation } from '@/db/queries/chat-host';
import { startConversation } from '@/db/queries/chat-visitor';
import { createSession, createStaff, hashToken } from '@/db/queries/staff';
import type { StreamCaller } from '@/lib/auth/staff-session';
import { stopChatBus } from '@/lib/chat/bus';
import { openStreamCount } from '@/lib/chat/stream-slots';
import { CHAT_COOKIE, hashChatToken, newChatToken } from '@/lib/chat/token';
import { GET as hostStream } from '@/app/staff/(app)/chat/api/hendelser/route';
import { databaseTargets } from '@/test/database-targets';
import { SseEvents } from '@/test/sse-events';
import { POST as send } from '../meldinger/route';
import { GET } from './route';

/**
 * Event streams with bounds, through the route handlers: one chat cookie or one staff session
 * holds three streams, the instance SSE_MAX_STREAMS; with 1,000 streams open across 300 chats
 * a message and a queue change each cost a few queries on the instance, not one per stream.
 * Queries are counted on the app's database handle.
 */
const counter = vi.hoisted(() => ({ n: 0 }));
vi.mock('@/db/client', async (original) => {
  const real = await original<typeof import('@/db/client')>();
  const { countingDb } = await import('@/test/query-counter');
  return { ...real, getDb: async () => countingDb(await real.getDb(), counter) };
});
const callers = vi.hoisted(() => new Map<string, StreamCaller>());
vi.mock('@/lib/auth/staff-session', () => ({
  staffStreamCaller: async (request: Request, roles: readonly string[]) => {
    const caller = callers.get(request.headers.get('x-test-caller') ?? '');
    return caller && roles.includes(caller.role) ? caller : null;
  },
}));

process.env.CHAT_HOURS = 'alltid';
process.env.SSE_MAX_STREAMS = '1000';

const open: AbortController[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/**
 * How long an event may take to reach a stream here. These tests check that it arrives and
 * what it costs in queries, not how fast (that is the bench's, `BENCH_ONLY=flood`): a loaded
 * machine may take seconds over 1,000 streams.
 */
const DELIVERY_MS = 30_000;
let count = 0;

function visitorStream(token: string) {
  const abort = new AbortController();
  open.push(abort);
  return GET(new Request('http://127.0.0.1/chat/api/hendelser', { headers: { cookie: `${CHAT_COOKIE}=${token}` }, signal: abort.signal }));
}

function staffStream(caller: string) {
  const abort = new AbortController();
  open.push(abort);
  return hostStream(new Request('http://127.0.0.1/staff/chat/api/hendelser', { headers: { 'x-test-caller': caller }, signal: abort.signal }));
}

const say = (token: string, body: string) =>
  send(new Request('http://127.0.0.1/chat/api/meldinger', { method: 'POST', headers: { cookie: `${CHAT_COOKIE}=${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ body }) }));

async function newChat() {
  const token = newChatToken();
  const { id } = await startConversation(await getDb(), { tokenHash: hashChatToken(token), now: new Date() });
  return { id, token };
}

async function newHost() {
  const db = await getDb();
  const n = ++count;
  const { id } = await createStaff(db, { email: `grense${n}@example.org`, name: `Vert ${n}`, role: 'chat_host', passwordHash: null, totpSecret: null, now: new Date() });
  const sid = await createSession(db, { staffId: id, now: new Date(), limits: { idleMinutes: 15, absoluteHours: 8 } });
  callers.set(`vert-${n}`, { staffId: id, name: `Vert ${n}`, role: 'chat_host', sessionHash: hashToken(sid) });
  return { id, caller: `vert-${n}` };
}

/** Waits until no query has run for half a second, so a count starts from a quiet instance. */
async function settled() {
  for (let i = 0; i < 40; i++) {
    const before = counter.n;
    await sleep(500);
    if (counter.n === before) return;
  }
  throw new Error('the instance never went quiet');
}

async function closeAll() {
  for (const a of open.splice(0)) a.abort();
  // The streams' cleanups run when the abort is seen.
  for (let i = 0; i < 50 && openStreamCount() > 0; i++) await sleep(20);
}

describe.each(databaseTargets())('event streams with bounds on $name', (target) => {
  beforeAll(async () => {
    // The periodic session check stays out of the counted windows.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    await target.open();
  });
  afterEach(closeAll);
  afterAll(async () => {
    vi.useRealTimers();
    await stopChatBus();
    await target.close();
  });

  it('one chat cookie gets three streams; the other 47 of 50 are refused with 429 in Norwegian', async () => {
    const { token } = await newChat();
    const responses = await Promise.all(Array.from({ length: 50 }, () => visitorStream(token)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(47);
    const refused = responses.find((r) => r.status === 429)!;
    expect(((await refused.json()) as { error: string }).error).toMatch(/allerede åpen i flere faner/);
    // Closing one frees its place.
    open.find((_, i) => responses[i]!.status === 200)!.abort();
    await sleep(100);
    expect((await visitorStream(token)).status).toBe(200);
  });

  it('one staff session gets three streams; the rest are refused with 429', async () => {
    const host = await newHost();
    const statuses = (await Promise.all(Array.from({ length: 50 }, () => staffStream(host.caller)))).map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(47);
  });

  it('1,000 streams across 300 chats: a message and a queue change cost a few queries; the 1,001st stream waits', async () => {
    const db = await getDb();
    const chats = [];
    for (let i = 0; i < 300; i++) chats.push(await newChat());
    const hosts = [];
    for (let i = 0; i < 50; i++) {
      const host = await newHost();
      hosts.push(host);
      for (const c of chats.slice(2 * i, 2 * i + 2)) await acceptConversation(db, { id: c.id, hostId: host.id, now: new Date() });
    }
    const visitorEvents = new Map<string, SseEvents[]>();
    for (const c of chats) {
      const list: SseEvents[] = [];
      for (let k = 0; k < 3; k++) {
        const r = await visitorStream(c.token);
        expect(r.status).toBe(200);
        list.push(new SseEvents(r));
      }
      visitorEvents.set(c.id, list);
    }
    const hostEvents = new Map<string, SseEvents[]>();
    for (const h of hosts) {
      const list: SseEvents[] = [];
      for (let k = 0; k < 2; k++) {
        const r = await staffStream(h.caller);
        expect(r.status).toBe(200);
        list.push(new SseEvents(r));
      }
      hostEvents.set(h.id, list);
    }
    expect(openStreamCount()).toBe(1000);
    const extra = await newChat();
    const refused = await visitorStream(extra.token);
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { error: string }).error).toMatch(/Prøv igjen om litt/);

    const all = [...visitorEvents.values(), ...hostEvents.values()].flat();
    for (const e of all) await e.until((s) => s.events.length > 0, DELIVERY_MS, 'a first event');
    // The first reads of 1,000 streams may still be finishing on a busy machine: not counted.
    await settled();

    // One message in a chat host 0 holds: read once, to its three visitor streams and two host streams.
    counter.n = 0;
    expect((await say(chats[0]!.token, 'Hei fra den første')).status).toBe(201);
    const receivers = [...visitorEvents.get(chats[0]!.id)!, ...hostEvents.get(hosts[0]!.id)!];
    for (const e of receivers) await e.until((s) => s.named('melding').some((m) => (m.data as { tekst: string }).tekst === 'Hei fra den første'), DELIVERY_MS, 'the message');
    await sleep(300);
    const perMessage = counter.n;
    console.info(`queries for one message with 1,000 streams open: ${perMessage}`);
    expect(perMessage).toBeLessThanOrEqual(10);
    expect(visitorEvents.get(chats[1]!.id)![0]!.named('melding')).toHaveLength(0);

    // Another visitor is answered at once.
    const t0 = performance.now();
    expect((await say(chats[150]!.token, 'Er det noen der?')).status).toBe(201);
    expect(performance.now() - t0).toBeLessThan(1_000);
    await sleep(300);

    // The first in line is taken: every waiting visitor moves up one place, from one read.
    const waiting = chats.slice(100);
    const placeOf = (id: string) => (visitorEvents.get(id)![2]!.named('tilstand').at(-1)?.data as { plass: number | null }).plass;
    const before = new Map(waiting.map((c) => [c.id, placeOf(c.id)!]));
    expect(before.get(waiting[1]!.id)).toBe(before.get(waiting[0]!.id)! + 1);
    counter.n = 0;
    await acceptConversation(db, { id: waiting[0]!.id, hostId: hosts[0]!.id, now: new Date() });
    for (const c of waiting.slice(1)) {
      for (const e of visitorEvents.get(c.id)!) {
        await e.until((s) => (s.named('tilstand').at(-1)?.data as { plass: number }).plass === before.get(c.id)! - 1, DELIVERY_MS, 'the new place');
      }
    }
    await visitorEvents.get(waiting[0]!.id)![0]!.until((s) => (s.named('tilstand').at(-1)?.data as { status: string }).status === 'aktiv', DELIVERY_MS, 'taken');
    await sleep(300);
    const perQueueChange = counter.n;
    console.info(`queries for one queue change with 1,000 streams open: ${perQueueChange}`);
    expect(perQueueChange).toBeLessThanOrEqual(15);
  }, 180_000);
});
