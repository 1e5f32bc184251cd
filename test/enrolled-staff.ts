import { eq } from 'drizzle-orm';
import { TOTP } from 'otpauth';
import { getDb } from '@/db/client';
import { createStaff, totpAad } from '@/db/queries/staff';
import { staff } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { newTotpSecret } from '@/lib/auth/totp';
import { sealText } from '@/lib/crypto/seal';

/** The password of every account enrolledAdviser makes. */
export const PASSWORD = 'fjellbekk-tåkelur-91';

/**
 * An adviser who can sign in for real, for tests of the sign-in itself: the password above and a
 * second factor stored the way enrolment stores it (sealed, bound to the account).
 */
export async function enrolledAdviser(email: string, now: Date): Promise<{ id: string; secret: string }> {
  const db = await getDb();
  const secret = newTotpSecret();
  const { id } = await createStaff(db, { email, name: 'Ada', role: 'adviser', passwordHash: await hashPassword(PASSWORD), totpSecret: null, now });
  await db.update(staff).set({ totpSecret: sealText(secret, totpAad(id)) }).where(eq(staff.id, id));
  return { id, secret };
}

/** The code the authenticator app shows at `when`, or that many 30-second steps later. */
export function codeAt(secret: string, when: Date, offsetSteps = 0): string {
  return new TOTP({ secret, digits: 6, period: 30 }).generate({ timestamp: when.getTime() + offsetSteps * 30_000 });
}
