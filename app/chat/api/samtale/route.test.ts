import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { blockToken } from '@/db/queries/chat-host';
import { visitorState } from '@/db/queries/chat-visitor';
import { CLIENT_KEY_HEADER } from '@/lib/server/client-key-header';
import { CHAT_COOKIE, hashChatToken } from '@/lib/chat/token';
import { databaseTargets } from '@/test/database-targets';
import { POST as send } from '../meldinger/route';
import { POST as start } from './route';

/**
 * The chat's abuse limits and refusals, through the route handlers themselves: six new chats
 * per client in twelve hours, a blocked token starts none, and a message over 2,000
 * characters or with control characters is refused and stored nowhere.
 */
process.env.CHAT_HOURS = 'alltid';
process.env.CHAT_START_LIMIT = '6';

const startAs = (client: string, cookie?: string) =>
  start(new Request('http://127.0.0.1/chat/api/samtale', { method: 'POST', headers: { [CLIENT_KEY_HEADER]: client, ...(cookie ? { cookie } : {}) } }));

function tokenFrom(response: Response): string {
  const match = new RegExp(`${CHAT_COOKIE}=([A-Za-z0-9_-]{22});`).exec(response.headers.get('set-cookie') ?? '');
  if (!match) throw new Error('no chat cookie');
  return match[1]!;
}

async function conversations(): Promise<number> {
  const r = (await (await getDb()).execute(sql`select count(*)::int as n from chat_conversations`)) as unknown as { rows: { n: number }[] };
  return r.rows[0]!.n;
}

describe.each(databaseTargets())('chat abuse limits on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('a client gets six new chats in twelve hours, then a clear Norwegian refusal and no seventh', async () => {
    const client = `klient-${target.name}`;
    const before = await conversations();
    for (let i = 0; i < 6; i++) expect((await startAs(client)).status).toBe(201);
    const refused = await startAs(client);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: string }).error).toMatch(/Vent litt/);
    expect(await conversations()).toBe(before + 6);
    // Another client is not affected.
    expect((await startAs(`${client}-annen`)).status).toBe(201);
  });

  it('a blocked token cannot start a new chat @claim:chat-sperring', async () => {
    const first = await startAs(`blokkert-${target.name}`);
    const token = tokenFrom(first);
    const db = await getDb();
    const state = await visitorState(db, { tokenHash: hashChatToken(token), now: new Date() });
    await blockToken(db, { id: state!.id, now: new Date(), days: 30 });
    const again = await startAs(`blokkert-${target.name}-2`, `${CHAT_COOKIE}=${token}`);
    expect(again.status).toBe(403);
  });

  it('refuses a message over 2,000 characters or with control characters, and stores nothing', async () => {
    const token = tokenFrom(await startAs(`melding-${target.name}`));
    const post = (body: string) =>
      send(new Request('http://127.0.0.1/chat/api/meldinger', { method: 'POST', headers: { cookie: `${CHAT_COOKIE}=${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ body }) }));
    const tooLong = await post('a'.repeat(2001));
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as { error: string }).error).toMatch(/for lang/);
    expect((await post('hei\u0007')).status).toBe(400);
    expect((await post('   ')).status).toBe(400);
    const state = await visitorState(await getDb(), { tokenHash: hashChatToken(token), now: new Date() });
    expect(state?.lastSeq).toBe(0);
    expect((await post('a'.repeat(2000))).status).toBe(201);
  });
});
