'use server';

import { z } from 'zod';
import { getDb } from '@/db/client';
import { acceptOffer, cancelByToken } from '@/db/queries/course-bookings';
import type { FormState } from '@/lib/actions/form-state';
import { refuse } from '@/lib/actions/refusal';
import { appClock } from '@/lib/clock';
import { log } from '@/lib/log';
import { publicAction } from '@/lib/public/action';

/**
 * What a participant does through the link in their confirmation, without an account: the
 * random token in the link is the permission, as for a staff member's one-time link.
 */
export type BookingFormState = FormState<never, { message: string }>;

const schema = z.object({ token: z.string().min(20).max(100) });
const GONE = 'Vi finner ikke påmeldingen. Den kan være slettet etter kurset.';
const FAILED = 'Vi fikk ikke lagret dette akkurat nå. Prøv igjen om litt.';

export const cancelBookingAction = publicAction({
  fields: ['token'] as never[],
  read: (form) => ({ token: String(form.get('token') ?? '') }) as Record<never, string>,
  schema,
  invalid: GONE,
  failed: FAILED,
  event: 'course.cancel',
  run: async ({ input }) => {
    const result = await cancelByToken(await getDb(), { token: input.token, now: appClock().now() });
    if (!result.ok) {
      if (result.reason === 'too_late') throw refuse('conflict', 'Avmeldingsfristen har gått ut. Ta kontakt med oss hvis du ikke kan komme.');
      if (result.reason === 'already') throw refuse('conflict', 'Du er allerede meldt av.');
      throw refuse('not_found', GONE);
    }
    log.info('course.cancelled', { offered: result.offered.length });
    return { message: 'Du er meldt av. Plassen går til den som står først på ventelisten.' };
  },
});

export const acceptOfferAction = publicAction({
  fields: ['token'] as never[],
  read: (form) => ({ token: String(form.get('token') ?? '') }) as Record<never, string>,
  schema,
  invalid: GONE,
  failed: FAILED,
  event: 'course.accept_offer',
  run: async ({ input }) => {
    const result = await acceptOffer(await getDb(), { token: input.token, now: appClock().now() });
    if (!result.ok) throw refuse('conflict', result.reason === 'expired' ? 'Tilbudet har gått ut, og plassen er gitt videre.' : GONE);
    log.info('course.offer_accepted');
    return { message: result.orderReference ? `Plassen er din. Ordrenummeret er ${result.orderReference}, og fakturaen kommer på e-post.` : 'Plassen er din.' };
  },
});
