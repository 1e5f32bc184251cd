import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { acceptConversation, conversationForHost } from '@/db/queries/chat-host';
import { startConversation } from '@/db/queries/chat-visitor';
import { listCategories } from '@/db/queries/contact-stats';
import { hashChatToken } from '@/lib/chat/token';
import { appClock } from '@/lib/clock';
import { accessLogFor, loggedEvent } from '@/test/access-log-rows';
import { databaseTargets } from '@/test/database-targets';
import { signInAs } from '@/test/signed-in';
import { POST as act } from './route';

vi.mock('@/lib/auth/staff-session', () => import('@/test/signed-in'));

const tema = (id: string, arsak: number[], utfall: number[]) =>
  act(new Request('http://127.0.0.1/staff/chat/api/handling', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ handling: 'tema', id, arsak, utfall }) }));

describe.each(databaseTargets())("a chat's reasons and outcome on $name", (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('the host who took the chat sets them, logged; another host cannot, nor a reason given as an outcome', async () => {
    const db = await getDb();
    const now = appClock().now();
    const all = await listCategories(db);
    const [skole] = all.filter((c) => c.label === 'Skole');
    const [henvist] = all.filter((c) => c.label === 'Henvist videre');
    const other = await signInAs('chat_host', { name: 'Annen Vert' });
    const host = await signInAs('chat_host', { name: 'Vert Verten' });
    const { id } = await startConversation(db, { tokenHash: hashChatToken('temaprovetemaprovetema'), now });
    expect(await acceptConversation(db, { id, hostId: host.staffId, now })).toBe(true);

    expect((await tema(id, [henvist!.id], [])).status).toBe(400);
    expect((await tema(id, [skole!.id], [henvist!.id])).status).toBe(200);
    expect((await conversationForHost(db, { id, now }))?.categories).toEqual([skole!.id, henvist!.id].sort((a, b) => a - b));

    await signInAs('chat_host', { name: 'Tredje Vert' });
    expect((await tema(id, [], [])).status).toBe(409);
    expect((await conversationForHost(db, { id, now }))?.categories).toHaveLength(2);
    expect((await accessLogFor(id)).filter((r) => r.action === 'chat_categories')).toEqual([loggedEvent(host.staffId, 'chat_categories', 'chat', id)]);
    expect(other.staffId).not.toBe(host.staffId);
  });
});
