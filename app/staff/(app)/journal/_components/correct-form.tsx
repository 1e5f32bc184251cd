'use client';

import { useActionState } from 'react';
import { Field, fieldProps } from '@/components/form-parts';
import { buttonClass, FormMessage } from '@/components/form-message';
import { correctJournalAction, type CorrectState } from '../actions';
import { correctLabels, REASON_MAX, TEXT_MAX } from './constants';

const nb = (n: number) => n.toLocaleString('nb-NO');

/** A correction: the new text and why. The text as it was stays in the history. */
export function CorrectForm({ entryId, current, revision }: { entryId: string; current: string; revision: number }) {
  const [state, action, pending] = useActionState<CorrectState, FormData>(correctJournalAction, { status: 'idle' });
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const values = state.status === 'error' ? state.values : {};
  return (
    <div className="space-y-4">
      <FormMessage state={state} labels={correctLabels} />
      {/* A new key once saved: the box then starts from the corrected text, and the reason is empty. */}
      <form key={revision} action={action} noValidate className="space-y-4">
        <input type="hidden" name="id" value={entryId} />
        <Field name="text" label={correctLabels.text} hint={`Høyst ${nb(TEXT_MAX)} tegn.`} errors={errors}>
          <textarea {...fieldProps('text', errors)} rows={8} maxLength={TEXT_MAX} defaultValue={values.text ?? current} className="input" />
        </Field>
        <Field name="reason" label={correctLabels.reason} hint={`Vises i historikken sammen med hvem som rettet og når. Høyst ${nb(REASON_MAX)} tegn.`} errors={errors}>
          <textarea {...fieldProps('reason', errors)} rows={3} maxLength={REASON_MAX} defaultValue={values.reason} className="input" />
        </Field>
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? 'Lagrer …' : 'Lagre rettelsen'}
        </button>
      </form>
    </div>
  );
}
