import 'server-only';
import { z } from 'zod';
import { sections } from '@/content/sections';
import type { CourseQuestion } from '@/db/schema';
import type { CourseInput } from '@/db/queries/course-admin';
import { loadContent } from '@/lib/content/load';
import { writtenText } from '@/lib/written-text';
import { DESCRIPTION_MAX, PRICE_MAX, QUESTION_MAX, questionId, questionRows, SLUG_MAX, SUMMARY_MAX, suggestSlug, TITLE_MAX } from './course-form';

const nb = (n: number) => n.toLocaleString('nb-NO');
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Pages of their own under /kurs: a course there could never be reached. */
const RESERVED_SLUGS = ['bestilling', 'betaling'];
const SLUG_RULE = `Adressen kan bare ha små bokstaver a–z, tall og bindestrek mellom ordene, høyst ${SLUG_MAX} tegn, for eksempel «mestring-i-hverdagen».`;


const ticked = z.string().transform((v) => v === 'ja');

/** The known tags, read from the content files once (they change only with a new build). */
let knownTags: Set<string> | undefined;
const tagKnown = (slug: string) => (knownTags ??= new Set(loadContent().tags.map((t) => t.slug))).has(slug);

const questionFields = Object.fromEntries(
  questionRows.flatMap((q) => [
    [q.label, writtenText(`Spørsmål ${q.n}`, QUESTION_MAX)],
    [q.required, ticked],
    [q.multiline, ticked],
    // The id of a question already asked, so the answers given to it keep their question.
    [q.id, z.union([z.string().regex(/^[a-z0-9-]{1,40}$/), z.literal('')]).optional()],
  ]),
) as Record<string, z.ZodType>;

/** The hidden inputs of the editor: the course's id (when editing) and each question row's id. */
export const courseHidden = ['id', ...questionRows.map((q) => q.id)];

/**
 * The course editor's rules. An address left empty is made from the title. A question row
 * whose text is empty is dropped. What the database must also hold (a free address) is checked
 * by the query; the action turns its answer into a field error.
 */
export const courseSchema = z
  .object({
    id: z.union([z.uuid(), z.literal('')]).optional(),
    title: writtenText('Tittelen', TITLE_MAX).pipe(z.string().min(1, 'Skriv en tittel.')),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .refine((v) => v === '' || (SLUG.test(v) && v.length <= SLUG_MAX), { message: SLUG_RULE }),
    summary: writtenText('Omtalen', SUMMARY_MAX).pipe(z.string().min(1, 'Skriv en kort omtale, én eller to setninger.')),
    description: writtenText('Beskrivelsen', DESCRIPTION_MAX).pipe(z.string().min(1, 'Skriv en beskrivelse av kurset.')),
    section: z.union([z.enum(sections.map((s) => s.slug) as [string, ...string[]]), z.literal('')], { error: 'Velg en seksjon, eller «Ingen».' }),
    tags: z.array(z.string()).max(20).refine((tags) => tags.every(tagKnown), { message: 'Velg temaer fra listen.' }),
    price: z
      .string()
      .trim()
      .regex(/^\d{1,6}$/, 'Skriv prisen som et helt antall kroner, for eksempel 450. Skriv 0 for et gratis kurs.')
      .transform(Number)
      .pipe(z.number().max(PRICE_MAX, `Prisen kan være høyst ${nb(PRICE_MAX)} kroner.`)),
    status: z.enum(['published', 'hidden', 'cancelled'], { error: 'Velg om kurset skal være publisert, skjult eller avlyst.' }),
    confirmCancel: ticked,
    ...questionFields,
  })
  .transform((v, ctx): CourseInput & { id?: string; confirmCancel: boolean } => {
    // An address left empty is made from the title; a title of only signs makes none.
    const slug = v.slug || suggestSlug(v.title);
    if (!SLUG.test(slug)) {
      ctx.addIssue({ code: 'custom', path: ['slug'], message: SLUG_RULE });
      return z.NEVER;
    }
    if (RESERVED_SLUGS.includes(slug)) {
      ctx.addIssue({ code: 'custom', path: ['slug'], message: `Adressen /kurs/${slug} brukes av nettstedet selv. Velg en annen.` });
      return z.NEVER;
    }
    const values = v as unknown as Record<string, string | boolean | undefined>;
    const taken = new Set(questionRows.map((q) => values[q.id]).filter((id): id is string => typeof id === 'string' && id !== ''));
    const questions: CourseQuestion[] = [];
    for (const q of questionRows) {
      const label = values[q.label] as string;
      if (!label) continue;
      const kept = values[q.id];
      const id = typeof kept === 'string' && kept !== '' ? kept : questionId(label, taken);
      taken.add(id);
      questions.push({ id, label, required: values[q.required] === true, multiline: values[q.multiline] === true });
    }
    return {
      id: v.id || undefined,
      slug,
      title: v.title,
      summary: v.summary,
      description: v.description,
      section: v.section || null,
      tags: [...new Set(v.tags)],
      priceNok: v.price,
      questions,
      status: v.status,
      confirmCancel: v.confirmCancel,
    };
  });
