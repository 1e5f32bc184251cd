import { createTestDatabase } from '@/test/test-db';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { addChatHost, type Instance, type Memory, sharedEnv, startInstance } from './chat-instances';
import { type Chat, type Host, openChats, warmUp } from './chat-open';
import { drain, newArrivals, sendMessages, sleep, tally } from './chat-deliver';
import { startTransfers } from './chat-transfer';
import { eachLimited } from './each-limited';
import { setAvailable, signIn } from './sign-in';
import { type Errors, kindsOf, newErrors, noteError } from './errors';
import { percentile, round } from './stats';

/**
 * Many chats held open at once, and how fast a message crosses from one app instance to another.
 *
 * Two app instances (A and B) run on one fresh PostgreSQL database made from BENCH_DATABASE_URL
 * (skipped without it), with the chat always open. Chat hosts are added with the operator
 * command (`npm run staff -- add`), one per four chats, and sign in on B through Auth.js's own
 * endpoints (CSRF token, e-mail, password, a TOTP code), as the sign-in form does; each sets
 * a limit of five chats at once in the console's own setting, leaving one place for handovers.
 * 1. Open: `chats` visitors, a few at a time, each start a chat on A (POST /chat/api/samtale,
 *    keeping its `hl_chat` cookie) and open its event stream on A (GET /chat/api/hendelser);
 *    the hosts take them in turn on B (`ta`), and the chat counts as open when its `tilstand`
 *    event on A says `aktiv`. All streams then stay open until the end.
 * 2. Deliver: `messages` host messages at a steady `rate` per second, each to a chat picked at
 *    random from nine tenths of them, posted on B (`send`) by its host while the visitor's
 *    stream is on A. Meanwhile the other tenth are handed warm from host to host, ten a second
 *    (./chat-transfer.ts): `transfers` counts them and times their answers. Latency is from the start
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
 *
 * This module starts the instances and the host and puts the report together; opening the
 * chats is in ./chat-open.ts, sending and timing the messages in ./chat-deliver.ts.
 */
export const CHAT_DEFAULTS = { chats: 500, messages: 1000, rate: 50 } as const;
const OPEN_CONCURRENCY = 8;
const WARMUP_CHATS = 5;
const SETTLE_MS = 2_000;
const PASSWORD = 'vinterlys-over-fjorden-7';
/** Each host may hold five chats at once (the most the console allows) and is given four: one free place each for handovers. */
const HOST_LIMIT = 5;
const CHATS_PER_HOST = 4;
/** A tenth of the chats get no messages and are handed from host to host instead, ten times a second. */
const TRANSFER_SHARE = 0.1;
const TRANSFER_EVERY_MS = 100;

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
  hosts: number;
  /** Warm handovers on B while the messages flowed, to chats that got no messages. */
  transfers: { done: number; none_free: number; answer_ms: { p50: number | null; p99: number | null; max: number | null } };
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

type Memories = Record<'before' | 'withChats' | 'afterMessages', Memory>;

