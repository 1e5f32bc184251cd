import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { chatHoursText } from '@/db/queries/chat-settings';
import { accessLogFor, loggedEvent } from '@/test/access-log-rows';
import { form, idle } from '@/test/action-form';
import { databaseTargets } from '@/test/database-targets';
import { signInAs } from '@/test/signed-in';
import { saveChatHoursAction } from './actions';

vi.mock('@/lib/auth/staff-session', () => import('@/test/signed-in'));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

describe.each(databaseTargets())('setting the chat hours on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('an admin saves valid hours; they are in force and in the access log', async () => {
    const admin = await signInAs('admin');
    const state = await saveChatHoursAction(idle, form({ hours: 'man-fre 15:00-21:00, søn 18:00-21:00' }));
    expect(state).toMatchObject({ status: 'ok' });
    expect(state.status === 'ok' && state.result.message).toContain('mandag–fredag');
    expect(await chatHoursText(await getDb())).toBe('man-fre 15:00-21:00, søn 18:00-21:00');
    expect(await accessLogFor('1')).toEqual([loggedEvent(admin.staffId, 'chat_hours', 'chat_settings', '1')]);
  });

  it('refuses hours it cannot read, keeps what was typed, and changes nothing', async () => {
    await signInAs('admin');
    const before = await chatHoursText(await getDb());
    const state = await saveChatHoursAction(idle, form({ hours: 'mandager hele dagen' }));
    expect(state).toMatchObject({ status: 'error', values: { hours: 'mandager hele dagen' } });
    expect(state.status === 'error' && state.fieldErrors.hours).toBeTruthy();
    expect(await chatHoursText(await getDb())).toBe(before);
  });

  it('a chat host cannot change them', async () => {
    await signInAs('chat_host');
    const before = await chatHoursText(await getDb());
    expect(await saveChatHoursAction(idle, form({ hours: 'alltid' }))).toMatchObject({ status: 'error', message: 'Du har ikke tilgang til dette.' });
    expect(await chatHoursText(await getDb())).toBe(before);
  });
});
