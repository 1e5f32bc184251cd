'use client';

import { useActionState } from 'react';
import { Field, fieldProps } from '@/components/form-parts';
import { FormMessage } from '@/components/form-message';
import { removeJournalAction, type RemoveState } from '../actions';
import { REASON_MAX, removeLabels } from './constants';

const nb = (n: number) => n.toLocaleString('nb-NO');
const dangerButtonClass = 'rounded-lg bg-accent px-5 py-2 font-semibold text-white hover:opacity-90 disabled:opacity-70';

/**
 * Removes a statement on a justified request. The reason is required and stays in the journal.
 * The page keeps this in place once the note is removed, so the confirmation stays in view.
 */
export function RemoveForm({ entryId, removed }: { entryId: string; removed: boolean }) {
  const [state, action, pending] = useActionState<RemoveState, FormData>(removeJournalAction, { status: 'idle' });
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const values = state.status === 'error' ? state.values : {};
  if (state.status === 'ok') return <FormMessage state={state} />;
  if (removed) return <p>Opplysningene i dette notatet er allerede fjernet.</p>;
  return (
    <div className="space-y-4">
      <FormMessage state={state} labels={removeLabels} />
      <form action={action} noValidate className="space-y-4">
        <input type="hidden" name="id" value={entryId} />
        <p>
          Teksten i notatet og alle tidligere versjoner slettes for godt. Journalen viser fortsatt at notatet fantes, hvem som fjernet
          det, når og hvorfor.
        </p>
        <Field name="reason" label={removeLabels.reason} hint={`Hvem som ba om det, og hvorfor kravet er berettiget. Høyst ${nb(REASON_MAX)} tegn.`} errors={errors}>
          <textarea {...fieldProps('reason', errors)} rows={3} maxLength={REASON_MAX} defaultValue={values.reason} className="input" />
        </Field>
        <button type="submit" disabled={pending} className={dangerButtonClass}>
          {pending ? 'Fjerner …' : 'Fjern opplysningene'}
        </button>
      </form>
    </div>
  );
}
