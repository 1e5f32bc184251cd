import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { postMessage, startConversation } from '@/db/queries/chat-visitor';
import { legalHolds } from '@/db/schema';
import { hashChatToken } from '@/lib/chat/token';
import { appClock } from '@/lib/clock';
import { accessLogFor, loggedEvent } from '@/test/access-log-rows';
import { form, idle } from '@/test/action-form';
import { referenceOf } from '@/test/chat-reference';
import { databaseTargets } from '@/test/database-targets';
import { signInAs } from '@/test/signed-in';
import { GET as exportHold } from './[id]/eksport/route';
import { handOverAction, placeHoldAction, releaseHoldAction } from './actions';

/**
 * A legal hold on a chat, as the access log records it: placing it, exporting the chat,
 * releasing or handing it over each write one row under the chat, with the admin and no
 * word of the police reference, the reason or the conversation.
 */
vi.mock('@/lib/auth/staff-session', () => import('@/test/signed-in'));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

let count = 0;
async function chatWithAMessage(): Promise<string> {
  const db = await getDb();
  const now = appClock().now();
  const { id } = await startConversation(db, { tokenHash: hashChatToken(`hold-token-${++count}-${Math.random()}`), now });
  await postMessage(db, { id, sender: 'besokende', authorId: null, body: 'Jeg vet ikke hvem jeg skal si det til.', now });
  return id;
}

async function holdOn(objectId: string): Promise<string> {
  const [row] = await (await getDb()).select({ id: legalHolds.id }).from(legalHolds).where(eq(legalHolds.objectId, objectId));
  return row!.id;
}

const download = (holdId: string) =>
  exportHold(new Request(`http://127.0.0.1/staff/bevaring/${holdId}/eksport`, { headers: { 'sec-fetch-site': 'same-origin' } }), { params: Promise.resolve({ id: holdId }) });

describe.each(databaseTargets())('a legal hold on a chat in the access log on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('placing, exporting and releasing: one row each under the chat, ids only', async () => {
    const id = await chatWithAMessage();
    const admin = await signInAs('admin');
    expect(await placeHoldAction(idle, form({ inquiryCode: await referenceOf(id), caseReference: 'Politiet 24-123456', reason: 'Gjelder Ola Nordmann' }))).toMatchObject({ status: 'ok' });
    const holdId = await holdOn(id);
    const res = await download(holdId);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Jeg vet ikke hvem jeg skal si det til.');
    expect(await releaseHoldAction(idle, form({ id: holdId }))).toMatchObject({ status: 'ok' });
    expect(await accessLogFor(id)).toEqual([
      loggedEvent(admin.staffId, 'hold_place', 'chat', id),
      loggedEvent(admin.staffId, 'export', 'chat', id),
      loggedEvent(admin.staffId, 'hold_release', 'chat', id),
    ]);
  });

  it('handing a held chat over is logged under the chat; refusals are not logged', async () => {
    const id = await chatWithAMessage();
    await signInAs('adviser');
    expect(await placeHoldAction(idle, form({ inquiryCode: await referenceOf(id), caseReference: 'Sak', reason: 'Grunn' }))).toMatchObject({ status: 'error', message: 'Du har ikke tilgang til dette.' });
    expect(await accessLogFor(id)).toEqual([]);
    const admin = await signInAs('admin');
    await placeHoldAction(idle, form({ inquiryCode: await referenceOf(id), caseReference: 'Sak', reason: 'Grunn' }));
    expect(await placeHoldAction(idle, form({ inquiryCode: await referenceOf(id), caseReference: 'Sak 2', reason: 'Grunn' }))).toMatchObject({ status: 'error' });
    expect(await handOverAction(idle, form({ id: await holdOn(id) }))).toMatchObject({ status: 'ok' });
    expect(await accessLogFor(id)).toEqual([loggedEvent(admin.staffId, 'hold_place', 'chat', id), loggedEvent(admin.staffId, 'hold_handed_over', 'chat', id)]);
  });
});
