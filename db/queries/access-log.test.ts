import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { listAccessLog, listLoggedStaff } from '@/db/queries/access-log';
import { logAccess } from '@/db/queries/audit';
import { createInquiry } from '@/db/queries/inquiries';
import { createStaff } from '@/db/queries/staff';
import { accessLog } from '@/db/schema';
import { databaseTargets } from '@/test/database-targets';

const MINUTE = 60_000;
const start = new Date('2027-05-01T08:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);

let count = 0;
async function newStaff(name: string) {
  const db = await getDb();
  const email = `logg${++count}@example.org`;
  return (await createStaff(db, { email, name, role: 'adviser', passwordHash: null, totpSecret: null, now: start })).id;
}

describe.each(databaseTargets())('access log on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('filters by staff member, newest first, with names; a failed sign-in by an unknown e-mail has no one', async () => {
    const db = await getDb();
    const kari = await newStaff('Kari Fagkonsulent');
    const ola = await newStaff('Ola Fagkonsulent');
    const silent = await newStaff('Stille Ansatt');
    await logAccess(db, { staffId: kari, action: 'sign_in', now: at(1) });
    await logAccess(db, { staffId: ola, action: 'sign_in', now: at(2) });
    await logAccess(db, { staffId: kari, action: 'inquiry_view', objectType: 'inquiry', objectId: randomUUID(), now: at(3) });
    await logAccess(db, { staffId: null, action: 'sign_in_failed', now: at(4) });

    const { entries, hasNext } = await listAccessLog(db, { staffId: kari });
    expect(hasNext).toBe(false);
    expect(entries.map((e) => [e.action, e.at, e.staffName])).toEqual([
      ['inquiry_view', at(3), 'Kari Fagkonsulent'],
      ['sign_in', at(1), 'Kari Fagkonsulent'],
    ]);

    const newest = (await listAccessLog(db, {})).entries[0]!;
    expect(newest).toMatchObject({ action: 'sign_in_failed', staffId: null, staffName: null, objectType: null, objectId: null, objectName: null });

    const logged = await listLoggedStaff(db);
    expect(logged).toEqual(expect.arrayContaining([{ id: kari, name: 'Kari Fagkonsulent', disabled: false }, { id: ola, name: 'Ola Fagkonsulent', disabled: false }]));
    expect(logged.map((s) => s.id)).not.toContain(silent);
    expect(logged.findIndex((s) => s.id === kari)).toBeLessThan(logged.findIndex((s) => s.id === ola));
  });

  it('filters by object type and id, and names the object while it exists', async () => {
    const db = await getDb();
    const who = await newStaff('Admin Revisor');
    const subject = await newStaff('Petter Ansatt');
    const { id: inquiryId, reference } = await createInquiry(db, {
      input: { name: 'Kari', email: 'kari@example.org', phone: '', contactBy: 'epost', relation: 'forelder', audience: 'pa-skolen', message: 'Hei', declineJournal: false },
      privacyVersion: 1,
      now: start,
    });
    const gone = randomUUID();
    await logAccess(db, { staffId: who, action: 'inquiry_view', objectType: 'inquiry', objectId: inquiryId, now: at(10) });
    await logAccess(db, { staffId: who, action: 'inquiry_note', objectType: 'inquiry', objectId: inquiryId, now: at(11) });
    await logAccess(db, { staffId: who, action: 'inquiry_view', objectType: 'inquiry', objectId: gone, now: at(12) });
    await logAccess(db, { staffId: who, action: 'staff_change', objectType: 'staff', objectId: subject, now: at(13) });
    // The same id under another type is another object.
    await logAccess(db, { staffId: who, action: 'staff_change', objectType: 'staff', objectId: inquiryId, now: at(14) });

    const one = await listAccessLog(db, { objectType: 'inquiry', objectId: inquiryId });
    expect(one.entries.map((e) => [e.action, e.objectName])).toEqual([
      ['inquiry_note', reference],
      ['inquiry_view', reference],
    ]);
    expect((await listAccessLog(db, { objectType: 'inquiry', objectId: gone })).entries.map((e) => e.objectName)).toEqual([null]);
    expect((await listAccessLog(db, { objectType: 'staff', objectId: subject })).entries.map((e) => [e.action, e.objectName])).toEqual([['staff_change', 'Petter Ansatt']]);
    expect((await listAccessLog(db, { objectId: inquiryId })).entries).toHaveLength(3);
    const byType = await listAccessLog(db, { staffId: who, objectType: 'staff' });
    expect(byType.entries.map((e) => e.at)).toEqual([at(14), at(13)]);
  });

  it('pages 100 at a time, newest first, without gaps or repeats', async () => {
    const db = await getDb();
    const who = await newStaff('Mange Rader');
    const objectId = randomUUID();
    await db.insert(accessLog).values(
      Array.from({ length: 250 }, (_, i) => ({ at: at(100 + i), staffId: who, action: 'inquiry_view', objectType: 'inquiry', objectId })),
    );
    const pages = await Promise.all([1, 2, 3, 4].map((page) => listAccessLog(db, { objectId, page })));
    expect(pages.map((p) => [p.entries.length, p.hasNext])).toEqual([
      [100, true],
      [100, true],
      [50, false],
      [0, false],
    ]);
    const times = pages.flatMap((p) => p.entries.map((e) => e.at.getTime()));
    expect(times).toEqual(Array.from({ length: 250 }, (_, i) => at(349 - i).getTime()));
    expect((await listAccessLog(db, { objectId, page: 2, pageSize: 10 })).entries[0]!.at).toEqual(at(339));
  });
});
