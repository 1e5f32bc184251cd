import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { startConversation } from '@/db/queries/chat-visitor';
import { hashChatToken, newChatToken } from '@/lib/chat/token';
import { databaseTargets } from '@/test/database-targets';

/**
 * A chat's reference code in the database: every chat gets one when it starts, in the one
 * form, unique; the database refuses any other form and a second chat with the same code; and
 * the migration that brought the codes gives chats from before it codes of their own.
 */
const now = new Date('2027-06-04T13:00:00Z');
const FORM = /^CHAT-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}$/;

/** The hand-written backfill in migration 0010, as committed. */
function backfill(): string {
  const file = fs.readFileSync(path.join(process.cwd(), 'db', 'migrations', '0010_chat_reference.sql'), 'utf8');
  const statement = file.split('--> statement-breakpoint').map((s) => s.replace(/^--.*$/gm, '').trim()).find((s) => s.startsWith('UPDATE'));
  if (!statement) throw new Error('no backfill in migration 0010');
  return statement.replace(/;$/, '');
}

const rows = async (query: ReturnType<typeof sql>) => ((await (await getDb()).execute(query)) as unknown as { rows: { reference: string }[] }).rows;

describe.each(databaseTargets())('chat reference codes on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('every chat gets a code of its own when it starts', async () => {
    const db = await getDb();
    const started = await Promise.all(Array.from({ length: 40 }, () => startConversation(db, { tokenHash: hashChatToken(newChatToken()), now })));
    for (const chat of started) expect(chat.reference).toMatch(FORM);
    expect(new Set(started.map((c) => c.reference)).size).toBe(started.length);
  });

  it('the database refuses a code in another form, and a code already taken', async () => {
    const db = await getDb();
    const { id, reference } = await startConversation(db, { tokenHash: hashChatToken(newChatToken()), now });
    await expect(db.execute(sql`update chat_conversations set reference = 'CHAT-1A2B-3C4D' where id = ${id}`)).rejects.toThrow();
    const other = await startConversation(db, { tokenHash: hashChatToken(newChatToken()), now });
    await expect(db.execute(sql`update chat_conversations set reference = ${reference} where id = ${other.id}`)).rejects.toThrow();
  });

  it("the migration's backfill gives each chat a new random code in the same form", async () => {
    const db = await getDb();
    const before = await rows(sql`select reference from chat_conversations order by id`);
    expect(before.length).toBeGreaterThan(1);
    let after: { reference: string }[] = [];
    const undo = new Error('undo the backfill');
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql.raw(backfill()));
        after = ((await tx.execute(sql`select reference from chat_conversations order by id`)) as unknown as { rows: { reference: string }[] }).rows;
        throw undo;
      }),
    ).rejects.toBe(undo);
    expect(after).toHaveLength(before.length);
    for (const { reference } of after) expect(reference).toMatch(FORM);
    expect(new Set(after.map((r) => r.reference)).size).toBe(after.length);
    after.forEach((r, i) => expect(r.reference).not.toBe(before[i]!.reference));
  });
});
