import { randomUUID } from 'node:crypto';
import { getDb, type Database } from '@/db/client';
import { PURGE_LOCK, tryWithAdvisoryLock } from '@/db/locks';
import { forgetUsedSurveyTickets } from '@/db/queries/chat-survey';
import { endIdleChats } from '@/db/queries/chat-visitor';
import { courseBookingRule, courseOrderRule, unpaidHoldRule } from '@/db/queries/purge-course-rules';
import { accessLogRule, chatBlockRule, deleteBatchWithReceipt, endedChatRule, flaggedChatRule, holdRule, journalAllowedInquiryRule, journalDeclinedInquiryRule, markPurgeRun, staffSessionRule, staffTokenRule, type PurgeRule } from '@/db/queries/purge-rules';
import { usedTicketsKeptFrom } from '@/lib/chat/survey-ticket';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { forgetTransparencyNumbers } from '@/lib/stats/transparency-cache';

/**
 * The purge: deletes what the retention rules say is due at `now`.
 *
 * - Exactly one purge at a time, across any number of instances: a PostgreSQL advisory lock
 *   (try, never wait); a second purge started meanwhile returns `skipped` and deletes nothing.
 * - Batched: at most `batchSize` (1,000) rows a transaction, so a crash loses at most one
 *   batch of work, never data; the next run simply finds the rest still due (resumable).
 * - Idempotent: it deletes only what is due, and what is gone is not due.
 * - Each batch writes its receipt (rule, count, time; no content) in the same transaction
 *   as its delete, so receipts always add up to exactly what was deleted (the rules and that
 *   transaction are in db/queries/purge-rules.ts).
 */

export type PurgeSummary = {
  runId: string;
  now: string;
  dryRun: boolean;
  skipped: boolean;
  rules: { rule: string; deleted: number }[];
};

function purgeRules(): PurgeRule[] {
  const { ACCESS_LOG_RETENTION_DAYS, COURSE_BOOKING_RETENTION_DAYS, HOLD_RETENTION_DAYS, SESSION_IDLE_MINUTES } = env();
  // Holds after the inquiries and chats: a handed-over object goes first, then its hold.
  return [journalAllowedInquiryRule, journalDeclinedInquiryRule, flaggedChatRule, endedChatRule, chatBlockRule, holdRule(HOLD_RETENTION_DAYS), staffSessionRule(SESSION_IDLE_MINUTES), staffTokenRule, accessLogRule(ACCESS_LOG_RETENTION_DAYS), unpaidHoldRule, courseBookingRule(COURSE_BOOKING_RETENTION_DAYS), courseOrderRule];
}

async function applyRule(db: Database, rule: PurgeRule, { runId, now, batchSize }: { runId: string; now: Date; batchSize: number }) {
  let total = 0;
  for (;;) {
    const deleted = await deleteBatchWithReceipt(db, rule, { runId, now, limit: batchSize });
    total += deleted;
    if (deleted < batchSize) return total;
  }
}

export async function runPurge({ now, dryRun = false, batchSize = 1000 }: { now: Date; dryRun?: boolean; batchSize?: number }): Promise<PurgeSummary> {
  const runId = randomUUID();
  const summary: PurgeSummary = { runId, now: now.toISOString(), dryRun, skipped: false, rules: [] };
  if (dryRun) {
    const db = await getDb();
    for (const rule of purgeRules()) summary.rules.push({ rule: rule.name, deleted: await rule.count(db, now) });
    return summary;
  }
  const outcome = await tryWithAdvisoryLock(PURGE_LOCK, async (db) => {
    await markPurgeRun(db, { now, finished: false });
    const { CHAT_IDLE_HOURS, CHAT_RETENTION_DAYS } = env();
    const idle = await endIdleChats(db, { idleSince: new Date(now.getTime() - CHAT_IDLE_HOURS * 3_600_000), now, retentionDays: CHAT_RETENTION_DAYS });
    if (idle > 0) log.info('purge.ended_idle_chats', { count: idle });
    // Used survey tickets, once no ticket they could match is still good (no receipt: a hash of
    // a random number, with nothing of anyone in it).
    const tickets = await forgetUsedSurveyTickets(db, { before: usedTicketsKeptFrom(now) });
    if (tickets > 0) log.info('purge.forgot_survey_tickets', { count: tickets });
    for (const rule of purgeRules()) {
      const deleted = await applyRule(db, rule, { runId, now, batchSize });
      summary.rules.push({ rule: rule.name, deleted });
      if (deleted > 0) log.info('purge.deleted', { rule: rule.name, count: deleted });
    }
    await markPurgeRun(db, { now, finished: true });
  });
  // The transparency page of this instance shows the run at once (lib/stats/transparency-cache.ts).
  if (outcome.ran) forgetTransparencyNumbers();
  if (!outcome.ran) {
    log.info('purge.skipped_running_elsewhere');
    return { ...summary, skipped: true };
  }
  return summary;
}
