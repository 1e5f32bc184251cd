import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { createSession, createStaff, createStaffToken, findStaffToken, hashToken, touchSession, useStaffToken } from '@/db/queries/staff';
import { purgeReceipts, staffSessions, staffTokens } from '@/db/schema';
import { runPurge } from '@/lib/jobs/purge';
import { databaseTargets } from '@/test/database-targets';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const now = new Date('2027-03-01T12:00:00Z');
const limits = { idleMinutes: 15, absoluteHours: 8 }; // the defaults (SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_HOURS)

/** The receipts a purge run wrote for one rule: one count per batch. */
async function receipts(runId: string, rule: string) {
  const db = await getDb();
  const rows = await db.select({ rule: purgeReceipts.rule, deleted: purgeReceipts.deleted }).from(purgeReceipts).where(eq(purgeReceipts.runId, runId));
  return rows.filter((r) => r.rule === rule).map((r) => r.deleted);
}

const sessionsLeft = async () => (await (await getDb()).select({ tokenHash: staffSessions.tokenHash }).from(staffSessions)).map((r) => r.tokenHash).sort();
const tokensLeft = async () => (await (await getDb()).select({ tokenHash: staffTokens.tokenHash }).from(staffTokens)).map((r) => r.tokenHash).sort();

describe.each(databaseTargets())('purge of staff sessions and links on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('deletes sessions past their idle or absolute limit, with a receipt, and keeps a live one @claim:ansattes-innlogging', async () => {
    const db = await getDb();
    const { id: staffId } = await createStaff(db, { email: 'okt@example.org', name: 'Økt Ansatt', role: 'adviser', passwordHash: null, totpSecret: null, now });
    const live = await createSession(db, { staffId, now: new Date(now.getTime() - 10 * MINUTE), limits });
    const idle = await createSession(db, { staffId, now: new Date(now.getTime() - 16 * MINUTE), limits });
    // In use a minute ago, but signed in more than eight hours ago: past its absolute end.
    const old = await createSession(db, { staffId, now: new Date(now.getTime() - 8 * HOUR - MINUTE), limits });
    await db.update(staffSessions).set({ lastSeenAt: new Date(now.getTime() - MINUTE) }).where(eq(staffSessions.tokenHash, hashToken(old)));

    const run = await runPurge({ now });
    expect(await receipts(run.runId, 'staff_sessions_when_ended')).toEqual([2]);
    expect(await sessionsLeft()).toEqual([hashToken(live)]);
    expect(await touchSession(db, { token: live, now, limits })).toMatchObject({ id: staffId });
    for (const token of [idle, old]) expect(await touchSession(db, { token, now, limits })).toBeUndefined();

    // Nothing else due: the next run deletes nothing and writes no receipt.
    const again = await runPurge({ now });
    expect(await receipts(again.runId, 'staff_sessions_when_ended')).toEqual([]);
    await db.delete(staffSessions);
  });

  it('deletes one-time links once used or expired, of every purpose, with a receipt, and keeps an open one', async () => {
    const db = await getDb();
    const { id: staffId } = await createStaff(db, { email: 'lenke@example.org', name: 'Lenke Ansatt', role: 'adviser', passwordHash: null, totpSecret: null, now });
    const open = await createStaffToken(db, { purpose: 'invite', staffId, now, hours: 72 });
    const used = await createStaffToken(db, { purpose: 'reset_totp', staffId, now: new Date(now.getTime() - HOUR), hours: 24 });
    expect(await useStaffToken(db, { token: used, now: new Date(now.getTime() - 30 * MINUTE) })).toBe(true);
    await createStaffToken(db, { purpose: 'first_admin', staffId: null, now: new Date(now.getTime() - 25 * HOUR), hours: 24 });
    await createStaffToken(db, { purpose: 'invite', staffId, now: new Date(now.getTime() - 73 * HOUR), hours: 72 });

    const run = await runPurge({ now });
    expect(await receipts(run.runId, 'staff_tokens_when_used_or_expired')).toEqual([3]);
    expect(await tokensLeft()).toEqual([hashToken(open)]);
    expect(await findStaffToken(db, { token: open, now })).toEqual({ purpose: 'invite', staffId });

    const again = await runPurge({ now });
    expect(await receipts(again.runId, 'staff_tokens_when_used_or_expired')).toEqual([]);
  });
});
