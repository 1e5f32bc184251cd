import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { CHAT_ON_REQUEST_RULE } from '@/db/queries/chat-deletion';
import { acceptConversation } from '@/db/queries/chat-host';
import { postMessage, startConversation } from '@/db/queries/chat-visitor';
import { listCategories, setCategories } from '@/db/queries/contact-stats';
import { markHandedOver, placeHold } from '@/db/queries/holds';
import { accessLog, chatCategories, chatConversations, chatMessages, purgeReceipts } from '@/db/schema';
import { hashChatToken, newChatToken } from '@/lib/chat/token';
import { appClock } from '@/lib/clock';
import { accessLogFor, loggedEvent } from '@/test/access-log-rows';
import { form, idle } from '@/test/action-form';
import { databaseTargets } from '@/test/database-targets';
import { callAs, signInAs, staffMember } from '@/test/signed-in';
import { deleteChatAction, findChatToDeleteAction } from './actions';

/**
 * Deleting a chat on its visitor's request, by the code the visitor saw: what the host sees
 * (state and dates, never content), what is deleted (everything of the chat, by the purge's
 * own deletion), the receipt, the access-log rows, and every refusal.
 */
vi.mock('@/lib/auth/staff-session', () => import('@/test/signed-in'));

const CONTENT = 'kanari-slett-meg-7c1e';
const NO_MATCH = 'Vi finner ingen samtale å slette med denne koden. Koden kan være feil, eller samtalen kan allerede være slettet.';

async function chatWithMessages() {
  const db = await getDb();
  const now = appClock().now();
  const chat = await startConversation(db, { tokenHash: hashChatToken(newChatToken()), now });
  const host = await staffMember('chat_host');
  await acceptConversation(db, { id: chat.id, hostId: host.staffId, now });
  await postMessage(db, { id: chat.id, sender: 'besokende', authorId: null, body: CONTENT, now });
  await postMessage(db, { id: chat.id, sender: 'vert', authorId: host.staffId, body: 'Jeg hører deg.', now });
  return chat;
}

async function rowsOf(id: string) {
  const db = await getDb();
  const n = sql<number>`count(*)::int`;
  return {
    conversations: (await db.select({ n }).from(chatConversations).where(eq(chatConversations.id, id)))[0]!.n,
    messages: (await db.select({ n }).from(chatMessages).where(eq(chatMessages.conversationId, id)))[0]!.n,
    categories: (await db.select({ n }).from(chatCategories).where(eq(chatCategories.conversationId, id)))[0]!.n,
  };
}

async function receiptsOnRequest() {
  const rows = await (await getDb()).select({ deleted: purgeReceipts.deleted }).from(purgeReceipts).where(eq(purgeReceipts.rule, CHAT_ON_REQUEST_RULE));
  return rows.reduce((sum, r) => sum + r.deleted, 0);
}

/** The lookups that matched nothing, by this person: rows with no object. */
async function missesBy(staffId: string) {
  return (await getDb())
    .select({ action: accessLog.action, objectType: accessLog.objectType, objectId: accessLog.objectId })
    .from(accessLog)
    .where(and(eq(accessLog.staffId, staffId), isNull(accessLog.objectId)));
}

async function accessLogText() {
  return JSON.stringify(await (await getDb()).select().from(accessLog));
}

