'use client';

import { useActionState } from 'react';
import { Field, fieldProps } from '@/components/form-parts';
import { buttonClass, FormMessage } from '@/components/form-message';
import { correctContactAction, type CorrectField, type CorrectFormState } from '../[id]/actions';

const labels: Record<CorrectField, string> = { name: 'Navn', email: 'E-post', phone: 'Telefon' };

/** The name and contact details as they should be. On an error, what was typed stays. */
export function CorrectForm({ inquiryId, current }: { inquiryId: string; current: Record<CorrectField, string> }) {
  const [state, action, pending] = useActionState<CorrectFormState, FormData>(correctContactAction, { status: 'idle' });
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const values = state.status === 'error' ? { ...current, ...state.values } : current;
  return (
    <form action={action} noValidate className="space-y-5">
      <input type="hidden" name="id" value={inquiryId} />
      <FormMessage state={state} labels={labels} />
      <Field name="name" label={labels.name} errors={errors}>
        <input {...fieldProps('name', errors)} type="text" autoComplete="off" maxLength={100} defaultValue={values.name} className="input" />
      </Field>
      <Field name="email" label={labels.email} hint="La feltet stå tomt hvis personen ikke vil bli kontaktet på e-post." errors={errors}>
        <input {...fieldProps('email', errors)} type="email" autoComplete="off" maxLength={254} defaultValue={values.email} className="input" />
      </Field>
      <Field name="phone" label={labels.phone} hint="La feltet stå tomt hvis personen ikke vil bli ringt." errors={errors}>
        <input {...fieldProps('phone', errors)} type="tel" autoComplete="off" maxLength={30} defaultValue={values.phone} className="input" />
      </Field>
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? 'Lagrer …' : 'Lagre rettingen'}
      </button>
    </form>
  );
}
