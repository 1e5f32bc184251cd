import { getDb } from '@/db/client';
import { endConversation, visitorState } from '@/db/queries/chat';
import { chatCookie, visitorTokenHash } from '@/lib/chat/visitor';
import { chatUnavailable } from '@/lib/chat/unavailable';
import { appClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { json } from '@/lib/http/answer';
import { publicRoute } from '@/lib/public/route';

export const dynamic = 'force-dynamic';

/** The visitor ends the chat; the cookie goes with it. */
export const POST = publicRoute({
  event: 'chat_visitor_end',
  failed: chatUnavailable,
  run: async (request: Request) => {
    const now = appClock().now();
    const tokenHash = visitorTokenHash(request);
    if (tokenHash) {
      const db = await getDb();
      const state = await visitorState(db, { tokenHash, now });
      if (state) await endConversation(db, { id: state.id, by: 'besokende', now, retentionDays: env().CHAT_RETENTION_DAYS });
    }
    return json({ status: 'avsluttet' }, { cookie: chatCookie(null) });
  },
});
