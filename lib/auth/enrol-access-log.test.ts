import { TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { createStaff, createStaffToken, findStaffByEmail } from '@/db/queries/staff';
import { completeEnrolment } from '@/lib/auth/enrol';
import { newTotpSecret } from '@/lib/auth/totp';
import { accessLogFor, loggedEvent } from '@/test/access-log-rows';
import { databaseTargets } from '@/test/database-targets';

/**
 * Finishing a one-time link changes the account (a password, a second factor, or a whole new
 * administrator), so it writes one staff_change row under that account, by that account. A
 * link that is refused changes nothing and logs nothing.
 */
const PASSWORD = 'fjellbekk-tåkelur-91';
const now = new Date('2027-03-01T08:00:00Z');
const codeFor = (secret: string) => new TOTP({ secret, digits: 6, period: 30 }).generate({ timestamp: now.getTime() });

async function invited(email: string, purpose: 'invite' | 'reset_totp') {
  const db = await getDb();
  const { id } = await createStaff(db, { email, name: 'Siri Rådgiver', role: 'adviser', passwordHash: null, totpSecret: null, now });
  return { id, token: await createStaffToken(db, { purpose, staffId: id, now, hours: 72 }) };
}

describe.each(databaseTargets())('enrolment in the access log on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('an invited adviser and a reset second factor: one row each, under the account, by the account', async () => {
    const db = await getDb();
    for (const purpose of ['invite', 'reset_totp'] as const) {
      const { id, token } = await invited(`${purpose}@example.org`, purpose);
      const secret = newTotpSecret();
      expect(await completeEnrolment(db, { token, password: PASSWORD, secret, code: codeFor(secret), now })).toEqual({ ok: true });
      expect(await accessLogFor(id)).toEqual([loggedEvent(id, 'staff_change', 'staff', id)]);
    }
  });

  it('the first administrator is logged as creating their own account', async () => {
    const db = await getDb();
    const token = await createStaffToken(db, { purpose: 'first_admin', staffId: null, now, hours: 72 });
    const secret = newTotpSecret();
    expect(await completeEnrolment(db, { token, name: 'Anne Admin', email: 'anne.admin@example.org', password: PASSWORD, secret, code: codeFor(secret), now })).toEqual({ ok: true });
    const id = (await findStaffByEmail(db, 'anne.admin@example.org'))!.id;
    expect(await accessLogFor(id)).toEqual([loggedEvent(id, 'staff_change', 'staff', id)]);
  });

  it('a wrong code or a spent link logs nothing', async () => {
    const db = await getDb();
    const { id, token } = await invited('feil@example.org', 'invite');
    const secret = newTotpSecret();
    const wrong = codeFor(secret) === '000000' ? '111111' : '000000';
    expect(await completeEnrolment(db, { token, password: PASSWORD, secret, code: wrong, now })).toMatchObject({ ok: false, field: 'code' });
    expect(await completeEnrolment(db, { token, password: PASSWORD, secret, code: codeFor(secret), now })).toEqual({ ok: true });
    expect(await completeEnrolment(db, { token, password: PASSWORD, secret, code: codeFor(secret), now })).toMatchObject({ ok: false, field: 'token' });
    expect(await accessLogFor(id)).toEqual([loggedEvent(id, 'staff_change', 'staff', id)]);
  });
});
