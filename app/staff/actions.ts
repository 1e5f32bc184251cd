'use server';

import { redirect } from 'next/navigation';
import { AuthError } from 'next-auth';
import { z } from 'zod';
import { signIn, signOut } from '@/lib/auth/next-auth';

export type SignInState = { status: 'idle' } | { status: 'error'; message: string; email: string };

const credentials = z.object({
  email: z.string().trim().max(254),
  password: z.string().max(4096),
  code: z.string().trim().max(16),
});

const WRONG = 'E-post, passord eller kode stemmer ikke. Etter ti feil forsøk på rad må du vente ti minutter.';

/** Sign-in is open to anyone by nature; the answer is the same whatever was wrong. */
export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const parsed = credentials.safeParse({ email: form.get('email') ?? '', password: form.get('password') ?? '', code: form.get('code') ?? '' });
  const email = typeof form.get('email') === 'string' ? String(form.get('email')) : '';
  if (!parsed.success || !parsed.data.email || !parsed.data.password || !parsed.data.code) {
    return { status: 'error', message: 'Fyll ut e-post, passord og koden fra autentiseringsappen.', email };
  }
  try {
    await signIn('credentials', { ...parsed.data, redirect: false });
  } catch (err) {
    if (err instanceof AuthError) return { status: 'error', message: WRONG, email };
    throw err;
  }
  redirect('/staff');
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirect: false });
  redirect('/staff/logg-inn');
}
