import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { getHold } from '@/db/queries/holds-admin';
import { createInquiry } from '@/db/queries/inquiries';
import { accessLog, legalHolds } from '@/db/schema';
import { appClock } from '@/lib/clock';
import { form, idle } from '@/test/action-form';
import { databaseTargets } from '@/test/database-targets';
import { dumpTables } from '@/test/dump-tables';
import { inquiryInput } from '@/test/inquiry-input';
import { callAs, signInAs } from '@/test/signed-in';
import { handOverAction, placeHoldAction, releaseHoldAction } from './actions';

// The actions ask the session who is calling; these tests say who it is.
vi.mock('@/lib/auth/staff-session', () => import('@/test/signed-in'));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

async function newInquiry() {
  const input = inquiryInput();
  return createInquiry(await getDb(), { input, privacyVersion: 1, now: appClock().now() });
}

async function holdsOn(objectId: string) {
  const db = await getDb();
  return db.select({ id: legalHolds.id, placedBy: legalHolds.placedBy, releasedAt: legalHolds.releasedAt, handedOverAt: legalHolds.handedOverAt }).from(legalHolds).where(eq(legalHolds.objectId, objectId));
}

async function logFor(objectId: string) {
  const db = await getDb();
  return db.select({ action: accessLog.action, staffId: accessLog.staffId, objectType: accessLog.objectType }).from(accessLog).where(and(eq(accessLog.objectId, objectId)));
}

describe.each(databaseTargets())('legal-hold actions on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('refuses anyone but an admin and writes nothing', async () => {
    const { id, reference } = await newInquiry();
    await signInAs('adviser');
    const refused = await placeHoldAction(idle, form({ inquiryCode: reference, caseReference: 'Sak 1', reason: 'Etterforskning' }));
    expect(refused).toMatchObject({ status: 'error', message: 'Du har ikke tilgang til dette.' });
    callAs(null);
    expect(await placeHoldAction(idle, form({ inquiryCode: reference, caseReference: 'Sak 1', reason: 'Etterforskning' }))).toMatchObject({ status: 'error', message: 'Du har ikke tilgang til dette.' });
    expect(await holdsOn(id)).toEqual([]);
    expect(await logFor(id)).toEqual([]);
  });

  it('places a hold by the receipt code, however it is typed, once, and logs it', async () => {
    const admin = await signInAs('admin');
    const { id, reference } = await newInquiry();
    const placed = await placeHoldAction(idle, form({ inquiryCode: ` ${reference.toLowerCase().replace('-', '')} `, caseReference: 'Politiet 27/1', reason: 'Etterforskning' }));
    expect(placed).toMatchObject({ status: 'ok', result: { message: expect.stringContaining(reference) } });
    expect(await holdsOn(id)).toMatchObject([{ placedBy: admin.staffId, releasedAt: null, handedOverAt: null }]);
    expect(await logFor(id)).toEqual([{ action: 'hold_place', staffId: admin.staffId, objectType: 'inquiry' }]);

    const again = await placeHoldAction(idle, form({ inquiryCode: reference, caseReference: 'Politiet 27/2', reason: 'Ny sak' }));
    expect(again).toMatchObject({ status: 'error', fieldErrors: { inquiryCode: expect.stringContaining('allerede') } });
    expect(await holdsOn(id)).toHaveLength(1);
  });

  it('says which field is wrong and keeps what was typed', async () => {
    await signInAs('admin');
    const unknown = await placeHoldAction(idle, form({ inquiryCode: 'ZZZZ-ZZZZ', caseReference: 'Sak', reason: 'Grunn' }));
    expect(unknown).toMatchObject({ status: 'error', fieldErrors: { inquiryCode: expect.stringContaining('finner ingen') }, values: { inquiryCode: 'ZZZZ-ZZZZ', caseReference: 'Sak', reason: 'Grunn' } });
    const empty = await placeHoldAction(idle, form({ inquiryCode: 'K7Q', caseReference: '', reason: 'x'.repeat(1001) }));
    expect(empty).toMatchObject({ status: 'error' });
    if (empty.status === 'error') expect(Object.keys(empty.fieldErrors).sort()).toEqual(['caseReference', 'inquiryCode', 'reason']);
  });

  it('releases a hold and hands one over, each once, each logged; an adviser can do neither', async () => {
    const admin = await signInAs('admin');
    const [a, b] = [await newInquiry(), await newInquiry()];
    for (const q of [a, b]) await placeHoldAction(idle, form({ inquiryCode: q.reference, caseReference: 'Sak', reason: 'Grunn' }));
    const [holdA] = await holdsOn(a.id);
    const [holdB] = await holdsOn(b.id);

    await signInAs('adviser');
    expect(await releaseHoldAction(idle, form({ id: holdA!.id }))).toMatchObject({ status: 'error', message: 'Du har ikke tilgang til dette.' });
    expect(await handOverAction(idle, form({ id: holdB!.id }))).toMatchObject({ status: 'error', message: 'Du har ikke tilgang til dette.' });
    expect((await holdsOn(a.id))[0]?.releasedAt).toBeNull();

    callAs(admin);
    expect(await releaseHoldAction(idle, form({ id: holdA!.id }))).toMatchObject({ status: 'ok' });
    expect(await handOverAction(idle, form({ id: holdB!.id }))).toMatchObject({ status: 'ok', result: { message: expect.stringContaining('slettes') } });
    expect(await releaseHoldAction(idle, form({ id: holdA!.id }))).toMatchObject({ status: 'error', message: 'Pålegget er allerede opphevet eller utlevert.' });
    expect(await handOverAction(idle, form({ id: 'ikke-en-id' }))).toMatchObject({ status: 'error' });

    expect((await holdsOn(a.id))[0]?.releasedAt).toBeInstanceOf(Date);
    expect((await holdsOn(b.id))[0]?.handedOverAt).toBeInstanceOf(Date);
    expect((await logFor(a.id)).map((r) => r.action)).toEqual(['hold_place', 'hold_release']);
    expect((await logFor(b.id)).map((r) => r.action)).toEqual(['hold_place', 'hold_handed_over']);
  });

  it('leaves the police reference and reason in no table in clear text, not even the access log, and shows them to admins', async () => {
    await signInAs('admin');
    const [a, b] = [await newInquiry(), await newInquiry()];
    const texts = { caseReference: 'Politiet 24-123456', reason: 'Gjelder Ola Nordmann f. 01.02.1990' };
    for (const q of [a, b]) expect(await placeHoldAction(idle, form({ inquiryCode: q.reference, ...texts }))).toMatchObject({ status: 'ok' });
    const [holdA] = await holdsOn(a.id);
    const [holdB] = await holdsOn(b.id);
    expect(await releaseHoldAction(idle, form({ id: holdA!.id }))).toMatchObject({ status: 'ok' });
    expect(await handOverAction(idle, form({ id: holdB!.id }))).toMatchObject({ status: 'ok' });

    const db = await getDb();
    const dump = JSON.stringify(await dumpTables(db));
    for (const text of ['Politiet 24-123456', '24-123456', 'Ola Nordmann', '01.02.1990']) expect(dump).not.toContain(text);
    const logged = await db.select().from(accessLog).where(inArray(accessLog.objectId, [a.id, b.id]));
    expect(logged.map((r) => [r.objectId, r.action])).toEqual([
      [a.id, 'hold_place'],
      [b.id, 'hold_place'],
      [a.id, 'hold_release'],
      [b.id, 'hold_handed_over'],
    ]);
    expect(await getHold(db, { id: holdA!.id, now: appClock().now() })).toMatchObject({ reference: texts.caseReference, reason: texts.reason });
  });
});
