'use client';

import { useActionState } from 'react';
import { signOutAction, type SignOutState } from '../../actions';

/** "Logg ut": works without JavaScript; says so if the session could not be ended. */
export function SignOutForm() {
  const [state, action, pending] = useActionState<SignOutState, FormData>(signOutAction, { status: 'idle' });
  return (
    <form action={action} className="flex items-center gap-2">
      {state.status === 'error' ? (
        <p role="alert" className="font-semibold">
          {state.message}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className="rounded-lg border-2 border-brand px-3 py-1 font-semibold text-brand-dark">
        Logg ut
      </button>
    </form>
  );
}
