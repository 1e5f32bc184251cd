import dgram from 'node:dgram';
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { log } from '@/lib/log';

export type CountListener = { close: () => Promise<void> };

/** Identical lines read in one round, each once with how many times it came. */
type CountBatch = [line: string, times: number][];

/** What the listener's thread tells the app (lib/server/count-worker.ts). */
export type FromCountThread =
  | { type: 'ready' }
  | { type: 'refused'; code: string }
  | { type: 'lines'; batch: CountBatch }
  | { type: 'closed'; dropped: number };

/** How long the socket must be quiet before it closes, and the longest a close waits for that. */
const QUIET_MS = 50;
const DRAIN_MAX_MS = 1000;
/** The longest the app waits for the listener's thread to hand over its last lines. */
const CLOSE_MAX_MS = 3000;

/**
 * The lines are read in rounds, not as each one arrives: each round the socket reads what
 * waits in the kernel, until a turn of the event loop brings no more, and then rests. Woken
 * for every line (some 20,000 a second behind a busy nginx on two cores), the app took a third
 * of the recipe's throughput; read in rounds, a good deal less (README, "Behind nginx").
 * The kernel keeps the lines meanwhile, in a receive buffer asked to be RECEIVE_BUFFER bytes
 * (Linux gives at most net.core.rmem_max, often 208 KiB). A round comes soon enough for the
 * buffer to be at most a quarter full at the rate of the last round, `LINE_BYTES` a line as the
 * kernel counts them, and at least every MAX_ROUND_MS.
 */
const RECEIVE_BUFFER = 4 * 1024 * 1024;
const LINE_BYTES = 2048;
const MIN_ROUND_MS = 5;
const MAX_ROUND_MS = 100;

/** The time to the next round: a quarter of the buffer at the last round's rate, within the bounds. */
export function nextRoundMs(bufferBytes: number, lines: number, elapsedMs: number): number {
  if (lines === 0) return MAX_ROUND_MS;
  const fillsInMs = ((bufferBytes / LINE_BYTES) * elapsedMs) / lines;
  return Math.min(MAX_ROUND_MS, Math.max(MIN_ROUND_MS, Math.floor(fillsInMs / 4)));
}

type UdpHandle = { recvStart: () => number; recvStop: () => number };

/**
 * Listens for the nginx recipe's count lines on 127.0.0.1:`port` (UDP, loopback only), in a
 * thread of its own, and hands `onLine` each line with how many times it came. Rejects when the
 * port cannot be bound. `close` waits for the lines nginx sent just before the stop.
 *
 * The socket is read in its own thread so that a page the app renders meanwhile, holding the
 * app's event loop for tens of milliseconds, never lets the kernel's buffer run over: read in
 * the app's thread, some lines in a few hundred were dropped that way under load (README,
 * "Behind nginx"). The thread only reads; the lines are read and counted here.
 */
export function listenForCountLines(port: number, onLine: (line: string, times: number) => void): Promise<CountListener> {
  // Node starts a thread's file without the TypeScript loader the app runs under; this plain
  // file loads the listener's own through tsx (count-worker.mjs).
  const worker = new Worker(new URL('./count-worker.mjs', import.meta.url), { workerData: { port } });
  worker.unref();
  let closed: ((dropped: number) => void) | undefined;
  return new Promise((resolve, reject) => {
    let ready = false;
    worker.on('error', (error) => {
      if (!ready) reject(error);
      else log.error('stats.count_listener_failed', { name: error.name });
    });
    worker.on('exit', () => closed?.(0));
    worker.on('message', (message: FromCountThread) => {
      if (message.type === 'lines') for (const [line, times] of message.batch) onLine(line, times);
      else if (message.type === 'closed') closed?.(message.dropped);
      else if (message.type === 'refused') {
        reject(Object.assign(new Error(`the count port ${port} cannot be bound (${message.code})`), { code: message.code }));
        void worker.terminate();
      } else {
        ready = true;
        resolve({
          close: async () => {
            const dropped = await new Promise<number>((r) => {
              closed = r;
              setTimeout(() => r(0), CLOSE_MAX_MS).unref();
              worker.postMessage('close');
            });
            closed = undefined;
            if (dropped) log.warn('stats.count_lines_dropped', { count: dropped });
            await worker.terminate();
          },
        });
      }
    });
  });
}

