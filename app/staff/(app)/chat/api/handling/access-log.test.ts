import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { startConversation } from '@/db/queries/chat-visitor';
import { hashChatToken } from '@/lib/chat/token';
import { appClock } from '@/lib/clock';
import { accessLogFor, loggedEvent } from '@/test/access-log-rows';
import { databaseTargets } from '@/test/database-targets';
import { callAs, signInAs, staffMember } from '@/test/signed-in';
import { POST } from './route';

/**
 * What a chat host does to a chat, as the access log records it: taking it from the queue,
 * flagging it, blocking its token and ending it each write one row with the host, the event
 * and the chat's id. A message the host writes is not an access, and nothing refused is logged.
 */
vi.mock('@/lib/auth/staff-session', () => import('@/test/signed-in'));

let chatCount = 0;
async function waitingChat(): Promise<string> {
  const token = `test-token-${++chatCount}-${Math.random().toString(36).slice(2)}`;
  return (await startConversation(await getDb(), { tokenHash: hashChatToken(token), now: appClock().now() })).id;
}

const act = (body: Record<string, unknown>) =>
  POST(
    new Request('http://127.0.0.1/staff/chat/api/handling', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1', 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify(body),
    }),
  );

describe.each(databaseTargets())('a chat host\'s actions in the access log on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('taking, writing in, flagging, blocking and ending a chat: one row per access, ids only', async () => {
    const id = await waitingChat();
    const host = await signInAs('chat_host');
    expect((await act({ handling: 'ta', id })).status).toBe(200);
    expect(await accessLogFor(id)).toEqual([loggedEvent(host.staffId, 'chat_accept', 'chat', id)]);

    expect((await act({ handling: 'send', id, tekst: 'Hei, du snakker med en voksen her.' })).status).toBe(201);
    const flagged = await act({ handling: 'merk', id });
    expect(flagged.status).toBe(200);
    // Flagged twice: one change, one row, and the first deadline is the one given again.
    const again = await act({ handling: 'merk', id });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await flagged.json());
    expect((await act({ handling: 'avslutt', id, blokker: true })).status).toBe(200);
    expect(await accessLogFor(id)).toEqual([
      loggedEvent(host.staffId, 'chat_accept', 'chat', id),
      loggedEvent(host.staffId, 'chat_flag', 'chat', id),
      loggedEvent(host.staffId, 'chat_block', 'chat', id),
      loggedEvent(host.staffId, 'chat_end', 'chat', id),
    ]);
  });

  it('an admin ending a chat without blocking writes the end only', async () => {
    const id = await waitingChat();
    const admin = await signInAs('admin');
    await act({ handling: 'ta', id });
    expect((await act({ handling: 'avslutt', id })).status).toBe(200);
    expect(await accessLogFor(id)).toEqual([loggedEvent(admin.staffId, 'chat_accept', 'chat', id), loggedEvent(admin.staffId, 'chat_end', 'chat', id)]);
  });

  it('logs nothing that was refused: a stranger, an adviser, a second host, another host\'s chat', async () => {
    const id = await waitingChat();
    for (const caller of [null, await staffMember('adviser')]) {
      callAs(caller);
      expect((await act({ handling: 'ta', id })).status).toBe(403);
    }
    const first = await signInAs('chat_host');
    expect((await act({ handling: 'ta', id })).status).toBe(200);
    await signInAs('chat_host');
    expect((await act({ handling: 'ta', id })).status).toBe(409);
    expect((await act({ handling: 'merk', id })).status).toBe(409);
    expect((await act({ handling: 'avslutt', id, blokker: true })).status).toBe(409);
    expect(await accessLogFor(id)).toEqual([loggedEvent(first.staffId, 'chat_accept', 'chat', id)]);
  });
});
