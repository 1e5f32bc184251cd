'use client';

import { useActionState } from 'react';
import { buttonClass, FormMessage } from '@/components/form-message';
import type { BookingFormState } from '../actions';

/** One button that acts on the booking the link points at; the answer is read out where the button was. */
export function BookingAction({ action, token, label, pendingLabel }: { action: (state: BookingFormState, form: FormData) => Promise<BookingFormState>; token: string; label: string; pendingLabel: string }) {
  const [state, run, pending] = useActionState<BookingFormState, FormData>(action, { status: 'idle' });
  return (
    <form action={run} className="mt-4 space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      {state.status === 'ok' ? null : (
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? pendingLabel : label}
        </button>
      )}
    </form>
  );
}
