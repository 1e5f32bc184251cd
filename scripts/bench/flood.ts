import { createTestDatabase } from '@/test/test-db';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { addChatHost, type Instance, sharedEnv, startInstance } from './chat-instances';
import { cookiesFrom, openSse, request, type SseEvent, type SseStream, StreamRefused } from './chat-http';
import { type PgCounter, startPgCounter, throughCounter } from './pg-counter';
import { eachLimited } from './each-limited';
import { type BenchAccount, setAvailable, signIn } from './sign-in';
import { type Errors, kindsOf, newErrors, noteError } from './errors';
import { percentile, ratio, round } from './stats';

/**
 * The chat held at its limits, and under a flood (issue "Hold under attack").
 *
 * One app instance on a fresh PostgreSQL database made from BENCH_DATABASE_URL (skipped
 * without it), with SSE_MAX_STREAMS = `streams` (default 1,000). Its database connections go
 * through a counting relay (scripts/bench/pg-counter.ts), so every statement the instance sends
 * is counted on the wire. Then:
 *
 * 1. Limits: `chats` visitors (default 300) start a chat; chat hosts (added with the operator
 *    command, signed in through Auth.js) take three chats each, the rest wait in the queue. One
 *    chat cookie asks for 50 streams at once (`one_cookie_50_streams`: the accepted and the 429s);
 *    every other chat opens three, and the hosts open the rest, until the instance holds
 *    `streams`. One stream more is asked for (`next_stream_status`, 503 expected). Memory (after a
 *    full garbage collection in the instance) before the streams and at the limit, and per stream.
 * 2. Statements: the instance's idle rate over 10 s (periodic checks), then 20 visitor messages,
 *    one at a time, each until all three of its chat's streams have it; `per_message` is the
 *    statements counted in that window, less the idle rate, per message. Then one queue change
 *    (a host takes the first waiting chat) until the last visitor in line sees the new place:
 *    `per_queue_change`. Both with every stream open.
 * 3. Another visitor's message: `probes` (20) waiting visitors each send a message every 2.5 s
 *    (under the limit of 30 a minute) for `seconds` (default 15) while nothing else happens
 *    (`quiet`), then for as long again during a flood (`flood`): visitor messages into random
 *    chats at `rate` a second (default 50: 300 chats each writing every six seconds) and host
 *    messages at a tenth of that, each sent on time whatever the answers do; 4 workers asking
 *    for more streams on one cookie as fast as they are refused; and a queue change every second
 *    (each tells every waiting stream its new place). The answer time of each probe message:
 *    p50, p99, max, how many took over a second, their ratio to the quiet window, and the
 *    flood's own requests per second, answers, and the instance's CPU time per request (from
 *    /proc, so it does not grow when other programs take the cores).
 *
 * Anything that goes wrong is counted in `errors` (with `error_kinds`), never thrown.
 */
export const FLOOD_DEFAULTS = { chats: 300, streams: 1000, seconds: 15, rate: 50 } as const;
const PER_HOLDER = 3; // lib/chat/stream-slots.ts STREAMS_PER_HOLDER, asserted by the report's first figure
const OPEN_CONCURRENCY = 16;
const EVENT_TIMEOUT_MS = 30_000;
const IDLE_SECONDS = 10;
const COUNTED_MESSAGES = 20;
const PROBES = 20;
const PROBE_INTERVAL_MS = 2_500;
const MAX_IN_FLIGHT = 256;
const STREAM_WORKERS = 4;

export type FloodOptions = { chats: number; streams: number; seconds: number; rate: number };

type Latency = { samples: number; p50: number | null; p99: number | null; max: number | null; over_1s: number };

