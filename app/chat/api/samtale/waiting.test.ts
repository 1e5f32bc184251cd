import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { setPresence, touchPresence } from '@/db/queries/chat-presence';
import { countChatWait } from '@/db/queries/contact-stats';
import { appClock } from '@/lib/clock';
import { CLIENT_KEY_HEADER } from '@/lib/server/client-key-header';
import { databaseTargets } from '@/test/database-targets';
import { staffMember } from '@/test/signed-in';
import { POST as start } from './route';

/**
 * Honest waiting (issue 16, item 5): a visitor who starts a chat hears whether any host could
 * take it now, and only then how long a wait usually is, from the median of the last two weeks'
 * answered chats, rounded up to its band's end; no number from fewer than five chats, none over
 * half an hour, and none at all while nobody is free.
 */
process.env.CHAT_HOURS = 'alltid';
process.env.CHAT_START_LIMIT = '100';

type Outlook = { status: string; ledig: boolean; vanligVentetid: number | null };

let visitors = 0;
async function startChat(): Promise<Outlook> {
  const answer = await start(new Request('http://127.0.0.1/chat/api/samtale', { method: 'POST', headers: { [CLIENT_KEY_HEADER]: `venter-${++visitors}` } }));
  expect(answer.status).toBe(201);
  return (await answer.json()) as Outlook;
}

async function waits(band: number, chats: number, daysAgo = 0) {
  const db = await getDb();
  const startedAt = new Date(appClock().now().getTime() - daysAgo * 86_400_000);
  for (let i = 0; i < chats; i++) await countChatWait(db, { startedAt, band });
}

describe.each(databaseTargets())('what a waiting visitor is told on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('says nobody is free, with no estimate, until a host is present and available; then estimates only from enough recent waits', async () => {
    const db = await getDb();
    await waits(3, 10);
    expect(await startChat()).toMatchObject({ status: 'venter', ledig: false, vanligVentetid: null });

    const host = await staffMember('chat_host');
    await setPresence(db, { staffId: host.staffId, status: 'pause', maxChats: 3, now: appClock().now() });
    expect(await startChat()).toMatchObject({ ledig: false, vanligVentetid: null });

    await setPresence(db, { staffId: host.staffId, status: 'tilgjengelig', maxChats: 3, now: appClock().now() });
    await touchPresence(db, { staffIds: [host.staffId], now: appClock().now() });
    // Ten chats answered in 2–5 minutes: the median's band ends at five minutes.
    expect(await startChat()).toMatchObject({ ledig: true, vanligVentetid: 5 });

    // Many quick answers three weeks ago do not count; today's do.
    await waits(0, 40, 21);
    expect(await startChat()).toMatchObject({ vanligVentetid: 5 });
    await waits(0, 11);
    expect(await startChat()).toMatchObject({ vanligVentetid: 1 });

    // A median over half an hour promises nothing.
    await waits(7, 30);
    expect(await startChat()).toMatchObject({ ledig: true, vanligVentetid: null });
  });
});

describe.each(databaseTargets())('too few waits on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('gives no estimate from four answered chats', async () => {
    const db = await getDb();
    const host = await staffMember('chat_host');
    await touchPresence(db, { staffIds: [host.staffId], now: appClock().now() });
    await waits(2, 4);
    expect(await startChat()).toMatchObject({ ledig: true, vanligVentetid: null });
    await waits(2, 1);
    expect(await startChat()).toMatchObject({ ledig: true, vanligVentetid: 2 });
  });
});
