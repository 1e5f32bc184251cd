import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { markHandedOver, placeHold, releaseHolds } from '@/db/queries/holds';
import { closeInquiry, createInquiry } from '@/db/queries/inquiries';
import { inquiries, legalHolds, purgeReceipts } from '@/db/schema';
import { runPurge } from '@/lib/jobs/purge';
import { databaseTargets } from '@/test/database-targets';
import { inquiryInput } from '@/test/inquiry-input';

const MINUTE = 60_000;
const DAY = 86_400_000;
const placedAt = new Date('2027-01-15T09:00:00Z');
const endedAt = new Date('2027-02-01T09:00:00Z');
const input = inquiryInput();
const RULE = 'legal_holds_30_days_after_ended';

async function heldInquiry() {
  const db = await getDb();
  const { id } = await createInquiry(db, { input, privacyVersion: 1, now: new Date(placedAt.getTime() - DAY) });
  const hold = await placeHold(db, { objectType: 'inquiry', objectId: id, reference: 'Politiet 24-123456', reason: 'Gjelder Ola Nordmann', placedBy: null, now: placedAt });
  return { inquiryId: id, holdId: hold.id };
}

const holdExists = async (id: string) => (await (await getDb()).select({ id: legalHolds.id }).from(legalHolds).where(eq(legalHolds.id, id))).length === 1;
const inquiryExists = async (id: string) => (await (await getDb()).select({ id: inquiries.id }).from(inquiries).where(eq(inquiries.id, id))).length === 1;

async function receipts(runId: string) {
  const rows = await (await getDb()).select({ rule: purgeReceipts.rule, deleted: purgeReceipts.deleted }).from(purgeReceipts).where(eq(purgeReceipts.runId, runId));
  return rows.filter((r) => r.rule === RULE).map((r) => r.deleted);
}

describe.each(databaseTargets())('purge of legal holds on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('keeps a released hold for 30 days, then deletes it and its texts with a receipt @claim:paalegg-slettes', async () => {
    const db = await getDb();
    const { inquiryId, holdId } = await heldInquiry();
    await releaseHolds(db, { objectType: 'inquiry', objectId: inquiryId, now: endedAt });

    const before = await runPurge({ now: new Date(endedAt.getTime() + 30 * DAY - MINUTE) });
    expect(await receipts(before.runId)).toEqual([]);
    expect(await holdExists(holdId)).toBe(true);

    const after = await runPurge({ now: new Date(endedAt.getTime() + 30 * DAY + MINUTE) });
    expect(await receipts(after.runId)).toEqual([1]);
    expect(await holdExists(holdId)).toBe(false);
    // Released, the inquiry follows its own deadline again: its contact is still open, so it stays.
    expect(await inquiryExists(inquiryId)).toBe(true);
  });

  it('never deletes an active hold, however old', async () => {
    const { holdId } = await heldInquiry();
    const run = await runPurge({ now: new Date(placedAt.getTime() + 3650 * DAY) });
    expect(await receipts(run.runId)).toEqual([]);
    expect(await holdExists(holdId)).toBe(true);
  });

  it('after a handover: the object goes at once, the hold 30 days later', async () => {
    const db = await getDb();
    const { inquiryId, holdId } = await heldInquiry();
    await closeInquiry(db, { id: inquiryId, now: placedAt });
    await markHandedOver(db, { objectType: 'inquiry', objectId: inquiryId, now: endedAt });

    await runPurge({ now: new Date(endedAt.getTime() + MINUTE) });
    expect(await inquiryExists(inquiryId)).toBe(false);
    expect(await holdExists(holdId)).toBe(true);

    const after = await runPurge({ now: new Date(endedAt.getTime() + 30 * DAY + MINUTE) });
    expect(await receipts(after.runId)).toEqual([1]);
    expect(await holdExists(holdId)).toBe(false);
  });

  it('keeps a handed-over hold while its object still exists (kept by a newer hold): it is what makes the purge delete it', async () => {
    const db = await getDb();
    const { inquiryId, holdId } = await heldInquiry();
    await markHandedOver(db, { objectType: 'inquiry', objectId: inquiryId, now: endedAt });
    const newer = await placeHold(db, { objectType: 'inquiry', objectId: inquiryId, reference: 'Politiet 24-999', reason: 'Ny sak', placedBy: null, now: endedAt });

    await runPurge({ now: new Date(endedAt.getTime() + 31 * DAY) });
    expect(await inquiryExists(inquiryId)).toBe(true);
    expect(await holdExists(holdId)).toBe(true);

    await releaseHolds(db, { objectType: 'inquiry', objectId: inquiryId, now: new Date(endedAt.getTime() + 31 * DAY) });
    await runPurge({ now: new Date(endedAt.getTime() + 32 * DAY) });
    expect(await inquiryExists(inquiryId)).toBe(false);
    expect(await holdExists(holdId)).toBe(false);
    // The newer hold was released only a day ago: it stays for its own 30 days.
    expect(await holdExists(newer.id)).toBe(true);
  });
});
