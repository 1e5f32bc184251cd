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

let clock: Clock | undefined;

/**
 * The process clock. TEST_CLOCK_START (read once at start, never from a request) lets the
 * end-to-end tests run the whole app at a chosen date: the clock then reads TEST_CLOCK_START
 * at the moment the process started and runs on from there. Pinned to the process's start,
 * not to the first call, every copy of this module in the process tells the same time.
 */
export function appClock(): Clock {
  if (!clock) {
    const start = env().TEST_CLOCK_START;
    clock = start ? shiftedClock(new Date(start), performance.timeOrigin) : systemClock;
  }
  return clock;
}
