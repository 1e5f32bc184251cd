import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { listQuickReplies } from '@/db/queries/chat-quick-replies';
import { MAX_CHAT_MESSAGE } from '@/lib/chat/message-limit';
import { accessLogFor, loggedEvent } from '@/test/access-log-rows';
import { form, idle } from '@/test/action-form';
import { databaseTargets } from '@/test/database-targets';
import { callAs, signInAs, staffMember } from '@/test/signed-in';
import { addQuickReplyAction, changeQuickReplyAction, deleteQuickReplyAction } from './actions';

vi.mock('@/lib/auth/staff-session', () => import('@/test/signed-in'));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const answer = { category: 'henvisning', title: 'Barnevernvakten', text: 'Barnevernvakten i kommunen din kan hjelpe deg hele døgnet.' };
const titles = async () => (await listQuickReplies(await getDb())).map((r) => r.title);
const idOf = async (title: string) => (await listQuickReplies(await getDb())).find((r) => r.title === title)!.id;

describe.each(databaseTargets())('ready answers on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('comes with a few answers, each category in its order', async () => {
    const replies = await listQuickReplies(await getDb());
    expect(replies.map((r) => r.category)).toEqual(['apning', 'er-du-der', 'er-du-der', 'trygghet', 'henvisning', 'henvisning', 'avslutning']);
    expect(replies.find((r) => r.category === 'henvisning' && r.text.includes('116 111'))?.text).toMatch(/116 123/);
  });

  it('only an administrator adds, changes or deletes one; a chat host or adviser changes nothing', async () => {
    const [first] = await listQuickReplies(await getDb());
    for (const role of ['chat_host', 'adviser'] as const) {
      callAs(await staffMember(role));
      expect(await addQuickReplyAction(idle, form(answer))).toMatchObject({ status: 'error', code: 'forbidden' });
      expect(await changeQuickReplyAction(idle, form({ ...answer, id: first!.id }))).toMatchObject({ status: 'error', code: 'forbidden' });
      expect(await deleteQuickReplyAction(idle, form({ id: first!.id }))).toMatchObject({ status: 'error', code: 'forbidden' });
    }
    expect(await titles()).not.toContain('Barnevernvakten');
    expect(await titles()).toContain(first!.title);
    expect(await accessLogFor(first!.id)).toEqual([]);
  });

  it('adds, refuses bad input in Norwegian keeping what was typed, changes and deletes, each logged', async () => {
    const admin = await signInAs('admin');
    expect(await addQuickReplyAction(idle, form({ ...answer, title: ' Barnevernvakten ' }))).toMatchObject({ status: 'ok', result: { message: '«Barnevernvakten» er lagt til.' } });
    const id = await idOf('Barnevernvakten');

    const long = 'x'.repeat(MAX_CHAT_MESSAGE + 1);
    expect(await addQuickReplyAction(idle, form({ category: 'tull', title: '', text: long }))).toEqual({
      status: 'error',
      code: 'invalid',
      message: 'Noe må rettes før vi kan lagre.',
      fieldErrors: { category: 'Velg en kategori.', title: 'Skriv en tittel.', text: `Teksten kan ha høyst ${MAX_CHAT_MESSAGE} tegn, like mye som en melding i chatten.` },
      values: { category: 'tull', title: '', text: long },
    });
    const hidden = 'Ring 116\u200b111';
    expect(await addQuickReplyAction(idle, form({ ...answer, title: 'Skjult tegn', text: hidden }))).toMatchObject({
      status: 'error',
      fieldErrors: { text: expect.stringMatching(/^Teksten inneholder tegn vi ikke kan ta imot/) },
      values: { title: 'Skjult tegn', text: hidden },
    });
    expect(await addQuickReplyAction(idle, form({ ...answer, title: 'BARNEVERNVAKTEN', text: 'Noe annet' }))).toMatchObject({
      status: 'error',
      fieldErrors: { title: 'Det finnes allerede et hurtigsvar med den tittelen.' },
      values: { title: 'BARNEVERNVAKTEN', text: 'Noe annet' },
    });

    expect(await changeQuickReplyAction(idle, form({ ...answer, id, title: 'Takk for praten' }))).toMatchObject({ status: 'error', values: { title: 'Takk for praten' } });
    expect(await changeQuickReplyAction(idle, form({ id, category: 'trygghet', title: 'Barnevernvakten døgnet rundt', text: 'Ring barnevernvakten.' }))).toMatchObject({ status: 'ok' });
    expect((await listQuickReplies(await getDb())).find((r) => r.id === id)).toEqual({ id, category: 'trygghet', title: 'Barnevernvakten døgnet rundt', text: 'Ring barnevernvakten.' });

    expect(await deleteQuickReplyAction(idle, form({ id }))).toMatchObject({ status: 'ok', result: { message: 'Hurtigsvaret er slettet.' } });
    expect(await titles()).not.toContain('Barnevernvakten døgnet rundt');
    expect(await deleteQuickReplyAction(idle, form({ id }))).toMatchObject({ status: 'error', code: 'not_found' });
    expect(await deleteQuickReplyAction(idle, form({ id: 'ikke-en-id' }))).toMatchObject({ status: 'error', code: 'not_found' });

    const row = loggedEvent(admin.staffId, 'quick_reply_change', 'quick_reply', id);
    expect(await accessLogFor(id)).toEqual([row, row, row]);
  });
});
