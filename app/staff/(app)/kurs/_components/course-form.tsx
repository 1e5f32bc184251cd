'use client';

import { useActionState, useRef } from 'react';
import { buttonClass, FormMessage } from '@/components/form-message';
import { Field, fieldProps } from '@/components/form-parts';
import type { CourseStatus } from '@/db/schema';
import { courseLabels, courseStatusHints, courseStatusLabels, DESCRIPTION_MAX, PRICE_MAX, QUESTION_MAX, questionRows, SLUG_MAX, suggestSlug, SUMMARY_MAX, TITLE_MAX, type CourseField } from '@/lib/courses/course-form';
import { saveCourseAction, type CourseFormState } from '../actions';
import { CheckField } from './check-field';

type Props = {
  /** The course being changed; none for a new one. */
  courseId?: string;
  initial: Partial<Record<CourseField, string>>;
  /** The ids of the questions already asked, row by row, so their answers keep their question. */
  questionIds: string[];
  tags: { slug: string; name: string }[];
  sections: { slug: string; title: string }[];
  savedStatus?: CourseStatus;
};

const statuses: CourseStatus[] = ['published', 'hidden', 'cancelled'];

/** A course's text, price, questions and status. Works without JavaScript; with it, the address follows the title until it is edited. */
export function CourseForm({ courseId, initial, questionIds, tags, sections, savedStatus }: Props) {
  const [state, action, pending] = useActionState<CourseFormState, FormData>(saveCourseAction, { status: 'idle' });
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const values = state.status === 'error' ? state.values : initial;
  const slug = useRef<HTMLInputElement>(null);
  const slugEdited = useRef(Boolean(courseId));
  const chosenTags = new Set((values.tags ?? '').split(','));
  return (
    <form action={action} noValidate className="space-y-5 rounded-2xl bg-white p-5 md:p-8">
      <FormMessage state={state} labels={courseLabels} />
      {courseId ? <input type="hidden" name="id" value={courseId} /> : null}
      {questionRows.map((q, i) => (questionIds[i] ? <input key={q.id} type="hidden" name={q.id} value={questionIds[i]} /> : null))}
      <Field name="title" label={courseLabels.title} hint={`Høyst ${TITLE_MAX} tegn.`} errors={errors}>
        <input
          {...fieldProps('title', errors)}
          maxLength={TITLE_MAX}
          defaultValue={values.title}
          className="input"
          onChange={(e) => {
            if (!slugEdited.current && slug.current) slug.current.value = suggestSlug(e.target.value);
          }}
        />
      </Field>
      <Field name="slug" label={courseLabels.slug} hint={`Siste del av adressen, /kurs/…: små bokstaver, tall og bindestrek. La feltet stå tomt for å lage den fra tittelen. Høyst ${SLUG_MAX} tegn.`} errors={errors}>
        <input {...fieldProps('slug', errors)} ref={slug} maxLength={SLUG_MAX} defaultValue={values.slug} autoComplete="off" spellCheck={false} className="input" onChange={() => (slugEdited.current = true)} />
      </Field>
      <Field name="summary" label={courseLabels.summary} hint={`Én eller to setninger til kurslisten. Høyst ${SUMMARY_MAX} tegn.`} errors={errors}>
        <textarea {...fieldProps('summary', errors)} rows={2} maxLength={SUMMARY_MAX} defaultValue={values.summary} className="input" />
      </Field>
      <Field name="description" label={courseLabels.description} hint="Markdown: tom linje mellom avsnitt, **fet**, *kursiv*, «- » foran et punkt i en liste, [tekst](https://…) for en lenke." errors={errors}>
        <textarea {...fieldProps('description', errors)} rows={10} maxLength={DESCRIPTION_MAX} defaultValue={values.description} className="input" />
      </Field>
      <Field name="section" label={courseLabels.section} hint="Hvem kurset er for. Kurslisten kan vises for én seksjon." errors={errors}>
        <select {...fieldProps('section', errors)} defaultValue={values.section ?? ''} className="input">
          <option value="">Ingen</option>
          {sections.map((s) => (
            <option key={s.slug} value={s.slug}>{s.title}</option>
          ))}
        </select>
      </Field>
      <fieldset {...fieldProps('tags', errors, true)}>
        <legend className="font-semibold">{courseLabels.tags}</legend>
        <p className="text-sm text-muted">Kurssiden viser artikler med de samme temaene under «Les mer».</p>
        {errors.tags ? <p id="tags-error" className="field-error">{errors.tags}</p> : null}
        <div className="mt-2 grid gap-x-6 gap-y-2 sm:grid-cols-2">
          {tags.map((t, i) => (
            <label key={t.slug} className="flex items-start gap-2">
              <input type="checkbox" name="tags" value={t.slug} id={i === 0 ? 'tags' : `tags-${t.slug}`} defaultChecked={chosenTags.has(t.slug)} className="mt-1 size-5 shrink-0" />
              <span>{t.name}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field name="price" label={courseLabels.price} hint={`0 for et gratis kurs. Høyst ${PRICE_MAX.toLocaleString('nb-NO')} kroner.`} errors={errors}>
        <input {...fieldProps('price', errors)} inputMode="numeric" defaultValue={values.price ?? '0'} className="input max-w-40" />
      </Field>
      <fieldset className="space-y-4">
        <legend className="font-semibold">Spørsmål ved påmelding</legend>
        <p className="text-sm text-muted">Opptil {questionRows.length} spørsmål. Tøm teksten for å fjerne et spørsmål. Et spørsmål som må besvares, får «(må fylles ut)» etter seg i påmeldingsskjemaet.</p>
        {questionRows.map((q) => (
          <div key={q.n} className="space-y-2 rounded-lg border border-brand/20 p-3">
            <Field name={q.label} label={`Spørsmål ${q.n}`} hint={`Høyst ${QUESTION_MAX} tegn.`} errors={errors}>
              <input {...fieldProps(q.label, errors)} maxLength={QUESTION_MAX} defaultValue={values[q.label]} className="input" />
            </Field>
            <div className="flex flex-wrap gap-x-6 gap-y-2">
              <CheckField name={q.required} label="Må besvares" context={`Spørsmål ${q.n}: `} checked={values[q.required] === 'ja'} errors={errors} />
              <CheckField name={q.multiline} label="Langt svar, flere linjer" context={`Spørsmål ${q.n}: `} checked={values[q.multiline] === 'ja'} errors={errors} />
            </div>
          </div>
        ))}
      </fieldset>
      <fieldset {...fieldProps('status', errors, true)}>
        <legend className="font-semibold">{courseLabels.status}</legend>
        {errors.status ? <p id="status-error" className="field-error">{errors.status}</p> : null}
        {statuses.map((s, i) => (
          <div key={s} className="mt-2 flex items-start gap-3">
            <input type="radio" name="status" value={s} id={i === 0 ? 'status' : `status-${s}`} defaultChecked={(values.status ?? 'hidden') === s} aria-describedby={`status-${s}-hint`} className="mt-1 size-5 shrink-0" />
            <div>
              <label htmlFor={i === 0 ? 'status' : `status-${s}`}>{courseStatusLabels[s]}</label>
              <p id={`status-${s}-hint`} className="text-sm text-muted">{courseStatusHints[s]}</p>
            </div>
          </div>
        ))}
      </fieldset>
      {courseId && savedStatus !== 'cancelled' ? (
        <CheckField name="confirmCancel" label="Ja, avlys kurset og alle datoene framover" hint="Kryss av bare når du velger «Avlyst» over." checked={false} errors={errors} />
      ) : null}
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? 'Lagrer …' : courseId ? 'Lagre endringene' : 'Opprett kurset'}
      </button>
    </form>
  );
}
