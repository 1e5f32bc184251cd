import { env } from '@/lib/env';

/** Every piece of date logic takes a Clock, so tests can move time without touching requests. */
export interface Clock {
  now(): Date;
}

const systemClock: Clock = { now: () => new Date() };

/** A clock that starts at `start` and then runs at normal speed. */
export function shiftedClock(start: Date, realStart: number = Date.now()): Clock {
  const offset = start.getTime() - realStart;
  return { now: () => new Date(Date.now() + offset) };
}

export function fixedClock(at: Date): Clock {
  return { now: () => new Date(at.getTime()) };
}

const key = Symbol.for('hjelpelinje.clock');
type WithClock = typeof globalThis & { [key]?: Clock };

/**
 * The process clock. TEST_CLOCK_START (read once at start, never from a request) lets the
 * end-to-end tests run the whole app at a chosen date.
 */
export function appClock(): Clock {
  const g = globalThis as WithClock;
  if (!g[key]) {
    const start = env().TEST_CLOCK_START;
    g[key] = start ? shiftedClock(new Date(start)) : systemClock;
  }
  return g[key];
}
