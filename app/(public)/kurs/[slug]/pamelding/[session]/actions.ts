'use server';

import { headers } from 'next/headers';
import { getDb } from '@/db/client';
import { signUp, type BookedSession } from '@/db/queries/course-bookings';
import { courseQuestions } from '@/db/queries/courses';
import { getVersionInForce } from '@/db/queries/privacy';
import type { BookingStatus } from '@/db/schema';
import type { FormState } from '@/lib/actions/form-state';
import { refuse } from '@/lib/actions/refusal';
import { appClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { sendBookingMail } from '@/lib/courses/mail';
import { payForHeldSeat, vippsFromEnv } from '@/lib/courses/payment';
import { readAnswers, readSignupForm, signupSchema, type SignupField } from '@/lib/courses/signup-form';
import { log } from '@/lib/log';
import { publicAction } from '@/lib/public/action';
import { limiter } from '@/lib/rate-limit/limiter';
import { CLIENT_KEY_HEADER } from '@/lib/server/client-key-header';

/**
 * `keptDays`: how long the booking is kept after the session, as the purge will keep it.
 * `payment`: for a seat held while the buyer pays with Vipps, where to pay and until when.
 */
export type SignupResult = {
  status: BookingStatus;
  paidWith: 'free' | 'vipps' | 'invoice';
  orderReference?: string;
  payment?: { url: string; holdUntil: string };
  session: BookedSession;
  keptDays: number;
  bookingPath: string;
};
export type SignupFormState = FormState<SignupField, SignupResult>;

const HONEYPOT = 'nettside';
const UNAVAILABLE = 'Vi kunne ikke ta imot påmeldingen akkurat nå. Det du skrev, står fortsatt i skjemaet. Prøv igjen om litt.';
const NO_VIPPS =
  'Vi får ikke kontakt med Vipps akkurat nå, så du er ikke påmeldt, og ingenting er trukket. Det du skrev, står fortsatt i skjemaet. Prøv igjen om litt.';

const closedMessages = {
  not_found: 'Vi finner ikke dette kurset lenger. Gå tilbake til kurssiden.',
  closed: 'Denne kursdatoen er avlyst. Se om kurset har andre datoer.',
  deadline_passed: 'Påmeldingsfristen for denne datoen har gått ut. Se om kurset har andre datoer.',
  started: 'Denne kursdatoen har allerede vært. Se om kurset har andre datoer.',
} as const;

/**
 * Signing up for a course session, without an account. Public by design, like the contact
 * form: the form's own rules, a honeypot and a limit per client (a keyed hash; the address
 * itself never reaches this code). A paid seat is held while the buyer pays with Vipps when Vipps
 * is configured, and confirmed on an invoice when it is not.
 */
export const signUpAction = publicAction<SignupField, typeof signupSchema, SignupResult>({
  fields: ['name', 'email', 'phone', 'terms'],
  read: readSignupForm,
  schema: signupSchema,
  invalid: 'Noe i skjemaet må rettes før vi kan melde deg på.',
  failed: UNAVAILABLE,
  event: 'course.signup',
  before: ({ form }) => {
    const trap = form.get(HONEYPOT);
    if (typeof trap !== 'string' || trap === '') return undefined;
    log.info('course.honeypot');
    return { status: 'error', code: 'unavailable', message: UNAVAILABLE, fieldErrors: {}, values: {} };
  },
  run: async ({ input, form }) => {
    const db = await getDb();
    const clock = appClock();
    const now = clock.now();
    const questions = await courseQuestions(db, { sessionId: input.session });
    if (!questions) throw refuse('not_found', closedMessages.not_found);
    const { answers, errors } = readAnswers(questions, readSignupForm(form));
    if (Object.keys(errors).length > 0) throw refuse('invalid', 'Noe i skjemaet må rettes før vi kan melde deg på.', errors);

    const clientKey = (await headers()).get(CLIENT_KEY_HEADER) ?? 'unknown';
    if (!limiter('course-signups', { limit: env().COURSE_SIGNUP_RATE_LIMIT, windowMs: 3_600_000, clock }).take(clientKey).ok) {
      log.info('course.rate_limited');
      throw refuse('too_many', 'Du har meldt på mange på kort tid. Vent en stund og prøv igjen. Det du skrev, står fortsatt i skjemaet.');
    }
    const version = await getVersionInForce(db, { now });
    if (!version) throw refuse('unavailable', UNAVAILABLE);
    const vipps = vippsFromEnv();
    const result = await signUp(db, {
      sessionId: input.session,
      person: { name: input.name, email: input.email, phone: input.phone || undefined, answers },
      privacyVersion: version.number,
      paidWith: vipps ? 'vipps' : 'invoice',
      submission: input.innsending || undefined,
      now,
    });
    if (!result.ok) throw refuse(result.reason === 'not_found' ? 'not_found' : 'conflict', closedMessages[result.reason]);
    let payment: SignupResult['payment'];
    if (result.duplicate) {
      // Sent twice: the same receipt again, with the payment already started, and no second mail.
      log.info('course.signup_repeated', { status: result.status });
      const url = result.duplicate.paymentUrl;
      return {
        status: result.status,
        paidWith: result.payment,
        orderReference: result.orderReference,
        payment: result.status === 'held' && url && result.holdUntil ? { url, holdUntil: result.holdUntil.toISOString() } : undefined,
        session: result.session,
        keptDays: env().COURSE_BOOKING_RETENTION_DAYS,
        bookingPath: `/kurs/bestilling/${result.token}`,
      };
    }
    if (result.status === 'held' && vipps) {
      const started = await payForHeldSeat(db, vipps, { bookingId: result.id, amountNok: result.session.priceNok });
      // The seat is given back at once: nothing was reserved, and the form keeps what was typed.
      if (!started.ok) throw refuse('unavailable', NO_VIPPS);
      payment = { url: started.url, holdUntil: result.holdUntil!.toISOString() };
    }
    log.info('course.signed_up', { status: result.status });
    if (result.status === 'confirmed' || result.status === 'waiting') sendBookingMail(db, { bookingId: result.id, kind: result.status === 'confirmed' ? 'confirmation' : 'waiting' });
    return {
      status: result.status,
      paidWith: result.payment,
      orderReference: result.orderReference,
      payment,
      session: result.session,
      keptDays: env().COURSE_BOOKING_RETENTION_DAYS,
      bookingPath: `/kurs/bestilling/${result.token}`,
    };
  },
});
