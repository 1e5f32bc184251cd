'use server';

import { z } from 'zod';
import { getDb } from '@/db/client';
import { acceptOffer, bookingByToken, PAYMENT_HOLD_MINUTES } from '@/db/queries/course-bookings';
import type { FormState } from '@/lib/actions/form-state';
import { refuse } from '@/lib/actions/refusal';
import { appClock } from '@/lib/clock';
import { sendBookingMail } from '@/lib/courses/mail';
import { cancelOwnBooking, createSeatPayment, vippsFromEnv } from '@/lib/courses/payment';
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
const TOO_LATE = 'Avmeldingsfristen har gått ut. Ta kontakt med oss hvis du ikke kan komme.';

const NO_VIPPS = 'Vi får ikke kontakt med Vipps akkurat nå, så ingenting er endret. Prøv igjen om litt.';

export const cancelBookingAction = publicAction({
  fields: ['token'] as never[],
  read: (form) => ({ token: String(form.get('token') ?? '') }) as Record<never, string>,
  schema,
  invalid: GONE,
  failed: FAILED,
  event: 'course.cancel',
  run: async ({ input }) => {
    const db = await getDb();
    const result = await cancelOwnBooking(db, vippsFromEnv(), { token: input.token, now: appClock().now() });
    if (!result.ok) {
      if (result.reason === 'payment_failed') throw refuse('unavailable', NO_VIPPS);
      if (result.reason === 'too_late') throw refuse('conflict', TOO_LATE);
      if (result.reason === 'already') throw refuse('conflict', 'Du er allerede meldt av.');
      throw refuse('not_found', GONE);
    }
    log.info('course.cancelled', { offered: result.offered.length });
    const paid = result.paid ? ' Betalingen er opphevet, så du betaler ingenting, eller pengene blir betalt tilbake.' : '';
    return { message: `Du er meldt av.${paid} Plassen går til den som står først på ventelisten.` };
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
    const db = await getDb();
    const now = appClock().now();
    const booking = await bookingByToken(db, { token: input.token });
    if (!booking || booking.status !== 'offered') throw refuse('conflict', GONE);
    // A seat paid with Vipps is held while the buyer pays, as at sign-up: the payment comes first.
    let payment: { reference: string; url: string } | undefined;
    if (booking.payment === 'vipps') {
      const client = vippsFromEnv();
      const started = client ? await createSeatPayment(client, { amountNok: booking.session.priceNok }) : undefined;
      if (!started?.ok) throw refuse('unavailable', NO_VIPPS);
      payment = { reference: started.reference, url: started.url };
    }
    const result = await acceptOffer(db, { token: input.token, now, payment });
    if (!result.ok) throw refuse('conflict', result.reason === 'expired' ? 'Tilbudet har gått ut, og plassen er gitt videre.' : GONE);
    log.info('course.offer_accepted', { status: result.status });
    // The page comes back with the payment link (a redirect to another site after a form is
    // something our form-action policy rightly forbids).
    if (result.status === 'held') return { message: `Plassen holdes av for deg i ${PAYMENT_HOLD_MINUTES} minutter mens du betaler med Vipps.` };
    sendBookingMail(db, { bookingId: booking.id, kind: 'confirmation' });
    return { message: result.orderReference ? `Plassen er din. Ordrenummeret er ${result.orderReference}, og fakturaen kommer på e-post.` : 'Plassen er din.' };
  },
});
