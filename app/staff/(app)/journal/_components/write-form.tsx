'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Field, fieldProps } from '@/components/form-parts';
import { buttonClass, FormMessage } from '@/components/form-message';
import { writeJournalAction, type WriteState } from '../actions';
import { DETAILS_MAX, NAME_MAX, TEXT_MAX, writeLabels, type SourceParam } from './constants';

const nb = (n: number) => n.toLocaleString('nb-NO');

/**
 * A new journal note from a chat or an inquiry: into a new journal (with the person's name), or
 * into one that already holds a note from the same source. After saving, the writer gets a
 * receipt; only those who may read journals get a link to it. Works without JavaScript.
 */
export function WriteForm({ kilde, sourceId, personId }: { kilde: SourceParam; sourceId: string; personId: string | null }) {
  const [state, action, pending] = useActionState<WriteState, FormData>(writeJournalAction, { status: 'idle' });
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const values = state.status === 'error' ? state.values : {};
  const saved = state.status === 'ok' ? state.result : null;
  return (
    <div className="space-y-5 rounded-2xl bg-white p-5 md:p-8">
      <FormMessage state={state} labels={writeLabels} />
      {saved ? (
        saved.personId ? (
          <p>
            <Link prefetch={false} href={`/staff/journal/${saved.personId}`} className="text-brand-dark underline">
              Åpne journalen
            </Link>
          </p>
        ) : (
          <p>Journalen kan bare leses av fagkonsulenter og administratorer.</p>
        )
      ) : (
        <form action={action} noValidate className="space-y-5">
          <input type="hidden" name="kilde" value={kilde} />
          <input type="hidden" name="id" value={sourceId} />
          {personId ? <input type="hidden" name="person" value={personId} /> : null}
          {personId ? null : (
            <>
              <Field name="name" label={writeLabels.name} hint={`Fullt navn, slik personen oppga det. Høyst ${nb(NAME_MAX)} tegn.`} errors={errors}>
                <input {...fieldProps('name', errors)} type="text" autoComplete="off" maxLength={NAME_MAX} defaultValue={values.name} className="input" />
              </Field>
              <Field
                name="details"
                label={`${writeLabels.details} (valgfritt)`}
                hint={`For eksempel fødselsdato eller bosted, så det er tydelig hvem journalen gjelder. Høyst ${nb(DETAILS_MAX)} tegn.`}
                errors={errors}
              >
                <input {...fieldProps('details', errors)} type="text" autoComplete="off" maxLength={DETAILS_MAX} defaultValue={values.details} className="input" />
              </Field>
            </>
          )}
          <Field
            name="text"
            label={writeLabels.text}
            hint={`Hva som kom fram om fare for liv eller helse, og hva som ble gjort. Skriv bare det som trengs. Høyst ${nb(TEXT_MAX)} tegn.`}
            errors={errors}
          >
            <textarea {...fieldProps('text', errors)} rows={8} maxLength={TEXT_MAX} defaultValue={values.text} className="input" />
          </Field>
          <button type="submit" disabled={pending} className={buttonClass}>
            {pending ? 'Lagrer …' : 'Lagre journalnotatet'}
          </button>
        </form>
      )}
    </div>
  );
}
