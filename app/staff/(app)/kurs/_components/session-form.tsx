'use client';

import { useActionState } from 'react';
import { buttonClass, FormMessage } from '@/components/form-message';
import { Field, fieldProps } from '@/components/form-parts';
import { CAPACITY_MAX, LINK_MAX, PLACE_MAX, sessionLabels, type SessionField } from '@/lib/courses/session-form';
import { saveSessionAction, type SessionFormState } from '../okt/actions';

type Props = {
  /** The course a new session is added to, or the session being changed. */
  target: { course: string } | { id: string };
  initial: Partial<Record<SessionField, string>>;
  /** Seats taken now: the least the capacity may be set to. */
  taken?: number;
};

/** When, where and how many: one session of a course, in Oslo time. Works without JavaScript. */
export function SessionForm({ target, initial, taken }: Props) {
  const [state, action, pending] = useActionState<SessionFormState, FormData>(saveSessionAction, { status: 'idle' });
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const values = state.status === 'error' ? state.values : initial;
  const pair = (date: SessionField, time: SessionField, hint: string) => (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field name={date} label={sessionLabels[date]} hint={hint} errors={errors}>
        <input {...fieldProps(date, errors)} type="date" defaultValue={values[date]} className="input" />
      </Field>
      <Field name={time} label={sessionLabels[time]} hint="For eksempel 12:00." errors={errors}>
        <input {...fieldProps(time, errors)} type="time" defaultValue={values[time]} className="input" />
      </Field>
    </div>
  );
  return (
    <form action={action} noValidate className="space-y-5 rounded-2xl bg-white p-5 md:p-8">
      <FormMessage state={state} labels={sessionLabels} />
      {'id' in target ? <input type="hidden" name="id" value={target.id} /> : <input type="hidden" name="course" value={target.course} />}
      <p>Alle tider er norsk tid.</p>
      <Field name="date" label={sessionLabels.date} errors={errors}>
        <input {...fieldProps('date', errors)} type="date" defaultValue={values.date} className="input" />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="start" label={sessionLabels.start} hint="For eksempel 18:00." errors={errors}>
          <input {...fieldProps('start', errors)} type="time" defaultValue={values.start} className="input" />
        </Field>
        <Field name="end" label={sessionLabels.end} hint="For eksempel 20:00." errors={errors}>
          <input {...fieldProps('end', errors)} type="time" defaultValue={values.end} className="input" />
        </Field>
      </div>
      <fieldset {...fieldProps('mode', errors, true)}>
        <legend className="font-semibold">{sessionLabels.mode}</legend>
        {errors.mode ? <p id="mode-error" className="field-error">{errors.mode}</p> : null}
        {(
          [
            ['sted', 'På et sted'],
            ['digitalt', 'Digitalt, med en møtelenke'],
          ] as const
        ).map(([value, label], i) => (
          <div key={value} className="mt-2 flex items-center gap-3">
            <input type="radio" name="mode" value={value} id={i === 0 ? 'mode' : `mode-${value}`} defaultChecked={(values.mode ?? 'sted') === value} className="size-5 shrink-0" />
            <label htmlFor={i === 0 ? 'mode' : `mode-${value}`}>{label}</label>
          </div>
        ))}
      </fieldset>
      <Field name="place" label={sessionLabels.place} hint="Når kurset holdes på et sted: hvor, slik det står på kurssiden." errors={errors}>
        <input {...fieldProps('place', errors)} maxLength={PLACE_MAX} defaultValue={values.place} className="input" />
      </Field>
      <Field name="link" label={sessionLabels.link} hint="Når kurset er digitalt: lenken som begynner med https://. Den vises bare for bekreftede deltakere, aldri på kurssiden." errors={errors}>
        <input {...fieldProps('link', errors)} type="url" maxLength={LINK_MAX} defaultValue={values.link} autoComplete="off" spellCheck={false} className="input" />
      </Field>
      <Field name="capacity" label={sessionLabels.capacity} hint={taken ? `${taken} ${taken === 1 ? 'plass er' : 'plasser er'} tatt nå. Du kan ikke sette et lavere tall.` : `Minst 1, høyst ${CAPACITY_MAX.toLocaleString('nb-NO')}.`} errors={errors}>
        <input {...fieldProps('capacity', errors)} inputMode="numeric" defaultValue={values.capacity} className="input max-w-40" />
      </Field>
      {pair('signupDate', 'signupTime', 'Står begge tomme, blir fristen klokka 12 dagen før.')}
      {pair('cancelDate', 'cancelTime', 'Står begge tomme, blir fristen klokka 12 to dager før.')}
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? 'Lagrer …' : 'id' in target ? 'Lagre endringene' : 'Legg til datoen'}
      </button>
    </form>
  );
}
