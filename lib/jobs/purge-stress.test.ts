import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { HoldTargetGoneError, placeHold } from '@/db/queries/holds';
import { resetEnvCache } from '@/lib/env';
import { runPurge, type PurgeSummary } from '@/lib/jobs/purge';
import { log } from '@/lib/log';
import { createTestDatabase, testSecrets } from '@/test/test-db';

/**
 * The purge under stress, on a fresh PostgreSQL database (only when TEST_DATABASE_URL is set):
 * two `npm run purge` processes at once, a purge killed with SIGKILL in the middle of a batch,
 * and legal holds placed while the purge runs. Rows are seeded with plain SQL; the sealed
 * columns hold placeholders, since the purge never opens them.
 *
 * Where timing would decide what a test sees, a row lock taken by the test decides instead:
 * locking one note makes the purge's cascade wait inside that note's batch, so "a purge is
 * running" and "a batch is half done" are states the test holds open, not moments it hopes
 * to catch.
 */
const admin = process.env.TEST_DATABASE_URL;
const RULE = 'inquiries_3_months_after_closed';
const BATCH = 1000; // scripts/purge.ts runs with runPurge's default batch size
const NOW = new Date('2028-06-01T12:00:00Z');
// Shaped like a sealed value (it never opens), so the purge's start-up, which seals fields it
// finds in clear, leaves the seeded rows as they are.
const SEALED_PLACEHOLDER = 'v1.00000000.cGxhY2Vob2xkZXI.cGxhY2Vob2xkZXI';

type Run = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };
type Started = { child: ChildProcess; done: Promise<Run> };

