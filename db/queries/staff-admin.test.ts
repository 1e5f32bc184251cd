import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { logAccess } from '@/db/queries/audit';
import { createSession, createStaff, createStaffToken, findStaffToken, touchSession, type SessionLimits } from '@/db/queries/staff';
import { addStaffWithInvite, disableStaffMember, listStaff, resetSecondFactor } from '@/db/queries/staff-admin';
import { staff, staffSessions, type StaffRole } from '@/db/schema';
import { databaseTargets } from '@/test/database-targets';

const HOUR = 3_600_000;
const now = new Date('2027-03-01T09:00:00Z');
const limits: SessionLimits = { idleMinutes: 15, absoluteHours: 8 };
const FAKE_HASH = '$argon2id$v=19$m=19456,t=2,p=1$ZmFrZQ$ZmFrZS1oYXNo';
const FAKE_SECRET = 'v1.sealed-second-factor';

let count = 0;
async function newStaff({ role = 'adviser', ready = true, name = 'Ola Nordmann' }: { role?: StaffRole; ready?: boolean; name?: string } = {}) {
  const db = await getDb();
  const email = `admin-test${++count}@example.org`;
  const { id } = await createStaff(db, { email, name, role, passwordHash: ready ? FAKE_HASH : null, totpSecret: ready ? FAKE_SECRET : null, now });
  if (ready) await db.update(staff).set({ totpLastStep: 42 }).where(eq(staff.id, id));
  return { id, email };
}

async function secrets(id: string) {
  const db = await getDb();
  const [row] = await db.select({ totpSecret: staff.totpSecret, totpLastStep: staff.totpLastStep, disabledAt: staff.disabledAt }).from(staff).where(eq(staff.id, id));
  return row!;
}

