import type { StaffRole } from '@/db/schema';
import { refuse } from '@/lib/actions/refusal';
import { watchAsHost } from '@/lib/chat/hub';
import { sseResponse } from '@/lib/chat/sse';
import { holdingSlot, takeStreamSlot } from '@/lib/chat/stream-slots';
import { staffRoute } from '@/lib/staff/route';

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
export const GET = staffRoute({
  roles: ROLES,
  stream: true,
  event: 'chat_host_stream',
  failed: 'Chatten kunne ikke åpnes akkurat nå. Last siden på nytt om litt.',
  run: async ({ request, who }) => {
    const slot = takeStreamSlot(`staff:${who.sessionHash}`, 'Chatten er allerede åpen i flere faner. Lukk en av dem, så kan du fortsette her.');
    if ('status' in slot) throw refuse(slot.status === 429 ? 'too_many' : 'unavailable', slot.error);
    return sseResponse(request, (send, close) => holdingSlot(slot, () => watchAsHost({ caller: who, roles: ROLES, send, close })));
  },
});
