'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { addQuickReply, deleteQuickReply, updateQuickReply } from '@/db/queries/chat-quick-replies';
import type { FormState } from '@/lib/actions/form-state';
import { refuse } from '@/lib/actions/refusal';
import { MAX_CHAT_MESSAGE } from '@/lib/chat/message-limit';
import { QUICK_REPLY_TITLE_MAX, quickReplyCategories } from '@/lib/chat/quick-replies';
import { writtenText } from '@/lib/written-text';
import { staffAction } from '@/lib/staff/action';

/**
 * The ready answers chat hosts insert in the console, for administrators. Each change is an
 * access-log row with the answer's id; the texts are the organisation's own, never a visitor's.
 */
type Done = { message: string };
export type QuickReplyField = 'category' | 'title' | 'text';
export type QuickReplyFormState = FormState<QuickReplyField, Done>;
export type QuickReplyDeleteState = FormState<never, Done>;

const GONE = 'Vi finner ikke hurtigsvaret. Last siden på nytt.';
const TAKEN = 'Det finnes allerede et hurtigsvar med den tittelen.';
const ADMINS = ['admin'] as const;

const fields = {
  category: z.enum(quickReplyCategories, { error: 'Velg en kategori.' }),
  title: z
    .string()
    .trim()
    .min(1, 'Skriv en tittel.')
    .max(QUICK_REPLY_TITLE_MAX, `Tittelen kan ha høyst ${QUICK_REPLY_TITLE_MAX} tegn.`)
    .refine((v) => !/[\u0000-\u001f<>]/.test(v), 'Tittelen kan ikke ha tegnene < og > eller linjeskift.'),
  // The chat refuses a message with invisible or direction-changing characters, so an answer
  // holding one could never be sent: refused here, where it is written.
  text: writtenText('Teksten', MAX_CHAT_MESSAGE, {
    empty: 'Skriv teksten.',
    tooLong: `Teksten kan ha høyst ${MAX_CHAT_MESSAGE} tegn, like mye som en melding i chatten.`,
  }),
};

const done = (message: string): Done => {
  revalidatePath('/staff/chat/hurtigsvar');
  revalidatePath('/staff/chat');
  return { message };
};

export const addQuickReplyAction = staffAction({
  roles: ADMINS,
  fields: ['category', 'title', 'text'],
  event: 'quick_reply_change',
  schema: z.object(fields),
  run: async ({ db, input, now, audit }) => {
    const added = await addQuickReply(db, { ...input, now });
    if (added === 'taken') throw refuse('invalid', TAKEN, { title: TAKEN });
    await audit('quick_reply_change', { type: 'quick_reply', id: added.id });
    return input.title;
  },
  done: (title) => done(`«${title}» er lagt til.`),
});

export const changeQuickReplyAction = staffAction({
  roles: ADMINS,
  fields: ['category', 'title', 'text'],
  hidden: ['id'],
  missing: GONE,
  event: 'quick_reply_change',
  schema: z.object({ id: z.uuid(), ...fields }),
  run: async ({ db, input, now, audit }) => {
    const changed = await updateQuickReply(db, { ...input, now });
    if (changed === 'taken') throw refuse('invalid', TAKEN, { title: TAKEN });
    if (!changed) throw refuse('not_found', GONE);
    await audit('quick_reply_change', { type: 'quick_reply', id: input.id });
    return input.title;
  },
  done: (title) => done(`«${title}» er lagret.`),
});

export const deleteQuickReplyAction = staffAction({
  roles: ADMINS,
  fields: [],
  hidden: ['id'],
  missing: GONE,
  event: 'quick_reply_change',
  schema: z.object({ id: z.uuid() }),
  run: async ({ db, input, audit }) => {
    if (!(await deleteQuickReply(db, input))) throw refuse('not_found', GONE);
    await audit('quick_reply_change', { type: 'quick_reply', id: input.id });
  },
  done: () => done('Hurtigsvaret er slettet.'),
});
