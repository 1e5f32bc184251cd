import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { peekProcessWide, setProcessWide } from '@/lib/process-wide';
import * as schema from '@/db/schema';
import { claimDataFolder } from '@/db/folder-lock';

/**
 * The one module that knows which database we talk to: PostgreSQL through a `pg` Pool when
 * DATABASE_URL is set, otherwise an embedded PGlite database in a local folder.
 *
 * Next bundles its own copy of this module next to the copy the HTTP server loads, so the
 * live connection is kept on globalThis: one process, one connection, whichever copy asks.
 * A failed connection is never cached; the next caller tries again. Advisory locks (db/locks.ts)
 * and LISTEN (db/listen.ts) need the pool or the PGlite client itself, through `raw()`.
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
  const { DATABASE_URL, DB_POOL_MAX, PGLITE_SHARED_BUFFERS, pgliteDir } = env();
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
  const client = await PGlite.create(pgliteDir, {
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
  });
  const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Database;
  return { kind: 'pglite', client, db };
}

/**
 * The open connection itself, whichever kind it is. Exported only for db/locks.ts and
 * db/listen.ts, which need the pool or the PGlite client; everything else goes through getDb().
 */
export function raw(): Promise<Raw> {
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
