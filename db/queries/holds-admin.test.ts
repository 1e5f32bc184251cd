import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { markHandedOver, placeHold, releaseHolds } from '@/db/queries/holds';
import { findActiveHold, findInquiryByReference, getHold, holdExport, listHolds, normaliseReference } from '@/db/queries/holds-admin';
import { addNote, closeInquiry, createInquiry } from '@/db/queries/inquiries';
import { createStaff } from '@/db/queries/staff';
import { inquiries } from '@/db/schema';
import { runPurge } from '@/lib/jobs/purge';
import { databaseTargets } from '@/test/database-targets';
import { inquiryInput } from '@/test/inquiry-input';

const MINUTE = 60_000;
const DAY = 86_400_000;
const now = new Date('2027-02-01T09:00:00Z');
const input = inquiryInput({ name: 'Kari Nordmann', message: 'Hei.\nJeg er bekymret for sønnen min.' });

async function newInquiry(at = now) {
  const db = await getDb();
  return createInquiry(db, { input, privacyVersion: 1, now: at });
}

async function exists(id: string) {
  const db = await getDb();
  return (await db.select({ id: inquiries.id }).from(inquiries).where(eq(inquiries.id, id))).length === 1;
}

let staffCount = 0;
async function newAdmin(name: string) {
  const db = await getDb();
  return (await createStaff(db, { email: `admin${++staffCount}@example.org`, name, role: 'admin', passwordHash: null, totpSecret: null, now })).id;
}

const hold = (objectId: string, reference: string, placedBy: string | null, at = now) => ({
  objectType: 'inquiry' as const,
  objectId,
  reference,
  reason: 'Etterforskning',
  placedBy,
  now: at,
});

describe('normaliseReference', () => {
  it('reads a receipt code however it was typed', () => {
    expect(normaliseReference('k7qm 3xhp')).toBe('K7QM-3XHP');
    expect(normaliseReference(' K7QM3XHP ')).toBe('K7QM-3XHP');
    expect(normaliseReference('K7QM-3XHP')).toBe('K7QM-3XHP');
    expect(normaliseReference('K7Q')).toBe('K7Q');
  });
});

