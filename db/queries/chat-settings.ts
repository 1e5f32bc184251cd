// Not marked 'server-only': read by the command-line bench too.
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { chatSettings } from '@/db/schema';
import { env } from '@/lib/env';

/** The opening hours as text: what an admin last saved, or CHAT_HOURS until then. */
export async function chatHoursText(db: Database): Promise<string> {
  const [row] = await db.select({ hours: chatSettings.hours }).from(chatSettings).where(eq(chatSettings.id, 1));
  return row?.hours ?? env().CHAT_HOURS;
}

export async function saveChatHours(db: Database, { hours, staffId, now }: { hours: string; staffId: string; now: Date }): Promise<void> {
  await db
    .insert(chatSettings)
    .values({ id: 1, hours, updatedAt: now, updatedBy: staffId })
    .onConflictDoUpdate({ target: chatSettings.id, set: { hours, updatedAt: now, updatedBy: staffId } });
}
