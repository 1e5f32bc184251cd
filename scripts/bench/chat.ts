import { createTestDatabase } from '@/test/test-db';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { addChatHost, type Instance, type Memory, sharedEnv, startInstance } from './chat-instances';
import { cookiesFrom, openSse, request, type SseEvent, type SseStream } from './chat-http';
import { signIn } from './sign-in';
import { type Errors, kindsOf, newErrors, noteError } from './errors';
import { percentile, round } from './stats';

/**
 * Many chats held open at once, and how fast a message crosses from one app instance to another.
 *
 * Two app instances (A and B) run on one fresh PostgreSQL database made from BENCH_DATABASE_URL
 * (skipped without it), with the chat always open. A chat host is added with the operator
 * command (`npm run staff -- add`) and signs in on B through Auth.js's own endpoints (CSRF
 * token, e-mail, password, a TOTP code), as the sign-in form does. Then:
 *
 * 1. Open: `chats` visitors, a few at a time, each start a chat on A (POST /chat/api/samtale,
 *    keeping its `hl_chat` cookie) and open its event stream on A (GET /chat/api/hendelser);
 *    the host takes each one on B (`ta`), and the chat counts as open when its `tilstand`
 *    event on A says `aktiv`. All streams then stay open until the end.
 * 2. Deliver: `messages` host messages at a steady `rate` per second, each to a chat picked at
 *    random, posted on B (`send`) while the visitor's stream is on A. Latency is from the start
 *    of the POST on B until the `melding` event with that text has been read from A's stream,
 *    both timed in this process. `send_answer_ms` is how long B took to answer that POST (the
 *    message stored and announced), for comparison: the event often reaches A before the answer
 *    reaches us, so the two overlap rather than add up.
 *    A message B stored (201) that has not arrived 10 s after the last answer is `lost`; an
 *    event number seen twice on one stream is `duplicated`.
 * 3. Memory of A's server process, each reading right after a full garbage collection in it
 *    (scripts/bench/memory-probe.ts; without one, RSS swings by tens of MB with the collector's
 *    timing): after a warm-up (five chats opened, written in and ended, so code loaded on first
 *    use is not counted), with all chats open, and after the messages. RSS and V8's used heap;
 *    `rss_kb_per_chat` is (with_chats − before) / chats, likewise `heap_kb_per_chat`. RSS
 *    includes what the allocator keeps, so the heap figure is the steadier of the two.
 *
 * Anything that goes wrong is counted in `errors` (with `error_kinds`), never thrown.
 */
export const CHAT_DEFAULTS = { chats: 500, messages: 1000, rate: 50 } as const;
const OPEN_CONCURRENCY = 8;
const WARMUP_CHATS = 5;
const EVENT_TIMEOUT_MS = 30_000;
const DRAIN_MS = 10_000;
const SETTLE_MS = 2_000;
const HOST_ACCOUNT = { email: 'vert@bench.example.org', name: 'Bench Vert', password: 'vinterlys-over-fjorden-7' };

export type ChatOptions = { chats: number; messages: number; rate: number };

type ChatResult = {
  chats: number;
  instances: 2;
  database: 'postgres';
  open_seconds: number | null;
  streams_open_at_end: number;
  messages: number;
  rate_per_s: number;
  latency_ms: { p50: number | null; p99: number | null; max: number | null };
  /** How long B took to answer the host's POST (the message stored and announced). */
  send_answer_ms: { p50: number | null; p99: number | null; max: number | null };
  lost: number;
  duplicated: number;
  rss_mb: { before: number | null; with_chats: number | null; after_messages: number | null };
  rss_kb_per_chat: number | null;
  heap_mb: { before: number | null; with_chats: number | null; after_messages: number | null };
  heap_kb_per_chat: number | null;
  /** False when the instance could not collect garbage first (the readings are plain VmRSS). */
  memory_after_gc: boolean;
  host: 'signed in on B through /api/auth (password + TOTP)';
  errors: number;
  error_kinds?: Record<string, number>;
};
export type ChatReport = ChatResult | { skipped: string } | { chats: number; error: string; error_kinds?: Record<string, number> };

