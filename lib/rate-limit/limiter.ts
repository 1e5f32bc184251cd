import { appClock, type Clock } from '@/lib/clock';
import { processWide } from '@/lib/process-wide';

/**
 * In-memory sliding-window rate limits (e.g. contact form: 5 per hour per client; chat:
 * 6 new conversations per 12 hours).
 *
 * Keys are opaque client keys from `ClientKeyer` (a keyed hash of the address), never the
 * address itself. Nothing here is persisted: counters live in this process's memory only.
 *
 * Limits are per app instance. With several instances, each counts on its own, so a client
 * can get up to `limit × instances` in one window. That is acceptable, and deliberate:
 * sharing counters (in the database, say) would need a client key that is the same on every
 * instance, which means sharing the HMAC key, which means writing it somewhere — exactly
 * what the in-memory, daily-rotated key exists to avoid. The limits are there to stop floods
 * and scripted abuse, and N × instances is still a small, known bound.
 *
 * Algorithm: a sliding-window log. Each key keeps the timestamps of its accepted hits inside
 * the window (at most `limit` of them); refused attempts are not recorded, so a refused client
 * gets in again as soon as its oldest hit leaves the window. Memory is bounded: keys are held
 * in a Map ordered by their newest hit, entries whose newest hit has left the window are
 * swept from the front on every call, and if more than `maxKeys` keys remain, those whose
 * newest hit is oldest are dropped (which only ever lets those clients in sooner).
 */

export interface RateLimiterOptions {
  /** Names the limit (registry key and diagnostics). Never put a client key in it. */
  name: string;
  /** Accepted hits per key per window. */
  limit: number;
  windowMs: number;
  clock: Clock;
  /** Most keys tracked at once. Default 100 000. */
  maxKeys?: number;
}

export type TakeResult = { ok: true; remaining: number } | { ok: false; retryAfterMs: number };

const DEFAULT_MAX_KEYS = 100_000;

export class RateLimiter {
  readonly name: string;
  readonly limit: number;
  readonly windowMs: number;
  readonly maxKeys: number;
  readonly #clock: Clock;
  /** key -> accepted hit times (ascending). Map order = order of each key's newest hit. */
  readonly #hits = new Map<string, number[]>();

  constructor({ name, limit, windowMs, clock, maxKeys = DEFAULT_MAX_KEYS }: RateLimiterOptions) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`rate limit "${name}": limit must be a positive integer`);
    if (!Number.isFinite(windowMs) || windowMs <= 0) throw new RangeError(`rate limit "${name}": windowMs must be positive`);
    if (!Number.isInteger(maxKeys) || maxKeys < 1) throw new RangeError(`rate limit "${name}": maxKeys must be a positive integer`);
    this.name = name;
    this.limit = limit;
    this.windowMs = windowMs;
    this.maxKeys = maxKeys;
    this.#clock = clock;
  }

  /** Records a hit for `key` if it is within the limit; otherwise says when to try again. */
  take(key: string): TakeResult {
    const now = this.#clock.now().getTime();
    const cutoff = now - this.windowMs; // a hit at t counts while t > now - windowMs
    this.#sweep(cutoff);

    const hits = this.#hits.get(key) ?? [];
    const firstLive = hits.findIndex((t) => t > cutoff);
    const live = firstLive < 0 ? [] : firstLive === 0 ? hits : hits.slice(firstLive);

    if (live.length >= this.limit) {
      // Refused: not recorded, and the key keeps its place (its newest hit is unchanged).
      this.#hits.set(key, live);
      const oldestThatMustLeave = live[live.length - this.limit] ?? now;
      return { ok: false, retryAfterMs: Math.max(1, oldestThatMustLeave + this.windowMs - now) };
    }

    live.push(now);
    this.#hits.delete(key);
    this.#hits.set(key, live);
    this.#evictOverflow();
    return { ok: true, remaining: this.limit - live.length };
  }

  /** Number of keys currently tracked. */
  get size(): number {
    return this.#hits.size;
  }

  /** Forgets every key (for tests). */
  reset(): void {
    this.#hits.clear();
  }

  /** Drops keys whose newest hit has left the window; they sit at the front of the Map. */
  #sweep(cutoff: number): void {
    for (const [key, hits] of this.#hits) {
      const newest = hits[hits.length - 1];
      if (newest !== undefined && newest > cutoff) break;
      this.#hits.delete(key);
    }
  }

  #evictOverflow(): void {
    let excess = this.#hits.size - this.maxKeys;
    if (excess <= 0) return;
    for (const key of this.#hits.keys()) {
      if (excess-- <= 0) break;
      this.#hits.delete(key);
    }
  }
}

export type LimiterOptions = Omit<RateLimiterOptions, 'name' | 'clock'> & {
  /** Default: the app clock. */
  clock?: Clock;
};


/**
 * The process-wide limiter called `name`, created on first use (see lib/process-wide.ts) so that
 * the same named limiter is shared when this module is loaded twice in one process (route
 * bundles, server actions). Asking for an existing name with a different limit, window or
 * maxKeys throws rather than silently sharing or splitting counters; after editing a limit
 * in development, restart the server.
 */
export function limiter(name: string, opts: LimiterOptions): RateLimiter {
  const registry = processWide('rate-limiters', () => new Map<string, RateLimiter>());
  const existing = registry.get(name);
  const maxKeys = opts.maxKeys ?? DEFAULT_MAX_KEYS;
  if (existing) {
    if (existing.limit !== opts.limit || existing.windowMs !== opts.windowMs || existing.maxKeys !== maxKeys) {
      throw new Error(
        `rate limit "${name}" already exists as ${existing.limit} per ${existing.windowMs} ms (maxKeys ${existing.maxKeys}); ` +
          `asked for ${opts.limit} per ${opts.windowMs} ms (maxKeys ${maxKeys})`,
      );
    }
    return existing;
  }
  const created = new RateLimiter({ name, limit: opts.limit, windowMs: opts.windowMs, maxKeys, clock: opts.clock ?? appClock() });
  registry.set(name, created);
  return created;
}
