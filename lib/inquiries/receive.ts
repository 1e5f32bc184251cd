import type { z } from 'zod';
import { getDb } from '@/db/client';
import { createInquiry } from '@/db/queries/inquiries';
import { getVersionInForce } from '@/db/queries/privacy';
import { refuse } from '@/lib/actions/refusal';
import { appClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { inquirySchema, readInquiryForm, type InquiryField } from '@/lib/inquiries/form';
import { notifyFromEnv } from '@/lib/inquiries/notify';
import { log } from '@/lib/log';
import { limiter } from '@/lib/rate-limit/limiter';

/**
 * Receiving an inquiry from the contact form, as its server action does it
 * (app/(public)/kontakt/actions.ts) and as the app's server does it for a form posted without
 * JavaScript (lib/server/contact-post.ts): one set of rules, one limit, one way to store.
 */

/** A field people never see (hidden from view and from screen readers): a robot fills it in. */
const INQUIRY_HONEYPOT = 'nettside';
export const INQUIRY_INVALID = 'Noe i skjemaet må rettes før vi kan ta imot det.';
export const INQUIRY_UNAVAILABLE = 'Vi kunne ikke ta imot henvendelsen akkurat nå. Det du skrev, står fortsatt i skjemaet. Prøv igjen om litt.';

export type InquiryInput = z.output<typeof inquirySchema>;

/** What the schema parses: the fields as read, with the journal box as a yes or no. */
export const inquiryInput = (values: Record<InquiryField, string>) => ({ ...values, declineJournal: values.declineJournal === 'ja' });

/** Whether a robot filled in the field people never see. */
export function honeypotFilled(form: FormData): boolean {
  const trap = form.get(INQUIRY_HONEYPOT);
  return typeof trap === 'string' && trap !== '';
}

/** The form's fields parsed by its rules, or undefined when something must be corrected. */
export function parsedInquiry(form: FormData): InquiryInput | undefined {
  const parsed = inquirySchema.safeParse(inquiryInput(readInquiryForm(form)));
  return parsed.success ? parsed.data : undefined;
}

/**
 * Stores a valid inquiry and returns its reference; refuses (a `Refusal`) when this client has
 * sent too many, or when no privacy statement is in force. `clientKey` is the keyed hash of
 * the client's address (the address itself never reaches this code).
 */
export async function receiveInquiry(input: InquiryInput, clientKey: string): Promise<{ reference: string }> {
  // Only a valid inquiry counts against the limit: a mistyped form costs the sender nothing.
  const clock = appClock();
  const allowed = limiter('inquiries', { limit: env().INQUIRY_RATE_LIMIT, windowMs: 3_600_000, clock }).take(clientKey);
  if (!allowed.ok) {
    log.info('inquiry.rate_limited');
    throw refuse('too_many', 'Du har sendt flere henvendelser på kort tid. Vent en stund og prøv igjen. Det du skrev, står fortsatt i skjemaet.');
  }
  const db = await getDb();
  const now = clock.now();
  const version = await getVersionInForce(db, { now });
  if (!version) throw refuse('unavailable', INQUIRY_UNAVAILABLE);
  const { reference } = await createInquiry(db, { input, privacyVersion: version.number, now });
  log.info('inquiry.received');
  notifyFromEnv(); // in the background; it is given nothing about the inquiry
  return { reference };
}
