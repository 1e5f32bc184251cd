'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { errorCode, getDb, type Database } from '@/db/client';
import { logAccess } from '@/db/queries/audit';
import { PrivacyScheduleError, publishVersion } from '@/db/queries/privacy';
import { fieldErrorsFrom, type FormState } from '@/lib/actions/form-state';
import { staffAllowed } from '@/lib/auth/staff-session';
import { appClock } from '@/lib/clock';
import { log } from '@/lib/log';
import { scheduleProblemText } from '@/lib/privacy/rules';
import { BODY_MAX, privacyFields, SUMMARY_MAX, TITLE_MAX, type PrivacyField } from './_components/constants';
import { parseEffectiveDate } from './_components/effective-date';

/**
 * Publishes a new version of the privacy statement, or shows it first. A public POST endpoint
 * like every action: it checks that the caller is an admin before it reads anything, and
 * writes nothing for anyone else. The version and its access-log row are written together.
 */
type Values = Partial<Record<PrivacyField, string>>;
export type PublishFormState =
  | FormState<PrivacyField, { number: number; takesEffectAt: string }>
  | { status: 'preview'; values: Values };

const FORBIDDEN = 'Du har ikke tilgang til dette.';
const FIX = 'Noe må rettes før vi kan publisere.';
const FAILED = 'Versjonen ble ikke publisert. Prøv igjen om litt.';

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

function readValues(form: FormData): Values {
  const values: Values = {};
  for (const f of privacyFields) {
    const v = form.get(f);
    // Browsers send line breaks as CRLF; store them as the textarea showed them.
    values[f] = typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : '';
  }
  return values;
}

export async function publishPrivacyAction(_prev: PublishFormState, form: FormData): Promise<PublishFormState> {
  const values = readValues(form);
  const fail = (message: string, fieldErrors: Partial<Record<PrivacyField, string>> = {}) => ({ status: 'error' as const, message, fieldErrors, values });

  const who = await staffAllowed(['admin']);
  if (!who) return fail(FORBIDDEN);

  if (form.get('intent') === 'preview') {
    const body = bodySchema.safeParse(values.body);
    if (!body.success) return fail('Det er ingenting å forhåndsvise ennå.', { body: body.error.issues[0]?.message ?? '' });
    return { status: 'preview', values };
  }

  const parsed = publishSchema.safeParse(values);
  if (!parsed.success) return fail(FIX, fieldErrorsFrom<PrivacyField>(parsed.error.issues));
  const { takesEffect, ...draft } = parsed.data;

  let number: number;
  try {
    const db = await getDb();
    const now = appClock().now();
    number = await db.transaction(async (tx) => {
      const t = tx as unknown as Database;
      const published = await publishVersion(t, { ...draft, takesEffectAt: takesEffect, now });
      await logAccess(t, { staffId: who.staffId, action: 'privacy_publish', objectType: 'privacy_version', objectId: String(published.number), now });
      return published.number;
    });
  } catch (err) {
    if (err instanceof PrivacyScheduleError) return fail(FIX, { takesEffect: scheduleProblemText[err.problem] });
    log.error('privacy_publish.failed', { code: errorCode(err) });
    return fail(FAILED);
  }

  revalidatePath('/staff/personvern');
  revalidatePath('/personvern', 'layout');
  return { status: 'ok', result: { number, takesEffectAt: takesEffect.toISOString() } };
}
