'use client';

import { useActionState } from 'react';
import { setStatusAction, type StatusFormState } from '../actions';
import { statusLabels } from './constants';
import { buttonClass, FormMessage } from '@/components/form-message';

const choices = ['ny', 'under_arbeid'] as const;

/** Moves an open inquiry between "Ny" and "Under arbeid"; ending it has its own button. */
export function StatusForm({ inquiryId, current }: { inquiryId: string; current: 'ny' | 'under_arbeid' }) {
  const [state, action, pending] = useActionState<StatusFormState, FormData>(setStatusAction, { status: 'idle' });
  const error = state.status === 'error' ? state.fieldErrors.status : undefined;
  const checked = state.status === 'error' && state.values.status ? state.values.status : current;
  return (
    <form key={current} action={action} noValidate className="space-y-3">
      <input type="hidden" name="id" value={inquiryId} />
      <FormMessage state={state} labels={{ status: 'Status' }} />
      <fieldset aria-describedby={error ? 'status-error' : undefined} aria-invalid={error ? true : undefined}>
        <legend className="font-semibold">Status</legend>
        {error ? (
          <p id="status-error" className="field-error">
            {error}
          </p>
        ) : null}
        {choices.map((value, i) => (
          <label key={value} className="mt-2 flex items-center gap-3">
            <input type="radio" name="status" value={value} defaultChecked={checked === value} id={i === 0 ? 'status' : undefined} className="size-5" />
            {statusLabels[value]}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? 'Lagrer …' : 'Lagre status'}
      </button>
    </form>
  );
}
