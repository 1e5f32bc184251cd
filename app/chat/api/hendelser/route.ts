import { getDb } from '@/db/client';
import { messagesSince, visitorState } from '@/db/queries/chat';
import { subscribeChat } from '@/lib/chat/bus';
import { coalesced } from '@/lib/chat/coalesce';
import { sseResponse } from '@/lib/chat/sse';
import { chatCookie, json, visitorTokenHash } from '@/lib/chat/visitor';
import { appClock } from '@/lib/clock';
import { log } from '@/lib/log';

export const dynamic = 'force-dynamic';

/**
 * The visitor's live stream: `tilstand` (waiting, queue place, the host's first name, ended)
 * and `melding` events. Each message's number is its event id, so a browser that reconnects
 * sends Last-Event-ID and gets exactly the messages after it: none lost, none twice. An ended
 * chat is not opened again (404), and an open stream closes when its chat ends.
 */
export async function GET(request: Request): Promise<Response> {
  const tokenHash = visitorTokenHash(request);
  if (!tokenHash) return json({ error: 'Ingen samtale.' }, { status: 404 });
  const db = await getDb();
  const clock = appClock();
  const first = await visitorState(db, { tokenHash, now: clock.now() });
  if (!first) return json({ error: 'Ingen samtale.' }, { status: 404, cookie: chatCookie(null) });
  const lastEventId = Number(request.headers.get('last-event-id') ?? new URL(request.url).searchParams.get('etter') ?? 0);
  let sentSeq = Number.isSafeInteger(lastEventId) && lastEventId > 0 ? lastEventId : 0;
  const id = first.id;

  return sseResponse(request, async (send, close) => {
    let lastState = '';
    const refresh = coalesced(
      async () => {
        const now = clock.now();
        const state = await visitorState(db, { tokenHash, now });
        // Once ended (or gone), not one more message: the stream says so and closes.
        const messages = state ? await messagesSince(db, { id, afterSeq: sentSeq, now, reader: 'visitor' }) : [];
        for (const m of messages) {
          send({ event: 'melding', id: m.seq, data: { seq: m.seq, fra: m.sender, tid: m.createdAt.toISOString(), tekst: m.body } });
          sentSeq = m.seq;
        }
        const current = state ?? { id, status: 'avsluttet' as const, lastSeq: sentSeq, queuePosition: null, hostFirstName: null };
        const stateJson = JSON.stringify({ status: current.status, plass: current.queuePosition, vert: current.hostFirstName });
        if (stateJson !== lastState) {
          lastState = stateJson;
          send({ event: 'tilstand', data: JSON.parse(stateJson) as unknown });
        }
        if (current.status === 'avsluttet') close();
      },
      (err) => log.error('chat.visitor_stream_failed', { name: err instanceof Error ? err.name : 'unknown' }),
    );
    const stopConversation = await subscribeChat(id, refresh);
    // Queue places move when anyone ahead is taken or leaves.
    const stopQueue = await subscribeChat('all', (event) => {
      if (event.kind === 'queue' && lastState.includes('"venter"')) refresh();
    });
    refresh();
    return () => {
      stopConversation();
      stopQueue();
    };
  });
}
