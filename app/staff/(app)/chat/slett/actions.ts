'use server';

import { z } from 'zod';
import { chatToDelete, deleteChatOnRequest } from '@/db/queries/chat-deletion';
import type { FormState } from '@/lib/actions/form-state';
import { defaultSentence } from '@/lib/actions/refusal';
import { parseChatReference } from '@/lib/chat/reference';
import { env } from '@/lib/env';
import { limiter } from '@/lib/rate-limit/limiter';
import { staffAction } from '@/lib/staff/action';
import { LoggedRefusal } from '@/lib/staff/work';
import { lookupFields, type ChatFound, type LookupField } from './_components/constants';

/**
 * Deleting a chat at once because its visitor asked, quoting the chat's reference code: a
 * lookup that shows the chat's state and dates (never its content), then the deletion, by the
 * purge's own deletion of chats (db/queries/chat-deletion.ts), with a receipt.
 *
 * Chat hosts and admins only: the roles that see chats. Advisers never see a chat, so they
 * cannot delete one either; one who takes such a request passes the code to a host.
 *
 * Every lookup and every deletion leaves an access-log row with the chat's id, never the code:
 * a code that matched nothing leaves a row with no object, so tries are counted per person. An
 * unknown code and one of a chat already deleted get the same answer, and each person has a
 * limit of lookups per hour, so the page cannot be used to find out which codes exist.
 */
export type LookupState = FormState<LookupField, ChatFound>;
export type DeleteState = FormState<never, { message: string }>;

const ROLES = ['chat_host', 'admin'] as const;
const LOOKUPS_PER_HOUR = 30;

const NO_MATCH = 'Vi finner ingen samtale å slette med denne koden. Koden kan være feil, eller samtalen kan allerede være slettet.';
const HELD =
  'Samtalen kan ikke slettes nå, fordi et bevaringspålegg gjelder for den. Si til den besøkende at vi ikke kan slette den nå, og gi beskjed til en administrator.';
const FAILED = 'Vi fikk ikke slettet samtalen. Prøv igjen om litt.';

const codeSchema = z
  .string()
  .trim()
  .min(1, 'Skriv koden den besøkende oppga.')
  .transform((v) => parseChatReference(v) ?? '')
  .pipe(z.string().min(1, 'Koden skal se slik ut: CHAT- og to grupper på fire tegn, for eksempel CHAT-K7QM-3XHP.'));

/** Per person, in memory, as the other limits: a few lookups an hour is all a real request needs. */
function overLimit(staffId: string): boolean {
  return !limiter('chat-delete-lookups', { limit: LOOKUPS_PER_HOUR, windowMs: 3_600_000 }).take(staffId).ok;
}

const tooMany = { status: 'error', code: 'too_many', message: defaultSentence.too_many, fieldErrors: {}, values: {} } as const;

const noMatch = () => new LoggedRefusal('not_found', NO_MATCH, { action: 'chat_delete_lookup', object: { type: 'chat' } }, { kode: NO_MATCH });

export const findChatToDeleteAction = staffAction({
  roles: ROLES,
  fields: lookupFields,
  schema: z.object({ kode: codeSchema }),
  event: 'chat_delete_lookup',
  failed: 'Vi fikk ikke slått opp koden. Prøv igjen om litt.',
  before: ({ who }) => (overLimit(who.staffId) ? tooMany : undefined),
  run: async ({ db, input, now, audit }): Promise<ChatFound> => {
    const chat = await chatToDelete(db, { reference: input.kode, now });
    if (!chat) throw noMatch();
    if (chat.onHold) throw new LoggedRefusal('conflict', HELD, { action: 'chat_delete_lookup', object: { type: 'chat', id: chat.id } });
    await audit('chat_delete_lookup', { type: 'chat', id: chat.id });
    return { kode: input.kode, status: chat.status, startet: chat.createdAt.toISOString(), avsluttet: chat.endedAt?.toISOString() ?? null };
  },
});

export const deleteChatAction = staffAction({
  roles: ROLES,
  fields: [],
  hidden: ['kode'],
  missing: NO_MATCH,
  schema: z.object({ kode: codeSchema }),
  event: 'chat_delete',
  failed: FAILED,
  before: ({ who }) => (overLimit(who.staffId) ? tooMany : undefined),
  run: async ({ db, input, now, audit }) => {
    const done = await deleteChatOnRequest(db, { reference: input.kode, now, retentionDays: env().CHAT_RETENTION_DAYS });
    if (!done) throw noMatch();
    if (done.outcome === 'held') throw new LoggedRefusal('conflict', HELD, { action: 'chat_delete_refused', object: { type: 'chat', id: done.chat.id } });
    await audit('chat_delete', { type: 'chat', id: done.chat.id });
    return { message: 'Samtalen er slettet med alle meldingene. Den finnes ikke lenger hos oss.' };
  },
});
