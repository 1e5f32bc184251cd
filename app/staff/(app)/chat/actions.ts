'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { saveChatHours } from '@/db/queries/chat-settings';
import type { FormState } from '@/lib/actions/form-state';
import { describeHours, parseChatHours } from '@/lib/chat/hours';
import { staffAction } from '@/lib/staff/action';

export type HoursState = FormState<'hours', { message: string }>;

const hoursSchema = z.object({
  hours: z
    .string()
    .trim()
    .max(200, 'Åpningstidene kan ha høyst 200 tegn.')
    .transform((text, ctx) => {
      const parsed = parseChatHours(text);
      if (parsed.ok) return { text, hours: parsed.hours };
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }),
});

/** An admin sets the chat's opening hours; the setting and its access-log row are saved together. */
export const saveChatHoursAction = staffAction({
  roles: ['admin'],
  fields: ['hours'],
  schema: hoursSchema,
  event: 'chat_hours',
  run: async ({ db, input: { hours }, who, now, audit }) => {
    await saveChatHours(db, { hours: hours.text, staffId: who.staffId, now });
    await audit('chat_hours', { type: 'chat_settings', id: '1' });
    return { message: `Lagret. Chatten er åpen ${describeHours(hours.hours)}.` };
  },
  done: (done) => {
    revalidatePath('/staff/chat');
    return done;
  },
});
