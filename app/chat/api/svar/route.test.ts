import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { forgetUsedSurveyTickets } from '@/db/queries/chat-survey';
import { endConversation, visitorState } from '@/db/queries/chat-visitor';
import { CHAT_COOKIE, hashChatToken } from '@/lib/chat/token';
import { osloIsoDate } from '@/lib/dates';
import { CLIENT_KEY_HEADER } from '@/lib/server/client-key-header';
import { databaseTargets } from '@/test/database-targets';
import { POST as end } from '../avslutt/route';
import { POST as start } from '../samtale/route';
import { POST as answer } from './route';

/**
 * The anonymous word after a chat (issue 16, item 6), through the route handlers: a chat's
 * start gives a one-time ticket; with it the visitor's answers, once the chat has ended, are
 * added to the day's counts at once, once per ticket; while the chat is open they wait; and
 * neither survey table holds anything of the chat (its id, code or token hash).
 */
process.env.CHAT_HOURS = 'alltid';
process.env.CHAT_START_LIMIT = '50';

type Started = { cookie: string; token: string; ticket: string; id: string; reference: string };

async function startChat(client: string): Promise<Started> {
  const response = await start(new Request('http://127.0.0.1/chat/api/samtale', { method: 'POST', headers: { [CLIENT_KEY_HEADER]: client } }));
  expect(response.status).toBe(201);
  const body = (await response.json()) as { id: string; reference: string; svarbillett: string };
  const token = new RegExp(`${CHAT_COOKIE}=([A-Za-z0-9_-]{22});`).exec(response.headers.get('set-cookie') ?? '')![1]!;
  return { cookie: `${CHAT_COOKIE}=${token}`, token, ticket: body.svarbillett, id: body.id, reference: body.reference };
}

const send = (body: unknown, cookie?: string) =>
  answer(
    new Request('http://127.0.0.1/chat/api/svar', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    }),
  );

