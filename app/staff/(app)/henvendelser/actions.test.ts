import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { createInquiry } from '@/db/queries/inquiries';
import { appClock } from '@/lib/clock';
import { accessLogFor, loggedEvent } from '@/test/access-log-rows';
import { form, idle } from '@/test/action-form';
import { databaseTargets } from '@/test/database-targets';
import { inquiryInput } from '@/test/inquiry-input';
import { callAs, signInAs, staffMember } from '@/test/signed-in';
import { addNoteAction, assignAction, closeAction, reopenAction, setCategoriesAction, setStatusAction } from './actions';
import { categoriesOf, listCategories } from '@/db/queries/contact-stats';

// The actions ask the session who is calling; these tests say who it is.
vi.mock('@/lib/auth/staff-session', () => import('@/test/signed-in'));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

async function newInquiry() {
  const input = inquiryInput({ name: 'Kari Nordmann' });
  return (await createInquiry(await getDb(), { input, privacyVersion: 1, now: appClock().now() })).id;
}

describe.each(databaseTargets())('changes to an inquiry in the access log on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('a note, an assignment, a status, closing and reopening: one row each, with who and which inquiry, never the note', async () => {
    const id = await newInquiry();
    const adviser = await signInAs('adviser');
    const ok = { status: 'ok' };
    expect(await addNoteAction(idle, form({ id, note: 'Ringte moren, hun ringer tilbake i morgen.' }))).toMatchObject(ok);
    expect(await assignAction(idle, form({ id, assignee: adviser.staffId }))).toMatchObject(ok);
    expect(await setStatusAction(idle, form({ id, status: 'under_arbeid' }))).toMatchObject(ok);
    expect(await closeAction(idle, form({ id }))).toMatchObject(ok);
    const admin = await signInAs('admin');
    expect(await reopenAction(idle, form({ id }))).toMatchObject(ok);
    expect(await accessLogFor(id)).toEqual([
      loggedEvent(adviser.staffId, 'inquiry_note', 'inquiry', id),
      loggedEvent(adviser.staffId, 'inquiry_change', 'inquiry', id),
      loggedEvent(adviser.staffId, 'inquiry_change', 'inquiry', id),
      loggedEvent(adviser.staffId, 'inquiry_close', 'inquiry', id),
      loggedEvent(admin.staffId, 'inquiry_reopen', 'inquiry', id),
    ]);
  });

  it('logs nothing that was refused or not done', async () => {
    const id = await newInquiry();
    for (const caller of [null, await staffMember('chat_host')]) {
      callAs(caller);
      expect(await addNoteAction(idle, form({ id, note: 'Notat' }))).toMatchObject({ status: 'error', message: 'Du har ikke tilgang til dette.' });
    }
    await signInAs('adviser');
    expect(await addNoteAction(idle, form({ id, note: ' ' }))).toMatchObject({ status: 'error' });
    expect(await reopenAction(idle, form({ id }))).toMatchObject({ status: 'error', message: 'Kontakten er ikke avsluttet.' });
    expect(await assignAction(idle, form({ id, assignee: '00000000-0000-4000-8000-000000000000' }))).toMatchObject({ status: 'error' });
    expect(await accessLogFor(id)).toEqual([]);
  });

  it('sets reasons and outcomes for an adviser, logged as a change; refuses a chat host, and an unknown category without losing the ticks', async () => {
    const id = await newInquiry();
    const db = await getDb();
    const all = await listCategories(db);
    const [rus, demens] = all.filter((c) => c.kind === 'reason');
    const [veiledning] = all.filter((c) => c.kind === 'outcome');
    const choice = { id, arsak: [String(rus!.id), String(demens!.id)], utfall: [String(veiledning!.id)] };

    callAs(await staffMember('chat_host'));
    expect(await setCategoriesAction(idle, form(choice))).toMatchObject({ status: 'error', code: 'forbidden' });
    expect(await categoriesOf(db, { channel: 'henvendelse', id })).toEqual([]);

    const adviser = await signInAs('adviser');
    const wrong = await setCategoriesAction(idle, form({ ...choice, utfall: [String(rus!.id)] }));
    expect(wrong).toMatchObject({ status: 'error', code: 'invalid', values: { arsak: `${rus!.id},${demens!.id}`, utfall: String(rus!.id) } });
    expect(await categoriesOf(db, { channel: 'henvendelse', id })).toEqual([]);

    expect(await setCategoriesAction(idle, form(choice))).toMatchObject({ status: 'ok' });
    expect(await categoriesOf(db, { channel: 'henvendelse', id })).toEqual([rus!.id, demens!.id, veiledning!.id].sort((a, b) => a - b));
    expect(await setCategoriesAction(idle, form({ id }))).toMatchObject({ status: 'ok' });
    expect(await categoriesOf(db, { channel: 'henvendelse', id })).toEqual([]);
    expect(await accessLogFor(id)).toEqual([loggedEvent(adviser.staffId, 'inquiry_change', 'inquiry', id), loggedEvent(adviser.staffId, 'inquiry_change', 'inquiry', id)]);
  });
});