type FloodResult = {
  instances: 1;
  database: 'postgres';
  chats: number;
  hosts: number;
  limit_per_instance: number;
  one_cookie_50_streams: { accepted: number; refused_429: number; other: number };
  streams_held: number;
  next_stream_status: number | null;
  memory: { rss_mb_before: number | null; rss_mb_at_limit: number | null; heap_mb_before: number | null; heap_mb_at_limit: number | null; heap_kb_per_stream: number | null; after_gc: boolean };
  statements: {
    counted: 'Query and Execute messages on the wire, every connection of the instance';
    idle_per_s: number | null;
    per_message: number | null;
    per_message_raw: number | null;
    per_queue_change: number | null;
    per_queue_change_raw: number | null;
  };
  other_visitor_answer_ms: { quiet: Latency; flood: Latency; p99_flood_over_quiet: number | null };
  /** The instance's CPU time per probe message in the quiet window (everything it did, idle work included). */
  quiet_cpu_ms_per_message: number | null;
  flood: {
    message_rate_per_s: number;
    requests_per_s: number | null;
    instance_cpu_ms_per_request: number | null;
    requests_per_core_s: number | null;
    answers: Record<string, number>;
  };
  errors: number;
  error_kinds?: Record<string, number>;
};
export type FloodReport = FloodResult | { skipped: string } | { error: string; error_kinds?: Record<string, number> };

