'use client';

import { useActionState } from 'react';
import { buttonClass, FormMessage } from '@/components/form-message';
import { addQuickReplyAction, type QuickReplyFormState } from '../actions';
import { fieldLabels, QuickReplyFields } from './quick-reply-fields';

/** A new ready answer. On an error every field keeps what was typed. */
export function AddQuickReplyForm() {
  const [state, action, pending] = useActionState<QuickReplyFormState, FormData>(addQuickReplyAction, { status: 'idle' });
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const values = state.status === 'error' ? state.values : {};
  return (
    // A new key after each success empties the fields for the next answer.
    <form key={state.status === 'ok' ? state.result.message : 'form'} action={action} noValidate className="space-y-4">
      <FormMessage state={state} labels={fieldLabels} />
      <QuickReplyFields values={values} errors={errors} />
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? 'Legger til …' : 'Legg til hurtigsvaret'}
      </button>
    </form>
  );
}
