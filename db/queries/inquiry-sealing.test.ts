import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { migrate } from '@/db/migrate';
import { createInquiry } from '@/db/queries/inquiries';
import { openInquiryFields, sealInquiryField, sealPlainInquiries } from '@/db/queries/inquiry-sealing';
import { getInquiry } from '@/db/queries/inquiry-review';
import { inquiries } from '@/db/schema';
import { SealError } from '@/lib/crypto/seal';
import { afterMigrations } from '@/scripts/prepare-runtime';
import { databaseTargets } from '@/test/database-targets';
import { dumpTables } from '@/test/dump-tables';
import { inquiryInput } from '@/test/inquiry-input';

const now = new Date('2027-02-01T09:00:00Z');
const SEALED = /^v1\.[0-9a-f]{8}\./;

async function stored(id: string) {
  const [row] = await (await getDb())
    .select({
      name: inquiries.name,
      email: inquiries.email,
      phone: inquiries.phone,
      message: inquiries.message,
      audience: inquiries.audience,
      relation: inquiries.relation,
      preferredContact: inquiries.preferredContact,
    })
    .from(inquiries)
    .where(eq(inquiries.id, id));
  return row!;
}

const inDump = async (text: string) => JSON.stringify(await dumpTables(await getDb())).includes(text);

describe.each(databaseTargets())('inquiry fields at rest on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('@claim:henvendelse-forseglet everything a person fills in is sealed at rest: no field of the form is in a dump in clear text', async () => {
    const db = await getDb();
    // The free text is made to be found; the choices are codes from the form's lists, found
    // everywhere in a dump, so for them the raw row is what shows they are sealed.
    const input = inquiryInput({
      name: 'Kanarifugl Navnesen',
      email: 'kanarifugl.epost@example.org',
      phone: '47 11 22 33',
      message: 'Kanarifugl-melding om sønnen min.',
      contactBy: 'telefon',
      relation: 'annen_familie',
      audience: 'i-arbeidslivet',
    });
    const { id } = await createInquiry(db, { input, privacyVersion: 1, now });

    const raw = await stored(id);
    for (const [field, value] of Object.entries(raw)) expect(value, field).toMatch(SEALED);
    for (const canary of ['Kanarifugl', 'kanarifugl.epost', '11 22 33', '47112233', 'sønnen min']) expect(await inDump(canary)).toBe(false);

    // Two sealed fields swapped, or moved to another inquiry, do not open.
    expect(() => openInquiryFields(id, { ...raw, audience: raw.relation, relation: raw.audience })).toThrow(SealError);
    expect(() => openInquiryFields(id, { ...raw, preferredContact: raw.message })).toThrow(SealError);
    expect(() => openInquiryFields(randomUUID(), raw)).toThrow(SealError);

    expect(await getInquiry(db, { id, now })).toMatchObject({
      name: 'Kanarifugl Navnesen',
      email: 'kanarifugl.epost@example.org',
      phone: '+4747112233',
      message: 'Kanarifugl-melding om sønnen min.',
      audience: 'i-arbeidslivet',
      relation: 'annen_familie',
      preferredContact: 'telefon',
    });
  });

  it('@claim:henvendelse-forseglet inquiries stored in clear before sealing are sealed once at start-up', async () => {
    const db = await getDb();
    // As the app wrote them before: the free text sealed, the choices from the lists in clear.
    const id = randomUUID();
    await db.insert(inquiries).values({
      id,
      reference: `GAML-${id.slice(0, 4).toUpperCase()}`,
      createdAt: now,
      privacyVersion: 1,
      audience: 'for-studenter',
      relation: 'sosken',
      preferredContact: 'epost',
      journalDeclined: false,
      name: sealInquiryField(id, 'name', 'Per Hansen'),
      email: sealInquiryField(id, 'email', 'per@example.org'),
      phone: null,
      message: sealInquiryField(id, 'message', 'Broren min sliter.'),
    });
    const before = await stored(id);
    expect(before).toMatchObject({ audience: 'for-studenter', relation: 'sosken', preferredContact: 'epost' });

    await migrate(afterMigrations); // what every start (npm start, purge, migrate) does
    const after = await stored(id);
    for (const field of ['audience', 'relation', 'preferredContact'] as const) expect(after[field], field).toMatch(SEALED);
    // What was sealed already is left as it was; a missing phone stays missing.
    expect(after).toMatchObject({ name: before.name, email: before.email, message: before.message, phone: null });
    expect(await getInquiry(db, { id, now })).toMatchObject({
      name: 'Per Hansen',
      email: 'per@example.org',
      phone: null,
      message: 'Broren min sliter.',
      audience: 'for-studenter',
      relation: 'sosken',
      preferredContact: 'epost',
    });
    expect(await sealPlainInquiries(db)).toBe(0);
  });
});
