'use client';

import { useActionState } from 'react';
import { Field, fieldProps } from '@/components/form-parts';
import { placeHoldAction, type PlaceHoldState } from '../actions';
import { buttonClass, CASE_REFERENCE_MAX, holdLabels, REASON_MAX, type HoldField } from './constants';
import { FormMessage } from '@/components/form-message';

const nb = (n: number) => n.toLocaleString('nb-NO');

/** A new hold on an inquiry (by the code on the relative's receipt) or a chat (by its reference). Works without JavaScript. */
export function PlaceHoldForm() {
  const [state, action, pending] = useActionState<PlaceHoldState, FormData>(placeHoldAction, { status: 'idle' });
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const values = state.status === 'error' ? state.values : {};
  const p = (name: HoldField) => fieldProps(name, errors);
  return (
    <div className="space-y-5 rounded-2xl bg-white p-5 md:p-8">
      <FormMessage state={state} labels={holdLabels} />
      {/* A new key after a hold is placed empties the form for the next one. */}
      <form key={state.status === 'ok' ? state.result.message : 'ny'} action={action} noValidate className="space-y-5">
        <Field
          name="inquiryCode"
          label={holdLabels.inquiryCode}
          hint="For en henvendelse: koden på kvitteringen, for eksempel K7QM-3XHP. For en chat: koden chatverten ser i samtalen, for eksempel CHAT-K7QM-3XHP. Bare det som finnes og ikke har passert slettefristen, kan få pålegg."
          errors={errors}
        >
          <input {...p('inquiryCode')} type="text" autoComplete="off" spellCheck={false} maxLength={20} defaultValue={values.inquiryCode} className="input max-w-xs font-mono uppercase" />
        </Field>
        <Field name="caseReference" label={holdLabels.caseReference} hint={`For eksempel saksnummeret. Høyst ${nb(CASE_REFERENCE_MAX)} tegn.`} errors={errors}>
          <input {...p('caseReference')} type="text" autoComplete="off" maxLength={CASE_REFERENCE_MAX} defaultValue={values.caseReference} className="input" />
        </Field>
        <Field name="reason" label={holdLabels.reason} hint={`Hva pålegget gjelder, og hvem som har gitt det. Høyst ${nb(REASON_MAX)} tegn.`} errors={errors}>
          <textarea {...p('reason')} rows={4} maxLength={REASON_MAX} defaultValue={values.reason} className="input" />
        </Field>
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? 'Lagrer …' : 'Legg inn pålegget'}
        </button>
      </form>
    </div>
  );
}
