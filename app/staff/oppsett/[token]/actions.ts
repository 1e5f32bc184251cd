'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { completeEnrolment } from '@/lib/auth/enrol';
import { appClock } from '@/lib/clock';

export type SetupState = { status: 'idle' } | { status: 'error'; field: string; message: string; name: string; email: string };

const input = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/),
  secret: z.string().regex(/^[A-Z2-7]{32,64}$/),
  name: z.string().max(100).optional(),
  email: z.string().max(254).optional(),
  password: z.string().max(4096).optional(),
  code: z.string().max(16),
});

/** Public by nature: the one-time token in the form is what grants this. Never echoes secrets. */
export async function setupAction(_prev: SetupState, form: FormData): Promise<SetupState> {
  const read = (k: string) => (typeof form.get(k) === 'string' ? String(form.get(k)) : undefined);
  const parsed = input.safeParse({ token: read('token'), secret: read('secret'), name: read('name'), email: read('email'), password: read('password'), code: read('code') ?? '' });
  const keep = { name: read('name') ?? '', email: read('email') ?? '' };
  if (!parsed.success) return { status: 'error', field: 'token', message: 'Skjemaet kunne ikke leses. Last siden på nytt.', ...keep };
  const result = await completeEnrolment(await getDb(), { ...parsed.data, now: appClock().now() });
  if (!result.ok) return { status: 'error', field: result.field, message: result.message, ...keep };
  redirect('/staff/logg-inn');
}