describe.each(databaseTargets())('staff administration on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('lists everyone with role and status, and never a password hash or second-factor secret', async () => {
    const db = await getDb();
    const ready = await newStaff({ name: 'Aase Aktiv' });
    const pending = await newStaff({ ready: false, name: 'Petter Venter' });
    const gone = await newStaff({ name: 'Dag Deaktivert' });
    await db.update(staff).set({ disabledAt: now }).where(eq(staff.id, gone.id));
    const locked = await newStaff({ name: 'Line Låst' });
    await db.update(staff).set({ lockedUntil: new Date(now.getTime() + 10 * 60_000) }).where(eq(staff.id, locked.id));
    const lockPast = await newStaff({ name: 'Lars Låst-før' });
    await db.update(staff).set({ lockedUntil: new Date(now.getTime() - 60_000) }).where(eq(staff.id, lockPast.id));

    const rows = await listStaff(db, { now });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(ready.id)).toEqual({ id: ready.id, name: 'Aase Aktiv', email: ready.email, role: 'adviser', status: 'active', hasPassword: true, lockedUntil: null });
    expect(byId.get(pending.id)).toMatchObject({ status: 'pending', hasPassword: false });
    expect(byId.get(gone.id)?.status).toBe('disabled');
    expect(byId.get(locked.id)?.lockedUntil).toEqual(new Date(now.getTime() + 10 * 60_000));
    expect(byId.get(lockPast.id)?.lockedUntil).toBeNull();
    // Disabled accounts come last.
    expect(rows.findIndex((r) => r.id === gone.id)).toBeGreaterThan(rows.findIndex((r) => r.id === pending.id));
    for (const row of rows) {
      for (const key of ['passwordHash', 'totpSecret', 'totpLastStep', 'password_hash', 'totp_secret']) expect(row).not.toHaveProperty(key);
      expect(Object.values(row)).not.toContain(FAKE_HASH);
      expect(Object.values(row)).not.toContain(FAKE_SECRET);
    }
  });

  it('adds an account without password and an invitation valid for 72 hours; a taken e-mail is refused', async () => {
    const db = await getDb();
    const added = await addStaffWithInvite(db, { name: ' Kari Nordmann ', email: ' Kari.Ny@Example.org ', role: 'chat_host', now });
    if (!added.ok) throw new Error('expected the account to be added');
    const row = (await listStaff(db, { now })).find((r) => r.id === added.id);
    expect(row).toMatchObject({ name: 'Kari Nordmann', email: 'kari.ny@example.org', role: 'chat_host', status: 'pending' });
    expect(await findStaffToken(db, { token: added.token, now: new Date(now.getTime() + 71 * HOUR) })).toEqual({ purpose: 'invite', staffId: added.id });
    expect(await findStaffToken(db, { token: added.token, now: new Date(now.getTime() + 73 * HOUR) })).toBeUndefined();

    // Inside a transaction, as the action runs it: the refusal must leave the transaction usable.
    const again = await db.transaction(async (tx) => {
      const result = await addStaffWithInvite(tx, { name: 'Kari Igjen', email: 'KARI.NY@example.org', role: 'admin', now });
      await logAccess(tx, { staffId: null, action: 'staff_change', objectType: 'staff', objectId: 'probe', now });
      return result;
    });
    expect(again).toEqual({ ok: false, reason: 'email_taken' });
    expect((await listStaff(db, { now })).filter((r) => r.email === 'kari.ny@example.org')).toHaveLength(1);
  });

  it('disabling ends every session at once and stops open links; never oneself', async () => {
    const db = await getDb();
    const admin = await newStaff({ role: 'admin' });
    const person = await newStaff();
    const first = await createSession(db, { staffId: person.id, now, limits });
    const second = await createSession(db, { staffId: person.id, now, limits });
    const mine = await createSession(db, { staffId: admin.id, now, limits });
    const link = await createStaffToken(db, { purpose: 'invite', staffId: person.id, now, hours: 72 });
    expect(await touchSession(db, { token: first, now, limits })).toMatchObject({ id: person.id });

    expect(await disableStaffMember(db, { id: admin.id, actorId: admin.id, now })).toEqual({ ok: false, reason: 'self' });
    expect(await disableStaffMember(db, { id: person.id, actorId: admin.id, now })).toEqual({ ok: true, name: 'Ola Nordmann' });

    const later = new Date(now.getTime() + 60_000);
    expect(await touchSession(db, { token: first, now: later, limits })).toBeUndefined();
    expect(await touchSession(db, { token: second, now: later, limits })).toBeUndefined();
    expect(await db.select({ s: staffSessions.staffId }).from(staffSessions).where(eq(staffSessions.staffId, person.id))).toEqual([]);
    expect(await touchSession(db, { token: mine, now: later, limits })).toMatchObject({ id: admin.id });
    expect(await findStaffToken(db, { token: link, now: later })).toBeUndefined();
    expect((await secrets(person.id)).disabledAt).toEqual(now);
    expect((await listStaff(db, { now })).find((r) => r.id === person.id)?.status).toBe('disabled');

    expect(await disableStaffMember(db, { id: person.id, actorId: admin.id, now: later })).toEqual({ ok: false, reason: 'disabled' });
    expect((await secrets(person.id)).disabledAt).toEqual(now);
    expect(await disableStaffMember(db, { id: '00000000-0000-4000-8000-000000000000', actorId: admin.id, now })).toEqual({ ok: false, reason: 'not_found' });
  });

  it('resetting the second factor clears it, ends sessions and issues a one-time link', async () => {
    const db = await getDb();
    const admin = await newStaff({ role: 'admin' });
    const person = await newStaff();
    const session = await createSession(db, { staffId: person.id, now, limits });
    const older = await createStaffToken(db, { purpose: 'reset_totp', staffId: person.id, now, hours: 72 });

    const reset = await resetSecondFactor(db, { id: person.id, actorId: admin.id, now });
    if (!reset.ok) throw new Error('expected a reset');
    expect(reset.purpose).toBe('reset_totp');
    expect(await secrets(person.id)).toEqual({ totpSecret: null, totpLastStep: null, disabledAt: null });
    expect(await touchSession(db, { token: session, now, limits })).toBeUndefined();
    expect(await findStaffToken(db, { token: reset.token, now: new Date(now.getTime() + 71 * HOUR) })).toEqual({ purpose: 'reset_totp', staffId: person.id });
    expect(await findStaffToken(db, { token: reset.token, now: new Date(now.getTime() + 73 * HOUR) })).toBeUndefined();
    expect(await findStaffToken(db, { token: older, now })).toBeUndefined();
    expect((await listStaff(db, { now })).find((r) => r.id === person.id)?.status).toBe('pending');
  });

  it('someone without a password gets a new invitation instead; the disabled and oneself are refused', async () => {
    const db = await getDb();
    const admin = await newStaff({ role: 'admin' });
    const pending = await newStaff({ ready: false });
    const reset = await resetSecondFactor(db, { id: pending.id, actorId: admin.id, now });
    if (!reset.ok) throw new Error('expected a new link');
    expect(await findStaffToken(db, { token: reset.token, now })).toEqual({ purpose: 'invite', staffId: pending.id });

    const gone = await newStaff();
    await disableStaffMember(db, { id: gone.id, actorId: admin.id, now });
    expect(await resetSecondFactor(db, { id: gone.id, actorId: admin.id, now })).toEqual({ ok: false, reason: 'disabled' });
    expect((await secrets(gone.id)).totpSecret).toBe(FAKE_SECRET);
    expect(await resetSecondFactor(db, { id: admin.id, actorId: admin.id, now })).toEqual({ ok: false, reason: 'self' });
    expect((await secrets(admin.id)).totpSecret).toBe(FAKE_SECRET);
  });
});
