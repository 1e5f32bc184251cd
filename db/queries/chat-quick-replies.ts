import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { chatQuickReplies } from '@/db/schema';
import { quickReplyCategories, type QuickReply, type QuickReplyCategory } from '@/lib/chat/quick-replies';

type Fields = { category: QuickReplyCategory; title: string; text: string };

const columns = { id: chatQuickReplies.id, category: chatQuickReplies.category, title: chatQuickReplies.title, text: chatQuickReplies.text };

/** Every ready answer, category by category in the fixed order, then by title. */
export async function listQuickReplies(db: Database): Promise<QuickReply[]> {
  const rows = await db.select(columns).from(chatQuickReplies).orderBy(sql`lower(${chatQuickReplies.title})`);
  const order = (c: QuickReplyCategory) => quickReplyCategories.indexOf(c);
  return rows.sort((a, b) => order(a.category) - order(b.category));
}

const titleTaken = async (db: Database, title: string, except?: string) =>
  (
    await db
      .select({ id: chatQuickReplies.id })
      .from(chatQuickReplies)
      .where(and(sql`lower(${chatQuickReplies.title}) = lower(${title})`, except ? ne(chatQuickReplies.id, except) : undefined))
  ).length > 0;

/** The new answer's id, or 'taken' when another answer has the title in any case. */
export async function addQuickReply(db: Database, { now, ...fields }: Fields & { now: Date }): Promise<{ id: string } | 'taken'> {
  const rows = await db
    .insert(chatQuickReplies)
    .values({ ...fields, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning({ id: chatQuickReplies.id });
  return rows[0] ?? 'taken';
}

/** 'taken' when another answer has the title, false when there is no such answer. */
export async function updateQuickReply(db: Database, { id, now, ...fields }: Fields & { id: string; now: Date }): Promise<boolean | 'taken'> {
  if (await titleTaken(db, fields.title, id)) return 'taken';
  const rows = await db
    .update(chatQuickReplies)
    .set({ ...fields, updatedAt: now })
    .where(eq(chatQuickReplies.id, id))
    .returning({ id: chatQuickReplies.id });
  return rows.length > 0;
}

/** False when there was no such answer. */
export async function deleteQuickReply(db: Database, { id }: { id: string }): Promise<boolean> {
  const rows = await db.delete(chatQuickReplies).where(eq(chatQuickReplies.id, id)).returning({ id: chatQuickReplies.id });
  return rows.length > 0;
}
