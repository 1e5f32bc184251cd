import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { chatHoursText, saveChatHours } from '@/db/queries/chat-settings';
import { refuse } from '@/lib/actions/refusal';
import { json } from '@/lib/http/answer';
import { accessLogFor, loggedEvent } from '@/test/access-log-rows';
import { databaseTargets } from '@/test/database-targets';
import { callAs, openWithWriter, signInAs, staffMember } from '@/test/signed-in';
import { staffRoute } from './route';

/**
 * The staff route wrapper's promises, against a real change on both databases: every failure
 * is JSON `{ error }` with its status and a Norwegian sentence (never HTML, never the error),
 * and a refusal, a failure or a failed access-log row leaves nothing changed.
 */
vi.mock('@/lib/auth/staff-session', () => import('@/test/signed-in'));

const failure = { mode: 'none' as 'none' | 'throw' | 'refuse' };
// Who the change itself names.
const writer = { staffId: '' };

const POST = staffRoute({
  roles: ['admin'],
  body: z.object({ hours: z.string().min(1, 'Skriv åpningstidene.'), uke: z.number() }),
  event: 'test_hours',
  failed: 'Åpningstidene ble ikke lagret. Prøv igjen om litt.',
  run: async ({ db, body, now, audit }) => {
    await saveChatHours(db, { hours: body.hours, staffId: writer.staffId, now });
    if (failure.mode === 'throw') throw new Error('boom: relation "secret" does not exist');
    if (failure.mode === 'refuse') throw refuse('conflict', 'Noen andre har allerede tatt denne.');
    await audit('chat_hours', { type: 'chat_settings', id: '1' });
    return json({ ok: true });
  },
});

const call = (body: unknown) => POST(new Request('http://127.0.0.1/staff/test', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));

async function answered(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  const text = await response.text();
  expect(text).not.toMatch(/<html|boom|relation|stack|at \//i);
  return JSON.parse(text) as { error?: string };
}

describe.each(databaseTargets())('staffRoute on $name', (target) => {
  openWithWriter(target, writer);
  beforeEach(() => {
    failure.mode = 'none';
  });
  const state = async () => [await chatHoursText(await getDb()), (await accessLogFor('1')).length];

  it('runs the change and its access-log row together', async () => {
    const admin = await signInAs('admin');
    const before = (await accessLogFor('1')).length;
    expect(await answered(await call({ hours: 'man 10:00-12:00', uke: 1 }), 200)).toEqual({ ok: true });
    expect(await chatHoursText(await getDb())).toBe('man 10:00-12:00');
    expect((await accessLogFor('1')).slice(before)).toEqual([loggedEvent(admin.staffId, 'chat_hours', 'chat_settings', '1')]);
  });

  it('refuses a stranger and the wrong role with 403 JSON in Norwegian, changing nothing', async () => {
    const before = await state();
    for (const caller of [null, await staffMember('chat_host')]) {
      callAs(caller);
      expect(await answered(await call({ hours: 'søn 10:00-11:00', uke: 1 }), 403)).toEqual({ error: 'Du har ikke tilgang til dette.' });
    }
    expect(await state()).toEqual(before);
  });

  it('answers a bad body with 400 and a Norwegian sentence, also where the rule has none of its own', async () => {
    await signInAs('admin');
    expect(await answered(await call({ hours: '', uke: 1 }), 400)).toEqual({ error: 'Skriv åpningstidene.' });
    expect(await answered(await call({ hours: 'man 10:00-11:00' }), 400)).toEqual({ error: 'Forespørselen kunne ikke leses. Last siden på nytt.' });
    const broken = await POST(new Request('http://127.0.0.1/staff/test', { method: 'POST', body: '{nei' }));
    expect(await answered(broken, 400)).toEqual({ error: 'Forespørselen kunne ikke leses. Last siden på nytt.' });
  });

  it('rolls back and answers 503 JSON with a calm sentence when the work throws', async () => {
    await signInAs('admin');
    const before = await state();
    failure.mode = 'throw';
    expect(await answered(await call({ hours: 'tir 09:00-10:00', uke: 1 }), 503)).toEqual({ error: 'Åpningstidene ble ikke lagret. Prøv igjen om litt.' });
    expect(await state()).toEqual(before);
  });

  it('rolls back on a refusal and answers its status', async () => {
    await signInAs('admin');
    const before = await state();
    failure.mode = 'refuse';
    expect(await answered(await call({ hours: 'ons 09:00-10:00', uke: 1 }), 409)).toEqual({ error: 'Noen andre har allerede tatt denne.' });
    expect(await state()).toEqual(before);
  });

  it('rolls the change back when its access-log row cannot be written', async () => {
    callAs({ staffId: randomUUID(), name: 'Ukjent', role: 'admin' });
    const before = await state();
    expect((await call({ hours: 'tor 09:00-10:00', uke: 1 })).status).toBe(503);
    expect(await state()).toEqual(before);
  });
});
