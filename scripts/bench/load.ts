import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { HOST } from './net';
import { percentile, round } from './stats';

export type LoadOptions = {
  port: number;
  path: string;
  /** When given, each request's path instead of `path`, called once per request. */
  pathFor?: () => string;
  concurrency: number;
  warmupSeconds: number;
  seconds: number;
  /** Longest a single request may take before it is abandoned and counted as an error. */
  requestTimeoutMs?: number;
  /** Sent with every request, besides `accept-encoding: identity`. */
  headers?: Record<string, string>;
};

export type LoadResult = {
  rps: number | null;
  p50_ms: number | null;
  p99_ms: number | null;
  errors: number;
  /** The first error seen in the measured window, to tell a 503 from a refused connection. */
  first_error?: string;
};

type Outcome = { ok: true } | { ok: false; reason: string };

/** The measured window: requests that finish inside it count, the rest are warm-up or tail. */
class Window {
  readonly latencies: number[] = [];
  errors = 0;
  firstError: string | undefined;

  constructor(
    readonly start: number,
    readonly end: number,
  ) {}

  record(startedAt: number, finishedAt: number, outcome: Outcome): void {
    if (finishedAt < this.start || finishedAt > this.end) return;
    if (outcome.ok) {
      this.latencies.push(finishedAt - startedAt);
    } else {
      this.errors += 1;
      this.firstError ??= outcome.reason;
    }
  }
}

/** One GET, body drained; non-2xx, socket errors and timeouts are failures. */
function requestOnce(agent: http.Agent, port: number, path: string, timeoutMs: number, headers: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = http.get({ host: HOST, port, path, agent, headers: { ...headers, 'accept-encoding': 'identity' } }, (res) => {
      const status = res.statusCode ?? 0;
      res.on('error', (err) => resolve({ ok: false, reason: err.message }));
      res.on('end', () => resolve(status >= 200 && status < 300 ? { ok: true } : { ok: false, reason: `HTTP ${status}` }));
      res.resume();
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ ok: false, reason: err.code ?? err.message }));
  });
}

/** A closed loop: the next request leaves only when the previous one is done, until the measured window ends. */
async function worker(agent: http.Agent, options: Required<LoadOptions>, window: Window): Promise<void> {
  while (performance.now() < window.end) {
    const startedAt = performance.now();
    const outcome = await requestOnce(agent, options.port, options.pathFor(), options.requestTimeoutMs, options.headers);
    window.record(startedAt, performance.now(), outcome);
  }
}

/**
 * Closed-loop load: `concurrency` workers on a keep-alive agent with as many sockets, a
 * warm-up whose requests are not counted, then a measured window. Every loop stops by
 * itself once the window is over; a request in flight then is bounded by its own timeout.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const full: Required<LoadOptions> = { requestTimeoutMs: 10_000, headers: {}, pathFor: () => options.path, ...options };
  const agent = new http.Agent({ keepAlive: true, maxSockets: full.concurrency });
  const start = performance.now() + full.warmupSeconds * 1000;
  const window = new Window(start, start + full.seconds * 1000);
  try {
    await Promise.all(Array.from({ length: full.concurrency }, () => worker(agent, full, window)));
  } finally {
    agent.destroy();
  }
  return summarize(window, full.seconds);
}

function summarize(window: Window, seconds: number): LoadResult {
  const sorted = [...window.latencies].sort((a, b) => a - b);
  const result: LoadResult = {
    rps: round(sorted.length / seconds, 1),
    p50_ms: round(percentile(sorted, 50), 2),
    p99_ms: round(percentile(sorted, 99), 2),
    errors: window.errors,
  };
  if (window.firstError) result.first_error = window.firstError;
  return result;
}
