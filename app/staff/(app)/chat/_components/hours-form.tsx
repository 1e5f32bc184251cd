'use client';

import { useActionState } from 'react';
import { Field, fieldProps } from '@/components/form-parts';
import { FormMessage } from '@/components/form-message';
import { saveChatHoursAction, type HoursState } from '../actions';

const labels = { hours: 'Åpningstider' };

/** Admins only: the chat's opening hours, in the same short form as CHAT_HOURS. Works without JavaScript. */
export function HoursForm({ current }: { current: string }) {
  const [state, action, pending] = useActionState<HoursState, FormData>(saveChatHoursAction, { status: 'idle' });
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const value = state.status === 'error' ? state.values.hours : current;
  return (
    <div className="space-y-4 rounded-2xl bg-white p-5">
      <FormMessage state={state} labels={labels} />
      <form action={action} noValidate className="space-y-4">
        <Field
          name="hours"
          label={labels.hours}
          hint="For eksempel «man-fre 14:00-22:00», flere deler med komma («man-fre 14:00-22:00, søn 18:00-21:00»), eller «alltid»."
          errors={errors}
        >
          <input {...fieldProps('hours', errors)} type="text" autoComplete="off" maxLength={200} defaultValue={value} key={value} className="input" />
        </Field>
        <button type="submit" disabled={pending} className="rounded-lg bg-brand px-5 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-70">
          {pending ? 'Lagrer …' : 'Lagre åpningstidene'}
        </button>
      </form>
    </div>
  );
}
