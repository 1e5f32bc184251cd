'use client';

import { useActionState } from 'react';
import { Field, fieldProps } from '@/components/form-parts';
import { buttonClass, FormMessage } from '@/components/form-message';
import { addCategoryAction, type AddCategoryFormState } from '../actions';
import { kindLabels, LABEL_MAX } from './labels';

const labels = { kind: 'Type', label: 'Navn' };

/** A new reason or outcome, placed last in its list. On an error what was typed stays. */
export function AddCategoryForm() {
  const [state, action, pending] = useActionState<AddCategoryFormState, FormData>(addCategoryAction, { status: 'idle' });
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const values = state.status === 'error' ? state.values : {};
  return (
    <form action={action} noValidate className="space-y-4">
      <FormMessage state={state} labels={labels} />
      <fieldset {...fieldProps('kind', errors, true)}>
        <legend className="font-semibold">{labels.kind}</legend>
        {errors.kind ? (
          <p id="kind-error" className="field-error">
            {errors.kind}
          </p>
        ) : null}
        {(['reason', 'outcome'] as const).map((kind, i) => (
          <label key={kind} className="mt-2 flex items-center gap-3">
            <input type="radio" name="kind" value={kind} id={i === 0 ? 'kind' : undefined} defaultChecked={(values.kind ?? 'reason') === kind} className="size-5" />
            {kindLabels[kind]}
          </label>
        ))}
      </fieldset>
      <Field name="label" label={labels.label} hint="Kort og tydelig, slik den skal stå i statistikken." errors={errors}>
        <input {...fieldProps('label', errors)} autoComplete="off" maxLength={LABEL_MAX} defaultValue={values.label} className="input" />
      </Field>
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? 'Legger til …' : 'Legg til'}
      </button>
    </form>
  );
}
