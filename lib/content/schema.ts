import { z } from 'zod';
import { sections } from '@/content/sections';
import { AGE_BANDS, type AgeBand } from './age-bands';

/**
 * Schemas for the editors' content files. Front matter arrives from `parseFrontMatter` as
 * plain strings; these schemas check the strings and turn the comma-separated lists into arrays.
 * Whether a tag exists in `content/tags.json` is checked by the loader, not here.
 */

export { AGE_BANDS, type AgeBand };

export const SECTION_SLUGS = sections.map((s) => s.slug);

/** Lowercase ASCII words joined by single hyphens: `barn-som-parorende`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}

/** A real calendar date written YYYY-MM-DD (so 2026-02-30 is rejected). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const text = z.string({ error: 'is required' }).trim().min(1, { error: 'must not be empty' });

/** `a, b , c` → `['a', 'b', 'c']`; empty entries are errors, not silently dropped. */
function commaList(item: z.ZodType<string, string>, what: string) {
  return z
    .string({ error: 'is required' })
    .transform((value) => value.split(',').map((part) => part.trim()))
    .pipe(
      z
        .array(item)
        .min(1, { error: `must list at least one ${what}` })
        .refine((list) => new Set(list).size === list.length, { error: `lists the same ${what} twice` }),
    );
}

const slugItem = (what: string) =>
  z.string().refine((value) => value !== '' && isSlug(value), {
    error: (issue) =>
      issue.input === '' ? `has an empty ${what} (stray comma?)` : `"${String(issue.input)}" is not a valid ${what} slug`,
  });

const sectionItem = z.string().refine((value) => SECTION_SLUGS.includes(value), {
  error: (issue) =>
    issue.input === ''
      ? 'has an empty section (stray comma?)'
      : `unknown section "${String(issue.input)}" (known: ${SECTION_SLUGS.join(', ')})`,
});

export const dateSchema = z
  .string({ error: 'is required' })
  .trim()
  .refine(isIsoDate, { error: (issue) => `must be a date YYYY-MM-DD, got "${String(issue.input)}"` });

/** Front matter of `content/artikler/<slug>.md`. Unknown keys are errors (typos such as `tag:`). */
export const articleFrontMatterSchema = z.strictObject({
  title: text,
  summary: text,
  sections: commaList(sectionItem, 'section'),
  tags: commaList(slugItem('tag'), 'tag'),
  reviewed: dateSchema,
});
export type ArticleFrontMatter = z.output<typeof articleFrontMatterSchema>;

/** Front matter of `content/unge/<topic>/<band>.md`. */
export const youngVariantFrontMatterSchema = z.strictObject({
  title: text,
  summary: text,
  tags: commaList(slugItem('tag'), 'tag'),
});
export type YoungVariantFrontMatter = z.output<typeof youngVariantFrontMatterSchema>;

/** Front matter of `content/unge/brukeravtale.md`. */
export const agreementFrontMatterSchema = z.strictObject({
  title: text,
  summary: text,
});
export type AgreementFrontMatter = z.output<typeof agreementFrontMatterSchema>;

/** `content/tags.json`. */
export const tagSchema = z.strictObject({
  slug: z.string().refine(isSlug, { error: (issue) => `"${String(issue.input)}" is not a valid slug` }),
  name: text,
  description: text,
});
export type Tag = z.output<typeof tagSchema>;
export const tagsFileSchema = z.array(tagSchema);

export type Article = ArticleFrontMatter & {
  /** The file name without `.md`; the page lives at `/<section>/<slug>` for each of its sections. */
  slug: string;
  /** Markdown body, front matter removed. */
  body: string;
  /** Path of the source file, for messages. */
  file: string;
};

export type YoungVariant = YoungVariantFrontMatter & { band: AgeBand; body: string; file: string };

export type YoungTopic = {
  /** The folder name; the page lives at `/unge/<slug>`. */
  slug: string;
  variants: Record<AgeBand, YoungVariant>;
};

export type Agreement = AgreementFrontMatter & { body: string; file: string };

export type Content = {
  tags: Tag[];
  articles: Article[];
  youngTopics: YoungTopic[];
  agreement: Agreement;
};
