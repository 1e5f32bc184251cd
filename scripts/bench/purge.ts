import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { closeDb, getDb, type Database } from '@/db/client';
import { runPurge, type PurgeSummary } from '@/lib/jobs/purge';
import { logToStderr } from '@/lib/log';
import { createTestDatabase, testSecrets } from '@/test/test-db';
import { prepareDatabase, prepareEnv } from '../prepare-runtime';
import { round } from './stats';

/**
 * How fast the purge deletes: rows per second for a table full of inquiries that are all due
 * (two notes on every tenth, so the cascade is part of the work), on a fresh PostgreSQL
 * database made from BENCH_DATABASE_URL (100,000 rows) and, always, on a fresh PGlite folder
 * (10,000 rows).
 *
 * Each measurement runs in a child process of its own, as `npm run purge` does: it prepares
 * the database (migrations, seed), fills it with plain SQL (generate_series; the sealed columns
 * hold placeholders, since the purge never opens them), then times runPurge alone, with the
 * command's batch size, and checks that every row went and the receipts add up. Start-up and
 * seeding are not in the time. The database or folder is thrown away afterwards.
 */
const PURGE_ROWS = { postgres: 100_000, pglite: 10_000 } as const;
const NOW = new Date('2030-01-01T00:00:00Z');
const CHILD_TIMEOUT_MS = 600_000;
const RULE = 'inquiries_3_months_after_closed';

type PurgeMeasurement = {
  rows: number;
  notes: number;
  seconds: number | null;
  rows_per_s: number | null;
  batch_size: number;
  measured: string;
};
type PurgeResult = PurgeMeasurement | { skipped: string } | { rows: number; error: string };
export type PurgeReport = { postgres: PurgeResult; pglite: PurgeResult };

const progress = (message: string) => process.stderr.write(`bench: ${message}\n`);

/** The child's side: seed, purge, check; prints one JSON line. */
async function child(rows: number): Promise<void> {
  logToStderr();
  prepareEnv();
  await prepareDatabase();
  const db = await getDb();
  await seed(db, rows);
  const notes = await countOf(db, sql`select count(*)::int as n from inquiry_notes`);
  const started = performance.now();
  const summary = await runPurge({ now: NOW });
  const seconds = (performance.now() - started) / 1000;
  const problem = await check(db, rows, summary);
  await closeDb();
  const out = problem ? { rows, error: problem } : { rows, notes, seconds };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

async function countOf(db: Database, query: ReturnType<typeof sql>): Promise<number> {
  const result = (await db.execute(query)) as unknown as { rows: { n: number | string | null }[] };
  return Number(result.rows[0]?.n ?? 0);
}

/** Shaped like a sealed value (it never opens), as every field the person filled in is stored. */
const SEALED_PLACEHOLDER = 'v1.00000000.cGxhY2Vob2xkZXI.cGxhY2Vob2xkZXI';

async function seed(db: Database, rows: number): Promise<void> {
  const P = SEALED_PLACEHOLDER;
  await db.execute(sql`
    insert into inquiries (id, reference, status, created_at, privacy_version, audience, relation, preferred_contact,
                           journal_declined, name, email, message, closed_at, delete_after)
    select gen_random_uuid(), 'BENCH-' || g, 'avsluttet', ${NOW}::timestamptz - interval '200 days', 1, ${P}, ${P}, ${P},
           false, ${P}, ${P}, ${P}, ${NOW}::timestamptz - interval '120 days',
           ${NOW}::timestamptz - interval '1 day' + g * interval '1 millisecond'
    from generate_series(1, ${rows}::int) g`);
  await db.execute(sql`
    insert into inquiry_notes (id, inquiry_id, created_at, body)
    select gen_random_uuid(), s.id, ${NOW}::timestamptz - interval '120 days', 'v1.x.y.z'
    from (select id, row_number() over (order by delete_after) as rn from inquiries) s, generate_series(1, 2)
    where s.rn % 10 = 0`);
  // What autovacuum would have done by the time a real purge meets such a table.
  await db.execute(sql`analyze inquiries`);
  await db.execute(sql`analyze inquiry_notes`);
}

async function check(db: Database, rows: number, summary: PurgeSummary): Promise<string | undefined> {
  if (summary.skipped) return 'the purge was skipped (another purge held the lock)';
  const reported = summary.rules.find((r) => r.rule === RULE)?.deleted ?? 0;
  const left = await countOf(db, sql`select count(*)::int as n from inquiries`);
  const notesLeft = await countOf(db, sql`select count(*)::int as n from inquiry_notes`);
  const receipts = await countOf(db, sql`select coalesce(sum(deleted), 0)::int as n from purge_receipts where rule = ${RULE}`);
  if (reported !== rows || left !== 0 || notesLeft !== 0 || receipts !== rows) {
    return `expected ${rows} deleted; the purge reported ${reported}, receipts say ${receipts}, ${left} inquiries and ${notesLeft} notes are left`;
  }
  return undefined;
}

/** The parent's side: one child on the given database, its JSON line turned into a result. */
function runChild(rows: number, env: NodeJS.ProcessEnv): Promise<PurgeResult> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'bench', 'purge.ts'), '--child', '--rows', String(rows)], {
      cwd: process.cwd(),
      env,
      stdio: ['ignore', 'pipe', 2],
    });
    let stdout = '';
    proc.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const timer = setTimeout(() => proc.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    proc.once('error', (err) => {
      clearTimeout(timer);
      resolve({ rows, error: `could not start the purge child (${err.message})` });
    });
    proc.once('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.trim().split('\n').pop() ?? '';
      let parsed: { rows: number; notes?: number; seconds?: number; error?: string } | undefined;
      try {
        parsed = JSON.parse(line) as typeof parsed;
      } catch {
        parsed = undefined;
      }
      if (code !== 0 || !parsed) {
        resolve({ rows, error: `the purge child ${signal ? `was killed (${signal})` : `exited ${code}`}; see the messages above` });
      } else if (parsed.error !== undefined) {
        resolve({ rows, error: parsed.error });
      } else {
        const seconds = parsed.seconds ?? 0;
        resolve({
          rows,
          notes: parsed.notes ?? 0,
          seconds: round(seconds, 3),
          rows_per_s: seconds > 0 ? round(rows / seconds, 0) : null,
          batch_size: 1000,
          measured: 'runPurge alone, in a child process; start-up and seeding excluded',
        });
      }
    });
  });
}

