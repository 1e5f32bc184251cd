'use client';

import { useActionState } from 'react';
import { Field, fieldProps } from '@/components/form-parts';
import { addStaffAction, type AddStaffFormState } from '../actions';
import { buttonClass, FormMessage } from '@/components/form-message';
import { EMAIL_MAX, NAME_MAX, roleHints, roleLabels, roles } from './labels';

const labels = { name: 'Navn', email: 'E-post', role: 'Rolle' };

/** A new account and its invitation link. On an error what was typed stays in the fields. */
export function AddStaffForm() {
  const [state, action, pending] = useActionState<AddStaffFormState, FormData>(addStaffAction, { status: 'idle' });
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const values = state.status === 'error' ? state.values : {};
  return (
    <form action={action} noValidate className="space-y-4">
      <FormMessage state={state} labels={labels} />
      <Field name="name" label={labels.name} errors={errors}>
        <input {...fieldProps('name', errors)} autoComplete="off" maxLength={NAME_MAX} defaultValue={values.name} className="input" />
      </Field>
      <Field name="email" label={labels.email} hint="Brukes til å logge inn." errors={errors}>
        <input {...fieldProps('email', errors)} type="email" autoComplete="off" maxLength={EMAIL_MAX} defaultValue={values.email} className="input" />
      </Field>
      <fieldset {...fieldProps('role', errors, true)}>
        <legend className="font-semibold">{labels.role}</legend>
        {errors.role ? (
          <p id="role-error" className="field-error">
            {errors.role}
          </p>
        ) : null}
        {roles.map((role, i) => (
          <div key={role} className="mt-2 flex items-start gap-3">
            <input
              type="radio"
              name="role"
              value={role}
              id={i === 0 ? 'role' : `role-${role}`}
              defaultChecked={values.role === role}
              aria-describedby={`role-${role}-hint`}
              className="mt-1 size-5 shrink-0"
            />
            <div>
              <label htmlFor={i === 0 ? 'role' : `role-${role}`}>{roleLabels[role]}</label>
              <p id={`role-${role}-hint`} className="text-sm text-muted">
                {roleHints[role]}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? 'Legger til …' : 'Legg til og lag invitasjonslenke'}
      </button>
    </form>
  );
}
