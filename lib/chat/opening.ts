import type { Database } from '@/db/client';
import { chatHoursText } from '@/db/queries/chat-settings';
import { isOpen, parseChatHours } from '@/lib/chat/hours';

/** Whether the chat takes new conversations at `now`, by the hours in force. */
export async function chatIsOpen(db: Database, now: Date): Promise<boolean> {
  const parsed = parseChatHours(await chatHoursText(db));
  return parsed.ok ? isOpen(parsed.hours, now) : false;
}
