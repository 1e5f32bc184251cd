import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { chatConversations } from '@/db/schema';

/** The reference code a chat was given when it started, as the visitor and its host see it. */
export async function referenceOf(id: string): Promise<string> {
  const [row] = await (await getDb()).select({ reference: chatConversations.reference }).from(chatConversations).where(eq(chatConversations.id, id));
  if (!row) throw new Error('no such chat');
  return row.reference;
}
