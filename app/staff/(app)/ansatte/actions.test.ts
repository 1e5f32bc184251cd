import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { findStaffByEmail } from '@/db/queries/staff';
import { accessLogFor, loggedEvent } from '@/test/access-log-rows';
import { form, idle } from '@/test/action-form';
import { databaseTargets } from '@/test/database-targets';
import { signInAs, staffMember } from '@/test/signed-in';
import { addStaffAction, changeStaffAction } from './actions';

// The actions ask the session who is calling; these tests say who it is.
vi.mock('@/lib/auth/staff-session', () => import('@/test/signed-in'));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

describe.each(databaseTargets())('changes to staff accounts in the access log on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('adding, resetting and disabling an account: one row each under that account, with the admin who did it', async () => {
    const admin = await signInAs('admin');
    const added = await addStaffAction(idle, form({ name: 'Nina Vert', email: 'nina.vert@example.org', role: 'chat_host' }));
    expect(added).toMatchObject({ status: 'ok' });
    const other = await staffMember('adviser');
    expect(await changeStaffAction(idle, form({ id: other.staffId, change: 'reset' }))).toMatchObject({ status: 'ok' });
    expect(await changeStaffAction(idle, form({ id: other.staffId, change: 'disable' }))).toMatchObject({ status: 'ok' });
    expect(await accessLogFor(other.staffId)).toEqual([loggedEvent(admin.staffId, 'staff_change', 'staff', other.staffId), loggedEvent(admin.staffId, 'staff_change', 'staff', other.staffId)]);
    const newId = (await findStaffByEmail(await getDb(), 'nina.vert@example.org'))!.id;
    expect(await accessLogFor(newId)).toEqual([loggedEvent(admin.staffId, 'staff_change', 'staff', newId)]);
  });

  it('logs nothing that was refused: an adviser, an admin disabling themself, a second disable', async () => {
    const account = await staffMember('chat_host');
    await signInAs('adviser');
    expect(await changeStaffAction(idle, form({ id: account.staffId, change: 'disable' }))).toMatchObject({ status: 'error', message: 'Du har ikke tilgang til dette.' });
    const admin = await signInAs('admin');
    expect(await changeStaffAction(idle, form({ id: admin.staffId, change: 'disable' }))).toMatchObject({ status: 'error' });
    expect(await accessLogFor(account.staffId)).toEqual([]);
    expect(await accessLogFor(admin.staffId)).toEqual([]);
    expect(await changeStaffAction(idle, form({ id: account.staffId, change: 'disable' }))).toMatchObject({ status: 'ok' });
    expect(await changeStaffAction(idle, form({ id: account.staffId, change: 'disable' }))).toMatchObject({ status: 'error', message: 'Kontoen er allerede deaktivert.' });
    expect(await accessLogFor(account.staffId)).toEqual([loggedEvent(admin.staffId, 'staff_change', 'staff', account.staffId)]);
  });
});
