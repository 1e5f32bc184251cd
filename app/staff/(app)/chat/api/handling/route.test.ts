import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { acceptConversation } from '@/db/queries/chat-host';
import { startConversation, visitorState } from '@/db/queries/chat-visitor';
import { hashChatToken } from '@/lib/chat/token';
import { appClock } from '@/lib/clock';
import { databaseTargets } from '@/test/database-targets';
import { signInAs } from '@/test/signed-in';
import { POST as act } from './route';

/**
 * A host's message to a visitor meets the same rule for invisible and direction-changing
 * characters as the visitor's own (lib/refused-characters.ts): what the visitor reads is what
 * was stored and what staff see.
 */
vi.mock('@/lib/auth/staff-session', () => import('@/test/signed-in'));

const sendAs = (id: string, tekst: string) =>
  act(new Request('http://127.0.0.1/staff/chat/api/handling', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ handling: 'send', id, tekst }) }));

describe.each(databaseTargets())("a host's message characters on $name", (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('refuses a bidi override or a zero-width space from the host, and takes plain text', async () => {
    const db = await getDb();
    const now = appClock().now();
    const { staffId } = await signInAs('chat_host', { name: 'Vert Verten' });
    const tokenHash = hashChatToken('tegnprovetegnprovetegn');
    const { id } = await startConversation(db, { tokenHash, now });
    expect(await acceptConversation(db, { id, hostId: staffId, now })).toBe(true);

    for (const tekst of ['Ring oss på \u202E311 311 611\u202C', 'ring 9\u200B12 34 567']) {
      const refused = await sendAs(id, tekst);
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: string }).error).toMatch(/^Meldingen inneholder tegn vi ikke kan ta imot\./);
    }
    expect((await visitorState(db, { tokenHash, now }))?.lastSeq).toBe(0);
    expect((await sendAs(id, 'Hei! Jeg heter Vert 🙂')).status).toBe(201);
    expect((await visitorState(db, { tokenHash, now }))?.lastSeq).toBe(1);
  });
});
