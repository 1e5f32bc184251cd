import 'server-only';
import { getDb } from '@/db/client';
import { logAccess } from '@/db/queries/audit';
import { findStaffByEmail, recordFailure, recordSuccess, totpAad } from '@/db/queries/staff';
import type { StaffRole } from '@/db/schema';
import { verifyPasswordOrDummy } from '@/lib/auth/password';
import { verifyTotp } from '@/lib/auth/totp';
import { openText } from '@/lib/crypto/seal';

/**
 * Checks e-mail, password and the second factor together. Every failure looks and takes the
 * same: an unknown e-mail still costs one password hash, and the answer never says which part
 * was wrong or that an account is locked (10 failures in a row lock it for 10 minutes).
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
  const person = await findStaffByEmail(db, email);
  const passwordOk = await verifyPasswordOrDummy(person?.passwordHash, password);
  if (!person) {
    await logAccess(db, { staffId: null, action: 'sign_in_failed', now });
    return null;
  }
  const locked = person.lockedUntil !== null && person.lockedUntil > now;
  const totp =
    person.totpSecret && passwordOk
      ? verifyTotp({ secret: openText(person.totpSecret, totpAad(person.id)), code, now, lastUsedStep: person.totpLastStep })
      : { ok: false as const };
  if (!passwordOk || !totp.ok || locked || person.disabledAt !== null) {
    if (!locked) await recordFailure(db, { id: person.id, now });
    await logAccess(db, { staffId: person.id, action: 'sign_in_failed', now });
    return null;
  }
  await recordSuccess(db, { id: person.id, totpStep: totp.step });
  await logAccess(db, { staffId: person.id, action: 'sign_in', now });
  return { id: person.id, name: person.name, role: person.role };
}
