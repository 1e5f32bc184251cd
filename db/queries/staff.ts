// Not marked 'server-only': the staff command-line tool uses it too.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { staff, staffSessions, staffTokens, type StaffRole } from '@/db/schema';
import { sealText } from '@/lib/crypto/seal';

/**
 * Staff accounts and their sessions. A session cookie holds a random token; the database
 * keeps only its SHA-256, so a copy of the database cannot be used to sign in. Idle and
 * absolute limits are checked on every request, and a session ends at once when it is
 * revoked, the person signs out, or the account is disabled.
 */
/** Binds a sealed second-factor secret to its staff member. */
export const totpAad = (staffId: string) => `staff:${staffId}:totp`;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

/** Whether an e-mail is taken; sign-in reads the account in db/queries/sign-in-attempts.ts. */
export async function findStaffByEmail(db: Database, email: string) {
  const [row] = await db
    .select({ id: staff.id })
    .from(staff)
    .where(eq(staff.email, email.trim().toLowerCase()))
    .limit(1);
  return row;
}

/**
 * The e-mail addresses of staff who handle inquiries: admins and advisers whose account is set
 * up and not disabled (who the new-inquiry notice goes to, lib/inquiries/notify.ts).
 */
export async function activeAdviserEmails(db: Database): Promise<string[]> {
  const rows = await db
    .select({ email: staff.email })
    .from(staff)
    .where(and(inArray(staff.role, ['admin', 'adviser']), isNull(staff.disabledAt), isNotNull(staff.passwordHash)))
    .orderBy(staff.email);
  return rows.map((r) => r.email);
}

export async function countStaff(db: Database): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(staff);
  return row?.n ?? 0;
}

export async function createStaff(
  db: Database,
  input: { email: string; name: string; role: StaffRole; passwordHash: string | null; totpSecret: string | null; now: Date },
): Promise<{ id: string }> {
  const [row] = await db
    .insert(staff)
    .values({ email: input.email.trim().toLowerCase(), name: input.name, role: input.role, passwordHash: input.passwordHash, totpSecret: input.totpSecret, createdAt: input.now })
    .returning({ id: staff.id });
  return row!;
}

/**
 * Stores a second-factor secret, sealed to its staff member, with the last time step used (so
 * the code that confirmed it cannot be used again), and a new password hash when given. Any
 * lockout is lifted: whoever gets here has just proved the link and the new code.
 */
export async function saveSecondFactor(
  db: Database,
  { staffId, secret, lastStep, passwordHash }: { staffId: string; secret: string; lastStep: number | null; passwordHash?: string },
): Promise<void> {
  await db
    .update(staff)
    .set({ totpSecret: sealText(secret, totpAad(staffId)), totpLastStep: lastStep, failedAttempts: 0, lockedUntil: null, ...(passwordHash ? { passwordHash } : {}) })
    .where(eq(staff.id, staffId));
}

export type SessionLimits = { idleMinutes: number; absoluteHours: number };

export async function createSession(db: Database, { staffId, now, limits }: { staffId: string; now: Date; limits: SessionLimits }): Promise<string> {
  const token = newToken();
  await db.insert(staffSessions).values({
    tokenHash: hashToken(token),
    staffId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + limits.absoluteHours * 3_600_000),
  });
  return token;
}

/**
 * The session behind a token, if it is still alive: not past its absolute end, used within the
 * idle limit, and its staff member not disabled. Touching it moves the idle clock.
 */
export async function touchSession(db: Database, { token, now, limits }: { token: string; now: Date; limits: SessionLimits }) {
  const idleSince = new Date(now.getTime() - limits.idleMinutes * 60_000);
  const [row] = await db
    .update(staffSessions)
    .set({ lastSeenAt: now })
    .where(
      and(
        eq(staffSessions.tokenHash, hashToken(token)),
        gt(staffSessions.expiresAt, now),
        gt(staffSessions.lastSeenAt, idleSince),
        sql`exists (select 1 from ${staff} where ${staff.id} = ${staffSessions.staffId} and ${staff.disabledAt} is null)`,
      ),
    )
    .returning({ staffId: staffSessions.staffId });
  if (!row) return undefined;
  const [who] = await db.select({ id: staff.id, name: staff.name, role: staff.role }).from(staff).where(eq(staff.id, row.staffId));
  return who;
}

export async function endSession(db: Database, token: string) {
  await db.delete(staffSessions).where(eq(staffSessions.tokenHash, hashToken(token)));
}

export async function endAllSessions(db: Database, staffId: string) {
  await db.delete(staffSessions).where(eq(staffSessions.staffId, staffId));
}

export async function disableStaff(db: Database, { id, now }: { id: string; now: Date }) {
  await db.update(staff).set({ disabledAt: now }).where(and(eq(staff.id, id), isNull(staff.disabledAt)));
  await endAllSessions(db, id);
}

/** A one-time link token (setup of the first admin, invitation, second-factor reset). */
export async function createStaffToken(
  db: Database,
  { purpose, staffId, now, hours }: { purpose: 'first_admin' | 'invite' | 'reset_totp'; staffId: string | null; now: Date; hours: number },
): Promise<string> {
  const token = newToken();
  await db.insert(staffTokens).values({ tokenHash: hashToken(token), purpose, staffId, expiresAt: new Date(now.getTime() + hours * 3_600_000) });
  return token;
}

export async function findStaffToken(db: Database, { token, now }: { token: string; now: Date }) {
  const [row] = await db
    .select({ purpose: staffTokens.purpose, staffId: staffTokens.staffId })
    .from(staffTokens)
    .where(and(eq(staffTokens.tokenHash, hashToken(token)), gt(staffTokens.expiresAt, now), isNull(staffTokens.usedAt)))
    .limit(1);
  return row;
}

export async function useStaffToken(db: Database, { token, now }: { token: string; now: Date }): Promise<boolean> {
  const rows = await db
    .update(staffTokens)
    .set({ usedAt: now })
    .where(and(eq(staffTokens.tokenHash, hashToken(token)), gt(staffTokens.expiresAt, now), isNull(staffTokens.usedAt)))
    .returning({ purpose: staffTokens.purpose });
  return rows.length === 1;
}