describe.each(databaseTargets())('deleting a chat on request on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('a host finds the chat by its code however it is typed, and sees its state and dates, never what was written', async () => {
    const chat = await chatWithMessages();
    const host = await signInAs('chat_host');
    const typed = chat.reference.toLowerCase().replace(/-/g, ' ');
    const state = await findChatToDeleteAction(idle, form({ kode: typed }));
    expect(state).toEqual({ status: 'ok', result: { kode: chat.reference, status: 'aktiv', startet: expect.any(String), avsluttet: null } });
    expect(JSON.stringify(state)).not.toContain(CONTENT);
    expect(await accessLogFor(chat.id)).toEqual([loggedEvent(host.staffId, 'chat_delete_lookup', 'chat', chat.id)]);
  });

  it('deletes an open chat at once, with its messages and its reasons, by the same code: ended first, a receipt, and a row in the access log', async () => {
    const db = await getDb();
    const chat = await chatWithMessages();
    const reasons = (await listCategories(db)).filter((c) => c.kind === 'reason');
    expect(reasons.length).toBeGreaterThan(0);
    await setCategories(db, { channel: 'chat', id: chat.id, choice: { reasons: [reasons[0]!.id], outcomes: [] } });
    expect(await rowsOf(chat.id)).toEqual({ conversations: 1, messages: 2, categories: 1 });
    const receipts = await receiptsOnRequest();
    const host = await signInAs('chat_host');
    expect(await findChatToDeleteAction(idle, form({ kode: chat.reference }))).toMatchObject({ status: 'ok' });
    const state = await deleteChatAction(idle, form({ kode: chat.reference }));
    expect(state).toEqual({ status: 'ok', result: { message: 'Samtalen er slettet med alle meldingene. Den finnes ikke lenger hos oss.' } });
    expect(await rowsOf(chat.id)).toEqual({ conversations: 0, messages: 0, categories: 0 });
    expect(await receiptsOnRequest()).toBe(receipts + 1);
    expect(await accessLogFor(chat.id)).toEqual([
      loggedEvent(host.staffId, 'chat_delete_lookup', 'chat', chat.id),
      loggedEvent(host.staffId, 'chat_delete', 'chat', chat.id),
    ]);
    expect(await accessLogText()).not.toContain(chat.reference);
  });

  it('an admin may delete too; an unknown code and the code of a chat already deleted get the same answer, each try in the access log without the code', async () => {
    const chat = await chatWithMessages();
    const admin = await signInAs('admin');
    expect(await deleteChatAction(idle, form({ kode: chat.reference }))).toMatchObject({ status: 'ok' });
    const again = await findChatToDeleteAction(idle, form({ kode: chat.reference }));
    const unknown = await findChatToDeleteAction(idle, form({ kode: 'CHAT-ZZZZ-ZZZZ' }));
    expect(again).toEqual({ status: 'error', code: 'not_found', message: NO_MATCH, fieldErrors: { kode: NO_MATCH }, values: {} });
    expect(unknown).toEqual(again);
    expect(await deleteChatAction(idle, form({ kode: chat.reference }))).toMatchObject({ status: 'error', code: 'not_found', message: NO_MATCH });
    expect(await missesBy(admin.staffId)).toEqual(Array(3).fill({ action: 'chat_delete_lookup', objectType: 'chat', objectId: null }));
    expect(await accessLogText()).not.toMatch(/CHAT-[A-Z2-9]{4}-[A-Z2-9]{4}/);
  });

  it('a code that cannot be one is refused with an example, and nothing is looked up', async () => {
    const host = await signInAs('chat_host');
    const state = await findChatToDeleteAction(idle, form({ kode: 'K7QM-3XHP' }));
    expect(state).toMatchObject({ status: 'error', code: 'invalid', fieldErrors: { kode: expect.stringContaining('CHAT-K7QM-3XHP') } });
    expect(await missesBy(host.staffId)).toEqual([]);
  });

  it('@claim:chat-sletting-respekterer-palegg a chat under a legal hold is not deleted; the refusal says why and is in the access log; once handed over it is gone for this page', async () => {
    const db = await getDb();
    const chat = await chatWithMessages();
    const admin = await staffMember('admin');
    await placeHold(db, { objectType: 'chat', objectId: chat.id, reference: 'Politiet 27/1', reason: 'Etterforskning', placedBy: admin.staffId, now: appClock().now() });
    const receipts = await receiptsOnRequest();
    const host = await signInAs('chat_host');
    const looked = await findChatToDeleteAction(idle, form({ kode: chat.reference }));
    expect(looked).toMatchObject({ status: 'error', code: 'conflict', message: expect.stringContaining('bevaringspålegg') });
    const refused = await deleteChatAction(idle, form({ kode: chat.reference }));
    expect(refused).toMatchObject({ status: 'error', code: 'conflict', message: expect.stringContaining('bevaringspålegg') });
    expect(await rowsOf(chat.id)).toMatchObject({ conversations: 1, messages: 2 });
    expect(await receiptsOnRequest()).toBe(receipts);
    expect(await accessLogFor(chat.id)).toEqual([
      loggedEvent(host.staffId, 'chat_delete_lookup', 'chat', chat.id),
      loggedEvent(host.staffId, 'chat_delete_refused', 'chat', chat.id),
    ]);
    await markHandedOver(db, { objectType: 'chat', objectId: chat.id, now: appClock().now() });
    expect(await deleteChatAction(idle, form({ kode: chat.reference }))).toMatchObject({ status: 'error', code: 'not_found', message: NO_MATCH });
  });

  it('@claim:chat-sletting-bare-verter an adviser, a course admin and a stranger are refused before anything is looked up or deleted', async () => {
    const chat = await chatWithMessages();
    for (const caller of [await staffMember('adviser'), await staffMember('course_admin'), null]) {
      callAs(caller);
      for (const action of [findChatToDeleteAction, deleteChatAction]) {
        const state = await action(idle, form({ kode: chat.reference }));
        expect(state).toMatchObject({ status: 'error', code: 'forbidden', message: 'Du har ikke tilgang til dette.' });
        expect(JSON.stringify(state)).not.toContain(chat.reference);
      }
    }
    expect(await rowsOf(chat.id)).toMatchObject({ conversations: 1, messages: 2 });
    expect(await accessLogFor(chat.id)).toEqual([]);
  });

  it('one person gets a limited number of lookups an hour', async () => {
    await signInAs('chat_host');
    for (let i = 0; i < 30; i++) expect(await findChatToDeleteAction(idle, form({ kode: 'CHAT-ZZZZ-ZZZ2' }))).toMatchObject({ code: 'not_found' });
    const last = await findChatToDeleteAction(idle, form({ kode: 'CHAT-ZZZZ-ZZZ2' }));
    expect(last).toMatchObject({ status: 'error', code: 'too_many' });
  });
});
