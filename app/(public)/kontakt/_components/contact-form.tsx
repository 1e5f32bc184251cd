'use client';

import { useActionState } from 'react';
import { submitInquiryAction, type InquiryFormState } from '../actions';
import { audiences, contactMethods, MESSAGE_MAX, relations, type InquiryField } from '@/lib/inquiries/form-fields';
import { ErrorSummary, Field, fieldProps } from '@/components/form-parts';
import { Receipt } from '@/components/contact/receipt';

const labels: Record<InquiryField, string> = {
  name: 'Navn',
  email: 'E-post',
  phone: 'Telefon',
  contactBy: 'Hvordan vil du at vi tar kontakt?',
  relation: 'Hvem er du for den det gjelder?',
  audience: 'Hva gjelder henvendelsen?',
  message: 'Din melding',
  declineJournal: 'Jeg vil ikke at det opprettes journal om meg',
};

/** The contact form; after sending it gives way to the receipt. Works without JavaScript. */
export function ContactForm({ intro }: { intro: React.ReactNode }) {
  const [state, action, pending] = useActionState<InquiryFormState, FormData>(submitInquiryAction, { status: 'idle' });

  if (state.status === 'ok') return <Receipt reference={state.result.reference} />;

  const errors = state.status === 'error' ? state.fieldErrors : {};
  const values = state.status === 'error' ? state.values : {};
  const p = (name: InquiryField) => fieldProps(name, errors);

  return (
    <>
      <h1 className="text-3xl font-bold">Kontakt oss</h1>
      {intro}
      <form action={action} noValidate className="mt-8 space-y-6 rounded-2xl bg-white p-5 md:p-8">
        {state.status === 'error' ? (
          <ErrorSummary autoFocus message={state.message} errors={errors} labels={labels} />
        ) : null}
        <p className="text-muted">Du må fylle ut feltene som er merket «må fylles ut». For å nå deg trenger vi enten e-post eller telefon.</p>

        <Field name="name" label={`${labels.name} (må fylles ut)`} hint="Fornavn holder." errors={errors}>
          <input {...p('name')} type="text" autoComplete="name" maxLength={100} defaultValue={values.name} className="input" />
        </Field>
        <Field name="email" label={labels.email} errors={errors}>
          <input {...p('email')} type="email" autoComplete="email" maxLength={254} defaultValue={values.email} className="input" />
        </Field>
        <Field name="phone" label={labels.phone} hint="Norsk nummer med 8 siffer, eller med landkode." errors={errors}>
          <input {...p('phone')} type="tel" autoComplete="tel" maxLength={30} defaultValue={values.phone} className="input" />
        </Field>

        <fieldset {...fieldProps('contactBy', errors, true)}>
          <legend className="font-semibold">{labels.contactBy} (må fylles ut)</legend>
          {errors.contactBy ? <p id="contactBy-error" className="field-error">{errors.contactBy}</p> : null}
          {contactMethods.map(([value, label]) => (
            <label key={value} className="mt-2 flex items-center gap-3">
              <input type="radio" name="contactBy" value={value} defaultChecked={values.contactBy === value} className="size-5" id={value === 'epost' ? 'contactBy' : undefined} />
              {label}
            </label>
          ))}
        </fieldset>

        <Field name="relation" label={`${labels.relation} (må fylles ut)`} errors={errors}>
          <select {...p('relation')} defaultValue={values.relation ?? ''} className="input">
            <option value="">Velg</option>
            {relations.map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </Field>
        <Field name="audience" label={`${labels.audience} (må fylles ut)`} errors={errors}>
          <select {...p('audience')} defaultValue={values.audience ?? ''} className="input">
            <option value="">Velg</option>
            {audiences.map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </Field>
        <Field name="message" label={`${labels.message} (må fylles ut)`} hint={`Fortell så mye eller lite du vil. Høyst ${MESSAGE_MAX.toLocaleString('nb-NO')} tegn.`} errors={errors}>
          <textarea {...p('message')} rows={8} maxLength={MESSAGE_MAX} defaultValue={values.message} className="input" />
        </Field>

        <div className="rounded-lg bg-sand p-4">
          <label className="flex items-start gap-3">
            <input type="checkbox" name="declineJournal" value="ja" defaultChecked={values.declineJournal === 'ja'} className="mt-1 size-5" />
            <span>{labels.declineJournal}. Du får veiledning uansett.</span>
          </label>
        </div>

        <div className="honeypot" aria-hidden="true">
          <label htmlFor="nettside">La dette feltet stå tomt</label>
          <input id="nettside" name="nettside" type="text" tabIndex={-1} autoComplete="off" />
        </div>

        <button type="submit" disabled={pending} className="rounded-lg bg-brand px-6 py-3 text-lg font-semibold text-white hover:bg-brand-dark disabled:opacity-70">
          {pending ? 'Sender …' : 'Send henvendelsen'}
        </button>
      </form>
    </>
  );
}