const progress = (message: string) => process.stderr.write(`bench: flood: ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));


type Chat = { id: string; cookie: string; streams: SseStream[]; place: number | null };
type Host = { cookie: string; chats: Chat[]; streams: SseStream[] };

const agent = () => new http.Agent({ keepAlive: true, maxSockets: 64 });

function parse(e: SseEvent): Record<string, unknown> {
  try {
    return JSON.parse(e.data) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function summarise(latencies: number[]): Latency {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    p50: round(percentile(sorted, 50), 1),
    p99: round(percentile(sorted, 99), 1),
    max: round(sorted.at(-1) ?? null, 1),
    over_1s: sorted.filter((ms) => ms > 1_000).length,
  };
}

class Flood {
  readonly messages = agent();
  readonly errors: Errors = newErrors();
  readonly chats: Chat[] = [];
  readonly hosts: Host[] = [];
  private readonly all: SseStream[] = [];

  constructor(
    readonly app: Instance,
    readonly counter: PgCounter,
  ) {}

  get port() {
    return this.app.port;
  }

  async startChat(): Promise<Chat> {
    const started = await request(this.port, 'POST', '/chat/api/samtale', { body: '{}', agent: this.messages });
    if (started.status !== 201) throw new Error(`start answered ${started.status}`);
    const token = cookiesFrom(started).get('hl_chat');
    if (!token) throw new Error('start set no hl_chat cookie');
    return { id: (JSON.parse(started.body) as { id: string }).id, cookie: `hl_chat=${token}`, streams: [], place: null };
  }

  /** A visitor stream that keeps the chat's queue place up to date. */
  async visitorStream(chat: Chat): Promise<SseStream> {
    const stream = await openSse(this.port, '/chat/api/hendelser', chat.cookie, {
      onEvent: (e) => {
        if (e.event !== 'tilstand') return;
        const place = parse(e).plass;
        chat.place = typeof place === 'number' ? place : null;
      },
      onEnd: () => {},
    });
    chat.streams.push(stream);
    this.all.push(stream);
    return stream;
  }

  async hostStream(host: Host): Promise<void> {
    const stream = await openSse(this.port, '/staff/chat/api/hendelser', host.cookie, { onEvent: () => {}, onEnd: () => {} });
    host.streams.push(stream);
    this.all.push(stream);
  }

  hostAction(host: Host, body: Record<string, string>) {
    return request(this.port, 'POST', '/staff/chat/api/handling', { body: JSON.stringify(body), cookie: host.cookie, agent: this.messages });
  }

  say(chat: Chat, text: string) {
    return request(this.port, 'POST', '/chat/api/meldinger', { body: JSON.stringify({ body: text }), cookie: chat.cookie, agent: this.messages });
  }

  openStreams(): number {
    return this.all.filter((s) => s.open()).length;
  }

  closeAll(): void {
    for (const s of this.all) s.close();
    this.messages.destroy();
  }

  /** Statements counted while `work` runs, with the idle rate taken off. */
  async statementsDuring(work: () => Promise<void>, idlePerMs: number | null): Promise<{ raw: number; net: number | null }> {
    const before = this.counter.statements();
    const t0 = performance.now();
    await work();
    await sleep(300); // fan-out still in flight
    const raw = this.counter.statements() - before;
    const elapsed = performance.now() - t0;
    return { raw, net: idlePerMs === null ? null : Math.max(0, raw - idlePerMs * elapsed) };
  }
}

/** Hosts, chats and streams up to the instance's limit. */
async function fillToLimit(f: Flood, env: NodeJS.ProcessEnv, options: FloodOptions) {
  const visitorStreams = Math.min(options.streams, options.chats * PER_HOLDER);
  const hostCount = Math.max(1, Math.ceil((options.streams - visitorStreams) / PER_HOLDER));
  progress(`adding and signing in ${hostCount} chat hosts…`);
  const accounts: BenchAccount[] = Array.from({ length: hostCount }, (_, i) => ({ email: `vert${i}@bench.example.org`, name: `Bench Vert ${i}`, password: 'vinterlys-over-fjorden-7' }));
  await eachLimited(accounts, 4, async (account) => {
    const secret = await addChatHost(env, account);
    const cookie = await signIn(f.port, account, secret);
    // Room for the queue changes below, on top of the three each host takes (db/queries/chat-presence.ts).
    await setAvailable(f.port, cookie, 5);
    f.hosts.push({ cookie, chats: [], streams: [] });
  });

  progress(`starting ${options.chats} chats; each host takes three…`);
  const started: Chat[] = new Array(options.chats);
  await eachLimited(started, OPEN_CONCURRENCY, async (_, i) => {
    started[i] = await f.startChat();
  });
  f.chats.push(...started);
  for (const [i, host] of f.hosts.entries()) {
    for (const chat of f.chats.slice(i * PER_HOLDER, (i + 1) * PER_HOLDER)) {
      const taken = await f.hostAction(host, { handling: 'ta', id: chat.id });
      if (taken.status !== 200) throw new Error(`ta answered ${taken.status}`);
      host.chats.push(chat);
    }
  }
  await sleep(1_000);
  const before = await f.app.memory();

  progress('one chat cookie asks for 50 streams at once…');
  const first = f.chats[0]!;
  const tries = await Promise.allSettled(Array.from({ length: 50 }, () => f.visitorStream(first)));
  const refusedWith = (status: number) => tries.filter((t) => t.status === 'rejected' && t.reason instanceof StreamRefused && t.reason.status === status).length;
  const oneCookie = { accepted: tries.filter((t) => t.status === 'fulfilled').length, refused_429: refusedWith(429), other: 0 };
  oneCookie.other = 50 - oneCookie.accepted - oneCookie.refused_429;

  progress(`opening streams up to ${options.streams}…`);
  const wanted = f.chats.slice(1).flatMap((chat) => Array.from({ length: PER_HOLDER }, () => chat));
  const visitorLeft = Math.max(0, visitorStreams - first.streams.length);
  await eachLimited(wanted.slice(0, visitorLeft), OPEN_CONCURRENCY, async (chat) => {
    await f.visitorStream(chat).catch((err: Error) => noteError(f.errors, `a visitor stream was refused (${err.message})`));
  });
  let hostLeft = options.streams - f.openStreams();
  for (const host of f.hosts) {
    for (let k = 0; k < PER_HOLDER && hostLeft > 0; k++, hostLeft--) {
      await f.hostStream(host).catch((err: Error) => noteError(f.errors, `a host stream was refused (${err.message})`));
    }
  }
  for (const s of [...f.chats.flatMap((c) => c.streams), ...f.hosts.flatMap((h) => h.streams)]) {
    await s.waitFor(() => true, EVENT_TIMEOUT_MS).catch(() => noteError(f.errors, 'a stream sent no first event'));
  }
  const held = f.openStreams();
  const extra = await f.startChat();
  const next = await f.visitorStream(extra).then(
    (s) => {
      s.close();
      return 200;
    },
    (err: unknown) => (err instanceof StreamRefused ? err.status : null),
  );
  await sleep(1_000);
  const atLimit = await f.app.memory();
  progress(`${held} streams held; the next one answered ${next}.`);
  return { hostCount, oneCookie, held, next, before, atLimit };
}

/** Statements per message and per queue change with every stream open. */
async function countStatements(f: Flood) {
  progress(`counting the idle rate for ${IDLE_SECONDS} s…`);
  const idleStart = f.counter.statements();
  await sleep(IDLE_SECONDS * 1_000);
  const idlePerMs = (f.counter.statements() - idleStart) / (IDLE_SECONDS * 1_000);

  progress(`${COUNTED_MESSAGES} visitor messages, one at a time…`);
  const active = f.hosts.flatMap((h) => h.chats).filter((c) => c.streams.length > 0);
  const messages = await f.statementsDuring(async () => {
    for (let k = 0; k < COUNTED_MESSAGES; k++) {
      const chat = active[k % active.length]!;
      const text = `telling ${k}`;
      const sent = await f.say(chat, text);
      if (sent.status !== 201) {
        noteError(f.errors, `a counted message answered ${sent.status}`);
        continue;
      }
      await Promise.all(chat.streams.map((s) => s.waitFor((e) => e.event === 'melding' && parse(e).tekst === text, EVENT_TIMEOUT_MS))).catch(() =>
        noteError(f.errors, 'a counted message did not reach every stream of its chat'),
      );
    }
  }, idlePerMs);

  progress('one queue change…');
  const waiting = f.chats.filter((c) => c.place !== null && c.streams.length > 0).sort((a, b) => a.place! - b.place!);
  let queue: { raw: number; net: number | null } | null = null;
  if (waiting.length >= 2) {
    const last = waiting.at(-1)!;
    const lastPlace = last.place!;
    queue = await f.statementsDuring(async () => {
      const taken = await f.hostAction(f.hosts[0]!, { handling: 'ta', id: waiting[0]!.id });
      if (taken.status !== 200) noteError(f.errors, `the queue change answered ${taken.status}`);
      await Promise.all(last.streams.map((s) => s.waitFor((e) => e.event === 'tilstand' && parse(e).plass === lastPlace - 1, EVENT_TIMEOUT_MS))).catch(() =>
        noteError(f.errors, 'the last in line never saw the new place'),
      );
    }, idlePerMs);
    f.hosts[0]!.chats.push(waiting[0]!);
  }
  const per = (n: number | null) => (n === null ? null : round(n / COUNTED_MESSAGES, 2));
  return {
    idle_per_s: round(idlePerMs * 1_000, 2),
    per_message: per(messages.net),
    per_message_raw: per(messages.raw),
    per_queue_change: queue ? round(queue.net, 1) : null,
    per_queue_change_raw: queue?.raw ?? null,
  };
}

/** Probe visitors' answer times for `seconds`; `during` runs beside them and is stopped after. */
async function probe(f: Flood, probes: Chat[], seconds: number, label: string): Promise<number[]> {
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1_000;
  await Promise.all(
    probes.map(async (chat, i) => {
      await sleep((i * PROBE_INTERVAL_MS) / probes.length);
      for (let k = 0; performance.now() < until; k++) {
        const t0 = performance.now();
        const reply = await f.say(chat, `${label} ${i}.${k}`).catch(() => null);
        if (reply?.status === 201) latencies.push(performance.now() - t0);
        else noteError(f.errors, `a probe message answered ${reply?.status ?? 'nothing'}`);
        const wait = t0 + PROBE_INTERVAL_MS - performance.now();
        if (wait > 0) await sleep(wait);
      }
    }),
  );
  return latencies;
}

/**
 * Everything an attacker and a busy evening throw at the instance at once, until `stop()`:
 * visitor messages into random chats at `rate` a second and host messages at a tenth of it (both
 * sent on time whatever the answers do, up to MAX_IN_FLIGHT unanswered; one that would go past
 * that is counted as `behind`), STREAM_WORKERS asking for more streams on one cookie as fast as
 * they are refused, and a queue change every second.
 */
function startFlood(f: Flood, targets: Chat[], rate: number) {
  const answers = new Map<string, number>();
  const note = (what: string) => answers.set(what, (answers.get(what) ?? 0) + 1);
  let running = true;
  let requests = 0;
  let inFlight = 0;
  const t0 = performance.now();
  const cpu0 = f.app.cpuMs();
  const workers: Promise<void>[] = [];
  const paced = (perSecond: number, send: (k: number) => Promise<{ status: number } | null>, label: string) =>
    (async () => {
      const sent: Promise<void>[] = [];
      const start = performance.now();
      for (let k = 0; running; k++) {
        const wait = start + (k * 1_000) / perSecond - performance.now();
        if (wait > 0) await sleep(wait);
        if (!running) break;
        if (inFlight >= MAX_IN_FLIGHT) {
          note(`${label} behind`);
          continue;
        }
        inFlight++;
        sent.push(
          send(k)
            .catch(() => null)
            .then((reply) => {
              inFlight--;
              requests++;
              note(`${label} ${reply?.status ?? 'feil'}`);
            }),
        );
      }
      await Promise.all(sent);
    })();
  workers.push(paced(rate, (k) => f.say(targets[Math.floor(Math.random() * targets.length)]!, `flom ${k}`), 'melding'));
  workers.push(
    paced(
      rate / 10,
      (k) => {
        const host = f.hosts[k % f.hosts.length]!;
        const chat = host.chats[Math.floor(k / f.hosts.length) % Math.max(1, host.chats.length)];
        return chat ? f.hostAction(host, { handling: 'send', id: chat.id, tekst: `svar ${k}` }) : Promise.resolve(null);
      },
      'vert',
    ),
  );
  const attacker = f.chats[0]!;
  for (let w = 0; w < STREAM_WORKERS; w++) {
    workers.push(
      (async () => {
        while (running) {
          const status = await f.visitorStream(attacker).then(
            (s) => {
              s.close();
              return 200;
            },
            (err: unknown) => (err instanceof StreamRefused ? err.status : 'feil'),
          );
          requests++;
          note(`strøm ${status}`);
        }
      })(),
    );
  }
  workers.push(
    (async () => {
      let h = 0;
      while (running) {
        await sleep(1_000);
        const next = targets.filter((c) => c.place !== null).sort((a, b) => a.place! - b.place!)[0];
        if (!next || !running) continue;
        const host = f.hosts[h++ % f.hosts.length]!;
        const reply = await f.hostAction(host, { handling: 'ta', id: next.id }).catch(() => null);
        requests++;
        note(`køendring ${reply?.status ?? 'feil'}`);
        if (reply?.status === 200) host.chats.push(next);
      }
    })(),
  );
  return async () => {
    running = false;
    await Promise.all(workers);
    const seconds = (performance.now() - t0) / 1_000;
    const cpu1 = f.app.cpuMs();
    const cpu = cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : null;
    return {
      message_rate_per_s: rate,
      requests_per_s: round(requests / seconds, 1),
      instance_cpu_ms_per_request: cpu === null || requests === 0 ? null : round(cpu / requests, 2),
      // What one core could answer at that cost: the rate beyond which the instance falls behind.
      requests_per_core_s: cpu === null || cpu === 0 ? null : round((requests * 1_000) / cpu, 0),
      answers: Object.fromEntries([...answers].sort()),
    };
  };
}

async function run(f: Flood, env: NodeJS.ProcessEnv, options: FloodOptions): Promise<FloodResult> {
  const limits = await fillToLimit(f, env, options);
  const statements = await countStatements(f);
  const probes = f.chats.filter((c) => c.place !== null).slice(-PROBES);
  const targets = f.chats.slice(1).filter((c) => !probes.includes(c));

  progress(`another visitor's messages for ${options.seconds} s, quiet…`);
  const cpuQuiet0 = f.app.cpuMs();
  const quiet = await probe(f, probes, options.seconds, 'stille');
  const cpuQuiet1 = f.app.cpuMs();
  progress(`…and for ${options.seconds} s during a flood…`);
  const stop = startFlood(f, targets, options.rate);
  const flooded = await probe(f, probes, options.seconds, 'under flom');
  const flood = await stop();

  const mb = (kb: number | null) => (kb === null ? null : round(kb / 1024, 1));
  const { before, atLimit } = limits;
  const heapPerStream =
    before.heap_used_kb !== null && atLimit.heap_used_kb !== null && limits.held > 0 ? round((atLimit.heap_used_kb - before.heap_used_kb) / limits.held, 1) : null;
  const q = summarise(quiet);
  const fl = summarise(flooded);
  return {
    instances: 1,
    database: 'postgres',
    chats: f.chats.length,
    hosts: limits.hostCount,
    limit_per_instance: options.streams,
    one_cookie_50_streams: limits.oneCookie,
    streams_held: limits.held,
    next_stream_status: limits.next,
    memory: {
      rss_mb_before: mb(before.rss_kb),
      rss_mb_at_limit: mb(atLimit.rss_kb),
      heap_mb_before: mb(before.heap_used_kb),
      heap_mb_at_limit: mb(atLimit.heap_used_kb),
      heap_kb_per_stream: heapPerStream,
      after_gc: before.collected && atLimit.collected,
    },
    statements: { counted: 'Query and Execute messages on the wire, every connection of the instance', ...statements },
    other_visitor_answer_ms: { quiet: q, flood: fl, p99_flood_over_quiet: round(ratio(fl.p99, q.p99), 2) },
    quiet_cpu_ms_per_message: cpuQuiet0 !== null && cpuQuiet1 !== null && quiet.length > 0 ? round((cpuQuiet1 - cpuQuiet0) / quiet.length, 2) : null,
    flood,
    errors: f.errors.count,
    ...(f.errors.kinds.size ? { error_kinds: kindsOf(f.errors) } : {}),
  };
}

