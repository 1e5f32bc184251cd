import { z } from 'zod';
import { sections } from '@/content/sections';
import { AGE_BANDS, type AgeBand } from './age-bands';

/**
 * Schemas for the editors' content files. Front matter arrives from `parseFrontMatter` as
 * plain strings and lists of strings; these schemas check them and turn the comma-separated
 * lists and the `sources:` lines into arrays and objects.
 * Whether a tag exists in `content/tags.json` is checked by the loader, not here.
 */

export { AGE_BANDS, type AgeBand };

export const SECTION_SLUGS = sections.map((s) => s.slug);

/** Lowercase ASCII words joined by single hyphens: `barn-som-parorende`. */
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}

/** A real calendar date written YYYY-MM-DD (so 2026-02-30 is rejected). */
function isIsoDate(value: string): boolean {
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

/** One source a page rests on: what it is, where it is, and when an editor last checked it. */
export type Source = { title: string; url: string; checked: string };

/** `Tittel | https://adresse | YYYY-MM-DD`: three parts, an https address, a real date. */
function parseSource(line: string): { source: Source } | { error: string } {
  const parts = line.split('|').map((part) => part.trim());
  if (parts.length !== 3) return { error: `"${line}" must be "title | https://address | YYYY-MM-DD"` };
  const [title = '', url = '', checked = ''] = parts;
  if (title === '') return { error: `"${line}" has no title` };
  let address: URL | undefined;
  try {
    address = new URL(url);
  } catch {
    address = undefined;
  }
  if (!address || address.protocol !== 'https:') return { error: `"${url}" is not an https:// address` };
  if (!isIsoDate(checked)) return { error: `"${checked}" is not a date YYYY-MM-DD (the day the source was checked)` };
  return { source: { title, url, checked } };
}

const sourceItem = z.string().transform((line, ctx): Source => {
  const parsed = parseSource(line);
  if ('error' in parsed) {
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  }
  return parsed.source;
});

/** The `sources:` list: at least one, each a source line, none twice. */
const sourcesSchema = z.preprocess(
  // `sources:` with no item lines under it reads as the empty string: an empty list.
  (value) => (value === '' ? [] : value),
  z
    .array(sourceItem, {
      error: (issue) =>
        issue.input === undefined
          ? 'is required: list the sources the page rests on, one "  - title | https://address | YYYY-MM-DD" line each'
          : 'must be a list of "  - title | https://address | YYYY-MM-DD" lines',
    })
    .min(1, { error: 'must list at least one source' })
    .refine((list) => new Set(list.map((s) => s.url)).size === list.length, { error: 'lists the same address twice' }),
);

/** The "faglig gjennomgått" date: when an editor last checked the page against its sources. */
const reviewedSchema = z
  .string({ error: 'is required: the date (YYYY-MM-DD) the page was last checked against its sources' })
  .trim()
  .refine(isIsoDate, { error: (issue) => `must be a date YYYY-MM-DD, got "${String(issue.input)}"` });

/** Front matter of `content/artikler/<slug>.md`. Unknown keys are errors (typos such as `tag:`). */
export const articleFrontMatterSchema = z.strictObject({
  title: text,
  summary: text,
  sections: commaList(sectionItem, 'section'),
  tags: commaList(slugItem('tag'), 'tag'),
  reviewed: reviewedSchema,
  sources: sourcesSchema,
});
type ArticleFrontMatter = z.output<typeof articleFrontMatterSchema>;

/** Front matter of `content/unge/<topic>/<band>.md`. */
export const youngVariantFrontMatterSchema = z.strictObject({
  title: text,
  summary: text,
  tags: commaList(slugItem('tag'), 'tag'),
  reviewed: reviewedSchema,
  sources: sourcesSchema,
});
type YoungVariantFrontMatter = z.output<typeof youngVariantFrontMatterSchema>;

/** Front matter of `content/unge/brukeravtale.md`. */
export const agreementFrontMatterSchema = z.strictObject({
  title: text,
  summary: text,
  reviewed: reviewedSchema,
  sources: sourcesSchema.optional(),
});
type AgreementFrontMatter = z.output<typeof agreementFrontMatterSchema>;

/** `content/tags.json`. */
const tagSchema = z.strictObject({
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
