import { z } from 'zod';
import { getDb } from '@/db/client';
import { logAccess } from '@/db/queries/audit';
import { acceptConversation, blockToken, conversationForHost, endConversation, flagConversation, MAX_CHAT_MESSAGE, postMessage } from '@/db/queries/chat';
import { staffAllowed } from '@/lib/auth/staff-session';
import { json } from '@/lib/chat/visitor';
import { flaggedChatDeadline } from '@/lib/chat/working-day';
import { appClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { hasRefusedCharacters, refusedCharactersMessage } from '@/lib/refused-characters';

export const dynamic = 'force-dynamic';

const BLOCK_DAYS = 30;

const actionSchema = z.discriminatedUnion('handling', [
  z.object({ handling: z.literal('ta'), id: z.uuid() }),
  z.object({
    handling: z.literal('send'),
    id: z.uuid(),
    tekst: z
      .string()
      .trim()
      .min(1, { error: 'Skriv en melding først.' })
      .max(MAX_CHAT_MESSAGE, { error: `Meldingen kan være høyst ${MAX_CHAT_MESSAGE} tegn.` })
      .refine((v) => !hasRefusedCharacters(v), { error: refusedCharactersMessage('Meldingen') }),
  }),
  z.object({ handling: z.literal('merk'), id: z.uuid() }),
  z.object({ handling: z.literal('avslutt'), id: z.uuid(), blokker: z.boolean().default(false) }),
]);

/**
 * Everything a chat host does to a chat: take it from the queue, write, flag it as holding
 * personal details, end it (and block its token). Each call checks the caller itself; only
 * the host who took a chat may write in it, flag it or end it.
 */
export async function POST(request: Request): Promise<Response> {
  const who = await staffAllowed(['chat_host', 'admin']);
  if (!who) return json({ error: 'Ingen tilgang.' }, { status: 403 });
  const parsed = actionSchema.safeParse(await request.json().catch(() => ({})));
  if (!parsed.success) return json({ error: parsed.error.issues[0]?.message ?? 'Ugyldig forespørsel.' }, { status: 400 });
  const action = parsed.data;
  const now = appClock().now();
  const db = await getDb();
  const conv = await conversationForHost(db, { id: action.id, now });
  if (!conv) return json({ error: 'Samtalen finnes ikke lenger.' }, { status: 404 });

  if (action.handling === 'ta') {
    const ok = await acceptConversation(db, { id: conv.id, hostId: who.staffId, now });
    if (!ok) return json({ error: 'Noen andre har allerede tatt denne samtalen.' }, { status: 409 });
    await logAccess(db, { staffId: who.staffId, action: 'chat_accept', objectType: 'chat', objectId: conv.id, now });
    return json({ ok: true });
  }
  if (conv.hostId !== who.staffId || conv.status !== 'aktiv') {
    return json({ error: 'Du kan bare gjøre dette i samtaler du selv har tatt og som er åpne.' }, { status: 409 });
  }
  if (action.handling === 'send') {
    const stored = await postMessage(db, { id: conv.id, sender: 'vert', authorId: who.staffId, body: action.tekst, now });
    return stored ? json({ seq: stored.seq }, { status: 201 }) : json({ error: 'Samtalen er avsluttet.' }, { status: 409 });
  }
  if (action.handling === 'merk') {
    const deadline = flaggedChatDeadline(now);
    await flagConversation(db, { id: conv.id, hostId: who.staffId, now, deadline });
    await logAccess(db, { staffId: who.staffId, action: 'chat_flag', objectType: 'chat', objectId: conv.id, now });
    return json({ slettes: deadline.toISOString() });
  }
  if (action.blokker) {
    await blockToken(db, { id: conv.id, now, days: BLOCK_DAYS });
    await logAccess(db, { staffId: who.staffId, action: 'chat_block', objectType: 'chat', objectId: conv.id, now });
  }
  await endConversation(db, { id: conv.id, by: 'vert', now, retentionDays: env().CHAT_RETENTION_DAYS });
  await logAccess(db, { staffId: who.staffId, action: 'chat_end', objectType: 'chat', objectId: conv.id, now });
  return json({ ok: true });
}
