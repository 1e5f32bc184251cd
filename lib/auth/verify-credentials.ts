import 'server-only';
import { getDb } from '@/db/client';
import { logAccess } from '@/db/queries/audit';
import { completeSignIn, reserveSignInAttempt } from '@/db/queries/sign-in-attempts';
import { totpAad } from '@/db/queries/staff';
import type { StaffRole } from '@/db/schema';
import { verifyPasswordOrDummy } from '@/lib/auth/password';
import { verifyTotp } from '@/lib/auth/totp';
import { openText } from '@/lib/crypto/seal';

/**
 * Checks e-mail, password and the second factor together. Every failure looks and takes the
 * same: an unknown e-mail or a locked account still costs one password hash, and the answer never
 * says which part was wrong or that an account is locked (10 failures in a row lock it for 10
 * minutes). The attempt is counted before the password is checked, so a burst of parallel
 * attempts gets no more evaluations than the allowance left (see db/queries/sign-in-attempts.ts).
 * Each attempt leaves exactly one access-log row, with no e-mail, password, code or address.
 */
export async function verifyStaffCredentials({
  email,
  password,
  code,
  now,
}: {
  email: string;
  password: string;
  code: string;
  now: Date;
}): Promise<{ id: string; name: string; role: StaffRole } | null> {
  const db = await getDb();
  const attempt = await reserveSignInAttempt(db, { email, now });
  if (attempt.kind === 'unknown') {
    await verifyPasswordOrDummy(null, password);
    await logAccess(db, { staffId: null, action: 'sign_in_failed', now });
    return null;
  }
  if (attempt.kind === 'locked') {
    // Not evaluated: the password is not compared, only a dummy hash keeps the timing the same.
    await verifyPasswordOrDummy(null, password);
    await logAccess(db, { staffId: attempt.staffId, action: 'sign_in_locked', now });
    return null;
  }
  const person = attempt.person;
  const passwordOk = await verifyPasswordOrDummy(person.passwordHash, password);
  const totp =
    person.totpSecret && passwordOk
      ? verifyTotp({ secret: openText(person.totpSecret, totpAad(person.id)), code, now, lastUsedStep: person.totpLastStep })
      : { ok: false as const };
  const signedIn = totp.ok && person.disabledAt === null && (await completeSignIn(db, { id: person.id, totpStep: totp.step }));
  if (!signedIn) {
    await logAccess(db, { staffId: person.id, action: 'sign_in_failed', now });
    return null;
  }
  await logAccess(db, { staffId: person.id, action: 'sign_in', now });
  return { id: person.id, name: person.name, role: person.role };
}
