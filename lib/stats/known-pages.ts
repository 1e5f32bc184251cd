import type { Content } from '@/lib/content/schema';
import { SECTION_SLUGS } from '@/lib/content/schema';

/**
 * The adult site's pages whose views are counted, each under its own path: the front page,
 * the sections, every article in each of its sections, every theme, the contact form, the
 * courses and each course, the privacy pages and the transparency page. A path outside this list (a search, a
 * typo, a 404) is never written anywhere, whatever a visitor asks for.
 */
const FIXED = ['/', '/kontakt', '/kurs', '/personvern', '/personvern/versjoner', '/personvern/endringer', '/apenhet'];
const PRIVACY_VERSION = /^\/personvern\/versjoner\/[1-9]\d{0,5}$/;
/** A course's page, by its address (the database's own rule for one); a booking's or a payment's page is deeper, and never counted. */
const COURSE = /^\/kurs\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function knownPages(content: Pick<Content, 'articles' | 'tags'>): (path: string) => boolean {
  const pages = new Set<string>(FIXED);
  for (const section of SECTION_SLUGS) pages.add(`/${section}`);
  for (const article of content.articles) for (const section of article.sections) pages.add(`/${section}/${article.slug}`);
  for (const tag of content.tags) pages.add(`/tema/${tag.slug}`);
  // A version page answers 200 only for a published version, and a course page only for a
  // published course: only such answers are counted, so no made-up path is ever stored.
  return (path) => pages.has(path) || PRIVACY_VERSION.test(path) || COURSE.test(path);
}
