// Not marked 'server-only': the purge also runs from the command line (scripts/purge.ts).
import { and, eq, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { deleteChats } from '@/db/queries/chat-deletion';
import { deleteInquiries } from '@/db/queries/inquiry-deletion';
import { endedHoldIsDue, isDue } from '@/db/queries/retention';
import { INQUIRY_RETENTION_MONTHS } from '@/lib/retention/months';
import { accessLog, chatBlockedTokens, chatConversations, inquiries, legalHolds, purgeReceipts, purgeStatus, staffSessions, staffTokens } from '@/db/schema';

/**
 * The retention rules the purge enforces. Each rule deletes at most `limit` due rows in the
 * transaction it is given, oldest deadline first, skipping rows another purge has locked, and
 * returns how many it deleted; `count` tells a dry run how many are due.
 *
 * - inquiries, as two rules (journal allowed, journal declined): three months after the
 *   contact was closed (deleteAfter), with their notes and corrections (ON DELETE CASCADE;
 *   deleted as every inquiry is, by deleteInquiries in inquiry-deletion.ts), unless a legal
 *   hold stands; at once when handed over.
 * - chat_conversations, as two rules (deleted as every chat is, by deleteChats in chat-deletion.ts): a flagged chat at the end of the next working day after
 *   the flag, any other chat a set number of days after it ended (both kept in deleteAfter),
 *   with its messages and its data key, unless a legal hold stands; at once when handed over.
 *   An open chat nobody has written in for CHAT_IDLE_HOURS is ended first (see endIdleChats).
 * - chat_blocked_tokens: when the block expires.
 * - legal_holds: with their sealed reference and reason, a set number of days (default 30)
 *   after release or handover; a handed-over hold not before its object is gone.
 * - staff_sessions: once ended by the absolute or the idle limit (they can never be used again).
 * - staff_tokens: once used or expired (a one-time link that can no longer sign anyone up).
 * - access_log: entries older than the configured period (default two years). The database
 *   refuses this delete unless the transaction names the cutoff (see migration 0002).
 */
/** The names receipts carry, which the transparency page (db/queries/transparency.ts) sums by. */
export const PURGE_RULE_NAMES = {
  /** Inquiries where the person allowed a journal (and, before the split, every inquiry). */
  inquiries: `inquiries_${INQUIRY_RETENTION_MONTHS}_months_after_closed`,
  journalDeclinedInquiries: `inquiries_journal_declined_${INQUIRY_RETENTION_MONTHS}_months_after_closed`,
  flaggedChats: 'chats_flagged_next_working_day',
  endedChats: 'chats_days_after_end',
  /** Followed by the configured number of days, which may change: `access_log_after_730_days`. */
  accessLogPrefix: 'access_log_after_',
} as const;

export type PurgeRule = {
  name: string;
  count: (db: Database, now: Date) => Promise<number>;
  deleteBatch: (tx: Database, now: Date, limit: number) => Promise<number>;
};

/**
 * One batch of one rule in its own transaction, with its receipt (rule, count, time; no
 * content) written in that transaction, so receipts always add up to what was deleted.
 */
export async function deleteBatchWithReceipt(db: Database, rule: PurgeRule, { runId, now, limit }: { runId: string; now: Date; limit: number }): Promise<number> {
  return db.transaction(async (tx) => {
    const n = await rule.deleteBatch(tx, now, limit);
    if (n > 0) await tx.insert(purgeReceipts).values({ runId, rule: rule.name, ranAt: now, deleted: n });
    return n;
  });
}

/** The purge has started (`finished` false) or finished a run at `now`: the transparency page shows both. */
export async function markPurgeRun(db: Database, { now, finished }: { now: Date; finished: boolean }): Promise<void> {
  const set = finished ? { lastFinishedAt: now } : { lastStartedAt: now };
  await db
    .insert(purgeStatus)
    .values({ id: 1, lastStartedAt: now, lastFinishedAt: finished ? now : null })
    .onConflictDoUpdate({ target: purgeStatus.id, set });
}

async function countOf(db: Database, query: ReturnType<typeof sql>): Promise<number> {
  const result = (await db.execute(query)) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]?.n ?? 0);
}

/**
 * Inquiries, as two rules with the same deadline and the same legal-hold handling, so that the
 * receipts (and the transparency page) tell apart how many of the people whose inquiries went
 * had declined a journal. Between them they delete exactly what one rule did.
 */
function inquiryRule(name: string, journalDeclined: boolean): PurgeRule {
  const due = (now: Date) => and(isDue('inquiry', inquiries.id, inquiries.deleteAfter, now), eq(inquiries.journalDeclined, journalDeclined))!;
  return {
    name,
    count: (db, now) => countOf(db, sql`select count(*)::int as n from ${inquiries} where ${due(now)}`),
    async deleteBatch(tx, now, limit) {
      const rows = tx.select({ id: inquiries.id }).from(inquiries).where(due(now)).orderBy(inquiries.deleteAfter).limit(limit).for('update', { skipLocked: true });
      return deleteInquiries(tx, rows);
    },
  };
}

