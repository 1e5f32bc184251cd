import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { hostsFree, PRESENCE_MS, touchPresence } from '@/db/queries/chat-presence';
import { startConversation } from '@/db/queries/chat-visitor';
import { hashChatToken } from '@/lib/chat/token';
import { appClock } from '@/lib/clock';
import { databaseTargets } from '@/test/database-targets';
import { signInAs } from '@/test/signed-in';
import { POST as setAvailability } from '../tilgjengelighet/route';
import { POST as act } from './route';

/**
 * Availability (issue 16, item 4): a host on pause takes no new chat, a host takes no more chats
 * at once than their own limit, even with two clicks at the same moment, and only hosts whose
 * console is open, who are not on pause and who are below their limit count as free.
 */
vi.mock('@/lib/auth/staff-session', () => import('@/test/signed-in'));

const post = (path: string, body: unknown, handler: (r: Request) => Promise<Response>) =>
  handler(new Request(`http://127.0.0.1/staff/chat/api/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
const take = (id: string) => post('handling', { handling: 'ta', id }, act);
const setTo = (status: string, maks: number) => post('tilgjengelighet', { status, maks }, setAvailability);

async function waitingChat(): Promise<string> {
  const { id } = await startConversation(await getDb(), { tokenHash: hashChatToken(randomBytes(16).toString('base64url')), now: appClock().now() });
  return id;
}

describe.each(databaseTargets())('chat host availability on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('a host on pause cannot take a chat, and can again once available', async () => {
    await signInAs('chat_host');
    expect((await setTo('pause', 3)).status).toBe(200);
    const id = await waitingChat();
    const refused = await take(id);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: string }).error).toMatch(/^Du har pause\./);
    expect((await setTo('tilgjengelig', 3)).status).toBe(200);
    expect((await take(id)).status).toBe(200);
  });

  it('a host with a limit of one takes one chat, also when several takes arrive at once', async () => {
    await signInAs('chat_host');
    expect((await setTo('tilgjengelig', 1)).status).toBe(200);
    const chats = await Promise.all(Array.from({ length: 6 }, waitingChat));
    const answers = await Promise.all(chats.map(take));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const refused = answers.find((r) => r.status === 409)!;
    expect(((await refused.json()) as { error: string }).error).toMatch(/grensen din/);
  });

  it('refuses a limit outside one to five, and a status it does not know, in Norwegian', async () => {
    await signInAs('chat_host');
    for (const [status, maks] of [['tilgjengelig', 0], ['tilgjengelig', 6], ['borte', 2]] as const) {
      const answer = await setTo(status, maks);
      expect(answer.status).toBe(400);
      expect(((await answer.json()) as { error: string }).error).toMatch(/samtale|tilgjengelig/i);
    }
  });

  it('counts as free only hosts seen lately, available, and below their limit', async () => {
    const db = await getDb();
    const now = appClock().now();
    const before = await hostsFree(db, { now });
    const host = await signInAs('chat_host');
    await touchPresence(db, { staffIds: [host.staffId], now });
    expect(await hostsFree(db, { now })).toBe(before + 1);
    // Not seen for longer than the presence window: the console is closed.
    expect(await hostsFree(db, { now: new Date(now.getTime() + PRESENCE_MS + 1000) })).toBe(0);
    await setTo('pause', 3);
    expect(await hostsFree(db, { now })).toBe(before);
    await setTo('tilgjengelig', 1);
    expect((await take(await waitingChat())).status).toBe(200);
    expect(await hostsFree(db, { now })).toBe(before);
  });
});
