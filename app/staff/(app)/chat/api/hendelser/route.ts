import { getDb } from '@/db/client';
import { chatReference, hostOverview, messagesSince } from '@/db/queries/chat';
import { subscribeChat } from '@/lib/chat/bus';
import { coalesced } from '@/lib/chat/coalesce';
import { identifyingDetails } from '@/lib/chat/identifying';
import type { StaffRole } from '@/db/schema';
import { sseResponse } from '@/lib/chat/sse';
import { json } from '@/lib/chat/visitor';
import { staffStreamCaller } from '@/lib/auth/staff-session';
import { guardStaffStream, SESSION_ENDED_MESSAGE } from '@/lib/chat/staff-guard';
import { appClock } from '@/lib/clock';
import { log } from '@/lib/log';

export const dynamic = 'force-dynamic';

/**
 * The chat host's live stream: `oversikt` (the queue and the host's own open chats) whenever it
 * changes, and `melding` for every message in the host's chats. Visitor messages carry the kinds
 * of identifying details found in them (never the details), so the console can ask for a flag.
 * A reconnect starts over with everything, and the console replaces what it had. The stream
 * lasts only as long as the session it was opened in (see guardStaffStream), and says `slutt`
 * when that ends.
 */
const ROLES: readonly StaffRole[] = ['chat_host', 'admin'];

export async function GET(request: Request): Promise<Response> {
  const who = await staffStreamCaller(request, ROLES);
  if (!who) return json({ error: 'Ingen tilgang.' }, { status: 403 });
  const db = await getDb();
  const clock = appClock();

  return sseResponse(request, async (send, close) => {
    const sent = new Map<string, number>();
    let lastOverview = '';
    const guard = guardStaffStream({
      caller: who,
      roles: ROLES,
      clock,
      onLost: () => {
        send({ event: 'slutt', data: { melding: SESSION_ENDED_MESSAGE } });
        close();
      },
    });
    const refresh = coalesced(
      async () => {
        if (!(await guard.allowed())) return;
        const now = clock.now();
        const { queue, mine } = await hostOverview(db, { hostId: who.staffId, now });
        const overview = JSON.stringify({
          ko: queue.map((c) => ({ id: c.id, startet: c.createdAt.toISOString() })),
          mine: mine.map((c) => ({ id: c.id, kode: chatReference(c.id), tatt: c.acceptedAt?.toISOString() ?? null, merket: c.flaggedAt !== null, slettes: c.deleteAfter?.toISOString() ?? null })),
        });
        if (overview !== lastOverview) {
          lastOverview = overview;
          send({ event: 'oversikt', data: JSON.parse(overview) as unknown });
        }
        for (const c of mine) {
          const after = sent.get(c.id) ?? 0;
          if (c.lastSeq <= after) continue;
          for (const m of await messagesSince(db, { id: c.id, afterSeq: after, now, reader: 'staff' })) {
            send({
              event: 'melding',
              data: {
                samtale: c.id,
                seq: m.seq,
                fra: m.sender,
                tid: m.createdAt.toISOString(),
                tekst: m.body,
                funn: m.sender === 'besokende' ? identifyingDetails(m.body) : [],
              },
            });
            sent.set(c.id, m.seq);
          }
        }
      },
      (err) => log.error('chat.host_stream_failed', { name: err instanceof Error ? err.name : 'unknown' }),
    );
    const stop = await subscribeChat('all', refresh);
    refresh();
    return () => {
      guard.stop();
      stop();
    };
  });
}