export const journalAllowedInquiryRule = inquiryRule(PURGE_RULE_NAMES.inquiries, false);
export const journalDeclinedInquiryRule = inquiryRule(PURGE_RULE_NAMES.journalDeclinedInquiries, true);

/**
 * Chats, as two rules so that the receipts (and the transparency page) tell them apart: a chat
 * a host flagged goes at the end of the next working day after the flag, any other a set
 * number of days after it ended. Both deadlines are fixed in deleteAfter when the chat is
 * flagged or ends, so neither rule's name carries a number of days: a chat ended under an
 * earlier setting keeps the deadline it was given.
 */
function chatRule(name: string, which: SQL): PurgeRule {
  const due = (now: Date) => and(isDue('chat', chatConversations.id, chatConversations.deleteAfter, now), which)!;
  return {
    name,
    count: (db, now) => countOf(db, sql`select count(*)::int as n from ${chatConversations} where ${due(now)}`),
    async deleteBatch(tx, now, limit) {
      const rows = tx
        .select({ id: chatConversations.id })
        .from(chatConversations)
        .where(due(now))
        .orderBy(chatConversations.deleteAfter)
        .limit(limit)
        .for('update', { skipLocked: true });
      return deleteChats(tx, rows);
    },
  };
}

export const flaggedChatRule = chatRule(PURGE_RULE_NAMES.flaggedChats, isNotNull(chatConversations.flaggedAt));
export const endedChatRule = chatRule(PURGE_RULE_NAMES.endedChats, isNull(chatConversations.flaggedAt));

export const chatBlockRule: PurgeRule = {
  name: 'chat_blocks_when_expired',
  count: (db, now) => countOf(db, sql`select count(*)::int as n from ${chatBlockedTokens} where ${lt(chatBlockedTokens.expiresAt, now)}`),
  async deleteBatch(tx, now, limit) {
    const due = tx.select({ tokenHash: chatBlockedTokens.tokenHash }).from(chatBlockedTokens).where(lt(chatBlockedTokens.expiresAt, now)).limit(limit).for('update', { skipLocked: true });
    const deleted = await tx.delete(chatBlockedTokens).where(inArray(chatBlockedTokens.tokenHash, due)).returning({ tokenHash: chatBlockedTokens.tokenHash });
    return deleted.length;
  },
};

export function accessLogRule(retentionDays: number): PurgeRule {
  const cutoff = (now: Date) => new Date(now.getTime() - retentionDays * 86_400_000);
  return {
    name: `${PURGE_RULE_NAMES.accessLogPrefix}${retentionDays}_days`,
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

const DAY = 86_400_000;

export function holdRule(retentionDays: number): PurgeRule {
  const due = (now: Date) => endedHoldIsDue(new Date(now.getTime() - retentionDays * DAY));
  return {
    name: `legal_holds_${retentionDays}_days_after_ended`,
    count: (db, now) => countOf(db, sql`select count(*)::int as n from ${legalHolds} where ${due(now)}`),
    async deleteBatch(tx, now, limit) {
      const rows = tx.select({ id: legalHolds.id }).from(legalHolds).where(due(now)).orderBy(legalHolds.placedAt).limit(limit).for('update', { skipLocked: true });
      const deleted = await tx.delete(legalHolds).where(inArray(legalHolds.id, rows)).returning({ id: legalHolds.id });
      return deleted.length;
    },
  };
}

/** The same limits touchSession (db/queries/staff.ts) refuses a session by. */
export function staffSessionRule(idleMinutes: number): PurgeRule {
  const ended = (now: Date) => or(lte(staffSessions.expiresAt, now), lte(staffSessions.lastSeenAt, new Date(now.getTime() - idleMinutes * 60_000)))!;
  return {
    name: 'staff_sessions_when_ended',
    count: (db, now) => countOf(db, sql`select count(*)::int as n from ${staffSessions} where ${ended(now)}`),
    async deleteBatch(tx, now, limit) {
      const due = tx.select({ tokenHash: staffSessions.tokenHash }).from(staffSessions).where(ended(now)).limit(limit).for('update', { skipLocked: true });
      const deleted = await tx.delete(staffSessions).where(inArray(staffSessions.tokenHash, due)).returning({ tokenHash: staffSessions.tokenHash });
      return deleted.length;
    },
  };
}

const spentToken = (now: Date) => or(isNotNull(staffTokens.usedAt), lte(staffTokens.expiresAt, now))!;

export const staffTokenRule: PurgeRule = {
  name: 'staff_tokens_when_used_or_expired',
  count: (db, now) => countOf(db, sql`select count(*)::int as n from ${staffTokens} where ${spentToken(now)}`),
  async deleteBatch(tx, now, limit) {
    const due = tx.select({ tokenHash: staffTokens.tokenHash }).from(staffTokens).where(spentToken(now)).limit(limit).for('update', { skipLocked: true });
    const deleted = await tx.delete(staffTokens).where(inArray(staffTokens.tokenHash, due)).returning({ tokenHash: staffTokens.tokenHash });
    return deleted.length;
  },
};