/** The whole measurement on two running instances. */
async function run(a: Instance, b: Instance, env: NodeJS.ProcessEnv, options: ChatOptions, errors: Errors): Promise<ChatResult> {
  const count = Math.max(2, Math.ceil(options.chats / CHATS_PER_HOST));
  progress(`adding and signing in ${count} chat hosts on B (up to ${HOST_LIMIT} chats each)…`);
  const hosts: Host[] = [];
  await eachLimited(Array.from({ length: count }, (_, i) => i), 4, async (i) => {
    const account = { email: `vert${i}@bench.example.org`, name: `Bench Vert ${i}`, password: PASSWORD };
    const secret = await addChatHost(env, account);
    const cookie = await signIn(b.port, account, secret);
    await setAvailable(b.port, cookie, HOST_LIMIT);
    hosts.push({ name: account.name, port: b.port, cookie, agent: new http.Agent({ keepAlive: true, maxSockets: 4 }) });
  });
  const chats: Chat[] = [];
  try {
    const arrivals = newArrivals(errors);
    let measuring = false;
    const onEnd = (reason: string) => {
      if (measuring) noteError(errors, `a stream ended before the end (${reason})`);
    };

    progress(`warming up (${WARMUP_CHATS} chats)…`);
    await warmUp(a, hosts[0]!, WARMUP_CHATS);
    await sleep(SETTLE_MS);
    const before = await a.memory();

    progress(`opening ${options.chats} chats on A, taken on B…`);
    measuring = true;
    const openStart = performance.now();
    await openChats(a, hosts, { count: options.chats, concurrency: OPEN_CONCURRENCY }, chats, { onMessage: arrivals.onMessage, onEnd }, errors);
    const openSeconds = (performance.now() - openStart) / 1000;
    progress(`${chats.length} chats open in ${openSeconds.toFixed(1)} s.`);
    await sleep(SETTLE_MS);
    const withChats = await a.memory();

    const pool = chats.slice(chats.length - Math.floor(chats.length * TRANSFER_SHARE));
    const written = chats.slice(0, chats.length - pool.length);
    progress(`${options.messages} host messages on B at ${options.rate}/s to ${written.length} chats, read on A, while ${pool.length} chats are handed between hosts…`);
    // Seen just now: each host counts as present (db/queries/chat-presence.ts) for the handovers.
    await eachLimited(hosts, 8, (h) => setAvailable(b.port, h.cookie, HOST_LIMIT));
    const stopTransfers = startTransfers(pool, hosts, TRANSFER_EVERY_MS, errors);
    const sent = await sendMessages(written, options, errors);
    const transfers = await stopTransfers();
    const stored = [...sent].filter(([, s]) => s.ok);
    await drain(stored, arrivals.arrived);
    const afterMessages = await a.memory();

    const { latencies, answers, lost } = tally(stored, arrivals.arrived, errors);
    const streamsOpen = chats.filter((c) => c.stream.open()).length;
    measuring = false;
    return {
      chats: chats.length,
      instances: 2,
      database: 'postgres',
      open_seconds: round(openSeconds, 2),
      streams_open_at_end: streamsOpen,
      messages: stored.length,
      rate_per_s: options.rate,
      latency_ms: spread(latencies),
      send_answer_ms: spread(answers),
      hosts: hosts.length,
      transfers: { done: transfers.done, none_free: transfers.none_free, answer_ms: spread([...transfers.answers].sort((x, y) => x - y)) },
      lost,
      duplicated: arrivals.duplicated,
      ...memoryFigures({ before, withChats, afterMessages }, chats.length),
      host: 'signed in on B through /api/auth (password + TOTP)',
      errors: errors.count,
      ...(errors.kinds.size ? { error_kinds: kindsOf(errors) } : {}),
    };
  } finally {
    for (const chat of chats) chat.stream.close();
    for (const h of hosts) h.agent.destroy();
  }
}

/** p50, p99 and maximum of sorted times, in ms to one decimal. */
function spread(sorted: number[]): ChatResult['latency_ms'] {
  return { p50: round(percentile(sorted, 50), 1), p99: round(percentile(sorted, 99), 1), max: round(sorted.at(-1) ?? null, 1) };
}

/** The three memory readings in MB, and what each open chat added. */
function memoryFigures(
  { before, withChats, afterMessages }: Memories,
  chats: number,
): Pick<ChatResult, 'rss_mb' | 'rss_kb_per_chat' | 'heap_mb' | 'heap_kb_per_chat' | 'memory_after_gc'> {
  const mb = (kb: number | null) => (kb === null ? null : round(kb / 1024, 1));
  const perChat = (field: keyof Omit<Memory, 'collected'>) => {
    const [from, to] = [before[field], withChats[field]];
    return from !== null && to !== null && chats > 0 ? round((to - from) / chats, 1) : null;
  };
  return {
    rss_mb: { before: mb(before.rss_kb), with_chats: mb(withChats.rss_kb), after_messages: mb(afterMessages.rss_kb) },
    rss_kb_per_chat: perChat('rss_kb'),
    heap_mb: { before: mb(before.heap_used_kb), with_chats: mb(withChats.heap_used_kb), after_messages: mb(afterMessages.heap_used_kb) },
    heap_kb_per_chat: perChat('heap_used_kb'),
    memory_after_gc: before.collected && withChats.collected && afterMessages.collected,
  };
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
    progress(`A on port ${a.port} (pid ${a.pid}), B on port ${b.port}.`);
    return await run(a, b, env, options, errors);
  } catch (err) {
    progress((err as Error).message);
    return { chats: options.chats, error: `measurement failed (${(err as Error).message})`, ...(errors.kinds.size ? { error_kinds: kindsOf(errors) } : {}) };
  } finally {
    progress('stopping the instances…');
    await Promise.all(instances.map((i) => i.stop()));
    await db.drop().catch((err: Error) => progress(`could not drop ${db.name} (${err.message})`));
  }
}
