'use server';

import { redirect } from 'next/navigation';
import { AuthError } from 'next-auth';
import { z } from 'zod';
import type { FormState } from '@/lib/actions/form-state';
import { refuse } from '@/lib/actions/refusal';
import { signIn, signOut } from '@/lib/auth/next-auth';
import { publicAction } from '@/lib/public/action';

export type SignInState = FormState<'email' | 'password' | 'code', never>;
export type SignOutState = FormState<never, never>;

const FILL_IN = 'Fyll ut e-post, passord og koden fra autentiseringsappen.';
const WRONG = 'E-post, passord eller kode stemmer ikke. Etter ti feil forsøk på rad må du vente ti minutter.';

/**
 * Sign-in is open to anyone by nature; the answer is the same whatever was wrong, and the
 * password and the code are never sent back. Auth.js checks them and writes the access log.
 */
export const signInAction = publicAction({
  fields: ['email', 'password', 'code'],
  schema: z.object({
    email: z.string().trim().min(1, FILL_IN).max(254, WRONG),
    password: z.string().min(1, FILL_IN).max(4096, WRONG),
    code: z.string().trim().min(1, FILL_IN).max(16, WRONG),
  }),
  invalid: FILL_IN,
  failed: 'Innloggingen virker ikke akkurat nå. Prøv igjen om litt.',
  event: 'sign_in',
  run: async ({ input }) => {
    try {
      await signIn('credentials', { ...input, redirect: false });
    } catch (err) {
      if (err instanceof AuthError) throw refuse('forbidden', WRONG);
      throw err;
    }
    redirect('/staff');
  },
});

/** Ending a session needs nothing but the session; the page binds the idle state. */
export const signOutAction = publicAction({
  fields: [],
  schema: z.object({}),
  invalid: 'Du ble ikke logget ut. Prøv igjen.',
  failed: 'Du ble ikke logget ut. Prøv igjen om litt.',
  event: 'sign_out',
  run: async () => {
    await signOut({ redirect: false });
    redirect('/staff/logg-inn');
  },
});
