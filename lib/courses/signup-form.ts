import { z } from 'zod';
import type { CourseQuestion } from '@/db/schema';
import { normalisePhone } from '@/lib/inquiries/phone';
import { hasRefusedCharacters, refusedCharactersMessage } from '@/lib/refused-characters';
import { writtenText } from '@/lib/written-text';
import { ANSWER_MAX, answerField, signupLabels } from './signup-fields';

/**
 * The course sign-up form: its fixed fields, the course's own questions (fields `svar-<id>`),
 * the rules and the sentences a person reads: the server action's validation. What the form
 * itself shows is in signup-fields.ts, without zod, so the page's script stays small.
 */
export * from './signup-fields';


export const signupSchema = z.object({
  name: writtenText('Navnet', 100).pipe(z.string().min(1, 'Skriv navnet ditt, slik kurslederen kan kalle deg.')),
  email: writtenText('E-postadressen', 254).pipe(z.email('Skriv e-postadressen slik: navn@eksempel.no. Bekreftelsen kommer dit.')),
  phone: writtenText('Telefonnummeret', 30).refine((v) => v === '' || normalisePhone(v) !== undefined, {
    message: 'Skriv et telefonnummer med 8 siffer, eller med landkode, for eksempel +46 70 123 45 67. Du kan også la feltet stå tomt.',
  }),
  terms: z.literal('ja', { error: 'Kryss av for at du har lest vilkårene for påmelding.' }),
  session: z.uuid({ error: 'Vi finner ikke kursdatoen. Gå tilbake til kurssiden og velg datoen på nytt.' }),
  /** The form's own random key (empty from an old copy of the page: then every send counts). */
  innsending: z.string().regex(/^([A-Za-z0-9_-]{16,64})?$/, { error: 'Last inn siden på nytt og send skjemaet igjen.' }),
});


/** The fixed fields and every `svar-` field the form sent, as text, so all can be put back after an error. */
export function readSignupForm(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== 'string') continue;
    if (key in signupLabels || key === 'session' || key === 'innsending' || /^svar-[a-z0-9-]{1,40}$/.test(key)) values[key] = value.replace(/\r\n?/g, '\n');
  }
  for (const key of ['name', 'email', 'phone', 'terms', 'session', 'innsending']) values[key] ??= '';
  return values;
}

/** The answers to the course's own questions, or the errors by field. Questions not asked are dropped. */
export function readAnswers(questions: readonly CourseQuestion[], values: Record<string, string>): { answers: Record<string, string>; errors: Record<string, string> } {
  const answers: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const q of questions) {
    const field = answerField(q);
    const value = (values[field] ?? '').trim();
    if (q.required && !value) errors[field] = `Svar på spørsmålet «${q.label}».`;
    else if (value.length > ANSWER_MAX) errors[field] = `Svaret kan ha høyst ${ANSWER_MAX.toLocaleString('nb-NO')} tegn.`;
    else if (hasRefusedCharacters(value)) errors[field] = refusedCharactersMessage('Svaret');
    else if (value) answers[q.id] = value;
  }
  return { answers, errors };
}
