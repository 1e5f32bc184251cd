import 'server-only';
import { and, eq, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { staff } from '@/db/schema';

/**
 * The two writes that make staff sign-in hold under a burst of parallel attempts.
 *
 * An attempt is counted as a failure *before* its password is checked, by one conditional update
 * that only succeeds while the account is not locked; the tenth such reservation sets the lock in
 * the same statement. PostgreSQL re-checks the condition against the newest row when parallel
 * updates queue on it, and PGlite runs them one at a time, so however many attempts arrive at
 * once, at most the remaining allowance are evaluated. A success then takes the counter back to
 * zero and consumes the second-factor step in one conditional update, so a code gives at most one
 * session even when it is sent several times at once.
 */
const LOCKOUT = { attempts: 10, minutes: 10 };

type ReservedAttempt = {
  id: string;
  name: string;
  role: (typeof staff.$inferSelect)['role'];
  passwordHash: string | null;
  totpSecret: string | null;
  totpLastStep: number | null;
  disabledAt: Date | null;
};

export type SignInAttempt = { kind: 'reserved'; person: ReservedAttempt } | { kind: 'locked'; staffId: string } | { kind: 'unknown' };

/**
 * Reserves one attempt for the account behind `email`: counts it as a failure and, at the tenth
 * in a row, locks the account for ten minutes, all in one statement that does nothing while the
 * lock holds. After a lock has run out the count is not reset, so the next failure locks again.
 */
export async function reserveSignInAttempt(db: Database, { email, now }: { email: string; now: Date }): Promise<SignInAttempt> {
  const address = email.trim().toLowerCase();
  const lockEnd = new Date(now.getTime() + LOCKOUT.minutes * 60_000).toISOString();
  const [person] = await db
    .update(staff)
    .set({
      failedAttempts: sql`${staff.failedAttempts} + 1`,
      lockedUntil: sql`case when ${staff.failedAttempts} + 1 >= ${LOCKOUT.attempts} then ${lockEnd}::timestamptz else ${staff.lockedUntil} end`,
    })
    .where(and(eq(staff.email, address), or(isNull(staff.lockedUntil), lte(staff.lockedUntil, now))))
    .returning({
      id: staff.id,
      name: staff.name,
      role: staff.role,
      passwordHash: staff.passwordHash,
      totpSecret: staff.totpSecret,
      totpLastStep: staff.totpLastStep,
      disabledAt: staff.disabledAt,
    });
  if (person) return { kind: 'reserved', person };
  const [locked] = await db.select({ id: staff.id }).from(staff).where(eq(staff.email, address)).limit(1);
  return locked ? { kind: 'locked', staffId: locked.id } : { kind: 'unknown' };
}

/**
 * Completes a sign-in whose password and code were right: consumes the code's time step, clears
 * the failure count and any lock. False when a parallel sign-in consumed this step (or a later
 * one) first, or the account was disabled meanwhile; then the attempt stays counted as failed.
 */
export async function completeSignIn(db: Database, { id, totpStep }: { id: string; totpStep: number }): Promise<boolean> {
  const rows = await db
    .update(staff)
    .set({ failedAttempts: 0, lockedUntil: null, totpLastStep: totpStep })
    .where(and(eq(staff.id, id), isNull(staff.disabledAt), or(isNull(staff.totpLastStep), lt(staff.totpLastStep, totpStep))))
    .returning({ id: staff.id });
  return rows.length === 1;
}
