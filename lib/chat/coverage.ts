import 'server-only';
import { getDb } from '@/db/client';
import { countCoverageMinute } from '@/db/queries/chat-coverage';
import { hostsOnDuty } from '@/lib/chat/hub';
import { chatIsOpen } from '@/lib/chat/opening';

const MINUTE_MS = 60_000;

/**
 * Counts the minute `now` falls in for opening-hours coverage, if the chat is open then: as
 * staffed when a host on this instance has the workbench open. Outside opening hours nothing
 * is written.
 */
export async function countCoverage(now: Date, staffed: boolean = hostsOnDuty() > 0): Promise<{ open: boolean; staffed: boolean }> {
  const minute = new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS);
  const db = await getDb();
  if (!(await chatIsOpen(db, minute))) return { open: false, staffed: false };
  return countCoverageMinute(db, { minute, staffed });
}
