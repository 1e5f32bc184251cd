import { getDb } from '@/db/client';
import { endConversation, visitorState } from '@/db/queries/chat-visitor';
import { chatCookie, visitorTokenHash } from '@/lib/chat/visitor';
import { visitorRoute } from '@/lib/chat/visitor-route';
import { env } from '@/lib/env';
import { json } from '@/lib/http/answer';

export const dynamic = 'force-dynamic';

/** The visitor ends the chat; the cookie goes with it. */
export const POST = visitorRoute('chat_visitor_end', async ({ request, now }) => {
  const tokenHash = visitorTokenHash(request);
  if (tokenHash) {
    const db = await getDb();
    const state = await visitorState(db, { tokenHash, now });
    if (state) await endConversation(db, { id: state.id, by: 'besokende', now, retentionDays: env().CHAT_RETENTION_DAYS });
  }
  return json({ status: 'avsluttet' }, { cookie: chatCookie(null) });
});
