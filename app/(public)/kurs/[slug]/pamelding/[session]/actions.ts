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
import { readAnswers, readSignupForm, signupSchema, type SignupField } from '@/lib/courses/signup-form';
import { log } from '@/lib/log';
import { publicAction } from '@/lib/public/action';
import { limiter } from '@/lib/rate-limit/limiter';
import { CLIENT_KEY_HEADER } from '@/lib/server/client-key-header';

/** `keptDays`: how long the booking is kept after the session, as the purge will keep it. */
export type SignupResult = { status: BookingStatus; orderReference?: string; session: BookedSession; keptDays: number; bookingPath: string };
export type SignupFormState = FormState<SignupField, SignupResult>;

const HONEYPOT = 'nettside';
const UNAVAILABLE = 'Vi kunne ikke ta imot påmeldingen akkurat nå. Det du skrev, står fortsatt i skjemaet. Prøv igjen om litt.';

const closedMessages = {
  not_found: 'Vi finner ikke dette kurset lenger. Gå tilbake til kurssiden.',
  closed: 'Denne kursdatoen er avlyst. Se om kurset har andre datoer.',
  deadline_passed: 'Påmeldingsfristen for denne datoen har gått ut. Se om kurset har andre datoer.',
  started: 'Denne kursdatoen har allerede vært. Se om kurset har andre datoer.',
} as const;

/**
 * Signing up for a course session, without an account. Public by design, like the contact
 * form: the form's own rules, a honeypot and a limit per client (a keyed hash; the address
 * itself never reaches this code). A paid course is invoiced until a payment provider is set up.
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
    const result = await signUp(db, {
      sessionId: input.session,
      person: { name: input.name, email: input.email, phone: input.phone || undefined, answers },
      privacyVersion: version.number,
      paidWith: 'invoice',
      now,
    });
    if (!result.ok) throw refuse(result.reason === 'not_found' ? 'not_found' : 'conflict', closedMessages[result.reason]);
    log.info('course.signed_up', { status: result.status });
    return { status: result.status, orderReference: result.orderReference, session: result.session, keptDays: env().COURSE_BOOKING_RETENTION_DAYS, bookingPath: `/kurs/bestilling/${result.token}` };
  },
});
