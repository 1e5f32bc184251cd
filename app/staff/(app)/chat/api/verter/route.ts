import { freeHosts } from '@/db/queries/chat-presence';
import { json } from '@/lib/http/answer';
import { staffRoute } from '@/lib/staff/route';

export const dynamic = 'force-dynamic';

/**
 * The hosts a chat can be handed to now: console open, available, below their limit; the caller
 * left out. Names of colleagues on duty, nothing about any chat, so it is not access-logged.
 */
export const GET = staffRoute({
  roles: ['chat_host', 'admin'],
  event: 'chat_free_hosts',
  failed: 'Vi fikk ikke hentet hvem som er ledige. Prøv igjen om litt.',
  run: async ({ db, who, now }) => json({ verter: await freeHosts(db, { now, except: who.staffId }) }),
});
