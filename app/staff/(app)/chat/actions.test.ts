import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { chatHoursText } from '@/db/queries/chat-settings';
import { createStaff } from '@/db/queries/staff';
import type { StaffRole } from '@/db/schema';
import type { StaffSession } from '@/lib/auth/staff-session';
import { appClock } from '@/lib/clock';
import { accessLogFor, loggedEvent } from '@/test/access-log-rows';
import { databaseTargets } from '@/test/database-targets';
import { saveChatHoursAction } from './actions';

const session = vi.hoisted(() => ({ caller: null as StaffSession | null }));
vi.mock('@/lib/auth/staff-session', () => ({
  staffAllowed: async (roles: readonly string[]) => (session.caller && roles.includes(session.caller.role) ? session.caller : null),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const idle = { status: 'idle' } as const;
const form = (hours: string) => {
  const f = new FormData();
  f.set('hours', hours);
  return f;
};

let staffCount = 0;
async function signedIn(role: StaffRole): Promise<StaffSession> {
  const name = `Ansatt ${++staffCount}`;
  const { id } = await createStaff(await getDb(), { email: `chat${staffCount}@example.org`, name, role, passwordHash: null, totpSecret: null, now: appClock().now() });
  return { staffId: id, name, role };
}

describe.each(databaseTargets())('setting the chat hours on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('an admin saves valid hours; they are in force and in the access log', async () => {
    const admin = await signedIn('admin');
    session.caller = admin;
    const state = await saveChatHoursAction(idle, form('man-fre 15:00-21:00, søn 18:00-21:00'));
    expect(state).toMatchObject({ status: 'ok' });
    expect(state.status === 'ok' && state.result.message).toContain('mandag–fredag');
    expect(await chatHoursText(await getDb())).toBe('man-fre 15:00-21:00, søn 18:00-21:00');
    expect(await accessLogFor('1')).toEqual([loggedEvent(admin.staffId, 'chat_hours', 'chat_settings', '1')]);
  });

  it('refuses hours it cannot read, keeps what was typed, and changes nothing', async () => {
    session.caller = await signedIn('admin');
    const before = await chatHoursText(await getDb());
    const state = await saveChatHoursAction(idle, form('mandager hele dagen'));
    expect(state).toMatchObject({ status: 'error', values: { hours: 'mandager hele dagen' } });
    expect(state.status === 'error' && state.fieldErrors.hours).toBeTruthy();
    expect(await chatHoursText(await getDb())).toBe(before);
  });

  it('a chat host cannot change them', async () => {
    session.caller = await signedIn('chat_host');
    const before = await chatHoursText(await getDb());
    expect(await saveChatHoursAction(idle, form('alltid'))).toMatchObject({ status: 'error', message: 'Du har ikke tilgang til dette.' });
    expect(await chatHoursText(await getDb())).toBe(before);
  });
});
