import 'server-only';
import type { Database } from '@/db/client';
import { logAccess } from '@/db/queries/audit';
import { createStaff, findStaffToken, saveSecondFactor, useStaffToken } from '@/db/queries/staff';
import { checkPasswordPolicy, hashPassword } from '@/lib/auth/password';
import { verifyTotp } from '@/lib/auth/totp';

/**
 * Completes a one-time link: the first administrator, an invited staff member, or a new
 * second factor. The code from the authenticator app proves the secret was saved before the
 * link is spent.
 */
export type EnrolInput = { token: string; name?: string; email?: string; password?: string; secret: string; code: string; now: Date };
export type EnrolResult = { ok: true } | { ok: false; field: 'name' | 'email' | 'password' | 'code' | 'token'; message: string };

export async function completeEnrolment(db: Database, input: EnrolInput): Promise<EnrolResult> {
  const link = await findStaffToken(db, { token: input.token, now: input.now });
  if (!link) return { ok: false, field: 'token', message: 'Lenken er brukt eller utløpt. Be en administrator om en ny.' };
  const totp = verifyTotp({ secret: input.secret, code: input.code, now: input.now, lastUsedStep: null });
  if (!totp.ok) return { ok: false, field: 'code', message: 'Koden stemmer ikke. Skriv inn koden appen viser nå.' };

  let passwordHash: string | undefined;
  if (link.purpose !== 'reset_totp') {
    const policy = checkPasswordPolicy(input.password ?? '', { email: input.email, name: input.name });
    if (!policy.ok) return { ok: false, field: 'password', message: policy.message };
    passwordHash = await hashPassword(input.password ?? '');
  }

  return db.transaction(async (t) => {
    if (!(await useStaffToken(t, { token: input.token, now: input.now }))) {
      return { ok: false as const, field: 'token' as const, message: 'Lenken er brukt eller utløpt. Be en administrator om en ny.' };
    }
    let staffId = link.staffId;
    if (link.purpose === 'first_admin') {
      const name = (input.name ?? '').trim();
      const email = (input.email ?? '').trim().toLowerCase();
      if (!name) return { ok: false as const, field: 'name' as const, message: 'Skriv navnet ditt.' };
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return { ok: false as const, field: 'email' as const, message: 'Skriv en gyldig e-postadresse.' };
      staffId = (await createStaff(t, { email, name, role: 'admin', passwordHash: null, totpSecret: null, now: input.now })).id;
    }
    if (!staffId) return { ok: false as const, field: 'token' as const, message: 'Lenken er ikke gyldig.' };
    await saveSecondFactor(t, { staffId, secret: input.secret, lastStep: totp.step, passwordHash });
    await logAccess(t, { staffId, action: 'staff_change', objectType: 'staff', objectId: staffId, now: input.now });
    return { ok: true as const };
  });
}
