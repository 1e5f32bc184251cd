'use client';

import Link from 'next/link';
import { useActionState, useEffect, useRef } from 'react';
import { ErrorSummary, Field, fieldProps } from '@/components/form-parts';
import { Markdown } from '@/components/markdown';
import { formatDate, osloIsoDate } from '@/lib/dates';
import { publishPrivacyAction, type PublishFormState } from '../actions';
import { BODY_MAX, buttonClass, privacyLabels, secondaryButtonClass, SUMMARY_MAX, TITLE_MAX } from './constants';

const nb = (n: number) => n.toLocaleString('nb-NO');

/**
 * A new version of the privacy statement. "Forhåndsvis" shows the text below the form and
 * saves nothing; "Publiser" publishes it. Every value stays in the form after an error or a
 * preview, and all of it works without JavaScript. Enter in a field previews, never publishes.
 */
export function PublishForm({ earliest, earliestText }: { earliest: string; earliestText: string }) {
  const [state, action, pending] = useActionState<PublishFormState, FormData>(publishPrivacyAction, { status: 'idle' });
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === 'error') summary.current?.focus();
  }, [state]);

  const errors = state.status === 'error' ? state.fieldErrors : {};
  const values = state.status === 'error' || state.status === 'preview' ? state.values : {};
  const published = state.status === 'ok' ? state.result : undefined;
  const p = (name: keyof typeof privacyLabels) => fieldProps(name, errors);

  return (
    <div className="space-y-6">
      <div role="status">
        {published ? (
          <div className="rounded-lg border-2 border-brand bg-brand-light p-4">
            <p className="text-lg font-bold">Versjon {published.number} er publisert.</p>
            <p className="mt-1">
              Den gjelder fra{' '}
              <time dateTime={osloIsoDate(new Date(published.takesEffectAt))}>{formatDate(new Date(published.takesEffectAt))}</time>. Til da
              viser nettstedet en melding om at erklæringen endres. Det kan ta noen sekunder før meldingen vises.
            </p>
            <p className="mt-1">
              <Link href="/personvern/endringer" className="font-semibold text-brand-dark underline">
                Se endringene slik besøkende ser dem
              </Link>
            </p>
          </div>
        ) : state.status === 'preview' ? (
          <p className="rounded-lg border-2 border-brand bg-brand-light p-3 font-semibold">
            Forhåndsvisningen står under skjemaet. Ingenting er lagret.
          </p>
        ) : null}
      </div>

      <form key={published?.number ?? 'ny'} action={action} noValidate className="space-y-6 rounded-2xl bg-white p-5 md:p-8">
        {state.status === 'error' ? <ErrorSummary ref={summary} message={state.message} errors={errors} labels={privacyLabels} /> : null}
        <Field name="title" label={privacyLabels.title} hint={`For eksempel «Personvernerklæring». Høyst ${nb(TITLE_MAX)} tegn.`} errors={errors}>
          <input {...p('title')} type="text" maxLength={TITLE_MAX} defaultValue={values.title} className="input" />
        </Field>
        <Field
          name="summary"
          label={privacyLabels.summary}
          hint={`Vises øverst på siden om endringene. Skriv med vanlige ord hva som er nytt. Høyst ${nb(SUMMARY_MAX)} tegn.`}
          errors={errors}
        >
          <textarea {...p('summary')} rows={3} maxLength={SUMMARY_MAX} defaultValue={values.summary} className="input" />
        </Field>
        <Field
          name="body"
          label={privacyLabels.body}
          hint="Hele erklæringen i Markdown: ## for overskrifter, - for punktlister, **fet** og [lenketekst](https://eksempel.no). Lenker kan gå til sider her, til https: eller til e-post."
          errors={errors}
        >
          <textarea {...p('body')} rows={20} maxLength={BODY_MAX} defaultValue={values.body} className="input font-mono text-sm" />
        </Field>
        <Field
          name="takesEffect"
          label={privacyLabels.takesEffect}
          hint={`Tidligst ${earliestText}. Versjonen gjelder fra midnatt denne dagen. Den må publiseres minst 14 dager før den gjelder.`}
          errors={errors}
        >
          <input {...p('takesEffect')} type="date" min={earliest} defaultValue={values.takesEffect} className="input max-w-xs" />
        </Field>
        <p className="text-muted">Når du publiserer, kan versjonen ikke endres eller trekkes tilbake. Forhåndsvis gjerne først.</p>
        <div className="flex flex-wrap gap-3">
          <button type="submit" name="intent" value="preview" disabled={pending} className={secondaryButtonClass}>
            Forhåndsvis
          </button>
          <button type="submit" name="intent" value="publish" disabled={pending} className={buttonClass}>
            {pending ? 'Sender …' : 'Publiser'}
          </button>
        </div>
      </form>

      {state.status === 'preview' ? (
        <section aria-labelledby="forhandsvisning" className="rounded-2xl border-2 border-dashed border-brand bg-white p-5 md:p-8">
          <h2 id="forhandsvisning" className="text-xl font-semibold">
            Forhåndsvisning, ikke lagret
          </h2>
          {values.title ? <p className="mt-4 text-3xl font-bold">{values.title}</p> : null}
          <div className="mt-4">
            <Markdown source={values.body ?? ''} />
          </div>
        </section>
      ) : null}
    </div>
  );
}
