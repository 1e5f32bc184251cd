import type { CourseQuestion } from '@/db/schema';

/**
 * The course sign-up form's fields and limits, as the form shows them. No zod here
 * (lib/courses/signup-form.ts has the rules), so the sign-up page's script stays small.
 */
export const ANSWER_MAX = 1000;

export const signupLabels = {
  name: 'Navn',
  email: 'E-post',
  phone: 'Telefon',
  terms: 'Jeg har lest vilkårene for påmelding',
} as const;

export type SignupField = keyof typeof signupLabels | 'innsending' | `svar-${string}`;

export const answerField = (q: Pick<CourseQuestion, 'id'>) => `svar-${q.id}` as const;