/** The flood section of the report; a failure is reported in its place, never thrown. */
export async function measureFlood(options: FloodOptions): Promise<FloodReport> {
  const admin = process.env.BENCH_DATABASE_URL;
  if (!admin) return { skipped: 'needs BENCH_DATABASE_URL' };
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  try {
    db = await createTestDatabase(admin);
  } catch (err) {
    return { error: `could not create a database from BENCH_DATABASE_URL (${(err as Error).message})` };
  }
  const target = new URL(db.url);
  const counter = await startPgCounter({ host: target.hostname, port: Number(target.port || 5432) });
  let app: Instance | undefined;
  let f: Flood | undefined;
  try {
    const env = { ...sharedEnv(throughCounter(db.url, counter)), SSE_MAX_STREAMS: String(options.streams) };
    progress('starting the instance (it builds first when the sources changed)…');
    app = await startInstance('F', env);
    await app.ready();
    f = new Flood(app, counter);
    return await run(f, env, options);
  } catch (err) {
    progress((err as Error).message);
    return { error: `measurement failed (${(err as Error).message})`, ...(f?.errors.kinds.size ? { error_kinds: kindsOf(f.errors) } : {}) };
  } finally {
    progress('stopping…');
    f?.closeAll();
    await app?.stop();
    await counter.close();
    await db.drop().catch((err: Error) => progress(`could not drop ${db.name} (${err.message})`));
  }
}
