'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import type { FormState } from '@/lib/actions/form-state';
import { refuse } from '@/lib/actions/refusal';
import { completeEnrolment } from '@/lib/auth/enrol';
import { appClock } from '@/lib/clock';
import { publicAction } from '@/lib/public/action';

export type SetupField = 'token' | 'secret' | 'name' | 'email' | 'password' | 'code';
export type SetupState = FormState<SetupField, never>;

const UNREADABLE = 'Skjemaet kunne ikke leses. Last siden på nytt.';

/**
 * Public by nature: the one-time token in the form is what grants this. The token, the secret,
 * the password and the code are never sent back; lib/auth/enrol.ts writes the change and its
 * access-log row in one transaction.
 */
export const setupAction = publicAction({
  fields: ['token', 'secret', 'name', 'email', 'password', 'code'],
  schema: z.object({
    token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/),
    secret: z.string().regex(/^[A-Z2-7]{32,64}$/),
    // A field the form did not show is absent, as before the wrapper read every field.
    name: z.string().max(100).transform((v) => v || undefined),
    email: z.string().max(254).transform((v) => v || undefined),
    password: z.string().max(4096).transform((v) => v || undefined),
    code: z.string().max(16),
  }),
  invalid: UNREADABLE,
  failed: 'Oppsettet ble ikke lagret. Prøv igjen om litt.',
  event: 'staff_setup',
  run: async ({ input }) => {
    const result = await completeEnrolment(await getDb(), { ...input, now: appClock().now() });
    if (!result.ok) throw refuse<SetupField>('invalid', result.message, { [result.field]: result.message });
    redirect('/staff/logg-inn');
  },
});
