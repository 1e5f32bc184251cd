import type { CourseQuestion, CourseStatus } from '@/db/schema';

/**
 * The course editor's fields, labels and limits, shared by the form (a client component) and
 * its schema (course-schema.ts), so neither imports anything of the server's. Questions are a
 * fixed number of rows: a row left empty is dropped, so adding or removing one needs no script.
 */
const QUESTION_ROWS = 5;
export const TITLE_MAX = 120;
export const SLUG_MAX = 80;
export const SUMMARY_MAX = 300;
export const DESCRIPTION_MAX = 20_000;
export const QUESTION_MAX = 200;
export const PRICE_MAX = 100_000;

export const courseStatusLabels: Record<CourseStatus, string> = { published: 'Publisert', hidden: 'Skjult', cancelled: 'Avlyst' };
export const courseStatusHints: Record<CourseStatus, string> = {
  published: 'Vises på /kurs og kan meldes på.',
  hidden: 'Vises ikke for publikum. Kurssiden finnes ikke.',
  cancelled: 'Alle kommende datoer avlyses, og alle påmeldinger til dem avbestilles. Kan ikke angres.',
};

const rows = Array.from({ length: QUESTION_ROWS }, (_, i) => i + 1);
export const questionRows = rows.map((n) => ({ n, label: `q${n}-label`, required: `q${n}-required`, multiline: `q${n}-multiline`, id: `q${n}-id` }) as const);
type QuestionField = `q${number}-label` | `q${number}-required` | `q${number}-multiline`;

type FixedField = 'title' | 'slug' | 'summary' | 'description' | 'section' | 'tags' | 'price' | 'status' | 'confirmCancel';
export type CourseField = FixedField | QuestionField;

export const courseLabels: Record<CourseField, string> = {
  title: 'Tittel',
  slug: 'Adresse',
  summary: 'Kort omtale',
  description: 'Beskrivelse',
  section: 'Seksjon',
  tags: 'Temaer',
  price: 'Pris i hele kroner',
  status: 'Status',
  confirmCancel: 'Bekreft avlysningen',
  ...(Object.fromEntries(questionRows.flatMap((q) => [[q.label, `Spørsmål ${q.n}`], [q.required, `Spørsmål ${q.n} må besvares`], [q.multiline, `Spørsmål ${q.n} har langt svar`]])) as Record<QuestionField, string>),
};

/** A course's address from its title: lowercase, æøå spelt out, words joined by hyphens. */
export function suggestSlug(title: string): string {
  return title
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, SLUG_MAX)
    .replace(/^-+|-+$/g, '');
}

/** A question's id (the key of its answers) from its label, kept apart from the ids in `taken`. */
export function questionId(label: string, taken: ReadonlySet<string>): string {
  const base = suggestSlug(label).slice(0, 30).replace(/-+$/, '') || 'sporsmal';
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  return id;
}

/** The form's values for a course as stored: what the editor opens with. */
export function courseValues(course: { title: string; slug: string; summary: string; description: string; section: string | null; tags: string[]; priceNok: number; status: CourseStatus; questions: CourseQuestion[] }): Partial<Record<CourseField, string>> {
  const values: Partial<Record<CourseField, string>> = {
    title: course.title,
    slug: course.slug,
    summary: course.summary,
    description: course.description,
    section: course.section ?? '',
    tags: course.tags.join(','),
    price: String(course.priceNok),
    status: course.status,
  };
  course.questions.slice(0, QUESTION_ROWS).forEach((q, i) => {
    const row = questionRows[i]!;
    values[row.label] = q.label;
    values[row.required] = q.required ? 'ja' : '';
    values[row.multiline] = q.multiline ? 'ja' : '';
  });
  return values;
}
