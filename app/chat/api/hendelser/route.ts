import { getDb } from '@/db/client';
import { visitorState } from '@/db/queries/chat-visitor';
import { watchAsVisitor } from '@/lib/chat/hub';
import { sseResponse } from '@/lib/chat/sse';
import { holdingSlot, takeStreamSlot } from '@/lib/chat/stream-slots';
import { chatCookie, visitorTokenHash } from '@/lib/chat/visitor';
import { visitorRoute } from '@/lib/chat/visitor-route';
import { json } from '@/lib/http/answer';

export const dynamic = 'force-dynamic';

/**
 * The visitor's live stream: `tilstand` (waiting, queue place, the host's first name, ended)
 * and `melding` events. Each message's number is its event id, so a browser that reconnects
 * sends Last-Event-ID and gets exactly the messages after it: none lost, none twice. An ended
 * chat is not opened again (404), and an open stream closes when its chat ends. One cookie
 * holds a few streams at most (429 beyond); the reads behind them are shared (lib/chat/hub.ts).
 */
export const GET = visitorRoute('chat_visitor_stream', async ({ request, now }) => {
  const tokenHash = visitorTokenHash(request);
  if (!tokenHash) return json({ error: 'Ingen samtale.' }, { status: 404 });
  const slot = takeStreamSlot(`chat:${tokenHash}`, 'Samtalen er allerede åpen i flere faner. Lukk en av dem, så kan du fortsette her.');
  if ('status' in slot) return json({ error: slot.error }, { status: slot.status });
  let first;
  try {
    first = await visitorState(await getDb(), { tokenHash, now });
  } catch (err) {
    slot.release();
    throw err;
  }
  if (!first) {
    slot.release();
    return json({ error: 'Ingen samtale.' }, { status: 404, cookie: chatCookie(null) });
  }
  const lastEventId = Number(request.headers.get('last-event-id') ?? new URL(request.url).searchParams.get('etter') ?? 0);
  const afterSeq = Number.isSafeInteger(lastEventId) && lastEventId > 0 ? lastEventId : 0;
  const { id, queuePosition } = first;

  return sseResponse(request, (send, close) => holdingSlot(slot, () => watchAsVisitor({ conversationId: id, afterSeq, place: queuePosition, send, close })));
});
