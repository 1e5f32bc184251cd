'use client';

import { useActionState } from 'react';
import { Field, fieldProps } from '@/components/form-parts';
import { addNoteAction, type NoteFormState } from '../actions';
import { NOTE_MAX } from './constants';
import { buttonClass, FormMessage } from '@/components/form-message';

/** A new note on the inquiry. On an error the text stays in the box. */
export function NoteForm({ inquiryId }: { inquiryId: string }) {
  const [state, action, pending] = useActionState<NoteFormState, FormData>(addNoteAction, { status: 'idle' });
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const values = state.status === 'error' ? state.values : {};
  return (
    <form action={action} noValidate className="space-y-4">
      <input type="hidden" name="id" value={inquiryId} />
      <FormMessage state={state} labels={{ note: 'Nytt notat' }} />
      <Field name="note" label="Nytt notat" hint={`Skriv det som trengs for å følge opp. Høyst ${NOTE_MAX.toLocaleString('nb-NO')} tegn.`} errors={errors}>
        <textarea {...fieldProps('note', errors)} rows={5} maxLength={NOTE_MAX} defaultValue={values.note} className="input" />
      </Field>
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? 'Lagrer …' : 'Lagre notatet'}
      </button>
    </form>
  );
}