const progress = (message: string) => process.stderr.write(`bench: chat: ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Chat = {
  id: string;
  cookie: string;
  stream: SseStream;
  /** Event numbers of `melding` events seen on the stream. */
  seqs: Set<number>;
};

type Sent = { start: number; chat: Chat; ok: boolean | undefined; seq?: number; answeredAt?: number };


function isState(status: string): (e: SseEvent) => boolean {
  return (e) => {
    if (e.event !== 'tilstand') return false;
    try {
      return (JSON.parse(e.data) as { status?: string }).status === status;
    } catch {
      return false;
    }
  };
}

type Host = { port: number; cookie: string; agent: http.Agent };

async function hostAction(host: Host, body: Record<string, string>): Promise<{ status: number; body: string }> {
  return request(host.port, 'POST', '/staff/chat/api/handling', { body: JSON.stringify(body), cookie: host.cookie, agent: host.agent });
}

/**
 * One visitor on A: start, stream, taken by the host on B, `aktiv` seen on A. `onMessage` gets
 * every `melding` event of the stream; `onEnd` is told if the stream ends.
 */
async function openChat(
  a: Instance,
  host: Host,
  onMessage: (chat: Chat, e: SseEvent, at: number) => void,
  onEnd: (reason: string) => void,
): Promise<Chat> {
  const started = await request(a.port, 'POST', '/chat/api/samtale', { body: '{}' });
  if (started.status !== 201) throw new Error(`start answered ${started.status}`);
  const token = cookiesFrom(started).get('hl_chat');
  if (!token) throw new Error('start set no hl_chat cookie');
  const { id } = JSON.parse(started.body) as { id: string };
  const cookie = `hl_chat=${token}`;
  // Events that come before the stream's handle does wait here for it.
  const opened: { chat?: Chat; early: [SseEvent, number][] } = { early: [] };
  const stream = await openSse(a.port, '/chat/api/hendelser', cookie, {
    onEvent: (e) => {
      if (e.event !== 'melding') return;
      const at = performance.now();
      if (opened.chat) onMessage(opened.chat, e, at);
      else opened.early.push([e, at]);
    },
    onEnd,
  });
  const chat: Chat = { id, cookie, stream, seqs: new Set() };
  opened.chat = chat;
  for (const [e, at] of opened.early) onMessage(chat, e, at);
  try {
    await stream.waitFor((e) => e.event === 'tilstand', EVENT_TIMEOUT_MS);
    const taken = await hostAction(host, { handling: 'ta', id });
    if (taken.status !== 200) throw new Error(`ta answered ${taken.status}`);
    await stream.waitFor(isState('aktiv'), EVENT_TIMEOUT_MS);
  } catch (err) {
    stream.close();
    throw err;
  }
  return chat;
}

/** The whole measurement on two running instances. */
async function run(a: Instance, b: Instance, secret: string, options: ChatOptions, errors: Errors): Promise<ChatResult> {
  const host: Host = { port: b.port, cookie: await signIn(b.port, HOST_ACCOUNT, secret), agent: new http.Agent({ keepAlive: true, maxSockets: 32 }) };
  const chats: Chat[] = [];
  try {
    const sent = new Map<number, Sent>();
    const arrived = new Map<number, { at: number; seq: number }>();
    let duplicated = 0;
    let measuring = false;
    const onMessage = (chat: Chat, e: SseEvent, at: number) => {
      const seq = Number(e.id);
      if (chat.seqs.has(seq)) duplicated++;
      chat.seqs.add(seq);
      let tekst = '';
      try {
        tekst = (JSON.parse(e.data) as { tekst?: string }).tekst ?? '';
      } catch {
        noteError(errors, 'a melding event that is not JSON');
      }
      const k = /^bench (\d+)$/.exec(tekst)?.[1];
      if (k !== undefined && !arrived.has(Number(k))) arrived.set(Number(k), { at, seq });
    };
    const onEnd = (reason: string) => {
      if (measuring) noteError(errors, `a stream ended before the end (${reason})`);
    };

    // Warm-up: every code path once, then ended, so first-use costs are not counted per chat.
    progress(`warming up (${WARMUP_CHATS} chats)…`);
    for (let i = 0; i < WARMUP_CHATS; i++) {
      const chat = await openChat(a, host, () => {}, () => {});
      const reply = await hostAction(host, { handling: 'send', id: chat.id, tekst: 'oppvarming' });
      if (reply.status !== 201) throw new Error(`warm-up send answered ${reply.status}`);
      await chat.stream.waitFor((e) => e.event === 'melding', EVENT_TIMEOUT_MS);
      await request(a.port, 'POST', '/chat/api/avslutt', { body: '{}', cookie: chat.cookie });
      await chat.stream.waitFor(isState('avsluttet'), EVENT_TIMEOUT_MS).catch(() => undefined);
      chat.stream.close();
    }
    await sleep(SETTLE_MS);
    const before = await a.memory();

    progress(`opening ${options.chats} chats on A, taken on B…`);
    measuring = true;
    const openStart = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < options.chats) {
        next++;
        try {
          chats.push(await openChat(a, host, onMessage, onEnd));
        } catch (err) {
          noteError(errors, `opening a chat failed (${(err as Error).message})`);
        }
      }
    };
    await Promise.all(Array.from({ length: OPEN_CONCURRENCY }, worker));
    const openSeconds = (performance.now() - openStart) / 1000;
    progress(`${chats.length} chats open in ${openSeconds.toFixed(1)} s.`);
    await sleep(SETTLE_MS);
    const withChats = await a.memory();

    progress(`${options.messages} host messages on B at ${options.rate}/s to random chats, read on A…`);
    const interval = 1000 / options.rate;
    const sends: Promise<void>[] = [];
    const t0 = performance.now();
    for (let k = 0; k < options.messages && chats.length > 0; k++) {
      const wait = t0 + k * interval - performance.now();
      if (wait > 0) await sleep(wait);
      const chat = chats[Math.floor(Math.random() * chats.length)]!;
      const entry: Sent = { start: performance.now(), chat, ok: undefined };
      sent.set(k, entry);
      sends.push(
        hostAction(host, { handling: 'send', id: chat.id, tekst: `bench ${k}` }).then(
          (reply) => {
            entry.answeredAt = performance.now();
            entry.ok = reply.status === 201;
            if (entry.ok) entry.seq = (JSON.parse(reply.body) as { seq: number }).seq;
            else noteError(errors, `send answered ${reply.status}`);
          },
          (err: Error) => {
            entry.ok = false;
            noteError(errors, `send failed (${err.message})`);
          },
        ),
      );
    }
    await Promise.all(sends);
    const stored = [...sent].filter(([, s]) => s.ok);
    const drainUntil = performance.now() + DRAIN_MS;
    while (stored.some(([k]) => !arrived.has(k)) && performance.now() < drainUntil) await sleep(50);
    const afterMessages = await a.memory();

    const latencies: number[] = [];
    const answers: number[] = [];
    let lost = 0;
    for (const [k, s] of stored) {
      answers.push(s.answeredAt! - s.start);
      const got = arrived.get(k);
      if (!got) {
        lost++;
        continue;
      }
      latencies.push(got.at - s.start);
      if (got.seq !== s.seq) noteError(errors, 'the event number differs from the number B answered');
    }
    latencies.sort((x, y) => x - y);
    answers.sort((x, y) => x - y);
    const streamsOpen = chats.filter((c) => c.stream.open()).length;
    measuring = false;
    const mb = (kb: number | null) => (kb === null ? null : round(kb / 1024, 1));
    const perChat = (field: keyof Omit<Memory, 'collected'>) => {
      const [from, to] = [before[field], withChats[field]];
      return from !== null && to !== null && chats.length > 0 ? round((to - from) / chats.length, 1) : null;
    };
    return {
      chats: chats.length,
      instances: 2,
      database: 'postgres',
      open_seconds: round(openSeconds, 2),
      streams_open_at_end: streamsOpen,
      messages: stored.length,
      rate_per_s: options.rate,
      latency_ms: { p50: round(percentile(latencies, 50), 1), p99: round(percentile(latencies, 99), 1), max: round(latencies.at(-1) ?? null, 1) },
      send_answer_ms: { p50: round(percentile(answers, 50), 1), p99: round(percentile(answers, 99), 1), max: round(answers.at(-1) ?? null, 1) },
      lost,
      duplicated,
      rss_mb: { before: mb(before.rss_kb), with_chats: mb(withChats.rss_kb), after_messages: mb(afterMessages.rss_kb) },
      rss_kb_per_chat: perChat('rss_kb'),
      heap_mb: { before: mb(before.heap_used_kb), with_chats: mb(withChats.heap_used_kb), after_messages: mb(afterMessages.heap_used_kb) },
      heap_kb_per_chat: perChat('heap_used_kb'),
      memory_after_gc: before.collected && withChats.collected && afterMessages.collected,
      host: 'signed in on B through /api/auth (password + TOTP)',
      errors: errors.count,
      ...(errors.kinds.size ? { error_kinds: kindsOf(errors) } : {}),
    };
  } finally {
    for (const chat of chats) chat.stream.close();
    host.agent.destroy();
  }
}

/** The chat section of the report; a failure is reported in its place, never thrown. */
export async function measureChat(options: ChatOptions): Promise<ChatReport> {
  const admin = process.env.BENCH_DATABASE_URL;
  if (!admin) return { skipped: 'needs BENCH_DATABASE_URL' };
  const errors: Errors = newErrors();
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  try {
    db = await createTestDatabase(admin);
  } catch (err) {
    return { chats: options.chats, error: `could not create a database from BENCH_DATABASE_URL (${(err as Error).message})` };
  }
  const instances: Instance[] = [];
  try {
    const env = sharedEnv(db.url);
    // One after the other, so that only the first may build.
    progress('starting instance A (it builds first when the sources changed)…');
    const a = await startInstance('A', env);
    instances.push(a);
    await a.ready();
    progress('starting instance B…');
    const b = await startInstance('B', env);
    instances.push(b);
    await b.ready();
    progress(`A on port ${a.port} (pid ${a.pid}), B on port ${b.port}; adding a chat host…`);
    const secret = await addChatHost(env, HOST_ACCOUNT);
    return await run(a, b, secret, options, errors);
  } catch (err) {
    progress((err as Error).message);
    return { chats: options.chats, error: `measurement failed (${(err as Error).message})`, ...(errors.kinds.size ? { error_kinds: kindsOf(errors) } : {}) };
  } finally {
    progress('stopping the instances…');
    await Promise.all(instances.map((i) => i.stop()));
    await db.drop().catch((err: Error) => progress(`could not drop ${db.name} (${err.message})`));
  }
}
