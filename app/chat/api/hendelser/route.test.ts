import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { acceptConversation } from '@/db/queries/chat-host';
import { endConversation, visitorState } from '@/db/queries/chat-visitor';
import { createStaff } from '@/db/queries/staff';
import { stopChatBus } from '@/lib/chat/bus';
import { CHAT_COOKIE, hashChatToken } from '@/lib/chat/token';
import { CLIENT_KEY_HEADER } from '@/lib/server/client-key-header';
import { databaseTargets } from '@/test/database-targets';
import { SseEvents } from '@/test/sse-events';
import { POST as send } from '../meldinger/route';
import { GET as state, POST as start } from '../samtale/route';
import { GET } from './route';

/**
 * A visitor's stream ends with the chat: when the host ends it, the open stream says so and
 * closes, and the old cookie gets nothing of the conversation again from any endpoint.
 */
process.env.CHAT_HOURS = 'alltid';

const open: AbortController[] = [];
let count = 0;

async function chatWithHost() {
  const started = await start(new Request('http://127.0.0.1/chat/api/samtale', { method: 'POST', headers: { [CLIENT_KEY_HEADER]: `slutt-${++count}` } }));
  const token = /hl_chat=([A-Za-z0-9_-]{22});/.exec(started.headers.get('set-cookie') ?? '')![1]!;
  const cookie = `${CHAT_COOKIE}=${token}`;
  const db = await getDb();
  const { id } = (await visitorState(db, { tokenHash: hashChatToken(token), now: new Date() }))!;
  const host = await createStaff(db, { email: `slutt${count}@example.org`, name: 'Hanne Vert', role: 'chat_host', passwordHash: null, totpSecret: null, now: new Date() });
  await acceptConversation(db, { id, hostId: host.id, now: new Date() });
  const say = (body: string) =>
    send(new Request('http://127.0.0.1/chat/api/meldinger', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ body }) }));
  const stream = async (after = 0) => {
    const abort = new AbortController();
    open.push(abort);
    return GET(new Request(`http://127.0.0.1/chat/api/hendelser?etter=${after}`, { headers: { cookie }, signal: abort.signal }));
  };
  return { db, id, cookie, say, stream };
}

describe.each(databaseTargets())('a visitor stream ends with its chat on $name', (target) => {
  beforeAll(target.open);
  afterEach(() => {
    for (const a of open.splice(0)) a.abort();
  });
  afterAll(async () => {
    await stopChatBus();
    await target.close();
  });

  it('closes when the host ends the chat, and the old cookie reads nothing of it again', async () => {
    const c = await chatWithHost();
    expect((await c.say('Jeg heter Kari, telefon 912 34 567')).status).toBe(201);
    const events = new SseEvents(await c.stream());
    await events.until((e) => e.named('melding').length === 1, 5_000, 'the message');

    await endConversation(c.db, { id: c.id, by: 'vert', now: new Date(), retentionDays: 30 });
    await events.until((e) => e.closed, 5_000, 'the stream to close');
    expect(events.named('tilstand').at(-1)?.data).toMatchObject({ status: 'avsluttet' });

    const again = await c.stream(0);
    expect(again.status).toBe(404);
    expect(await again.text()).not.toContain('Kari');
    expect(await (await state(new Request('http://127.0.0.1/chat/api/samtale', { headers: { cookie: c.cookie } }))).json()).toEqual({ status: 'ingen' });
    expect((await c.say('er du der?')).status).toBe(409);
  });

  it('a stream opened as the chat ends sends no message from it', async () => {
    const c = await chatWithHost();
    await c.say('Noe privat');
    await endConversation(c.db, { id: c.id, by: 'vert', now: new Date(), retentionDays: 30 });
    const response = await c.stream(0);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('privat');
  });
});
