import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { migrate } from '@/db/migrate';
import { openHoldTexts, placeHold, sealPlainHolds } from '@/db/queries/holds';
import { getHold, holdExport, listHolds } from '@/db/queries/holds-admin';
import { createInquiry } from '@/db/queries/inquiries';
import { legalHolds } from '@/db/schema';
import { SealError } from '@/lib/crypto/seal';
import { afterMigrations } from '@/scripts/prepare-runtime';
import { databaseTargets } from '@/test/database-targets';
import { dumpTables } from '@/test/dump-tables';
import { inquiryInput } from '@/test/inquiry-input';

const now = new Date('2027-02-01T09:00:00Z');
const input = inquiryInput();
const REFERENCE = 'Politiet 24-123456';
const REASON = 'Gjelder Ola Nordmann f. 01.02.1990';

async function newInquiry() {
  return createInquiry(await getDb(), { input, privacyVersion: 1, now });
}

async function stored(id: string) {
  const [row] = await (await getDb()).select({ reference: legalHolds.reference, reason: legalHolds.reason }).from(legalHolds).where(eq(legalHolds.id, id));
  return row!;
}

const inDump = async (text: string) => JSON.stringify(await dumpTables(await getDb())).includes(text);

describe.each(databaseTargets())('legal-hold texts at rest on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('seals the reference and reason, each bound to its hold and column, and opens them for admins', async () => {
    const db = await getDb();
    const { id: inquiryId } = await newInquiry();
    const hold = await placeHold(db, { objectType: 'inquiry', objectId: inquiryId, reference: REFERENCE, reason: REASON, placedBy: null, now });

    const raw = await stored(hold.id);
    expect(raw.reference).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(raw.reason).toMatch(/^v1\.[0-9a-f]{8}\./);
    for (const text of [REFERENCE, '24-123456', REASON, 'Ola Nordmann']) expect(await inDump(text)).toBe(false);

    // Swapped columns, or moved to another hold, they do not open.
    expect(() => openHoldTexts(hold.id, { reference: raw.reason, reason: raw.reference })).toThrow(SealError);
    expect(() => openHoldTexts(crypto.randomUUID(), raw)).toThrow(SealError);

    expect(await getHold(db, { id: hold.id, now })).toMatchObject({ reference: REFERENCE, reason: REASON });
    expect((await listHolds(db, { now })).find((h) => h.id === hold.id)).toMatchObject({ reference: REFERENCE, reason: REASON });
    expect((await holdExport(db, { holdId: hold.id, now }))?.hold).toMatchObject({ reference: REFERENCE, reason: REASON });
  });

  it('seals the plain texts of holds placed before sealing, once, at start-up', async () => {
    const db = await getDb();
    const { id: inquiryId } = await newInquiry();
    // As the app wrote them before: plain text.
    const [legacy] = await db
      .insert(legalHolds)
      .values({ objectType: 'inquiry', objectId: inquiryId, reference: 'Politiet 19-654321', reason: 'Gjelder Per Hansen', placedBy: null, placedAt: now })
      .returning({ id: legalHolds.id });
    expect(await inDump('Politiet 19-654321')).toBe(true);

    await migrate(afterMigrations); // what every start (npm start, purge, migrate) does
    expect(await inDump('Politiet 19-654321')).toBe(false);
    expect(await inDump('Per Hansen')).toBe(false);
    expect(await getHold(db, { id: legacy!.id, now })).toMatchObject({ reference: 'Politiet 19-654321', reason: 'Gjelder Per Hansen' });
    // Sealed values are left alone.
    expect(await sealPlainHolds(db)).toBe(0);
  });
});
