import { and, inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { isDue } from '@/db/queries/retention';
import { accessLog, inquiries } from '@/db/schema';

/**
 * The retention rules the purge enforces. Each rule deletes at most `limit` due rows in the
 * transaction it is given, oldest deadline first, skipping rows another purge has locked, and
 * returns how many it deleted; `count` tells a dry run how many are due.
 *
 * - inquiries: three months after the contact was closed (deleteAfter), with their notes
 *   (ON DELETE CASCADE), unless a legal hold stands; at once when handed over.
 * - access_log: entries older than the configured period (default two years). The database
 *   refuses this delete unless the transaction names the cutoff (see migration 0002).
 */
export type PurgeRule = {
  name: string;
  count: (db: Database, now: Date) => Promise<number>;
  deleteBatch: (tx: Database, now: Date, limit: number) => Promise<number>;
};

async function countOf(db: Database, query: ReturnType<typeof sql>): Promise<number> {
  const result = (await db.execute(query)) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]?.n ?? 0);
}

export const inquiryRule: PurgeRule = {
  name: 'inquiries_3_months_after_closed',
  count: (db, now) => countOf(db, sql`select count(*)::int as n from ${inquiries} where ${isDue('inquiry', inquiries.id, inquiries.deleteAfter, now)}`),
  async deleteBatch(tx, now, limit) {
    const due = tx
      .select({ id: inquiries.id })
      .from(inquiries)
      .where(isDue('inquiry', inquiries.id, inquiries.deleteAfter, now))
      .orderBy(inquiries.deleteAfter)
      .limit(limit)
      .for('update', { skipLocked: true });
    const deleted = await tx.delete(inquiries).where(inArray(inquiries.id, due)).returning({ id: inquiries.id });
    return deleted.length;
  },
};

export function accessLogRule(retentionDays: number): PurgeRule {
  const cutoff = (now: Date) => new Date(now.getTime() - retentionDays * 86_400_000);
  return {
    name: `access_log_after_${retentionDays}_days`,
    count: (db, now) => countOf(db, sql`select count(*)::int as n from ${accessLog} where ${lt(accessLog.at, cutoff(now))}`),
    async deleteBatch(tx, now, limit) {
      const before = cutoff(now);
      await tx.execute(sql`select set_config('hjelpelinje.access_log_cutoff', ${before.toISOString()}, true)`);
      const due = tx.select({ id: accessLog.id }).from(accessLog).where(and(lt(accessLog.at, before))).orderBy(accessLog.at).limit(limit).for('update', { skipLocked: true });
      const deleted = await tx.delete(accessLog).where(inArray(accessLog.id, due)).returning({ id: accessLog.id });
      return deleted.length;
    },
  };
}
