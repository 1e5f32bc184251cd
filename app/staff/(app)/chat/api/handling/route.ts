import { z } from 'zod';
import { notify } from '@/db/queries/chat-events';
import { logAccess } from '@/db/queries/audit';
import { handOver } from '@/db/queries/chat-handover';
import { acceptConversation, blockToken, conversationForHost, flagConversation } from '@/db/queries/chat-host';
import { presenceOf, whyNotTake } from '@/db/queries/chat-presence';
import { setCategories } from '@/db/queries/contact-stats';
import { endConversation, postMessage } from '@/db/queries/chat-visitor';
import { MAX_CHAT_MESSAGE } from '@/lib/chat/message-limit';
import { refuse } from '@/lib/actions/refusal';
import { flaggedChatDeadline } from '@/lib/chat/working-day';
import { env } from '@/lib/env';
import { json } from '@/lib/http/answer';
import { writtenText } from '@/lib/written-text';
import { staffRoute } from '@/lib/staff/route';

export const dynamic = 'force-dynamic';

const BLOCK_DAYS = 30;
const MAX_HANDOVER_NOTE = 1000;

/** Why a host may not take one more chat now. */
const NOT_NOW = {
  pause: 'Du har pause. Sett deg som tilgjengelig for å ta nye samtaler.',
  full: 'Du har så mange samtaler som grensen din sier. Avslutt en, eller øk grensen, før du tar en ny.',
} as const;

const actionSchema = z.discriminatedUnion('handling', [
  z.object({ handling: z.literal('ta'), id: z.uuid() }),
  z.object({
    handling: z.literal('send'),
    id: z.uuid(),
    tekst: writtenText('Meldingen', MAX_CHAT_MESSAGE, { empty: 'Skriv en melding først.' }),
  }),
  z.object({ handling: z.literal('merk'), id: z.uuid() }),
  z.object({
    handling: z.literal('gi-videre'),
    id: z.uuid(),
    // null: back to the queue.
    til: z.uuid({ error: 'Velg hvem som skal ta over samtalen.' }).nullable(),
    notat: writtenText('Notatet', MAX_HANDOVER_NOTE).default(''),
  }),
  z.object({ handling: z.literal('tema'), id: z.uuid(), arsak: z.array(z.number().int().positive()).max(40), utfall: z.array(z.number().int().positive()).max(40) }),
  z.object({ handling: z.literal('avslutt'), id: z.uuid(), blokker: z.boolean().default(false) }),
]);

/**
 * Everything a chat host does to a chat: take it from the queue, write, hand it to another host
 * or back to the queue, set its reasons and outcome, flag it as holding personal details, end it (and block its token). Each call checks the caller itself; only
 * the host who took a chat may write in it, flag it or end it. Each change and its access-log
 * rows are written in one transaction.
 */
export const POST = staffRoute({
  roles: ['chat_host', 'admin'],
  body: actionSchema,
  event: 'chat_host_action',
  failed: 'Det gikk ikke akkurat nå. Prøv igjen om litt.',
  run: async ({ db, body: action, who, now, audit }) => {
    const conv = await conversationForHost(db, { id: action.id, now });
    if (!conv) throw refuse('not_found', 'Samtalen finnes ikke lenger.');
    const chat = { type: 'chat', id: conv.id };

    if (action.handling === 'ta') {
      if (!(await acceptConversation(db, { id: conv.id, hostId: who.staffId, now, withinLimit: true }))) {
        const why = whyNotTake(await presenceOf(db, { staffId: who.staffId }));
        if (why) throw refuse('conflict', NOT_NOW[why]);
        throw refuse('conflict', 'Noen andre har allerede tatt denne samtalen.');
      }
      await audit('chat_accept', chat);
      return json({ ok: true });
    }
    if (conv.hostId !== who.staffId || conv.status !== 'aktiv') throw refuse('conflict', 'Du kan bare gjøre dette i samtaler du selv har tatt og som er åpne.');
    if (action.handling === 'send') {
      // A message is content, not an access: it is not logged.
      const stored = await postMessage(db, { id: conv.id, sender: 'vert', authorId: who.staffId, body: action.tekst, now });
      if (!stored) throw refuse('conflict', 'Samtalen er avsluttet.');
      return json({ seq: stored.seq }, { status: 201 });
    }
    if (action.handling === 'gi-videre') {
      const moved = await handOver(db, { id: conv.id, fromHostId: who.staffId, toHostId: action.til, note: action.notat || null, now });
      if (!moved.ok && moved.why === 'not_free') throw refuse('conflict', 'Den du valgte, kan ikke ta flere samtaler akkurat nå. Velg en annen, eller sett samtalen tilbake i køen.');
      if (!moved.ok) throw refuse('conflict', 'Samtalen er ikke din lenger, eller den er avsluttet.');
      // Both sides of a handover are accesses: the one who gave the chat away, and the one who now reads it.
      await audit(action.til ? 'chat_handover' : 'chat_requeue', chat);
      if (action.til) await logAccess(db, { staffId: action.til, action: 'chat_handover_received', objectType: chat.type, objectId: chat.id, now });
      return json({ ok: true });
    }
    if (action.handling === 'tema') {
      const choice = { reasons: action.arsak, outcomes: action.utfall };
      if (!(await setCategories(db, { channel: 'chat', id: conv.id, choice }))) throw refuse('invalid', 'En av kategoriene er ikke lenger i bruk. Last siden på nytt og velg igjen.');
      await notify(db, { kind: 'status', conversationId: conv.id });
      await audit('chat_categories', chat);
      return json({ ok: true });
    }
    if (action.handling === 'merk') {
      const deadline = flaggedChatDeadline(now);
      // Flagged already: nothing changes, so nothing is logged, and the first deadline stands.
      if (!(await flagConversation(db, { id: conv.id, hostId: who.staffId, now, deadline }))) {
        return json({ slettes: (conv.deleteAfter ?? deadline).toISOString() });
      }
      await audit('chat_flag', chat);
      return json({ slettes: deadline.toISOString() });
    }
    if (action.blokker) {
      await blockToken(db, { id: conv.id, now, days: BLOCK_DAYS });
      await audit('chat_block', chat);
    }
    await endConversation(db, { id: conv.id, by: 'vert', now, retentionDays: env().CHAT_RETENTION_DAYS });
    await audit('chat_end', chat);
    return json({ ok: true });
  },
});
