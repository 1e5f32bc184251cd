'use client';

import { useActionState } from 'react';
import { setupAction, type SetupField, type SetupState } from './actions';

function FieldError({ field, message }: { field: string; message?: string }) {
  return message ? <p id={`${field}-error`} className="field-error">{message}</p> : null;
}

export function SetupForm({ token, purpose, secret, qrSvg }: { token: string; purpose: 'first_admin' | 'invite' | 'reset_totp'; secret: string; qrSvg: string }) {
  const [state, action, pending] = useActionState<SetupState, FormData>(setupAction, { status: 'idle' });
  const err = (field: SetupField) => (state.status === 'error' ? state.fieldErrors[field] : undefined);
  const described = (field: SetupField) => (err(field) ? `${field}-error` : undefined);
  return (
    <form action={action} className="mt-6 space-y-5 rounded-2xl bg-white p-6">
      {state.status === 'error' ? <p role="alert" className="rounded-lg border-2 border-accent bg-[#fdeeea] p-3 font-semibold">{state.message}</p> : null}
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="secret" value={secret} />
      <FieldError field="token" message={err('token')} />
      {purpose === 'first_admin' ? (
        <>
          <div>
            <label htmlFor="name" className="block font-semibold">Navn</label>
            <FieldError field="name" message={err('name')} />
            <input id="name" name="name" autoComplete="name" required defaultValue={state.status === 'error' ? state.values.name : ''} aria-describedby={described('name')} className="input mt-1" />
          </div>
          <div>
            <label htmlFor="email" className="block font-semibold">E-post</label>
            <FieldError field="email" message={err('email')} />
            <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.status === 'error' ? state.values.email : ''} aria-describedby={described('email')} className="input mt-1" />
          </div>
        </>
      ) : null}
      {purpose !== 'reset_totp' ? (
        <div>
          <label htmlFor="password" className="block font-semibold">Velg passord</label>
          <p id="password-hint" className="text-sm text-muted">Minst 12 tegn. Unngå vanlige passord og navnet ditt.</p>
          <FieldError field="password" message={err('password')} />
          <input id="password" name="password" type="password" autoComplete="new-password" required minLength={12} maxLength={128} aria-describedby={['password-hint', described('password')].filter(Boolean).join(' ')} className="input mt-1" />
        </div>
      ) : null}
      <fieldset className="space-y-3">
        <legend className="font-semibold">Andre faktor</legend>
        <p>Skann koden med en autentiseringsapp, eller skriv inn nøkkelen for hånd.</p>
        <div className="w-48" role="img" aria-label="QR-kode for autentiseringsappen" dangerouslySetInnerHTML={{ __html: qrSvg }} />
        <p>
          Nøkkel: <code className="break-all font-mono">{secret}</code>
        </p>
        <label htmlFor="code" className="block font-semibold">Kode fra appen</label>
        <FieldError field="code" message={err('code')} />
        <input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" required maxLength={8} aria-describedby={described('code')} className="input" />
      </fieldset>
      <button type="submit" disabled={pending} className="w-full rounded-lg bg-brand px-5 py-3 font-semibold text-white">
        {pending ? 'Lagrer …' : 'Fullfør'}
      </button>
    </form>
  );
}
