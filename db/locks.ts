import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { raw, type Database } from '@/db/client';
import * as schema from '@/db/schema';
import { processWide } from '@/lib/process-wide';

/**
 * PostgreSQL advisory locks: their keys, and the functions that take them (one caller at a time
 * across instances; with PGlite, across callers in this process).
 *
 * The keys are fixed numbers every instance agrees on.
 * - MIGRATION_LOCK: one instance migrates at a time.
 * - PURGE_LOCK: one purge at a time (taken exclusively, never waited for); placing a legal
 *   hold takes it shared for its transaction, so a hold and a purge never interleave.
 * - COURSE_CLOCK_LOCK: one instance at a time captures course payments and sends reminders.
 */
export const MIGRATION_LOCK = 72_061_001;
export const PURGE_LOCK = 72_061_002;
export const COURSE_CLOCK_LOCK = 72_061_003;

/** Runs `fn` holding a session-level advisory lock, on one connection, so instances queue. */
export async function withAdvisoryLock<T>(lockKey: number, fn: (db: Database) => Promise<T>): Promise<T> {
  const r = await raw();
  if (r.kind === 'pglite') {
    // PGlite has a single session, and a session may take its own advisory lock again: within
    // this one process, callers queue on a promise chain instead.
    return serialized(lockKey, () => fn(r.db));
  }
  const conn = await r.pool.connect();
  try {
    await conn.query('select pg_advisory_lock($1)', [lockKey]);
    try {
      return await fn(drizzlePg({ client: conn, schema, casing: 'snake_case' }) as unknown as Database);
    } finally {
      await conn.query('select pg_advisory_unlock($1)', [lockKey]);
    }
  } finally {
    conn.release();
  }
}

/**
 * Runs `fn` only if no one else holds the advisory lock (another instance, or another caller
 * here); otherwise returns { ran: false } at once. The lock lives on a connection of its own
 * for as long as `fn` runs, while `fn` works through the pool.
 */
export async function tryWithAdvisoryLock<T>(lockKey: number, fn: (db: Database) => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
  const r = await raw();
  if (r.kind === 'pglite') {
    const held = heldInProcess();
    if (held.has(lockKey)) return { ran: false };
    held.add(lockKey);
    try {
      return { ran: true, value: await fn(r.db) };
    } finally {
      held.delete(lockKey);
    }
  }
  const conn = await r.pool.connect();
  try {
    const { rows } = await conn.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [lockKey]);
    if (!rows[0]?.ok) return { ran: false };
    try {
      return { ran: true, value: await fn(r.db) };
    } finally {
      await conn.query('select pg_advisory_unlock($1)', [lockKey]);
    }
  } finally {
    conn.release();
  }
}

function heldInProcess(): Set<number> {
  return processWide('db.held-locks', () => new Set<number>());
}

function serialized<T>(lockKey: number, fn: () => Promise<T>): Promise<T> {
  const queues = processWide('db.lock-queues', () => new Map<number, Promise<unknown>>());
  const previous = queues.get(lockKey) ?? Promise.resolve();
  const next = previous.then(fn, fn);
  const settled = next.catch(() => undefined);
  queues.set(lockKey, settled);
  void settled.then(() => {
    if (queues.get(lockKey) === settled) queues.delete(lockKey);
  });
  return next;
}
