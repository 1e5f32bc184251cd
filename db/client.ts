import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { peekProcessWide, processWide, setProcessWide } from '@/lib/process-wide';
import * as schema from '@/db/schema';
import { claimDataFolder } from '@/db/folder-lock';

/**
 * The one module that knows which database we talk to: PostgreSQL through a `pg` Pool when
 * DATABASE_URL is set, otherwise an embedded PGlite database in a local folder.
 *
 * Next bundles its own copy of this module next to the copy the HTTP server loads, so the
 * live connection is kept on globalThis: one process, one connection, whichever copy asks.
 * A failed connection is never cached; the next caller tries again.
 */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** The handle a transaction callback gets; every query takes it as it takes the database. */
type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** What a query or a wrapped action writes through: the database, or a transaction on it. */
export type DbOrTx = Database | Transaction;

type Raw =
  | { kind: 'pg'; pool: pg.Pool; db: Database }
  | { kind: 'pglite'; client: PGlite; db: Database };

// One pool (or one PGlite client) per process, whichever copy of this module opens it.
const DB = 'db';

async function open(): Promise<Raw> {
  const { DATABASE_URL, DB_POOL_MAX, pgliteDir } = env();
  if (DATABASE_URL) {
    const pool = new pg.Pool({
      connectionString: DATABASE_URL,
      max: DB_POOL_MAX,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
    });
    // An idle client that loses its server emits here; without a listener the process dies.
    pool.on('error', (err) => log.error('db.pool_error', { code: errorCode(err) }));
    const db = drizzlePg({ client: pool, schema, casing: 'snake_case' }) as unknown as Database;
    return { kind: 'pg', pool, db };
  }
  fs.mkdirSync(path.dirname(pgliteDir), { recursive: true });
  claimDataFolder(pgliteDir);
  const client = await PGlite.create(pgliteDir);
  const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Database;
  return { kind: 'pglite', client, db };
}

function raw(): Promise<Raw> {
  const current = peekProcessWide<Promise<Raw>>(DB);
  if (current) return current;
  const pending = open();
  setProcessWide(DB, pending);
  // Never keep a failed open: the next caller tries again.
  pending.catch(() => {
    if (peekProcessWide(DB) === pending) setProcessWide(DB, undefined);
  });
  return pending;
}

export async function getDb(): Promise<Database> {
  return (await raw()).db;
}

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

/**
 * Listens on a notification channel for as long as the process runs. PostgreSQL: a connection
 * of its own (LISTEN holds a session), opened again after a loss, with `onReconnect` called so
 * listeners can catch up on what they missed meanwhile. PGlite: its in-process listener.
 * Returns a function that stops listening.
 */
export async function listenToChannel(
  channel: string,
  onPayload: (payload: string) => void,
  onReconnect: () => void,
): Promise<() => Promise<void>> {
  const r = await raw();
  if (r.kind === 'pglite') {
    const unlisten = await r.client.listen(channel, onPayload);
    return unlisten;
  }
  const { DATABASE_URL } = env();
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (isReconnect: boolean): Promise<void> => {
    const c = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 5_000 });
    // Only the live connection's loss counts; one that failed while connecting is retried below.
    c.on('error', (err) => {
      log.warn('db.listen_error', { code: errorCode(err) });
      if (client === c) schedule();
    });
    c.on('end', () => {
      if (client === c) schedule();
    });
    c.on('notification', (msg) => {
      if (msg.channel === channel && msg.payload !== undefined) onPayload(msg.payload);
    });
    try {
      await c.connect();
      await c.query(`listen ${pg.escapeIdentifier(channel)}`);
      client = c;
      if (isReconnect) onReconnect();
    } catch (err) {
      log.warn('db.listen_connect_failed', { code: errorCode(err) });
      void c.end().catch(() => undefined);
      schedule();
    }
  };
  const schedule = () => {
    if (stopped || retry) return;
    client = undefined;
    retry = setTimeout(() => {
      retry = undefined;
      void connect(true);
    }, 1_000);
    retry.unref();
  };
  await connect(false);
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const c = client;
    client = undefined;
    if (c) await c.end().catch(() => undefined);
  };
}

/** A cheap round trip, used at start and to tell a database outage from a bug. */
export async function pingDatabase(timeoutMs = 2_000): Promise<boolean> {
  try {
    const r = await raw();
    const query = r.kind === 'pg' ? r.pool.query('select 1') : r.client.query('select 1');
    await Promise.race([
      query,
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs).unref()),
    ]);
    return true;
  } catch {
    return false;
  }
}

export async function closeDb(): Promise<void> {
  const pending = peekProcessWide<Promise<Raw>>(DB);
  setProcessWide(DB, undefined);
  if (!pending) return;
  const r = await pending.catch(() => undefined);
  if (r?.kind === 'pg') await r.pool.end();
  if (r?.kind === 'pglite') await r.client.close();
}

/** A short, content-free label for a database error, safe to log. */
export function errorCode(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as { code?: unknown; cause?: unknown };
    if (typeof e.code === 'string') return e.code;
    if (e.cause) return errorCode(e.cause);
  }
  return 'unknown';
}
