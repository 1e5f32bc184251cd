'use client';

import { useActionState } from 'react';
import { signInAction, type SignInState } from '../actions';

export function SignInForm() {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { status: 'idle' });
  const error = state.status === 'error' ? state.message : undefined;
  return (
    <form action={action} className="mt-6 space-y-5 rounded-2xl bg-white p-6">
      {error ? (
        <p id="innlogging-feil" role="alert" className="rounded-lg border-2 border-accent bg-[#fdeeea] p-3 font-semibold">
          {error}
        </p>
      ) : null}
      <div>
        <label htmlFor="email" className="block font-semibold">E-post</label>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.status === 'error' ? state.values.email : ''} aria-describedby={error ? 'innlogging-feil' : undefined} className="input mt-1" />
      </div>
      <div>
        <label htmlFor="password" className="block font-semibold">Passord</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="input mt-1" />
      </div>
      <div>
        <label htmlFor="code" className="block font-semibold">Kode fra autentiseringsappen</label>
        <input id="code" name="code" type="text" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={8} required className="input mt-1" />
      </div>
      <button type="submit" disabled={pending} className="w-full rounded-lg bg-brand px-5 py-3 font-semibold text-white hover:bg-brand-dark">
        {pending ? 'Logger inn …' : 'Logg inn'}
      </button>
    </form>
  );
}
