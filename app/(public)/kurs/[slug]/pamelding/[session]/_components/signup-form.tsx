'use client';

import { useActionState, useEffect, useRef } from 'react';
import { signUpAction, type SignupFormState } from '../actions';
import type { CourseQuestion } from '@/db/schema';
import { ErrorSummary, Field, fieldProps } from '@/components/form-parts';
import { answerField, ANSWER_MAX, signupLabels, type SignupField } from '@/lib/courses/signup-fields';
import { SignupReceipt } from './signup-receipt';

type Props = {
  sessionId: string;
  /** Random per form shown: the same form sent twice makes one booking. */
  submission: string;
  questions: readonly CourseQuestion[];
  /** The course, the date and the place in words, shown above the form and in the receipt. */
  heading: React.ReactNode;
  full: boolean;
  paid: boolean;
};

/** The sign-up form; after sending it gives way to the receipt. Works without JavaScript. */
export function SignupForm({ sessionId, submission, questions, heading, full, paid }: Props) {
  const [state, action, pending] = useActionState<SignupFormState, FormData>(signUpAction, { status: 'idle' });
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === 'error') summary.current?.focus();
  }, [state]);

  if (state.status === 'ok') return <SignupReceipt result={state.result} />;

  const errors = state.status === 'error' ? state.fieldErrors : {};
  const values: Partial<Record<SignupField, string>> = state.status === 'error' ? state.values : {};
  const labels: Record<string, string> = { ...signupLabels, ...Object.fromEntries(questions.map((q) => [answerField(q), q.label])) };
  const p = (name: SignupField) => fieldProps(name, errors);

  return (
    <>
      <h1 className="text-3xl font-bold">{full ? 'Sett meg på ventelisten' : 'Meld deg på'}</h1>
      {heading}
      <form action={action} noValidate className="mt-8 space-y-6 rounded-2xl bg-white p-5 md:p-8">
        {state.status === 'error' ? <ErrorSummary ref={summary} message={state.message} errors={errors} labels={labels} /> : null}
        <input type="hidden" name="session" value={sessionId} />
        <input type="hidden" name="innsending" value={values.innsending || submission} />
        <p className="text-muted">Du må fylle ut feltene som er merket «må fylles ut».</p>

        <Field name="name" label={`${signupLabels.name} (må fylles ut)`} errors={errors}>
          <input {...p('name')} type="text" autoComplete="name" maxLength={100} defaultValue={values.name} className="input" />
        </Field>
        <Field name="email" label={`${signupLabels.email} (må fylles ut)`} hint="Hit sender vi bekreftelsen og beskjeder om kurset." errors={errors}>
          <input {...p('email')} type="email" autoComplete="email" maxLength={254} defaultValue={values.email} className="input" />
        </Field>
        <Field name="phone" label={signupLabels.phone} hint="Hvis kurslederen skal kunne ringe deg, for eksempel ved endringer samme dag." errors={errors}>
          <input {...p('phone')} type="tel" autoComplete="tel" maxLength={30} defaultValue={values.phone} className="input" />
        </Field>
        {questions.map((q) => {
          const name = answerField(q);
          const label = q.required ? `${q.label} (må fylles ut)` : q.label;
          return (
            <Field key={q.id} name={name} label={label} errors={errors}>
              {q.multiline ? (
                <textarea {...p(name)} rows={4} maxLength={ANSWER_MAX} defaultValue={values[name]} className="input" />
              ) : (
                <input {...p(name)} type="text" maxLength={ANSWER_MAX} defaultValue={values[name]} className="input" />
              )}
            </Field>
          );
        })}

        <section aria-labelledby="vilkar" className="rounded-lg bg-sand p-4">
          <h2 id="vilkar" className="text-lg font-semibold">Vilkår for påmelding</h2>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {full ? <li>Kurset er fullt. Blir en plass ledig, får du tilbud om den på e-post og har 48 timer på å takke ja.</li> : null}
            {paid ? <li>Du får faktura på e-post. Betalingsfristen står på fakturaen.</li> : <li>Kurset er gratis.</li>}
            <li>Du kan melde deg av fram til avmeldingsfristen. {paid ? 'Da betaler du ingenting.' : ''}</li>
            <li>Vi kan avlyse en kursdato. Da får du beskjed på e-post{paid ? ', og du betaler ingenting' : ''}.</li>
          </ul>
          {errors.terms ? (
            <p id="terms-error" className="field-error mt-2">
              {errors.terms}
            </p>
          ) : null}
          <label className="mt-3 flex items-start gap-3">
            <input type="checkbox" id="terms" name="terms" value="ja" defaultChecked={values.terms === 'ja'} aria-describedby={errors.terms ? 'terms-error' : undefined} aria-invalid={errors.terms ? true : undefined} className="mt-1 size-5" />
            <span>{signupLabels.terms} (må krysses av)</span>
          </label>
        </section>

        <div className="honeypot" aria-hidden="true">
          <label htmlFor="nettside">La dette feltet stå tomt</label>
          <input id="nettside" name="nettside" type="text" tabIndex={-1} autoComplete="off" />
        </div>

        <button type="submit" disabled={pending} className="rounded-lg bg-brand px-6 py-3 text-lg font-semibold text-white hover:bg-brand-dark disabled:opacity-70">
          {pending ? 'Sender …' : full ? 'Sett meg på ventelisten' : 'Meld meg på'}
        </button>
      </form>
    </>
  );
}