describe.each(databaseTargets())('legal holds for admins on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('finds a visible inquiry by its receipt code and places a hold on it', async () => {
    const db = await getDb();
    const admin = await newAdmin('Anne Admin');
    const { id, reference } = await newInquiry();

    const found = await findInquiryByReference(db, { reference: reference.toLowerCase().replace('-', ' '), now });
    expect(found).toEqual({ id, reference, onHold: false });
    const placed = await placeHold(db, hold(found!.id, 'Politiet 27/1234', admin));

    expect(await findInquiryByReference(db, { reference, now })).toEqual({ id, reference, onHold: true });
    expect(await getHold(db, { id: placed.id, now })).toMatchObject({
      objectType: 'inquiry',
      objectId: id,
      objectReference: reference,
      reference: 'Politiet 27/1234',
      reason: 'Etterforskning',
      placedByName: 'Anne Admin',
      placedAt: now,
      status: 'active',
      endedAt: null,
    });
    // The actions read both with a row lock inside their transaction.
    const locked = await db.transaction(async (tx) => {
      const t = tx as unknown as typeof db;
      return [await findInquiryByReference(t, { reference, now, lock: true }), await findActiveHold(t, { id: placed.id, now, lock: true })];
    });
    expect(locked).toEqual([{ id, reference, onHold: true }, { objectType: 'inquiry', objectId: id, objectDeleteAfter: null }]);
  });

  it('finds nothing for an unknown code, or for an inquiry past its deadline', async () => {
    const db = await getDb();
    expect(await findInquiryByReference(db, { reference: 'ZZZZ-ZZZZ', now })).toBeUndefined();
    expect(await findInquiryByReference(db, { reference: '', now })).toBeUndefined();

    const { id, reference } = await newInquiry(new Date(now.getTime() - DAY));
    const closed = await closeInquiry(db, { id, now });
    const after = new Date(closed!.deleteAfter.getTime() + MINUTE);
    expect(await findInquiryByReference(db, { reference, now: after })).toBeUndefined();
  });

  it('lists holds with their status, active first, and hides the code of an inquiry that is gone', async () => {
    const db = await getDb();
    const [a, b, c] = [await newInquiry(), await newInquiry(), await newInquiry()];
    const released = await placeHold(db, hold(a.id, 'Sak A', null, new Date(now.getTime() + MINUTE)));
    const handed = await placeHold(db, hold(b.id, 'Sak B', null, new Date(now.getTime() + 2 * MINUTE)));
    const active = await placeHold(db, hold(c.id, 'Sak C', null, new Date(now.getTime() - MINUTE)));
    const later = new Date(now.getTime() + 10 * MINUTE);
    expect(await releaseHolds(db, { objectType: 'inquiry', objectId: a.id, now: later })).toBe(1);
    expect(await markHandedOver(db, { objectType: 'inquiry', objectId: b.id, now: later })).toBe(1);

    const rows = (await listHolds(db, { now: later, objectType: 'inquiry' })).filter((r) => [released.id, handed.id, active.id].includes(r.id));
    expect(rows.map((r) => [r.reference, r.status, r.endedAt])).toEqual([
      ['Sak C', 'active', null],
      ['Sak B', 'handed_over', later],
      ['Sak A', 'released', later],
    ]);
    // Handed over means gone for us at once, even before the purge: its code is no longer shown.
    expect(rows.map((r) => r.objectReference)).toEqual([c.reference, null, a.reference]);
    expect(await findActiveHold(db, { id: released.id, now: later })).toBeUndefined();
    for (const row of rows) expect(Object.values(row).some((v) => typeof v === 'string' && v.startsWith('v1.'))).toBe(false);

    await runPurge({ now: later });
    const afterPurge = await getHold(db, { id: handed.id, now: later });
    expect(afterPurge).toMatchObject({ status: 'handed_over', objectId: b.id, objectReference: null });
  });

  it('exports the held inquiry opened, with its notes and the hold, and nothing once the hold has ended', async () => {
    const db = await getDb();
    const admin = await newAdmin('Per Admin');
    const { id, reference } = await newInquiry();
    await addNote(db, { inquiryId: id, authorId: admin, body: 'Ringte tilbake.', now: new Date(now.getTime() + MINUTE) });
    const placed = await placeHold(db, hold(id, 'Politiet 27/555', admin, new Date(now.getTime() + 2 * MINUTE)));

    const doc = await holdExport(db, { holdId: placed.id, now: new Date(now.getTime() + 3 * MINUTE) });
    expect(doc?.hold).toMatchObject({ id: placed.id, reference: 'Politiet 27/555', reason: 'Etterforskning', placedByName: 'Per Admin' });
    expect(doc?.object).toMatchObject({ type: 'inquiry', id, reference, name: 'Kari Nordmann', email: 'kari@example.org', phone: null, message: input.message });
    expect(doc?.object.type === 'inquiry' && doc.object.notes).toEqual([{ authorName: 'Per Admin', createdAt: new Date(now.getTime() + MINUTE), body: 'Ringte tilbake.' }]);
    // An export is not a reading by an adviser: the inquiry stays unread.
    const [row] = await db.select({ firstOpenedAt: inquiries.firstOpenedAt }).from(inquiries).where(eq(inquiries.id, id));
    expect(row?.firstOpenedAt).toBeNull();

    await releaseHolds(db, { objectType: 'inquiry', objectId: id, now: new Date(now.getTime() + 4 * MINUTE) });
    expect(await holdExport(db, { holdId: placed.id, now: new Date(now.getTime() + 5 * MINUTE) })).toBeUndefined();
  });

  it('once handed over, the purge run at the same moment deletes the inquiry, even with its contact still open', async () => {
    const db = await getDb();
    const { id, reference } = await newInquiry();
    const placed = await placeHold(db, hold(id, 'Politiet 27/777', null));
    const at = new Date(now.getTime() + 30 * MINUTE);
    expect(await markHandedOver(db, { objectType: 'inquiry', objectId: id, now: at })).toBe(1);
    expect(await holdExport(db, { holdId: placed.id, now: at })).toBeUndefined();
    // Handed over is gone: no new hold can keep it from the purge.
    expect(await findInquiryByReference(db, { reference, now: at })).toBeUndefined();

    await runPurge({ now: at });
    expect(await exists(id)).toBe(false);
    expect(await findInquiryByReference(db, { reference, now: at })).toBeUndefined();
    expect(await getHold(db, { id: placed.id, now: at })).toMatchObject({ status: 'handed_over', objectReference: null });
  });
});