async function rows(query: ReturnType<typeof sql>): Promise<Record<string, unknown>[]> {
  return ((await (await getDb()).execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
}

async function counts(): Promise<Record<string, number>> {
  const found = await rows(sql`select question, answer, sum(answers)::int as n from daily_chat_survey_answers group by 1, 2`);
  return Object.fromEntries(found.map((r) => [`${String(r['question'])}:${String(r['answer'])}`, Number(r['n'])]));
}

describe.each(databaseTargets())('the survey after a chat on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('waits while the chat is open, counts each answer on the day once it has ended, and takes a ticket once', async () => {
    const chat = await startChat(`svar-${target.name}`);
    expect(chat.ticket).toMatch(/^\d{4}-\d{2}-\d{2}\./);
    const answers = { hjelp: 'ja', igjen: 'kanskje' };

    const early = await send({ billett: chat.ticket, svar: answers }, chat.cookie);
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: string }).error).toBe('Du kan svare når samtalen er avsluttet.');
    expect(await counts()).toEqual({});
    expect(await rows(sql`select * from chat_survey_used_tickets`)).toEqual([]);
    // Only read: the chat is as it was.
    expect((await visitorState(await getDb(), { tokenHash: hashChatToken(chat.token), now: new Date() }))?.status).toBe('venter');

    // The visitor ends the chat; the answer removes the cookie, so the survey comes without it.
    expect((await end(new Request('http://127.0.0.1/chat/api/avslutt', { method: 'POST', headers: { cookie: chat.cookie } }))).status).toBe(200);
    const sent = await send({ billett: chat.ticket, svar: answers });
    expect(sent.status).toBe(201);
    expect(await counts()).toEqual({ 'hjelp:ja': 1, 'igjen:kanskje': 1 });
    const days = await rows(sql`select distinct day::text as day from daily_chat_survey_answers`);
    expect(days).toEqual([{ day: osloIsoDate(new Date()) }]);

    const again = await send({ billett: chat.ticket, svar: { bedre: 'nei' } });
    expect(again.status).toBe(410);
    expect(((await again.json()) as { error: string }).error).toMatch(/allerede svart/);
    expect(await counts()).toEqual({ 'hjelp:ja': 1, 'igjen:kanskje': 1 });

    // A chat the host ended, with the cookie still in the browser: answered, and counted on.
    const second = await startChat(`svar-2-${target.name}`);
    await endConversation(await getDb(), { id: second.id, by: 'vert', now: new Date(), retentionDays: 30 });
    expect((await send({ billett: second.ticket, svar: { hjelp: 'ja', bedre: 'litt', igjen: 'nei' } }, second.cookie)).status).toBe(201);
    expect(await counts()).toEqual({ 'hjelp:ja': 2, 'bedre:litt': 1, 'igjen:kanskje': 1, 'igjen:nei': 1 });

    // Neither survey table holds the chats' ids, codes, token hashes or tickets.
    const stored = JSON.stringify([...(await rows(sql`select * from daily_chat_survey_answers`)), ...(await rows(sql`select * from chat_survey_used_tickets`))]);
    for (const c of [chat, second]) {
      for (const trace of [c.id, c.reference, hashChatToken(c.token), c.token, c.ticket]) expect(stored).not.toContain(trace);
    }
    const columns = await rows(sql`select table_name || '.' || column_name as c from information_schema.columns where table_name in ('daily_chat_survey_answers', 'chat_survey_used_tickets') order by 1`);
    expect(columns.map((r) => r['c'])).toEqual([
      'chat_survey_used_tickets.day',
      'chat_survey_used_tickets.hash',
      'daily_chat_survey_answers.answer',
      'daily_chat_survey_answers.answers',
      'daily_chat_survey_answers.day',
      'daily_chat_survey_answers.question',
    ]);
  });

  it('refuses a ticket it did not sign, no answer at all, and an answer it does not offer, and counts nothing', async () => {
    const chat = await startChat(`svar-feil-${target.name}`);
    await endConversation(await getDb(), { id: chat.id, by: 'besokende', now: new Date(), retentionDays: 30 });
    const before = await counts();
    const [day, , mac] = chat.ticket.split('.');
    const forged = await send({ billett: `${day}.AAAAAAAAAAAAAAAAAAAAAA.${mac}`, svar: { hjelp: 'ja' } });
    expect(forged.status).toBe(400);
    expect(((await forged.json()) as { error: string }).error).toMatch(/kunne ikke ta imot/);
    const nothing = await send({ billett: chat.ticket, svar: {} });
    expect(nothing.status).toBe(400);
    expect(((await nothing.json()) as { error: string }).error).toMatch(/Velg minst ett svar/);
    expect((await send({ billett: chat.ticket, svar: { igjen: 'litt' } })).status).toBe(400);
    expect((await send({ billett: chat.ticket, svar: { hjelp: 'ja', navn: 'Ola' } })).status).toBe(400);
    expect(await counts()).toEqual(before);
    // The ticket is still good for a proper answer, once, also when sent three times at once.
    const statuses = await Promise.all([1, 2, 3].map(() => send({ billett: chat.ticket, svar: { bedre: 'ja' } }).then((r) => r.status)));
    expect(statuses.sort()).toEqual([201, 410, 410]);
    expect((await counts())['bedre:ja']).toBe((before['bedre:ja'] ?? 0) + 1);
  });

  it('the purge forgets used tickets from before the day it keeps, and leaves the counts', async () => {
    const db = await getDb();
    await db.execute(sql`insert into chat_survey_used_tickets (hash, day) values (${'a'.repeat(64)}, '2026-01-01'), (${'b'.repeat(64)}, '2026-01-05')`);
    const before = await counts();
    expect(await forgetUsedSurveyTickets(db, { before: '2026-01-05' })).toBe(1);
    expect((await rows(sql`select hash from chat_survey_used_tickets where hash in (${'a'.repeat(64)}, ${'b'.repeat(64)})`)).map((r) => r['hash'])).toEqual(['b'.repeat(64)]);
    expect(await counts()).toEqual(before);
  });
});
