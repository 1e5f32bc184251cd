'use server';

import { headers } from 'next/headers';
import { getDb } from '@/db/client';
import { createInquiry } from '@/db/queries/inquiries';
import { getVersionInForce } from '@/db/queries/privacy';
import type { FormState } from '@/lib/actions/form-state';
import { refuse } from '@/lib/actions/refusal';
import { appClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { fieldOrder, inquirySchema, readInquiryForm, type InquiryField } from '@/lib/inquiries/form';
import { notifyFromEnv } from '@/lib/inquiries/notify';
import { newReference } from '@/lib/inquiries/reference';
import { log } from '@/lib/log';
import { publicAction } from '@/lib/public/action';
import { limiter } from '@/lib/rate-limit/limiter';
import { CLIENT_KEY_HEADER } from '@/lib/server/client-key-header';

export type InquiryFormState = FormState<InquiryField, { reference: string }>;

const HONEYPOT = 'nettside';
const UNAVAILABLE = 'Vi kunne ikke ta imot henvendelsen akkurat nå. Det du skrev, står fortsatt i skjemaet. Prøv igjen om litt.';

/**
 * The contact form. Public by design: anyone may send an inquiry, so the checks here are the
 * form's own rules, a honeypot for robots, and a limit per client (a keyed hash; the address
 * itself never reaches this code).
 */
export const submitInquiryAction = publicAction({
  fields: fieldOrder,
  read: readInquiryForm,
  schema: inquirySchema,
  input: (values) => ({ ...values, declineJournal: values.declineJournal === 'ja' }),
  invalid: 'Noe i skjemaet må rettes før vi kan ta imot det.',
  failed: UNAVAILABLE,
  event: 'inquiry.store',
  before: ({ form }) => {
    const trap = form.get(HONEYPOT);
    if (typeof trap !== 'string' || trap === '') return undefined;
    log.info('inquiry.honeypot');
    // A robot gets the answer a person would get, so it learns nothing; nothing is stored.
    return { status: 'ok', result: { reference: newReference() } };
  },
  run: async ({ input }) => {
    // Only a valid inquiry counts against the limit: a mistyped form costs the sender nothing.
    const clock = appClock();
    const clientKey = (await headers()).get(CLIENT_KEY_HEADER) ?? 'unknown';
    const allowed = limiter('inquiries', { limit: env().INQUIRY_RATE_LIMIT, windowMs: 3_600_000, clock }).take(clientKey);
    if (!allowed.ok) {
      log.info('inquiry.rate_limited');
      throw refuse('too_many', 'Du har sendt flere henvendelser på kort tid. Vent en stund og prøv igjen. Det du skrev, står fortsatt i skjemaet.');
    }
    const db = await getDb();
    const now = clock.now();
    const version = await getVersionInForce(db, { now });
    if (!version) throw refuse('unavailable', UNAVAILABLE);
    const { reference } = await createInquiry(db, { input, privacyVersion: version.number, now });
    log.info('inquiry.received');
    notifyFromEnv(); // in the background; it is given nothing about the inquiry
    return { reference };
  },
});