describe.skipIf(!admin)('purge under stress (PostgreSQL)', () => {
  let url = '';
  let drop: (() => Promise<void>) | undefined;
  let sqlPool: pg.Pool;
  const saved: Record<string, string | undefined> = {};

  /** The environment of a child process: this database, the shared test secrets, nothing else. */
  const childEnv = (): NodeJS.ProcessEnv => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, ...testSecrets };
    delete env.DATA_DIR;
    delete env.PGLITE_DIR;
    return env;
  };

  const runScript = (args: string[]): Started => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: process.cwd(), env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const done = new Promise<Run>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    });
    return { child, done };
  };

  const startPurge = (now = NOW) => runScript(['scripts/purge.ts', '--now', now.toISOString()]);

  /** The JSON summary a finished purge printed; fails the test with its stderr if it did not exit 0. */
  const summaryOf = (run: Run): PurgeSummary => {
    expect(run.code, `purge exited ${run.code ?? run.signal}:\n${run.stderr}`).toBe(0);
    return JSON.parse(run.stdout) as PurgeSummary;
  };
  const inquiriesDeleted = (s: PurgeSummary) => s.rules.find((r) => r.rule === RULE)?.deleted ?? 0;

  const query = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => (await sqlPool.query<T>(text, values)).rows;
  const count = async (text: string, values: unknown[] = []) => Number((await query<{ n: string }>(text, values))[0]?.n ?? 0);
  const receiptsSum = () => count('select coalesce(sum(deleted), 0) as n from purge_receipts where rule = $1', [RULE]);
  const dueCount = () =>
    count(
      `select count(*) as n from inquiries i where i.delete_after <= $1
         and not exists (select 1 from legal_holds h where h.object_type = 'inquiry' and h.object_id = i.id and h.released_at is null and h.handed_over_at is null)`,
      [NOW],
    );

  /**
   * `n` closed inquiries, all due at NOW, their deadlines one millisecond apart (so the purge's
   * oldest-first batches are predictable), and two notes on every tenth. Returns the ids in
   * deadline order, i.e. the order the purge deletes them in.
   */
  async function seedDue(n: number, tag: string): Promise<string[]> {
    await sqlPool.query(
      `insert into inquiries (id, reference, status, created_at, privacy_version, audience, relation, preferred_contact,
                              journal_declined, name, email, message, closed_at, delete_after)
       select gen_random_uuid(), $1 || '-' || g, 'avsluttet', $2::timestamptz - interval '200 days', 1, $4, $4, $4,
              false, $4, $4, $4, $2::timestamptz - interval '120 days',
              $2::timestamptz - interval '1 day' + g * interval '1 millisecond'
       from generate_series(1, $3::int) g`,
      [tag, NOW, n, SEALED_PLACEHOLDER],
    );
    const ids = (await query<{ id: string }>(`select id from inquiries where reference like $1 || '-%' order by delete_after`, [tag])).map((r) => r.id);
    await sqlPool.query(
      `insert into inquiry_notes (id, inquiry_id, created_at, body)
       select gen_random_uuid(), s.id, $2::timestamptz - interval '120 days', 'v1.x.y.z'
       from (select id, row_number() over (order by delete_after) as rn from inquiries where reference like $1 || '-%') s, generate_series(1, 2)
       where s.rn % 10 = 0`,
      [tag, NOW],
    );
    return ids;
  }

  /** Opens a transaction that locks the notes of `inquiryId`: the purge's cascade waits on it. */
  async function lockNotesOf(inquiryId: string): Promise<{ release: () => Promise<void> }> {
    const client = await sqlPool.connect();
    await client.query('begin');
    const locked = await client.query('select id from inquiry_notes where inquiry_id = $1 for update', [inquiryId]);
    expect(locked.rowCount).toBe(2);
    let released = false;
    return {
      release: async () => {
        if (released) return;
        released = true;
        await client.query('rollback');
        client.release();
      },
    };
  }

  /** Polls every 20 ms until `check` holds, or fails after `ms`. */
  async function until(what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(20);
    }
  }

  /** Some session of this database other than the test's own is waiting for a row lock. */
  const someoneWaitsOnALock = async () =>
    (await count(`select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`)) > 0;

  /** Sessions of this database other than the test's own pool: the purge's, alive or not yet reaped. */
  const otherSessions = () =>
    count(`select count(*) as n from pg_stat_activity where datname = current_database() and backend_type = 'client backend' and application_name <> 'purge-stress'`);

  /**
   * `pool.end()` resolves once its clients are asked to close, not once they have: dropping the
   * database right after would terminate a session still closing, and its client would throw
   * "terminating connection due to administrator command" into the test run. Wait for each
   * client's socket to close first.
   */
  async function endPool(pool: pg.Pool): Promise<void> {
    const open = pool.totalCount;
    let removed = 0;
    const closed = new Promise<void>((resolve) => {
      if (open === 0) resolve();
      pool.on('remove', () => {
        if (++removed === open) resolve();
      });
    });
    await pool.end();
    await closed;
  }

  beforeAll(async () => {
    const db = await createTestDatabase(admin!);
    url = db.url;
    drop = db.drop;
    const migrated = await runScript(['scripts/migrate.ts']).done;
    expect(migrated.code, migrated.stderr).toBe(0);
    sqlPool = new pg.Pool({ connectionString: url, max: 4, application_name: 'purge-stress' });
  }, 60_000);

  afterAll(async () => {
    vi.restoreAllMocks();
    await closeDb();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetEnvCache();
    if (sqlPool) await endPool(sqlPool);
    await drop?.();
  });

  beforeEach(async () => {
    // Each test starts from an empty database, so its receipts and counts are its own.
    await sqlPool.query('delete from inquiries');
    await sqlPool.query('delete from legal_holds');
    await sqlPool.query('delete from purge_receipts');
  });

  it('two purge processes at once: one runs, the other stands aside, and 10,000 rows go exactly once', async () => {
    const ids = await seedDue(10_000, 'a');
    expect(await count('select count(*) as n from inquiry_notes')).toBe(2_000);

    // The note lock keeps whichever purge takes the advisory lock busy (in batch 6) until the
    // other has answered, so the two runs truly overlap, however fast the machine is.
    const blocker = await lockNotesOf(ids[5_499]!);
    const runs = [startPurge(), startPurge()];
    try {
      const first = await Promise.race(runs.map((r) => r.done));
      expect(summaryOf(first)).toMatchObject({ skipped: true, rules: [] });
      await until('the running purge to reach the locked note', someoneWaitsOnALock);
    } finally {
      await blocker.release();
    }
    const summaries = (await Promise.all(runs.map((r) => r.done))).map(summaryOf);

    expect(summaries.filter((s) => !s.skipped)).toHaveLength(1);
    expect(summaries.map(inquiriesDeleted).reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(await receiptsSum()).toBe(10_000);
    expect(await count('select count(*) as n from purge_receipts where rule = $1', [RULE])).toBe(10);
    expect(await count('select count(*) as n from inquiries')).toBe(0);
    expect(await count('select count(*) as n from inquiry_notes')).toBe(0);
  }, 45_000);

  it('a purge killed mid-batch loses no data and leaves no receipt without its delete; the next run finishes the job', async () => {
    const ids = await seedDue(20_000, 'b');
    // The 5,000th inquiry is the last of batch 5: batches 1–4 commit, batch 5 waits on its notes
    // with 1,000 rows deleted but not committed and no receipt written yet. That is when it dies.
    const blocker = await lockNotesOf(ids[4_999]!);
    const killed = startPurge();
    try {
      await until('a receipt and a purge waiting inside batch 5', async () => (await receiptsSum()) > 0 && (await someoneWaitsOnALock()));
      killed.child.kill('SIGKILL');
      expect((await killed.done).signal).toBe('SIGKILL');
      expect(await receiptsSum()).toBe(4 * BATCH);
      expect(await count('select count(*) as n from inquiries')).toBe(20_000 - 4 * BATCH);
    } finally {
      await blocker.release();
    }
    // The server notices the dead client only when it next talks to it: wait until its
    // sessions are gone (the half-done batch rolled back, the advisory lock released).
    await until('the killed purge’s sessions to end', async () => (await otherSessions()) === 0);
    expect(await receiptsSum()).toBe(4 * BATCH);
    expect(await count('select count(*) as n from inquiries')).toBe(20_000 - 4 * BATCH);

    const next = summaryOf(await startPurge().done);
    expect(next.skipped).toBe(false); // the kill released the advisory lock
    expect(inquiriesDeleted(next)).toBe(20_000 - 4 * BATCH);
    expect(await dueCount()).toBe(0);
    expect(await count('select count(*) as n from inquiries')).toBe(0);
    expect(await count('select count(*) as n from inquiry_notes')).toBe(0);
    expect(await receiptsSum()).toBe(20_000);
  }, 45_000);

  /**
   * Legal holds racing the purge, 100 times. What can be promised, precisely:
   *
   * - A hold committed before the purge starts is seen by every one of the purge's delete
   *   statements (each takes its snapshot when it starts), so that inquiry is never deleted.
   *   Inquiry A gets its hold first, awaited: it must survive all 100 iterations.
   * - A hold placed while the purge runs (inquiry B) cannot interleave with it: placing a hold
   *   takes the purge lock shared for its transaction. If the purge got the lock first, the
   *   hold waits for it to finish and is then refused (HoldTargetGoneError) because B is gone;
   *   if the hold got it first, that purge run stands aside (skipped) and B stays, held. So B
   *   is either deleted with its hold refused, or kept with an active hold; never deleted
   *   while a hold for it was accepted, and never kept without one. The purge's count (and
   *   receipt) must say exactly what happened to B.
   *
   * One side starts 0–4 ms after the other (which side, and by how much, varies by
   * iteration), so both outcomes occur; which one occurs in an iteration is not asserted.
   */
  it('a hold placed before the purge always keeps its inquiry; one placed during it either keeps it or came too late', async () => {
    for (const name of ['DATABASE_URL', 'DATA_DIR', 'PGLITE_DIR', ...Object.keys(testSecrets)]) saved[name] = process.env[name];
    delete process.env.DATA_DIR;
    delete process.env.PGLITE_DIR;
    Object.assign(process.env, { DATABASE_URL: url }, testSecrets);
    resetEnvCache();
    const db = await getDb();
    const quiet = vi.spyOn(log, 'info').mockImplementation(() => {}); // a line per purge, 100 times

    const hold = (objectId: string) =>
      placeHold(db, { objectType: 'inquiry', objectId, reference: 'Politiet 28/1', reason: 'Etterforskning', placedBy: null, now: NOW });
    const exists = async (id: string) => (await count('select count(*) as n from inquiries where id = $1', [id])) === 1;
    const activeHolds = (id: string) =>
      count(`select count(*) as n from legal_holds where object_id = $1 and released_at is null and handed_over_at is null`, [id]);

    const outcomes = { deleted: 0, kept: 0 };
    for (let i = 0; i < 100; i++) {
      const [a, b] = await seedDue(2, `c${i}`);
      await hold(a!);
      const offset = (i % 9) - 4; // ms: the purge starts first when positive, the hold when negative
      const [summary, holdB] = await Promise.all([
        sleep(Math.max(0, -offset)).then(() => runPurge({ now: NOW })),
        sleep(Math.max(0, offset)).then(() =>
          hold(b!).then(
            () => 'held' as const,
            (err: unknown) => {
              if (err instanceof HoldTargetGoneError) return 'refused' as const;
              throw err;
            },
          ),
        ),
      ]);

      expect(await exists(a!), `iteration ${i}: the inquiry held before the purge was deleted`).toBe(true);
      const bKept = await exists(b!);
      expect(holdB, `iteration ${i}: the hold's answer does not match B's fate`).toBe(bKept ? 'held' : 'refused');
      if (bKept) expect(await activeHolds(b!), `iteration ${i}: a due inquiry survived without a hold`).toBe(1);
      expect(inquiriesDeleted(summary), `iteration ${i}: the purge's count does not match what it deleted`).toBe(bKept ? 0 : 1);
      outcomes[bKept ? 'kept' : 'deleted'] += 1;
    }

    quiet.mockRestore();
    expect(outcomes.deleted + outcomes.kept).toBe(100);
    expect(await count('select count(*) as n from inquiries')).toBe(100 + outcomes.kept);
    expect(await receiptsSum()).toBe(outcomes.deleted);
    expect(await dueCount()).toBe(0);
  }, 45_000);
});
