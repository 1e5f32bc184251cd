import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { listAccessLog } from '@/db/queries/access-log';
import { staff } from '@/db/schema';
import { verifyStaffCredentials } from '@/lib/auth/verify-credentials';
import { databaseTargets } from '@/test/database-targets';
import { codeAt, enrolledAdviser, PASSWORD } from '@/test/enrolled-staff';

/**
 * The attacks from issue 10, run as bursts of parallel sign-ins on each database: someone who
 * knows the password guesses codes 300 at once, with the right code among them; and one right
 * code is sent five times at once.
 */
const t0 = new Date('2027-03-01T08:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

/** Codes that are wrong at `when`: none of them matches a step in the ±1 window. */
function wrongCodes(secret: string, when: Date, count: number): string[] {
  const valid = new Set([-1, 0, 1].map((o) => codeAt(secret, when, o)));
  const codes: string[] = [];
  for (let n = 0; codes.length < count; n++) {
    const code = String((n * 7919) % 1_000_000).padStart(6, '0');
    if (!valid.has(code)) codes.push(code);
  }
  return codes;
}

async function actionsLogged(staffId: string) {
  const { entries } = await listAccessLog(await getDb(), { staffId, pageSize: 1000 });
  const counts: Record<string, number> = {};
  for (const e of entries) counts[e.action] = (counts[e.action] ?? 0) + 1;
  return { counts, entries };
}

describe.each(databaseTargets())('sign-in under a burst on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('300 parallel attempts with the password: at most 10 are evaluated, and the right code as number 299 is refused', async () => {
    const { id, secret } = await enrolledAdviser('burst@example.org', t0);
    const now = at(1);
    const codes = wrongCodes(secret, now, 300);
    codes[298] = codeAt(secret, now);
    const results = await Promise.all(codes.map((code) => verifyStaffCredentials({ email: 'burst@example.org', password: PASSWORD, code, now })));

    expect(results.filter((r) => r !== null)).toHaveLength(0);
    const db = await getDb();
    const [row] = await db.select({ lockedUntil: staff.lockedUntil, totpLastStep: staff.totpLastStep }).from(staff).where(eq(staff.id, id));
    expect(row!.lockedUntil!.getTime()).toBeGreaterThan(now.getTime());
    expect(row!.totpLastStep).toBeNull();

    const { counts, entries } = await actionsLogged(id);
    expect(counts.sign_in_failed).toBeLessThanOrEqual(10);
    expect(counts).toEqual({ sign_in_failed: 10, sign_in_locked: 290 });
    // Content-free: no object, and nothing typed in the form anywhere in the rows.
    expect(entries.every((e) => e.objectType === null && e.objectId === null)).toBe(true);
    const text = JSON.stringify(entries);
    for (const secretText of [PASSWORD, 'burst@example.org', codes[298]!]) expect(text).not.toContain(secretText);

    // Still locked a little later, even with a fresh right code.
    expect(await verifyStaffCredentials({ email: 'burst@example.org', password: PASSWORD, code: codeAt(secret, at(5)), now: at(5) })).toBeNull();
    // 300 password hashes: about 10 s alone, several times that on a busy machine.
  }, 180_000);

  it('a burst after the lock has run out gets one evaluation, then the account is locked again', async () => {
    const { id, secret } = await enrolledAdviser('again@example.org', t0);
    for (let i = 0; i < 10; i++) await verifyStaffCredentials({ email: 'again@example.org', password: 'feil-passord-123', code: '000000', now: at(1) });
    const now = at(12);
    const codes = wrongCodes(secret, now, 20);
    codes[19] = codeAt(secret, now);
    const results = await Promise.all(codes.map((code) => verifyStaffCredentials({ email: 'again@example.org', password: PASSWORD, code, now })));
    expect(results.filter((r) => r !== null)).toHaveLength(0);
    expect((await actionsLogged(id)).counts).toEqual({ sign_in_failed: 11, sign_in_locked: 19 });
  });

  it('one right code sent five times at once gives exactly one sign-in', async () => {
    const { id, secret } = await enrolledAdviser('fem@example.org', t0);
    const now = at(20);
    const code = codeAt(secret, now);
    const results = await Promise.all(Array.from({ length: 5 }, () => verifyStaffCredentials({ email: 'fem@example.org', password: PASSWORD, code, now })));
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect((await actionsLogged(id)).counts).toEqual({ sign_in: 1, sign_in_failed: 4 });
  });
});
