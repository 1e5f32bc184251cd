import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { createStaff, findStaffByEmail } from '@/db/queries/staff';
import type { StaffRole } from '@/db/schema';
import type { StaffSession } from '@/lib/auth/staff-session';
import { appClock } from '@/lib/clock';
import { accessLogFor, loggedEvent } from '@/test/access-log-rows';
import { databaseTargets } from '@/test/database-targets';
import { addStaffAction, changeStaffAction } from './actions';

// The actions ask the session who is calling; these tests say who it is.
const session = vi.hoisted(() => ({ caller: null as StaffSession | null }));
vi.mock('@/lib/auth/staff-session', () => ({
  staffAllowed: async (roles: readonly string[]) => (session.caller && roles.includes(session.caller.role) ? session.caller : null),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const idle = { status: 'idle' } as const;
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

let staffCount = 0;
async function signedIn(role: StaffRole): Promise<StaffSession> {
  const name = `Ansatt ${++staffCount}`;
  const { id } = await createStaff(await getDb(), { email: `ansatt${staffCount}@example.org`, name, role, passwordHash: null, totpSecret: null, now: appClock().now() });
  return { staffId: id, name, role };
}

describe.each(databaseTargets())('changes to staff accounts in the access log on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('adding, resetting and disabling an account: one row each under that account, with the admin who did it', async () => {
    const admin = (session.caller = await signedIn('admin'));
    const added = await addStaffAction(idle, form({ name: 'Nina Vert', email: 'nina.vert@example.org', role: 'chat_host' }));
    expect(added).toMatchObject({ status: 'ok' });
    const other = await signedIn('adviser');
    expect(await changeStaffAction(idle, form({ id: other.staffId, change: 'reset' }))).toMatchObject({ status: 'ok' });
    expect(await changeStaffAction(idle, form({ id: other.staffId, change: 'disable' }))).toMatchObject({ status: 'ok' });
    expect(await accessLogFor(other.staffId)).toEqual([loggedEvent(admin.staffId, 'staff_change', 'staff', other.staffId), loggedEvent(admin.staffId, 'staff_change', 'staff', other.staffId)]);
    const newId = (await findStaffByEmail(await getDb(), 'nina.vert@example.org'))!.id;
    expect(await accessLogFor(newId)).toEqual([loggedEvent(admin.staffId, 'staff_change', 'staff', newId)]);
  });

  it('logs nothing that was refused: an adviser, an admin disabling themself, a second disable', async () => {
    const account = await signedIn('chat_host');
    session.caller = await signedIn('adviser');
    expect(await changeStaffAction(idle, form({ id: account.staffId, change: 'disable' }))).toMatchObject({ status: 'error', message: 'Du har ikke tilgang til dette.' });
    const admin = (session.caller = await signedIn('admin'));
    expect(await changeStaffAction(idle, form({ id: admin.staffId, change: 'disable' }))).toMatchObject({ status: 'error' });
    expect(await accessLogFor(account.staffId)).toEqual([]);
    expect(await accessLogFor(admin.staffId)).toEqual([]);
    expect(await changeStaffAction(idle, form({ id: account.staffId, change: 'disable' }))).toMatchObject({ status: 'ok' });
    expect(await changeStaffAction(idle, form({ id: account.staffId, change: 'disable' }))).toMatchObject({ status: 'error', message: 'Kontoen er allerede deaktivert.' });
    expect(await accessLogFor(account.staffId)).toEqual([loggedEvent(admin.staffId, 'staff_change', 'staff', account.staffId)]);
  });
});
