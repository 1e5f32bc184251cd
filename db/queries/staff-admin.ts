import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { createStaffToken, disableStaff, endAllSessions } from '@/db/queries/staff';
import { staff, staffTokens, type StaffRole } from '@/db/schema';

/**
 * What administrators do to staff accounts. Nothing here selects a password hash or a
 * second-factor secret: the list asks the database only whether they are there. Each change
 * takes the caller's id so that an administrator cannot lock themselves out, and locks the
 * row, so two administrators acting at once queue instead of racing.
 */
export const INVITE_HOURS = 72;

export type StaffStatus = 'active' | 'disabled' | 'pending';

export type StaffListItem = {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  status: StaffStatus;
  /** Whether a password was ever chosen: without one, a new link must be an invitation. */
  hasPassword: boolean;
  /** Only while a lockout is still running. */
  lockedUntil: Date | null;
};

export async function listStaff(db: Database, { now }: { now: Date }): Promise<StaffListItem[]> {
  const rows = await db
    .select({
      id: staff.id,
      name: staff.name,
      email: staff.email,
      role: staff.role,
      disabled: sql<boolean>`${staff.disabledAt} is not null`.mapWith(Boolean),
      hasPassword: sql<boolean>`${staff.passwordHash} is not null`.mapWith(Boolean),
      hasSecondFactor: sql<boolean>`${staff.totpSecret} is not null`.mapWith(Boolean),
      lockedUntil: staff.lockedUntil,
    })
    .from(staff)
    .orderBy(sql`${staff.disabledAt} is not null`, asc(staff.name), asc(staff.email));
  return rows.map(({ disabled, hasSecondFactor, lockedUntil, ...r }) => ({
    ...r,
    status: disabled ? 'disabled' : r.hasPassword && hasSecondFactor ? 'active' : 'pending',
    lockedUntil: lockedUntil && lockedUntil > now ? lockedUntil : null,
  }));
}

export type AddResult = { ok: true; id: string; token: string } | { ok: false; reason: 'email_taken' };

/**
 * A new account without password or second factor, and an invitation link to set both.
 * A taken e-mail (disabled accounts count) is an answer, not an error: "on conflict do
 * nothing" leaves a surrounding transaction usable, where a unique violation would abort it.
 */
export async function addStaffWithInvite(
  db: Database,
  { name, email, role, now }: { name: string; email: string; role: StaffRole; now: Date },
): Promise<AddResult> {
  const [row] = await db
    .insert(staff)
    .values({ name: name.trim(), email: email.trim().toLowerCase(), role, passwordHash: null, totpSecret: null, createdAt: now })
    .onConflictDoNothing({ target: staff.email })
    .returning({ id: staff.id });
  if (!row) return { ok: false, reason: 'email_taken' };
  const token = await createStaffToken(db, { purpose: 'invite', staffId: row.id, now, hours: INVITE_HOURS });
  return { ok: true, id: row.id, token };
}

type Refusal = 'not_found' | 'self' | 'disabled';

async function lockTarget(db: Database, { id, actorId }: { id: string; actorId: string }) {
  if (id === actorId) return { refused: 'self' as const };
  const [row] = await db
    .select({ name: staff.name, disabledAt: staff.disabledAt, hasPassword: sql<boolean>`${staff.passwordHash} is not null`.mapWith(Boolean) })
    .from(staff)
    .where(eq(staff.id, id))
    .for('update');
  if (!row) return { refused: 'not_found' as const };
  if (row.disabledAt) return { refused: 'disabled' as const };
  return { row };
}

/** Links not yet used stop working: a disabled account or a new link leaves no old way in. */
async function revokeOpenLinks(db: Database, staffId: string) {
  await db.delete(staffTokens).where(and(eq(staffTokens.staffId, staffId), isNull(staffTokens.usedAt)));
}

export type DisableResult = { ok: true; name: string } | { ok: false; reason: Refusal };

/** Disables an account and ends every session it has, at once. Never the caller's own. */
export async function disableStaffMember(db: Database, { id, actorId, now }: { id: string; actorId: string; now: Date }): Promise<DisableResult> {
  const target = await lockTarget(db, { id, actorId });
  if (!target.row) return { ok: false, reason: target.refused };
  await disableStaff(db, { id, now });
  await revokeOpenLinks(db, id);
  return { ok: true, name: target.row.name };
}

export type ResetResult = { ok: true; name: string; token: string; purpose: 'reset_totp' | 'invite' } | { ok: false; reason: Refusal };

/**
 * Removes the second factor, ends every session, and issues a one-time link to set a new one.
 * Someone who never chose a password gets a new invitation instead: a second-factor link would
 * leave them with a factor and no password, unable to sign in.
 */
export async function resetSecondFactor(db: Database, { id, actorId, now }: { id: string; actorId: string; now: Date }): Promise<ResetResult> {
  const target = await lockTarget(db, { id, actorId });
  if (!target.row) return { ok: false, reason: target.refused };
  await db.update(staff).set({ totpSecret: null, totpLastStep: null }).where(eq(staff.id, id));
  await endAllSessions(db, id);
  await revokeOpenLinks(db, id);
  const purpose = target.row.hasPassword ? 'reset_totp' : 'invite';
  const token = await createStaffToken(db, { purpose, staffId: id, now, hours: INVITE_HOURS });
  return { ok: true, name: target.row.name, token, purpose };
}
