import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { chatHoursText, saveChatHours } from '@/db/queries/chat-settings';
import { refuse } from '@/lib/actions/refusal';
import { accessLogFor, loggedEvent } from '@/test/access-log-rows';
import { form, idle } from '@/test/action-form';
import { databaseTargets } from '@/test/database-targets';
import { callAs, openWithWriter, signInAs, staffMember } from '@/test/signed-in';
import { staffAction } from './action';

/**
 * The staff action wrapper's promises, against a real change (the chat hours) on both
 * databases: the wrong role changes nothing; bad input keeps what was typed but never a
 * secret; a refusal, a failure, a failed log row or a change without one rolls everything back.
 */
vi.mock('@/lib/auth/staff-session', () => import('@/test/signed-in'));

const failure = { mode: 'none' as 'none' | 'throw' | 'refuse' | 'unlogged' };
// Who the change itself names.
const writer = { staffId: '' };

const saveHours = staffAction({
  roles: ['admin'],
  fields: ['hours', 'password'],
  schema: z.object({ hours: z.string().trim().min(1, 'Skriv åpningstidene.').max(40, 'Høyst 40 tegn.'), password: z.string() }),
  failed: 'Åpningstidene ble ikke lagret.',
  event: 'test_hours',
  run: async ({ db, input, now, audit }) => {
    await saveChatHours(db, { hours: input.hours, staffId: writer.staffId, now });
    if (failure.mode === 'throw') throw new Error('boom: SELECT secret FROM somewhere');
    if (failure.mode === 'refuse') throw refuse('conflict', 'Noen har endret dette i mellomtiden.', { hours: 'Prøv igjen.' });
    if (failure.mode !== 'unlogged') await audit('chat_hours', { type: 'chat_settings', id: '1' });
    return { saved: input.hours };
  },
});

describe.each(databaseTargets())('staffAction on $name', (target) => {
  openWithWriter(target, writer);
  beforeEach(() => {
    failure.mode = 'none';
  });

  const hours = async () => chatHoursText(await getDb());

  it('saves the change and its access-log row together', async () => {
    const admin = await signInAs('admin');
    const before = await accessLogFor('1');
    expect(await saveHours(idle, form({ hours: 'man 10:00-12:00', password: 'x' }))).toEqual({ status: 'ok', result: { saved: 'man 10:00-12:00' } });
    expect(await hours()).toBe('man 10:00-12:00');
    expect((await accessLogFor('1')).slice(before.length)).toEqual([loggedEvent(admin.staffId, 'chat_hours', 'chat_settings', '1')]);
  });

  it('refuses the wrong role and a stranger with a code and a Norwegian sentence, and changes nothing', async () => {
    const before = [await hours(), (await accessLogFor('1')).length];
    for (const caller of [null, await staffMember('adviser'), await staffMember('chat_host')]) {
      callAs(caller);
      expect(await saveHours(idle, form({ hours: 'søn 10:00-11:00', password: 'hemmelig-passord' }))).toEqual({
        status: 'error',
        code: 'forbidden',
        message: 'Du har ikke tilgang til dette.',
        fieldErrors: {},
        values: { hours: 'søn 10:00-11:00' },
      });
    }
    expect([await hours(), (await accessLogFor('1')).length]).toEqual(before);
  });

  it('keeps what was typed when zod refuses it, but never a secret field', async () => {
    await signInAs('admin');
    const typed = 'mandag til fredag fra morgen til kveld\r\nog lørdag';
    const state = await saveHours(idle, form({ hours: typed, password: 'hemmelig-passord' }));
    expect(state).toEqual({
      status: 'error',
      code: 'invalid',
      message: 'Noe må rettes før vi kan lagre.',
      fieldErrors: { hours: 'Høyst 40 tegn.' },
      values: { hours: typed.replace('\r\n', '\n') },
    });
    expect(JSON.stringify(state)).not.toContain('hemmelig-passord');
  });

  it('rolls the change back when the work throws, and answers one sentence without the error', async () => {
    await signInAs('admin');
    const before = [await hours(), (await accessLogFor('1')).length];
    failure.mode = 'throw';
    const state = await saveHours(idle, form({ hours: 'tir 09:00-10:00', password: '' }));
    expect(state).toMatchObject({ status: 'error', code: 'unavailable', message: 'Åpningstidene ble ikke lagret.' });
    expect(JSON.stringify(state)).not.toMatch(/boom|SELECT|somewhere|stack/i);
    expect([await hours(), (await accessLogFor('1')).length]).toEqual(before);
  });

  it('rolls the change back on a refusal, with its code, sentence and field error', async () => {
    await signInAs('admin');
    const before = await hours();
    failure.mode = 'refuse';
    expect(await saveHours(idle, form({ hours: 'ons 09:00-10:00', password: '' }))).toMatchObject({
      status: 'error',
      code: 'conflict',
      message: 'Noen har endret dette i mellomtiden.',
      fieldErrors: { hours: 'Prøv igjen.' },
      values: { hours: 'ons 09:00-10:00' },
    });
    expect(await hours()).toBe(before);
  });

  it('rolls the change back when its access-log row cannot be written', async () => {
    // A caller the staff table does not know: the log row's reference fails in the database.
    callAs({ staffId: randomUUID(), name: 'Ukjent', role: 'admin' });
    const before = [await hours(), (await accessLogFor('1')).length];
    expect(await saveHours(idle, form({ hours: 'tor 09:00-10:00', password: '' }))).toMatchObject({ status: 'error', code: 'unavailable' });
    expect([await hours(), (await accessLogFor('1')).length]).toEqual(before);
  });

  it('rolls back a change that wrote no access-log row at all', async () => {
    await signInAs('admin');
    const before = await hours();
    failure.mode = 'unlogged';
    expect(await saveHours(idle, form({ hours: 'fre 09:00-10:00', password: '' }))).toMatchObject({ status: 'error', code: 'unavailable' });
    expect(await hours()).toBe(before);
  });
});
