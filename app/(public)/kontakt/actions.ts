'use server';

import { headers } from 'next/headers';
import type { FormState } from '@/lib/actions/form-state';
import { fieldOrder, inquirySchema, readInquiryForm, type InquiryField } from '@/lib/inquiries/form';
import { newReference } from '@/lib/inquiries/reference';
import { honeypotFilled, INQUIRY_INVALID, INQUIRY_UNAVAILABLE, inquiryInput, receiveInquiry } from '@/lib/inquiries/receive';
import { log } from '@/lib/log';
import { publicAction } from '@/lib/public/action';
import { CLIENT_KEY_HEADER } from '@/lib/server/client-key-header';

export type InquiryFormState = FormState<InquiryField, { reference: string }>;

/**
 * The contact form. Public by design: anyone may send an inquiry, so the checks here are the
 * form's own rules, a honeypot for robots, and a limit per client (a keyed hash; the address
 * itself never reaches this code). The rules and the storing are lib/inquiries/receive.ts.
 */
export const submitInquiryAction = publicAction({
  fields: fieldOrder,
  read: readInquiryForm,
  schema: inquirySchema,
  input: inquiryInput,
  invalid: INQUIRY_INVALID,
  failed: INQUIRY_UNAVAILABLE,
  event: 'inquiry.store',
  before: ({ form }) => {
    if (!honeypotFilled(form)) return undefined;
    log.info('inquiry.honeypot');
    // A robot gets the answer a person would get, so it learns nothing; nothing is stored.
    return { status: 'ok', result: { reference: newReference() } };
  },
  run: async ({ input }) => receiveInquiry(input, (await headers()).get(CLIENT_KEY_HEADER) ?? 'unknown'),
});