/** The environment for a child: only the given database, the fixed test secrets. */
function childEnv(database: { DATABASE_URL: string } | { DATA_DIR: string }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...testSecrets, PURGE_INTERVAL_MINUTES: '0' };
  for (const name of ['DATABASE_URL', 'DATA_DIR', 'PGLITE_DIR']) delete env[name];
  return { ...env, ...database };
}

async function measurePostgres(): Promise<PurgeResult> {
  const admin = process.env.BENCH_DATABASE_URL;
  if (!admin) return { skipped: 'set BENCH_DATABASE_URL to a PostgreSQL admin URL' };
  const rows = PURGE_ROWS.postgres;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  try {
    db = await createTestDatabase(admin);
  } catch (err) {
    return { rows, error: `could not create a database from BENCH_DATABASE_URL (${(err as Error).message})` };
  }
  try {
    progress(`purge: ${rows.toLocaleString('en')} due inquiries on PostgreSQL…`);
    return await runChild(rows, childEnv({ DATABASE_URL: db.url }));
  } finally {
    await db.drop().catch((err: Error) => progress(`could not drop ${db.name} (${err.message})`));
  }
}

async function measurePglite(): Promise<PurgeResult> {
  const rows = PURGE_ROWS.pglite;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hjelpelinje-bench-purge-'));
  try {
    progress(`purge: ${rows.toLocaleString('en')} due inquiries on PGlite…`);
    return await runChild(rows, childEnv({ DATA_DIR: dir }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Both measurements; a failure is reported in its place, never thrown. */
export async function measurePurge(): Promise<PurgeReport> {
  const safely = async (rows: number, fn: () => Promise<PurgeResult>): Promise<PurgeResult> => {
    try {
      return await fn();
    } catch (err) {
      return { rows, error: `measurement failed (${(err as Error).message})` };
    }
  };
  return {
    postgres: await safely(PURGE_ROWS.postgres, measurePostgres),
    pglite: await safely(PURGE_ROWS.pglite, measurePglite),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { child: { type: 'boolean', default: false }, rows: { type: 'string' } } });
  const rows = Number(values.rows);
  if (!values.child || !Number.isInteger(rows) || rows <= 0) {
    process.stderr.write('scripts/bench/purge.ts is run by `npm run bench`; on its own: --child --rows N (with DATABASE_URL or DATA_DIR).\n');
    process.exit(2);
  }
  child(rows).then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`bench purge child: ${(err as Error)?.message ?? String(err)}\n`);
      process.exit(1);
    },
  );
}
