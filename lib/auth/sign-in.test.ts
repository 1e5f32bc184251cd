import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { listAccessLog } from '@/db/queries/access-log';
import { createSession, disableStaff, endSession, touchSession } from '@/db/queries/staff';
import { accessLog } from '@/db/schema';
import { verifyStaffCredentials } from '@/lib/auth/verify-credentials';
import { databaseTargets } from '@/test/database-targets';
import { codeAt, enrolledAdviser, PASSWORD } from '@/test/enrolled-staff';

const limits = { idleMinutes: 15, absoluteHours: 8 };
const t0 = new Date('2027-03-01T08:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

/** The access-log actions recorded for one staff member, newest first. */
async function actionsOf(staffId: string) {
  const { entries } = await listAccessLog(await getDb(), { staffId });
  return entries.map((e) => e.action);
}

describe.each(databaseTargets())('staff sign-in and sessions on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('signs in with password and code, and refuses the same code again', async () => {
    const { secret } = await enrolledAdviser('ada@example.org', t0);
    const code = codeAt(secret, at(1));
    expect(await verifyStaffCredentials({ email: 'ADA@example.org ', password: PASSWORD, code, now: at(1) })).toMatchObject({ name: 'Ada', role: 'adviser' });
    expect(await verifyStaffCredentials({ email: 'ada@example.org', password: PASSWORD, code, now: at(1) })).toBeNull();
  });

  it('answers an unknown e-mail exactly as a wrong password, and logs both without content', async () => {
    const db = await getDb();
    const { id } = await enrolledAdviser('bo@example.org', t0);
    const anonymousFailures = () => db.select().from(accessLog).where(and(eq(accessLog.action, 'sign_in_failed'), isNull(accessLog.staffId)));
    const before = (await anonymousFailures()).length;
    const unknown = await verifyStaffCredentials({ email: 'ingen@example.org', password: PASSWORD, code: '123456', now: at(2) });
    const wrong = await verifyStaffCredentials({ email: 'bo@example.org', password: 'feil-passord-123', code: '123456', now: at(2) });
    expect(unknown).toBeNull();
    expect(wrong).toBeNull();
    const rows = await anonymousFailures();
    expect(rows.length).toBe(before + 1);
    expect(await actionsOf(id)).toEqual(['sign_in_failed']);
    const text = JSON.stringify(rows);
    for (const typed of ['ingen@example.org', PASSWORD, '123456']) expect(text).not.toContain(typed);
  });

  it('a sign-in leaves one sign_in event, with no object and nothing typed in it', async () => {
    const { id, secret } = await enrolledAdviser('fia@example.org', t0);
    const code = codeAt(secret, at(30));
    expect(await verifyStaffCredentials({ email: 'fia@example.org', password: PASSWORD, code, now: at(30) })).not.toBeNull();
    const { entries } = await listAccessLog(await getDb(), { staffId: id });
    expect(entries).toMatchObject([{ action: 'sign_in', objectType: null, objectId: null }]);
    for (const typed of ['fia@example.org', PASSWORD, code]) expect(JSON.stringify(entries)).not.toContain(typed);
  });

  it('each attempt on a locked account leaves one sign_in_locked event and is not evaluated', async () => {
    const { id, secret } = await enrolledAdviser('gro@example.org', t0);
    for (let i = 0; i < 10; i++) await verifyStaffCredentials({ email: 'gro@example.org', password: 'feil-passord-123', code: '000000', now: at(3) });
    expect(await verifyStaffCredentials({ email: 'gro@example.org', password: PASSWORD, code: codeAt(secret, at(4)), now: at(4) })).toBeNull();
    expect(await verifyStaffCredentials({ email: 'gro@example.org', password: 'feil-passord-123', code: '000000', now: at(5) })).toBeNull();
    expect(await actionsOf(id)).toEqual(['sign_in_locked', 'sign_in_locked', ...Array<string>(10).fill('sign_in_failed')]);
  });

  it('a successful sign-in resets the count of failures', async () => {
    const { id, secret } = await enrolledAdviser('hal@example.org', t0);
    const fail = () => verifyStaffCredentials({ email: 'hal@example.org', password: 'feil-passord-123', code: '000000', now: at(6) });
    for (let i = 0; i < 9; i++) await fail();
    expect(await verifyStaffCredentials({ email: 'hal@example.org', password: PASSWORD, code: codeAt(secret, at(7)), now: at(7) })).not.toBeNull();
    for (let i = 0; i < 9; i++) await fail();
    expect(await verifyStaffCredentials({ email: 'hal@example.org', password: PASSWORD, code: codeAt(secret, at(8)), now: at(8) })).not.toBeNull();
    expect((await actionsOf(id)).filter((a) => a === 'sign_in')).toHaveLength(2);
  });

  it('locks the account for ten minutes after ten failures, even for the right password', async () => {
    const { secret } = await enrolledAdviser('cid@example.org', t0);
    for (let i = 0; i < 10; i++) await verifyStaffCredentials({ email: 'cid@example.org', password: 'feil-passord-123', code: '000000', now: at(3) });
    expect(await verifyStaffCredentials({ email: 'cid@example.org', password: PASSWORD, code: codeAt(secret, at(5)), now: at(5) })).toBeNull();
    expect(await verifyStaffCredentials({ email: 'cid@example.org', password: PASSWORD, code: codeAt(secret, at(14)), now: at(14) })).not.toBeNull();
  });

  it('a session ends after 15 idle minutes, after 8 hours in all, at sign-out, and when the account is disabled', async () => {
    const db = await getDb();
    const { id } = await enrolledAdviser('dag@example.org', t0);
    const idle = await createSession(db, { staffId: id, now: t0, limits });
    expect(await touchSession(db, { token: idle, now: at(14), limits })).toMatchObject({ id });
    expect(await touchSession(db, { token: idle, now: at(28), limits })).toMatchObject({ id });
    expect(await touchSession(db, { token: idle, now: at(44), limits })).toBeUndefined();

    const busy = await createSession(db, { staffId: id, now: t0, limits });
    for (let m = 10; m < 480; m += 10) expect(await touchSession(db, { token: busy, now: at(m), limits })).toBeDefined();
    expect(await touchSession(db, { token: busy, now: at(481), limits })).toBeUndefined();

    const out = await createSession(db, { staffId: id, now: t0, limits });
    await endSession(db, out);
    expect(await touchSession(db, { token: out, now: at(1), limits })).toBeUndefined();

    const live = await createSession(db, { staffId: id, now: t0, limits });
    await disableStaff(db, { id, now: at(1) });
    expect(await touchSession(db, { token: live, now: at(2), limits })).toBeUndefined();
  });

  it('two sign-ins get two different session tokens', async () => {
    const db = await getDb();
    const { id } = await enrolledAdviser('eva@example.org', t0);
    const a = await createSession(db, { staffId: id, now: t0, limits });
    const b = await createSession(db, { staffId: id, now: t0, limits });
    expect(a).not.toBe(b);
  });
});
