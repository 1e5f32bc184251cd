import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { logAccess } from '@/db/queries/audit';
import { acceptConversation, flagConversation } from '@/db/queries/chat-host';
import { endConversation, startConversation } from '@/db/queries/chat-visitor';
import { markHandedOver, placeHold, releaseHolds } from '@/db/queries/holds';
import { addNote, closeInquiry, createInquiry } from '@/db/queries/inquiries';
import { createStaff } from '@/db/queries/staff';
import { accessLog, chatConversations, inquiries, inquiryNotes, purgeReceipts } from '@/db/schema';
import { hashChatToken, newChatToken } from '@/lib/chat/token';
import { flaggedChatDeadline } from '@/lib/chat/working-day';
import { runPurge } from '@/lib/jobs/purge';
import { databaseTargets } from '@/test/database-targets';
import { inquiryInput } from '@/test/inquiry-input';

const MINUTE = 60_000;
const closedAt = new Date('2027-01-15T09:00:00Z');
const deadline = new Date('2027-04-15T08:00:00Z'); // three months on, same time in Oslo
const input = inquiryInput();
const declinedInput = inquiryInput({ declineJournal: true });

async function closedInquiry(at = closedAt, { declineJournal = false } = {}) {
  const db = await getDb();
  const { id } = await createInquiry(db, { input: declineJournal ? declinedInput : input, privacyVersion: 1, now: new Date(at.getTime() - 86_400_000) });
  await addNote(db, { inquiryId: id, authorId: null, body: 'Ringte tilbake.', now: at });
  const closed = await closeInquiry(db, { id, now: at });
  if (at === closedAt) expect(closed).toEqual({ deleteAfter: deadline });
  return id;
}

async function exists(id: string) {
  const db = await getDb();
  return (await db.select({ id: inquiries.id }).from(inquiries).where(eq(inquiries.id, id))).length === 1;
}

const deletedBy = (s: Awaited<ReturnType<typeof runPurge>>, prefix: string) => s.rules.find((r) => r.rule.startsWith(prefix))?.deleted;

