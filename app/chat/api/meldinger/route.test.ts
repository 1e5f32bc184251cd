import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { visitorState } from '@/db/queries/chat-visitor';
import { CHAT_COOKIE, hashChatToken } from '@/lib/chat/token';
import { CLIENT_KEY_HEADER } from '@/lib/server/client-key-header';
import { databaseTargets } from '@/test/database-targets';
import { POST as start } from '../samtale/route';
import { POST as send } from './route';

/**
 * The chat refuses the invisible and direction-changing characters the contact form refuses
 * (one shared rule, lib/refused-characters.ts), through the route handler itself: nothing of
 * such a message is stored, and the visitor is told why in plain Norwegian.
 */
process.env.CHAT_HOURS = 'alltid';
let clients = 0;

/** Each chat from a client of its own, so the limit on new chats per client never interferes. */
async function newChat(): Promise<string> {
  const client = `tegn-${++clients}`;
  const response = await start(new Request('http://127.0.0.1/chat/api/samtale', { method: 'POST', headers: { [CLIENT_KEY_HEADER]: client } }));
  const match = new RegExp(`${CHAT_COOKIE}=([A-Za-z0-9_-]{22});`).exec(response.headers.get('set-cookie') ?? '');
  if (!match) throw new Error('no chat cookie');
  return match[1]!;
}

const post = (token: string, body: string) =>
  send(
    new Request('http://127.0.0.1/chat/api/meldinger', {
      method: 'POST',
      headers: { cookie: `${CHAT_COOKIE}=${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body }),
    }),
  );

const storedCount = async (token: string) => (await visitorState(await getDb(), { tokenHash: hashChatToken(token), now: new Date() }))?.lastSeq;

describe.each(databaseTargets())('chat message characters on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it.each([
    ['a right-to-left override that shows a phone number reversed', 'Ring meg på \u202E76543219\u202C'],
    ['a left-to-right override', 'hei \u202Dder'],
    ['a right-to-left embedding', '\u202Bhei'],
    ['a first-strong isolate', 'hei \u2068du\u2069'],
    ['a right-to-left mark', 'hei\u200F'],
    ['a zero-width space inside a phone number', 'nummeret er 9\u200B12 34 567'],
    ['a zero-width joiner inside a phone number', 'nummeret er 9\u200D12 34 567'],
    ['a word joiner', 'hei\u2060du'],
    ['a byte-order mark inside the text', 'hei\uFEFFdu'],
    ['a bell', 'hei\u0007'],
  ])('refuses %s and stores nothing', async (_name, body) => {
    const token = await newChat();
    const refused = await post(token, body);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toBe(
      'Meldingen inneholder tegn vi ikke kan ta imot. Det kan være usynlige tegn fra tekst som er limt inn: skriv det gjerne på nytt.',
    );
    expect(await storedCount(token)).toBe(0);
  });

  it('takes ordinary text, emoji joined with zero-width joiners and right-to-left script', async () => {
    const token = await newChat();
    for (const body of ['Hei, jeg lurer på noe 🙂', 'Oss 👩\u200D👩\u200D👧', 'שלום, ring 912 34 567']) {
      expect((await post(token, body)).status).toBe(201);
    }
    expect(await storedCount(token)).toBe(3);
  });
});
