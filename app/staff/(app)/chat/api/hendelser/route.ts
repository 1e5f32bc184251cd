import type { StaffRole } from '@/db/schema';
import { staffStreamCaller } from '@/lib/auth/staff-session';
import { watchAsHost } from '@/lib/chat/hub';
import { sseResponse } from '@/lib/chat/sse';
import { takeStreamSlot } from '@/lib/chat/stream-slots';
import { json } from '@/lib/chat/visitor';

export const dynamic = 'force-dynamic';

const ROLES: readonly StaffRole[] = ['chat_host', 'admin'];

/**
 * The chat host's live stream: `oversikt` (the queue and the host's own open chats) whenever it
 * changes, and `melding` for every message in the host's chats. Visitor messages carry the kinds
 * of identifying details found in them (never the details), so the console can ask for a flag.
 * A reconnect starts over with everything, and the console replaces what it had. The stream
 * lasts only as long as the session it was opened in (checked before each event and every
 * 15 s, see lib/chat/hub.ts), and says `slutt` when that ends. One session holds a few streams
 * at most (429 beyond).
 */
export async function GET(request: Request): Promise<Response> {
  const who = await staffStreamCaller(request, ROLES);
  if (!who) return json({ error: 'Ingen tilgang.' }, { status: 403 });
  const slot = takeStreamSlot(`staff:${who.sessionHash}`, 'Chatten er allerede åpen i flere faner. Lukk en av dem, så kan du fortsette her.');
  if ('status' in slot) return json({ error: slot.error }, { status: slot.status });

  return sseResponse(request, async (send, close) => {
    try {
      const leave = await watchAsHost({ caller: who, roles: ROLES, send, close });
      return () => {
        leave();
        slot.release();
      };
    } catch (err) {
      slot.release();
      throw err;
    }
  });
}