describe.each(databaseTargets())('purge on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('keeps an inquiry until three months after the contact ended, then deletes it and its notes @claim:henvendelse-tre-maaneder', async () => {
    const db = await getDb();
    const id = await closedInquiry();
    const before = await runPurge({ now: new Date(deadline.getTime() - MINUTE) });
    expect(deletedBy(before, 'inquiries')).toBe(0);
    expect(await exists(id)).toBe(true);

    const after = await runPurge({ now: new Date(deadline.getTime() + MINUTE) });
    expect(deletedBy(after, 'inquiries')).toBe(1);
    expect(await exists(id)).toBe(false);
    expect(await db.select().from(inquiryNotes).where(eq(inquiryNotes.inquiryId, id))).toEqual([]);
    const receipts = await db.select({ rule: purgeReceipts.rule, deleted: purgeReceipts.deleted }).from(purgeReceipts).where(eq(purgeReceipts.runId, after.runId));
    expect(receipts).toEqual([{ rule: 'inquiries_3_months_after_closed', deleted: 1 }]);
  });

  it('never deletes an inquiry whose contact is still open', async () => {
    const db = await getDb();
    const { id } = await createInquiry(db, { input, privacyVersion: 1, now: closedAt });
    await runPurge({ now: new Date('2030-01-01T00:00:00Z') });
    expect(await exists(id)).toBe(true);
  });

  it('a legal hold keeps it past the deadline; released, it goes; handed over, it goes at once @claim:paalegg-holder-tilbake', async () => {
    const db = await getDb();
    const held = await closedInquiry();
    await placeHold(db, { objectType: 'inquiry', objectId: held, reference: 'Politiet 27/1234', reason: 'Etterforskning', placedBy: null, now: closedAt });
    await runPurge({ now: new Date(deadline.getTime() + MINUTE) });
    expect(await exists(held)).toBe(true);
    await releaseHolds(db, { objectType: 'inquiry', objectId: held, now: deadline });
    await runPurge({ now: new Date(deadline.getTime() + 2 * MINUTE) });
    expect(await exists(held)).toBe(false);

    const handed = await closedInquiry();
    await placeHold(db, { objectType: 'inquiry', objectId: handed, reference: 'Politiet 27/99', reason: 'Etterforskning', placedBy: null, now: closedAt });
    await markHandedOver(db, { objectType: 'inquiry', objectId: handed, now: closedAt });
    await runPurge({ now: new Date(closedAt.getTime() + MINUTE) });
    expect(await exists(handed)).toBe(false);
  });

  it('a dry run counts what is due and deletes nothing', async () => {
    const id = await closedInquiry();
    const dry = await runPurge({ now: new Date(deadline.getTime() + MINUTE), dryRun: true });
    expect(deletedBy(dry, 'inquiries')).toBe(1);
    expect(await exists(id)).toBe(true);
    await runPurge({ now: new Date(deadline.getTime() + MINUTE) });
  });

  it('two purges at once: one runs, the other stands aside, and every row is deleted once', async () => {
    const db = await getDb();
    for (let i = 0; i < 5; i++) await closedInquiry();
    const runs = await Promise.all([1, 2].map(() => runPurge({ now: new Date(deadline.getTime() + MINUTE), batchSize: 2 })));
    expect(runs.filter((r) => r.skipped)).toHaveLength(1);
    const ran = runs.find((r) => !r.skipped)!;
    expect(deletedBy(ran, 'inquiries')).toBe(5);
    const [{ total }] = (await db.select({ total: sql<number>`sum(${purgeReceipts.deleted})::int` }).from(purgeReceipts).where(eq(purgeReceipts.runId, ran.runId))) as [{ total: number }];
    expect(total).toBe(5);
  });

  it('the access log refuses changes, and lets the purge delete only entries past two years @claim:tilgangslogg-to-aar', async () => {
    const db = await getDb();
    const now = new Date('2029-06-01T00:00:00Z');
    await logAccess(db, { staffId: null, action: 'inquiry_view', objectType: 'inquiry', objectId: 'x', now: new Date('2027-05-01T00:00:00Z') });
    await logAccess(db, { staffId: null, action: 'inquiry_view', objectType: 'inquiry', objectId: 'y', now: new Date('2028-01-01T00:00:00Z') });
    const refused = (p: Promise<unknown>) => p.then(() => 'allowed', () => 'refused');
    expect(await refused(db.update(accessLog).set({ action: 'export' }).execute())).toBe('refused');
    expect(await refused(db.delete(accessLog).execute())).toBe('refused');
    expect(await refused(db.execute(sql`truncate access_log`))).toBe('refused');

    const summary = await runPurge({ now });
    expect(deletedBy(summary, 'access_log')).toBe(1);
    expect((await db.select({ objectId: accessLog.objectId }).from(accessLog)).map((r) => r.objectId)).toEqual(['y']);
  });

  it('a flagged chat and an ended one are deleted by rules of their own, each with its receipt @claim:chat-30-dager', async () => {
    const db = await getDb();
    const endedAt = new Date('2027-06-04T13:00:00Z'); // a Friday, 15:00 in Oslo
    const host = await createStaff(db, { email: 'vert.purge@example.org', name: 'Hanne Vert', role: 'chat_host', passwordHash: null, totpSecret: null, now: endedAt });
    const chat = async () => (await startConversation(db, { tokenHash: hashChatToken(newChatToken()), now: endedAt })).id;
    const flagged = await chat();
    await acceptConversation(db, { id: flagged, hostId: host.id, now: endedAt });
    await flagConversation(db, { id: flagged, hostId: host.id, now: endedAt, deadline: flaggedChatDeadline(endedAt) });
    await endConversation(db, { id: flagged, by: 'vert', now: endedAt, retentionDays: 30 });
    const others = [await chat(), await chat()];
    for (const id of others) await endConversation(db, { id, by: 'besokende', now: endedAt, retentionDays: 30 });

    const dry = await runPurge({ now: new Date(endedAt.getTime() + 31 * 86_400_000), dryRun: true });
    expect([deletedBy(dry, 'chats_flagged'), deletedBy(dry, 'chats_days')]).toEqual([1, 2]);
    const ran = await runPurge({ now: new Date(endedAt.getTime() + 31 * 86_400_000) });
    const receipts = await db.select({ rule: purgeReceipts.rule, deleted: purgeReceipts.deleted }).from(purgeReceipts).where(eq(purgeReceipts.runId, ran.runId));
    expect(receipts.filter((r) => r.rule.startsWith('chats')).sort((a, b) => a.rule.localeCompare(b.rule))).toEqual([
      { rule: 'chats_days_after_end', deleted: 2 },
      { rule: 'chats_flagged_next_working_day', deleted: 1 },
    ]);
    expect(await db.select({ id: chatConversations.id }).from(chatConversations)).toEqual([]);
  });

  it('inquiries where the person declined a journal go by a rule of their own, with its receipt, at the same deadline and with the same holds', async () => {
    const db = await getDb();
    const allowed = [await closedInquiry(), await closedInquiry()];
    const declined = [await closedInquiry(closedAt, { declineJournal: true })];
    const heldAllowed = await closedInquiry();
    const heldDeclined = await closedInquiry(closedAt, { declineJournal: true });
    for (const [objectId, reference] of [[heldAllowed, 'Politiet 27/5'], [heldDeclined, 'Politiet 27/6']] as const) {
      await placeHold(db, { objectType: 'inquiry', objectId, reference, reason: 'Etterforskning', placedBy: null, now: closedAt });
    }
    const rules = ['inquiries_3_months_after_closed', 'inquiries_journal_declined_3_months_after_closed'];
    const byRule = (s: Awaited<ReturnType<typeof runPurge>>) => rules.map((rule) => s.rules.find((r) => r.rule === rule)?.deleted);
    const receipts = async (runId: string) =>
      (await db.select({ rule: purgeReceipts.rule, deleted: purgeReceipts.deleted }).from(purgeReceipts).where(eq(purgeReceipts.runId, runId))).sort((a, b) => a.rule.localeCompare(b.rule));

    expect(byRule(await runPurge({ now: new Date(deadline.getTime() - MINUTE) })), 'neither before the deadline').toEqual([0, 0]);
    expect(byRule(await runPurge({ now: new Date(deadline.getTime() + MINUTE), dryRun: true }))).toEqual([2, 1]);
    const ran = await runPurge({ now: new Date(deadline.getTime() + MINUTE) });
    expect(await receipts(ran.runId)).toEqual([
      { rule: 'inquiries_3_months_after_closed', deleted: 2 },
      { rule: 'inquiries_journal_declined_3_months_after_closed', deleted: 1 },
    ]);
    for (const id of [...allowed, ...declined]) expect(await exists(id)).toBe(false);
    expect([await exists(heldAllowed), await exists(heldDeclined)], 'a legal hold keeps both kinds').toEqual([true, true]);

    // Released, each goes by its own rule.
    await releaseHolds(db, { objectType: 'inquiry', objectId: heldAllowed, now: deadline });
    await releaseHolds(db, { objectType: 'inquiry', objectId: heldDeclined, now: deadline });
    const released = await runPurge({ now: new Date(deadline.getTime() + 2 * MINUTE) });
    expect(await receipts(released.runId)).toEqual([
      { rule: 'inquiries_3_months_after_closed', deleted: 1 },
      { rule: 'inquiries_journal_declined_3_months_after_closed', deleted: 1 },
    ]);
  });
});
