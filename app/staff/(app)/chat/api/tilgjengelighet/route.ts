import { z } from 'zod';
import { setPresence } from '@/db/queries/chat-presence';
import { hostPresenceStatuses } from '@/db/schema';
import { json } from '@/lib/http/answer';
import { staffRoute } from '@/lib/staff/route';

export const dynamic = 'force-dynamic';

const presenceSchema = z.object({
  status: z.enum(hostPresenceStatuses, { error: 'Velg tilgjengelig eller pause.' }),
  maks: z.number({ error: 'Velg hvor mange samtaler du vil ha samtidig.' }).int().min(1, { error: 'Du må kunne ha minst én samtale.' }).max(5, { error: 'Du kan ha høyst fem samtaler samtidig.' }),
});

/**
 * A chat host sets themselves available or on pause, and how many chats they take at once.
 * Their own setting only, so it is not an access to anyone's data and is not access-logged.
 */
export const POST = staffRoute({
  roles: ['chat_host', 'admin'],
  body: presenceSchema,
  event: 'chat_host_presence',
  failed: 'Det gikk ikke å lagre akkurat nå. Prøv igjen om litt.',
  run: async ({ db, body, who, now }) => {
    await setPresence(db, { staffId: who.staffId, status: body.status, maxChats: body.maks, now });
    return json({ ok: true });
  },
});
