'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { PrivacyScheduleError, publishVersion } from '@/db/queries/privacy';
import type { FormState } from '@/lib/actions/form-state';
import { refuse } from '@/lib/actions/refusal';
import { scheduleProblemText } from '@/lib/privacy/rules';
import { staffAction } from '@/lib/staff/action';
import { BODY_MAX, privacyFields, SUMMARY_MAX, TITLE_MAX, type PrivacyField } from './_components/constants';
import { parseEffectiveDate } from './_components/effective-date';

/**
 * Publishes a new version of the privacy statement, or shows it first. A public POST endpoint
 * like every action: it checks that the caller is an admin before it reads anything, and
 * writes nothing for anyone else. The version and its access-log row are written together.
 */
type Values = Partial<Record<PrivacyField, string>>;
type Published = { number: number; takesEffectAt: string };
type Preview = { status: 'preview'; values: Values };
export type PublishFormState = FormState<PrivacyField, Published> | Preview;

const FIX = 'Noe må rettes før vi kan publisere.';

const nb = (n: number) => n.toLocaleString('nb-NO');
const text = (max: number, empty: string, label: string) =>
  z.string().trim().min(1, empty).max(max, `${label} kan ha høyst ${nb(max)} tegn.`);

const bodySchema = text(BODY_MAX, 'Skriv teksten i erklæringen.', 'Teksten');
const publishSchema = z.object({
  title: text(TITLE_MAX, 'Skriv en tittel.', 'Tittelen'),
  summary: text(SUMMARY_MAX, 'Skriv kort hva som endres.', 'Oppsummeringen'),
  body: bodySchema,
  takesEffect: z
    .string()
    .trim()
    .min(1, 'Velg datoen den nye versjonen gjelder fra.')
    .transform((v, ctx) => {
      const date = parseEffectiveDate(v);
      if (date) return date;
      ctx.addIssue({ code: 'custom', message: 'Skriv datoen slik: 15.12.2026.' });
      return z.NEVER;
    }),
});

export const publishPrivacyAction = staffAction({
  roles: ['admin'],
  fields: privacyFields,
  schema: publishSchema,
  invalid: FIX,
  failed: 'Versjonen ble ikke publisert. Prøv igjen om litt.',
  event: 'privacy_publish',
  // A preview writes nothing: it needs only a body, and sends back what was typed.
  before: ({ form, values }): Preview | FormState<PrivacyField, Published> | undefined => {
    if (form.get('intent') !== 'preview') return undefined;
    const body = bodySchema.safeParse(values.body);
    if (!body.success) return { status: 'error', code: 'invalid', message: 'Det er ingenting å forhåndsvise ennå.', fieldErrors: { body: body.error.issues[0]?.message ?? '' }, values };
    return { status: 'preview', values };
  },
  run: async ({ db, input: { takesEffect, ...draft }, now, audit }): Promise<Published> => {
    try {
      const published = await publishVersion(db, { ...draft, takesEffectAt: takesEffect, now });
      await audit('privacy_publish', { type: 'privacy_version', id: String(published.number) });
      return { number: published.number, takesEffectAt: takesEffect.toISOString() };
    } catch (err) {
      if (err instanceof PrivacyScheduleError) throw refuse<PrivacyField>('invalid', FIX, { takesEffect: scheduleProblemText[err.problem] });
      throw err;
    }
  },
  done: (published) => {
    revalidatePath('/staff/personvern');
    revalidatePath('/personvern', 'layout');
    return published;
  },
});