/**
 * Binds the count socket on 127.0.0.1:`port` and hands `onBatch` what each round read, identical
 * lines once with their number (run in the listener's thread, lib/server/count-worker.ts).
 * `close` first reads what nginx sent just before the stop, still queued in the socket, and
 * answers how many lines the kernel dropped meanwhile.
 */
export function bindCountSocket(port: number, onBatch: (batch: CountBatch) => void): Promise<{ close: () => Promise<number> }> {
  const socket = dgram.createSocket({ type: 'udp4', recvBufferSize: RECEIVE_BUFFER });
  let last = 0;
  let arrived = 0;
  let pending = new Map<string, number>();
  const flush = () => {
    if (pending.size === 0) return;
    const batch = [...pending];
    pending = new Map();
    onBatch(batch);
  };
  let flushSoon = false;
  let rounds: { stop: () => void } | undefined;
  socket.on('message', (datagram) => {
    last = Date.now();
    arrived += 1;
    const line = datagram.toString('utf8');
    pending.set(line, (pending.get(line) ?? 0) + 1);
    // Read line by line (no rounds): hand on what one turn of the event loop brought.
    if (!rounds && !flushSoon) {
      flushSoon = true;
      setImmediate(() => {
        flushSoon = false;
        flush();
      });
    }
  });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, '127.0.0.1', () => {
      socket.off('error', reject);
      // A receive error on a bound UDP socket is not fatal: the next datagram still arrives.
      socket.on('error', () => undefined);
      rounds = readInRounds(socket, () => arrived, flush);
      resolve({
        close: async () => {
          rounds?.stop();
          rounds = undefined;
          const until = Date.now() + DRAIN_MAX_MS;
          do await new Promise((r) => setTimeout(r, QUIET_MS));
          while (Date.now() - last < QUIET_MS && Date.now() < until);
          flush();
          const dropped = droppedLines(port);
          await new Promise<void>((r) => socket.close(() => r()));
          return dropped;
        },
      });
    });
  });
}

/**
 * Reads the socket in rounds, calling `rested` as each ends; `stop` goes back to reading each line as it comes.
 * Undefined, and every line read as it comes, when this Node keeps no handle to pause.
 */
function readInRounds(socket: dgram.Socket, arrived: () => number, rested: () => void): { stop: () => void } | undefined {
  const handle = udpHandle(socket);
  if (!handle) return undefined;
  const bufferBytes = socket.getRecvBufferSize();
  let reading = true;
  let stopped = false;
  let seen = arrived();
  let round = { at: Date.now(), from: arrived() };
  let timer: NodeJS.Timeout | undefined;
  const rest = () => {
    setImmediate(function check() {
      if (stopped) return;
      // A turn of the event loop brought nothing more: the queue is empty until the next round.
      if (arrived() !== seen) {
        seen = arrived();
        setImmediate(check);
        return;
      }
      handle.recvStop();
      reading = false;
      rested();
      const now = Date.now();
      timer = setTimeout(read, nextRoundMs(bufferBytes, arrived() - round.from, Math.max(1, now - round.at)));
      timer.unref();
      round = { at: now, from: arrived() };
    });
  };
  const read = () => {
    handle.recvStart();
    reading = true;
    seen = arrived();
    rest();
  };
  rest();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      if (!reading) handle.recvStart();
      reading = true;
    },
  };
}

/**
 * Node has no public way to pause a UDP socket; it keeps the socket's handle, which can, in its
 * internal state. Should a later Node keep it elsewhere, this finds none and nothing changes
 * but the cost (count-listener.test.ts shows which way the Node in use goes).
 */
export function udpHandle(socket: dgram.Socket): UdpHandle | undefined {
  for (const key of Object.getOwnPropertySymbols(socket)) {
    const state = (socket as unknown as Record<symbol, unknown>)[key];
    const handle = state && typeof state === 'object' ? (state as { handle?: Partial<UdpHandle> }).handle : undefined;
    if (typeof handle?.recvStart === 'function' && typeof handle.recvStop === 'function') return handle as UdpHandle;
  }
  return undefined;
}

/** Lines the kernel dropped for a full receive buffer on our port (Linux's /proc/net/udp), or 0. */
function droppedLines(port: number): number {
  try {
    const local = `0100007F:${port.toString(16).toUpperCase().padStart(4, '0')}`;
    const row = fs.readFileSync('/proc/net/udp', 'utf8').split('\n').find((line) => line.trim().split(/\s+/)[1] === local);
    return row ? Number(row.trim().split(/\s+/).at(-1)) || 0 : 0;
  } catch {
    return 0;
  }
}
